#!/usr/bin/env python3
"""make_formats_drop.py OUT N: N documents of each format foiamine reads
besides PDFs and images (issue 16), each in OUT/<format>/, for
bench/formats_bench.sh. Document i depends only on i (byte-identical on
regeneration). Each is a few hundred words of records prose with one
relevant clause, like the synthetic PDFs of make_synthetic_drop:
  eml   a reply (header block, new text, a quoted message, a small text attachment)
  docx  a Word policy with numbered (lowerLetter) paragraphs
  html  a saved code page (nav, script, headings, an ordered list)
  csv   a release-desk log of 40 rows
  xlsx  the same log as a workbook (inline strings, date-styled cells)
"""
import base64, os, sys, zipfile

out, n = sys.argv[1], int(sys.argv[2])
WORDS = ("records intake property inventory officer shift housing unit transport medical review "
         "supervisor form schedule release visit count booking clerk desk report").split()

def prose(i, k):
    return " ".join(WORDS[(i * 7 + j * 3) % len(WORDS)] for j in range(k)).capitalize() + "."

def para(i, j):
    return " ".join(prose(i + j, 8 + (i + j) % 9) for _ in range(3))

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
NUMBERING = (f'<?xml version="1.0"?><w:numbering {W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0">'
             '<w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
             '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>')

def wp(text, num=False):
    ppr = '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>' if num else ""
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'

for fmt in ("eml", "docx", "html", "csv", "xlsx"):
    os.makedirs(f"{out}/{fmt}", exist_ok=True)

for i in range(n):
    body = "\n\n".join(para(i, j) for j in range(4))
    attachment = base64.b64encode(f"Release list {i}\n{para(i, 9)}\n".encode()).decode()
    open(f"{out}/eml/m{i:05d}.eml", "w").write(
        f"From: Records Office <records@doc.example.gov>\nTo: ERO <duty@ice.example.gov>\n"
        f"Date: Tue, 11 Jul 2023 09:{i % 60:02d}:00 -0400\nSubject: Release list {i}\n"
        f"Message-ID: <m{i}@doc.example.gov>\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"B\"\n\n"
        f"--B\nContent-Type: text/plain\n\nWe faxed the release dates for the detainer cases to ERO on Friday.\n\n{body}\n\n"
        f"On Mon, Jul 10, 2023, ERO <duty@ice.example.gov> wrote:\n> {para(i, 5)}\n"
        f"--B\nContent-Type: text/plain; name=\"list{i}.txt\"\nContent-Disposition: attachment; filename=\"list{i}.txt\"\n"
        f"Content-Transfer-Encoding: base64\n\n{attachment}\n--B--\n")
    doc = (f'<?xml version="1.0"?><w:document {W}><w:body>' + wp(f"Release Procedures {i}") +
           "".join(wp(para(i, j), num=True) for j in range(6)) +
           wp("Records staff shall notify ICE of the release date of each inmate with a detainer.", num=True) +
           '</w:body></w:document>')
    with zipfile.ZipFile(f"{out}/docx/p{i:05d}.docx", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("word/document.xml", doc)
        z.writestr("word/numbering.xml", NUMBERING)
    items = "".join(f"<li>{para(i, j)}</li>" for j in range(5))
    open(f"{out}/html/c{i:05d}.html", "w").write(
        f"<!DOCTYPE html><html><head><title>County Code {i}</title><script>var x={i};</script></head><body>"
        f"<nav>Home | Codes</nav><h1>{i}.010 Detainers</h1><ol type=\"a\">{items}"
        f"<li>The sheriff shall not notify federal immigration authorities of the release date of any person.</li>"
        f"</ol></body></html>")
    rows = [("entry", "date", "action")] + [
        (f"{i}-{100 + r}", f"2023-06-{1 + r % 28:02d}",
         "ERO notified of release date by fax" if r == 20 else prose(i + r, 6)) for r in range(40)]
    open(f"{out}/csv/l{i:05d}.csv", "w").write("".join(",".join(r) + "\n" for r in rows))
    sheet = "".join(f'<row r="{k + 1}">' + "".join(
        f'<c r="{chr(65 + c)}{k + 1}" t="inlineStr"><is><t>{v}</t></is></c>' for c, v in enumerate(r)) + "</row>"
        for k, r in enumerate(rows))
    S = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    with zipfile.ZipFile(f"{out}/xlsx/l{i:05d}.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("xl/workbook.xml", f'<?xml version="1.0"?><workbook {S} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Log" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
        z.writestr("xl/worksheets/sheet1.xml", f'<?xml version="1.0"?><worksheet {S}><sheetData>{sheet}</sheetData></worksheet>')
