#!/usr/bin/env python3
"""Metamorphic variants of labelled plain-text documents (bench/robustness.sh).

    robustness_variants.py KIND DOCS LABELS SPLIT_NAME OUT

Writes OUT/drop (the documents of split SPLIT_NAME of DOCS/../split.tsv, as
variant KIND) and OUT/labels (their labels, file names as in the drop). The
words of every document stay the same, so a robust extractor finds the same
clauses in each variant:

  original  the text as it is
  reflow    prose re-wrapped at 60 columns (a narrower column than the source)
  hyphen    re-wrapped at 60 columns, long words split at the margin ("immi-" / "gration")
  pages     a form feed every 25 lines: a "Page N" footer on every page, the title as running header from page 2
  scanned   typeset (Times 11 pt, 95 columns), printed to PDF by Ghostscript and
            rasterized at 200 dpi (pdfimage8): image-only pages that go through OCR

Needs ps2pdf and gs (Debian's ghostscript) for `scanned` only.
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import textwrap

MARKER = re.compile(r'^\s*(?:\(?[0-9ivxlcdmA-Za-z]{1,4}[.)]|[-\u2022\u25a0o*\u00a7])\s')
BARE_MARKER = re.compile(r'^\s*\(?[0-9a-zA-Z]{1,4}[.)]\s*$')
SHORT = 45  # a line shorter than this ends its paragraph (a heading, a list's line, a last line)


def wrap_hyphen(text, width):
    out, line = [], ''
    for word in text.split(' '):
        if not word:
            continue
        candidate = f'{line} {word}' if line else word
        if len(candidate) <= width:
            line = candidate
            continue
        room = width - len(line) - 2 if line else width - 1
        if len(word) >= 8 and word.isalpha() and room >= 3 and len(word) - room >= 3:
            out.append((f'{line} ' if line else '') + word[:room] + '-')
            line = word[room:]
        else:
            out.append(line)
            line = word
    if line:
        out.append(line)
    return out


def rewrap(text, width, hyphenate):
    """Joins the lines of each prose paragraph and wraps them again; markers,
    short lines and blank lines stay where they are."""
    out, paragraph = [], []

    def flush():
        if paragraph:
            joined = ' '.join(paragraph)
            out.extend(wrap_hyphen(joined, width) if hyphenate else
                       textwrap.wrap(joined, width, break_long_words=False, break_on_hyphens=False))
            paragraph.clear()

    for line in text.split('\n'):
        stripped = line.strip()
        if not stripped:
            flush()
            out.append('')
            continue
        if MARKER.match(line):
            flush()
        if len(stripped) < SHORT and (not paragraph or MARKER.match(line) or BARE_MARKER.match(line)):
            flush()
            out.append(line.rstrip())
            continue
        paragraph.append(stripped)
        if len(stripped) < SHORT:
            flush()
    flush()
    return '\n'.join(out) + '\n'


def paginate(text):
    # the running header repeats the document's first line (its title), as printed pages do from page 2
    header = next((line.strip() for line in text.split('\n') if line.strip()), '')[:80]
    out, page = [], 1
    for i, line in enumerate(text.split('\n')):
        if i and i % 25 == 0:
            out += [f'Page {page}', '\f' + header]
            page += 1
        out.append(line)
    out.append(f'Page {page}')
    return '\n'.join(out) + '\n'


ASCII = str.maketrans({'\u2018': "'", '\u2019': "'", '\u201c': '"', '\u201d': '"', '\u2013': '-',
                       '\u2014': '--', '\u2022': '-', '\u25a0': '-'})


def printed_lines(text):
    lines = []
    for paragraph in text.split('\n'):
        lines.extend(textwrap.wrap(paragraph, 95) or [''])
    return lines


PRINTED_PAGE = 60  # lines a typeset page holds


def postscript(text):
    lines = printed_lines(text)

    def escape(s):
        s = s.translate(ASCII).encode('latin-1', 'replace').decode('latin-1')
        return s.replace('\\', '\\\\').replace('(', '\\(').replace(')', '\\)')

    ps = ['%!PS-Adobe-3.0', '/F {/Times-Roman findfont 11 scalefont setfont} def']
    for start in range(0, max(len(lines), 1), PRINTED_PAGE):
        ps.append('F')
        y = 740
        for line in lines[start:start + PRINTED_PAGE]:
            ps.append(f'54 {y} moveto ({escape(line)}) show')
            y -= 12
        ps.append('showpage')
    return '\n'.join(ps) + '\n'


def scan(text, pdf_path):
    with tempfile.TemporaryDirectory() as tmp:
        ps, vector = os.path.join(tmp, 'doc.ps'), os.path.join(tmp, 'doc.pdf')
        with open(ps, 'w', encoding='latin-1') as f:
            f.write(postscript(text))
        subprocess.run(['ps2pdf', ps, vector], check=True)
        subprocess.run(['gs', '-q', '-sDEVICE=pdfimage8', '-r200', '-o', pdf_path, vector], check=True)


def folded(text):
    return re.sub(r'[^0-9a-z]+', '', text.lower())


def page_texts(kind, text):
    """The variant's pages, to put each label on the page its quote starts on."""
    if kind == 'pages':
        return text.split('\f')
    if kind == 'scanned':
        lines = printed_lines(text)
        return ['\n'.join(lines[i:i + PRINTED_PAGE]) for i in range(0, max(len(lines), 1), PRINTED_PAGE)]
    return [text]


def page_of(quote, pages):
    """1-based page where the quote starts (a quote may run over a page break); 1 if not found."""
    starts, whole = [], ''
    for page in pages:
        starts.append(len(whole))
        whole += folded(page)
    at = whole.find(folded(quote))
    if at < 0:
        return 1
    return max(i for i, start in enumerate(starts) if start <= at) + 1


def main():
    if len(sys.argv) != 6:
        sys.exit(__doc__)
    kind, docs, labels, split_name, out = sys.argv[1:]
    if kind not in ('original', 'reflow', 'hyphen', 'pages', 'scanned'):
        sys.exit(f'robustness_variants.py: unknown variant {kind}')
    names = []
    with open(os.path.join(os.path.dirname(os.path.abspath(docs)), 'split.tsv'), encoding='utf-8') as f:
        for row in f:
            fields = row.rstrip('\r\n').split('\t')
            if len(fields) == 2 and fields[1].strip() == split_name:
                names.append(os.path.basename(fields[0]))
    drop, label_dir = os.path.join(out, 'drop'), os.path.join(out, 'labels')
    os.makedirs(drop, exist_ok=True)
    os.makedirs(label_dir, exist_ok=True)
    renamed, pages = {}, {}
    for name in names:
        with open(os.path.join(docs, name), encoding='utf-8') as f:
            text = f.read()
        target = name
        if kind == 'scanned':
            target = os.path.splitext(name)[0] + '.pdf'
            scan(text, os.path.join(drop, target))
        else:
            if kind in ('reflow', 'hyphen'):
                text = rewrap(text, 60, kind == 'hyphen')
            elif kind == 'pages':
                text = paginate(text)
            with open(os.path.join(drop, target), 'w', encoding='utf-8') as f:
                f.write(text)
        renamed[name] = target
        pages[name] = page_texts(kind, text)
    for labels_file in ('clauses.jsonl', 'documents.jsonl', 'divergences.jsonl'):
        source = os.path.join(labels, labels_file)
        kept = []
        if os.path.exists(source):
            with open(source, encoding='utf-8') as f:
                for line in f:
                    if not line.strip():
                        continue
                    record = json.loads(line)
                    path = os.path.basename(str(record.get('doc_path', '')))
                    if path in renamed:
                        record['doc_path'] = renamed[path]
                        if 'quote' in record and 'page' in record:
                            record['page'] = page_of(record['quote'], pages[path])
                        kept.append(record)
        with open(os.path.join(label_dir, labels_file), 'w', encoding='utf-8') as f:
            for record in kept:
                f.write(json.dumps(record, ensure_ascii=False) + '\n')
    print(f'{kind}: {len(renamed)} documents')


if __name__ == '__main__':
    main()
