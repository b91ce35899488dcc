"""Data for the classifier experiment (issue 11): sentence units, rule clauses
and labels of the labeled sets, read from the indexes bench/eval_sets.sh left
in its --work directory.

Nothing here reads a document whose eval/real-extra/split.tsv row says
heldout: the real-extra indexes hold only the dev split (eval_sets.sh fills
the drop from split.tsv), and labels of documents outside the index are
dropped before anything else sees them.
"""
import json
import os
import re
import sqlite3
from collections import defaultdict

# FOIAMINE_ROOT: the repository whose eval/ and corpus/ are read (default: the
# one these scripts sit in), so that a copy of bench/classifier can run elsewhere.
ROOT = os.path.normpath(os.environ.get("FOIAMINE_ROOT") or os.path.join(os.path.dirname(__file__), "..", ".."))
SHARED_DEV = os.path.normpath(os.path.join(ROOT, "..", "shared", "eval", "immigration-real-dev"))
REAL_EXTRA = os.path.join(ROOT, "eval", "real-extra")
BINDING = ("restricts", "requires", "permits", "reports")

# Batch sizes of eval/real-extra in split.tsv order (README.md: each batch's
# rows were appended in turn): the first 22 documents, then one paragraph per
# later batch, "Second batch (13 documents, ...", "Forty-second batch (10
# documents, ...". Read from the README so that a new batch needs no edit
# here (a list written out here went stale at the fourteenth batch).
# split.tsv must hold exactly the first K batches for some K.
def batch_sizes():
    text = open(os.path.join(REAL_EXTRA, "README.md"), encoding="utf-8").read()
    later = re.findall(r"^[A-Z][a-z]+(?:-[a-z]+)? batch \((\d+) documents", text, re.M)
    return [22] + [int(n) for n in later]


def norm(s):
    """The normalisation of ../shared/checks/lib/eval.py."""
    s = (s or "").lower().replace("\u00ad", "")
    s = re.sub(r"[\u2010-\u2015\-]\s*\n?\s*", "", s)
    return re.sub(r"[^0-9a-záéíóúñü§]+", "", s)


def real_extra_batches():
    """file name -> (batch number, split)."""
    rows = [l.rstrip("\n").split("\t") for l in open(os.path.join(REAL_EXTRA, "split.tsv")) if l.strip()]
    all_sizes = batch_sizes()
    sizes = [n for k, n in enumerate(all_sizes) if sum(all_sizes[:k + 1]) <= len(rows)]
    assert len(rows) == sum(sizes), "split.tsv has %d rows, no whole number of the README's batches" % len(rows)
    out, i = {}, 0
    for b, n in enumerate(sizes, 1):
        for path, split in rows[i:i + n]:
            out[os.path.basename(path)] = (b, split.strip())
        i += n
    return out


def load_jsonl(path):
    return [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]


# --- sentence units -------------------------------------------------------

_LIST_START = re.compile(r"^\s*(?:[•·\-\*–]|\(?[0-9]{1,3}[.)]|\(?[a-zA-Z][.)]|\([ivxlIVXL]{1,5}\)|[ivxIVX]{1,5}\.)\s")
_SENT_END = re.compile(r"[.;?!:][\"')\]]?\s+(?=[\"'(\[]?[A-Z0-9§•(])")


def split_units(text):
    """Sentence-like units of a page's text: [(start, end)] code point
    offsets. A unit ends at a sentence end, at a blank line, at a line that
    opens a list item, and after a line that ends with ':' or ';'."""
    cuts = set([0, len(text)])
    pos = 0
    lines = text.split("\n")
    for k, line in enumerate(lines):
        start = pos
        pos += len(line) + 1
        if k == 0:
            continue
        prev = lines[k - 1].rstrip()
        if not line.strip() or not prev or _LIST_START.match(line) or prev.endswith((":", ";", ".")) and line[:1].isupper():
            cuts.add(start)
    for m in _SENT_END.finditer(text):
        cuts.add(m.end())
    cuts = sorted(cuts)
    out = []
    for a, b in zip(cuts, cuts[1:]):
        seg = text[a:b]
        if len(norm(seg)) < 12:  # a bare number, heading letter, page furniture
            continue
        out.append((a, b))
    return out


def lead_in(text, units, i):
    """The nearest earlier unit on the page that ends with ':' (a list's
    lead-in), within 6 units; '' when none."""
    for j in range(i - 1, max(-1, i - 7), -1):
        seg = text[units[j][0]:units[j][1]].rstrip()
        if seg.endswith(":"):
            return seg
    return ""


# --- one labeled set, read from its index --------------------------------

def read_index(db_path):
    """documents: file name -> {page_no: text}; clauses: list of dicts."""
    con = sqlite3.connect("file:%s?mode=ro" % db_path, uri=True)
    names = {}
    for doc_id, path in con.execute("SELECT document_id, path FROM files"):
        names[doc_id] = os.path.basename(path)
    pages = defaultdict(dict)
    for doc_id, page_no, text in con.execute("SELECT document_id, page_no, text FROM pages"):
        pages[names[doc_id]][page_no] = text
    clauses = []
    for row in con.execute("SELECT document_id, page_no, topic, stance, text, char_start, char_end, rule "
                           "FROM clauses ORDER BY document_id, page_no, char_start, topic"):
        doc_id, page, topic, stance, text, a, b, rule = row
        clauses.append(dict(doc=names[doc_id], page=page, topic=topic, stance=stance, text=text,
                            start=a, end=b, rule=rule))
    con.close()
    return pages, clauses


def load_set(db_path, labels_path, group_of):
    """One set: units (with their label sets), rule clauses, labels.
    group_of(file name) -> group name, or None to leave the document out."""
    pages, clauses = read_index(db_path)
    docs = {d for d in pages if group_of(d) is not None}
    labels = [l for l in load_jsonl(labels_path)
              if os.path.basename(l["doc_path"]) in docs and l.get("stance") in BINDING]
    for l in labels:
        l["doc"] = os.path.basename(l["doc_path"])
        l["q"] = norm(l["quote"])
        l["group"] = group_of(l["doc"])
    by_page = defaultdict(list)
    for l in labels:
        by_page[(l["doc"], int(l["page"]))].append(l)
    units = []
    for d in sorted(docs):
        for p, text in sorted(pages[d].items()):
            spans = split_units(text)
            for i, (a, b) in enumerate(spans):
                t = " ".join(text[a:b].split())
                nt = norm(t)
                tags = {(l["topic"], l["stance"]) for l in by_page[(d, p)] if l["q"] and l["q"] in nt}
                units.append(dict(doc=d, page=p, start=a, end=b, text=t, lead=" ".join(lead_in(text, spans, i).split()),
                                  tags=tags, group=group_of(d)))
    rule = [dict(c, group=group_of(c["doc"])) for c in clauses if c["doc"] in docs]
    return units, rule, labels


# --- scoring: the rule of ../shared/checks/lib/eval.py ------------------

def score(found, labels):
    """found: dicts doc, page, topic, stance, text (binding stances only are
    counted). Returns (tp_found, n_found, hit_labels, n_labels, per-topic
    {topic: [tp, found, labels]})."""
    found = [c for c in found if c["stance"] in BINDING]
    nf = [norm(c["text"]) for c in found]
    by_doc = defaultdict(list)
    for i, c in enumerate(found):
        by_doc[c["doc"]].append(i)
    used, hits = set(), 0
    per = defaultdict(lambda: [0, 0, 0])
    for l in labels:
        per[l["topic"]][2] += 1
    for c in found:
        per[c["topic"]][1] += 1
    for l in labels:
        for i in by_doc[l["doc"]]:
            if i in used:
                continue
            c = found[i]
            if (int(c["page"]) == int(l["page"]) and c["topic"] == l["topic"] and c["stance"] == l["stance"]
                    and l["q"] and l["q"] in nf[i]):
                used.add(i)
                hits += 1
                per[l["topic"]][0] += 1
                break
    tp_found = len(used)
    used_keys = {(found[k]["doc"], found[k]["topic"], nf[k]) for k in used}
    for i, c in enumerate(found):
        if i not in used and (c["doc"], c["topic"], nf[i]) in used_keys:
            tp_found += 1
    return tp_found, len(found), hits, len(labels), per


def prf(tp_found, n_found, hits, n_labels):
    p = tp_found / n_found if n_found else 0.0
    r = hits / n_labels if n_labels else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def make_fresh_drop(out):
    """Hard-link batches 11 and 12's dev documents into OUT (the drop an older
    foiamine indexes for cv.py --fresh)."""
    os.makedirs(out, exist_ok=True)
    n = 0
    for name, (b, split) in sorted(real_extra_batches().items()):
        if split == "dev" and b in (11, 12):
            dst = os.path.join(out, name)
            if not os.path.exists(dst):
                os.link(os.path.join(REAL_EXTRA, "docs", name), dst)
            n += 1
    return n


if __name__ == "__main__":
    import sys
    if len(sys.argv) != 3 or sys.argv[1] != "fresh-drop":
        sys.exit("usage: data.py fresh-drop DIR")
    print("%d documents in %s" % (make_fresh_drop(sys.argv[2]), sys.argv[2]))
