#!/usr/bin/env python3
"""How far do two careful human labellers agree? (issue 11: the ceiling of any extractor's score)

    bench/label_agreement.py [--found CLAUSES.jsonl]

eval/real-extra/agreement/round-N/ each hold a second, independent labelling of 24 documents of
the real-extra *dev* split (documents.txt, drawn at random by labelled authority; see
agreement/README.md), written from the text by a helper session that saw neither the first
labels nor foiamine. This script scores the second labelling against the first as if it
were an extractor, per round and pooled: a label of one side is matched when the other side
has a label of the same document, topic and stance whose quote lies in the same sentence
(sentences: ". ", "; ", "? ", "! ", ": " in the normalised text), so it is *more lenient*
than eval.py's rule (the found text must contain the quote).

With --found (`foiamine clauses --db INDEX --json` of an index holding these documents, e.g.
bench/eval_sets.sh's real-extra-dev index) it also scores foiamine against both labellings
with eval.py's rule. Binding stances only (restricts, requires, permits, reports), as
`foiamine eval` scores them.
"""
import argparse, json, os, re, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, 'bench', 'classifier'))
import data  # eval.py's rule (data.score), as the classifier experiment scores it

SET = os.path.join(ROOT, 'eval', 'real-extra')
BINDING = {'restricts', 'requires', 'permits', 'reports'}


FOLD = str.maketrans({'\u2018': "'", '\u2019': "'", '\u201c': '"', '\u201d': '"', '\u2013': '-', '\u2014': '-',
                      '\ufb01': 'fi', '\ufb02': 'fl'})


def norm(s):
    """labels/check.py's normalisation: case, whitespace, curly quotes, dashes, ligatures."""
    return re.sub(r'\s+', ' ', (s or '').translate(FOLD)).strip().lower()


def load(path, docs):
    with open(path, encoding='utf-8') as f:
        rows = [json.loads(line) for line in f if line.strip()]
    return [r for r in rows if r['doc_path'] in docs and r['stance'] in BINDING]


def score_round(folder, found, authority):
    """Prints the round's agreement; returns (matched second, second, matched first, first) binding counts."""
    with open(os.path.join(folder, 'documents.txt')) as f:
        docs = [line.strip() for line in f if line.strip()]
    texts = {}
    for d in docs:
        with open(os.path.join(SET, 'docs', d), encoding='utf-8') as f:
            texts[d] = norm(f.read())
    first = load(os.path.join(SET, 'labels', 'clauses.jsonl'), texts)
    second = load(os.path.join(folder, 'clauses.jsonl'), texts)

    def sentence(label):
        t, q = texts[label['doc_path']], norm(label['quote'])
        i = t.find(q)
        if i < 0:
            sys.exit(f"label_agreement.py: quote not in {label['doc_path']}: {label['quote']!r}")
        start = max(t.rfind(x, 0, i) for x in ('. ', '; ', '? ', '! ', ': ')) + 1
        ends = [e for e in (t.find(x, i + len(q)) for x in ('. ', '; ', '? ', '! ')) if e >= 0]
        return start, min(ends) if ends else len(t)

    def matched(x, others, same):
        sx = sentence(x)
        for y in others:
            if y['doc_path'] == x['doc_path'] and same(x, y):
                sy = sentence(y)
                if sx[0] < sy[1] and sy[0] < sx[1]:
                    return True
        return False

    print(f"{os.path.basename(folder)}: {len(docs)} documents; first labelling {len(first)} binding labels, second {len(second)}")
    keys = [('topic and stance', lambda x, y: x['topic'] == y['topic'] and x['stance'] == y['stance']),
            ('topic only', lambda x, y: x['topic'] == y['topic']),
            ('sentence only', lambda x, y: True)]
    counts = {}
    for name, same in keys:
        ms, mf = sum(matched(h, first, same) for h in second), sum(matched(a, second, same) for a in first)
        p, r = ms / len(second), mf / len(first)
        print(f"  {name:17} P {p:.3f}  R {r:.3f}  F1 {2 * p * r / (p + r):.3f}")
        counts.setdefault('all', (ms, len(second), mf, len(first)))  # topic and stance, the first key
    same = keys[0][1]
    for kind in ('law', 'policy', 'practice'):
        a = [x for x in first if authority[x['doc_path']] == kind]
        h = [x for x in second if authority[x['doc_path']] == kind]
        if a and h:
            counts[kind] = (sum(matched(x, a, same) for x in h), len(h), sum(matched(x, h, same) for x in a), len(a))
            ms, ns, mf, nf = counts[kind]
            print(f"  {kind:17} P {ms / ns:.3f}  R {mf / nf:.3f}  ({nf} / {ns} labels)")
    if found is not None:
        mine = [dict(c, doc=os.path.basename(c['doc_path'])) for c in found if os.path.basename(c['doc_path']) in texts]
        for name, labels in (('first labelling', first), ('second labelling', second)):
            scored = [dict(label, doc=label['doc_path'], q=data.norm(label['quote'])) for label in labels]
            p, r, _ = data.prf(*data.score(mine, scored)[:4])
            print(f"  foiamine vs {name:16} P {p:.3f}  R {r:.3f}  ({len(mine)} clauses; eval.py's rule)")
    return counts


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--found', help="foiamine's clauses (JSON lines) to score against both labellings")
    args = ap.parse_args()
    with open(os.path.join(SET, 'labels', 'documents.jsonl'), encoding='utf-8') as f:
        authority = {r['doc_path']: r['authority'] for r in map(json.loads, f)}
    found = None
    if args.found:
        with open(args.found, encoding='utf-8') as f:
            found = [c for c in map(json.loads, f) if c['stance'] in BINDING]
    rounds = sorted(d for d in os.listdir(os.path.join(SET, 'agreement')) if d.startswith('round-'))
    pooled = {}
    for r in rounds:
        for kind, c in score_round(os.path.join(SET, 'agreement', r), found, authority).items():
            pooled[kind] = tuple(x + y for x, y in zip(pooled.get(kind, (0, 0, 0, 0)), c))
    if len(rounds) > 1:
        print(f"pooled ({len(rounds)} rounds), topic and stance:")
        for kind, (ms, ns, mf, nf) in pooled.items():
            print(f"  {kind:17} P {ms / ns:.3f}  R {mf / nf:.3f}  ({nf} / {ns} labels)")


if __name__ == '__main__':
    main()
