#!/usr/bin/env python3
"""Self-check for the eval/real-extra labels (adapted from shared/eval/immigration-real-dev).

Verifies, for every line of labels/clauses.jsonl:
  * the required fields are present and topic/stance use the closed vocabularies;
  * the document exists and the page is inside it (1 for .txt files);
  * the quote is plain ASCII, 4-12 words, and occurs exactly once in that
    page's text after normalisation (case folded, whitespace collapsed,
    ligatures -> plain letters, curly quotes -> straight, dashes -> '-'),
    or more than once only where the whole sentence around it recurs
    verbatim (a document that repeats a sentence, e.g. an MOA's body and its
    appendix): the scorer counts a found clause of the repeated sentence as a
    duplicate of the matched one, so one label covers every copy.
Page text: `pdftotext -f N -l N FILE -` for PDFs (text layer); for a page
without a text layer, tesseract OCR of a 300 dpi pdftoppm render (flagged,
to be checked by eye); the whole file for .txt documents.
Also checks labels/divergences.jsonl (each side must match a clause label of
the same topic: law side stance 'restricts', practice side requires/permits/
reports) and labels/documents.jsonl (one record per document, same file set).

Usage: python3 labels/check.py   (run from the dataset folder or anywhere)
Exit status 0 when everything passes.  Needs poppler-utils (pdftotext,
pdfinfo); tesseract only if a page has no text layer.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DOCS = os.path.join(ROOT, "docs")

TOPICS = {"release_notification", "detainer_hold", "information_sharing",
          "status_inquiry", "enforcement_assistance", "agreements",
          "facility_access", "judicial_warrant", "counsel_access"}
STANCES = {"restricts", "requires", "permits", "reports", "mentions"}
FIELDS = ["doc_path", "page", "section", "topic", "stance", "actor", "quote"]
AUTHORITIES = {"law", "policy", "practice"}

TRANS = {
    "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
    "\u2015": "-", "\u2212": "-", "\u00a0": " ", "\u00ad": "",
}


def norm(s):
    for k, v in TRANS.items():
        s = s.replace(k, v)
    return re.sub(r"\s+", " ", s).strip().lower()


_cache = {}


def sentence_around(text, start, end):
    """The normalised sentence holding text[start:end]: from the previous
    sentence end (. ; : followed by a space) to the next one."""
    ends = [m.end() for m in re.finditer(r"[.;:] ", text[:start])]
    begin = ends[-1] if ends else 0
    m = re.search(r"[.;:](?: |$)", text[end:])
    stop = end + m.end() if m else len(text)
    return text[begin:stop].strip()


def recurs_verbatim(text, q):
    """Does every occurrence of q lie in the same, repeated sentence?"""
    spans = [(m.start(), m.end()) for m in re.finditer(re.escape(q), text)]
    return len(spans) > 1 and len({sentence_around(text, a, b) for a, b in spans}) == 1


def pdf_pages(path):
    out = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
    m = re.search(r"^Pages:\s+(\d+)", out, re.M)
    return int(m.group(1)) if m else 0


def page_text(doc, page):
    key = (doc, page)
    if key in _cache:
        return _cache[key]
    path = os.path.join(DOCS, doc)
    ocr = False
    if doc.lower().endswith(".pdf"):
        txt = subprocess.run(["pdftotext", "-q", "-f", str(page), "-l", str(page), path, "-"],
                             capture_output=True, text=True).stdout
        if len(txt.strip()) < 20:  # no text layer: OCR at 300 dpi
            ocr = True
            with tempfile.TemporaryDirectory() as td:
                base = os.path.join(td, "p")
                subprocess.run(["pdftoppm", "-r", "300", "-gray", "-png", "-f", str(page),
                                "-l", str(page), "-singlefile", path, base], check=True)
                txt = subprocess.run(["tesseract", base + ".png", "-"],
                                     capture_output=True, text=True).stdout
    else:
        with open(path, encoding="utf-8") as f:
            txt = f.read()
    _cache[key] = (norm(txt), ocr)
    return _cache[key]


def load(name):
    path = os.path.join(HERE, name)
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                rows.append((n, json.loads(line)))
    return rows


def main():
    errors = []
    warnings = []
    docs = sorted(os.listdir(DOCS))
    clauses = load("clauses.jsonl")
    for n, c in clauses:
        where = f"clauses.jsonl:{n}"
        miss = [k for k in FIELDS if k not in c]
        if miss:
            errors.append(f"{where}: missing {miss}")
            continue
        if c["topic"] not in TOPICS:
            errors.append(f"{where}: bad topic {c['topic']!r}")
        if c["stance"] not in STANCES:
            errors.append(f"{where}: bad stance {c['stance']!r}")
        doc = c["doc_path"]
        if doc not in docs:
            errors.append(f"{where}: no document {doc!r}")
            continue
        npages = pdf_pages(os.path.join(DOCS, doc)) if doc.lower().endswith(".pdf") else 1
        if not (isinstance(c["page"], int) and 1 <= c["page"] <= npages):
            errors.append(f"{where}: page {c['page']} outside 1..{npages}")
            continue
        q = c["quote"]
        if not q.isascii():
            errors.append(f"{where}: quote is not plain ASCII: {q!r}")
        nw = len(q.split())
        if not 4 <= nw <= 12:
            errors.append(f"{where}: quote has {nw} words (want 4-12): {q!r}")
        text, ocr = page_text(doc, c["page"])
        k = text.count(norm(q))
        if k != 1 and not recurs_verbatim(text, norm(q)):
            errors.append(f"{where}: quote occurs {k} times on {doc} p.{c['page']}: {q!r}")
        if ocr:
            warnings.append(f"{where}: {doc} p.{c['page']} checked against OCR text - verify by eye")
    # one label per (sentence, topic) cannot be checked mechanically; check exact duplicates
    seen = {}
    for n, c in clauses:
        key = (c.get("doc_path"), c.get("page"), c.get("topic"), norm(c.get("quote", "")))
        if key in seen:
            errors.append(f"clauses.jsonl:{n}: duplicate of line {seen[key]}")
        seen[key] = n

    index = {}
    for n, c in clauses:
        index.setdefault((c["doc_path"], c["section"], c["topic"]), set()).add(c["stance"])
    for n, d in load("divergences.jsonl"):
        where = f"divergences.jsonl:{n}"
        try:
            law, prac, topic = d["law"], d["practice"], d["topic"]
            d["actor"]
        except KeyError as e:
            errors.append(f"{where}: missing {e}")
            continue
        ls = index.get((law["doc_path"], law["section"], topic), set())
        ps = index.get((prac["doc_path"], prac["section"], topic), set())
        if "restricts" not in ls:
            errors.append(f"{where}: no 'restricts' label for law {law} topic {topic}")
        if not ps & {"requires", "permits", "reports"}:
            errors.append(f"{where}: no requires/permits/reports label for practice {prac} topic {topic}")

    metas = load("documents.jsonl")
    mdocs = [m["doc_path"] for _, m in metas]
    for n, m in metas:
        for k in ["doc_path", "authority", "jurisdiction", "agency", "doc_kind",
                  "title", "number", "issued", "effective"]:
            if k not in m:
                errors.append(f"documents.jsonl:{n}: missing {k}")
        if m.get("authority") not in AUTHORITIES:
            errors.append(f"documents.jsonl:{n}: bad authority {m.get('authority')!r}")
    if sorted(mdocs) != docs:
        errors.append(f"documents.jsonl lists {sorted(mdocs)} but docs/ holds {docs}")

    split = {}
    with open(os.path.join(ROOT, "split.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.strip():
                d, part = line.rstrip("\n").split("\t")
                if part not in ("dev", "heldout"):
                    errors.append(f"split.tsv: bad part {part!r} for {d}")
                split[d] = part
    if sorted(split) != docs:
        errors.append("split.tsv does not list exactly the files in docs/")

    for w in warnings:
        print("WARN", w)
    for e in errors:
        print("FAIL", e)
    print(f"{len(clauses)} clause labels, {len(load('divergences.jsonl'))} divergences, "
          f"{len(metas)} documents; {len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
