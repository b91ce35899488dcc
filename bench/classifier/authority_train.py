#!/usr/bin/env python3
"""Does a trained model tell a document's authority (law / policy / practice)
better than the rules? (issue 11; README.md "Document authority": it does,
but the clauses found do not get better, so foiamine does not use it.)

    bench/eval_sets.sh --work W      # indexes every set, with the rules' authority
    bench/classifier/authority_train.py --work W [--write bench/classifier/authority_model.yaml] [--loo]

Training documents: corpus/ (authority from its manifest), the shared dev set
and the real-extra `dev` rows (authority from their documents.jsonl). The
real-extra `heldout` rows are never trained on: they are only scored, beside
the rules' authority that the index of W holds.

The features (cue patterns, RE2-compatible) live in the model file itself:
per pattern log(1 + count) and count per 100 words of the head (its first
`head_bytes` bytes), plus a bias. Multinomial logistic regression, L2,
full-batch gradient descent: no third-party package needed.
"""
import argparse, collections, csv, json, math, os, re, sqlite3, sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CLASSES = ['law', 'policy', 'practice']
L2, ITERATIONS, RATE = 0.05, 600, 0.1


def read_model(path):
    """The feature patterns of an existing model file (the YAML subset it is written in)."""
    feats = []
    for line in open(path, encoding='utf-8'):
        m = re.match(r"\s*- \{name: (\w+), (case_sensitive: true, )?pattern: '(.*)'\}\s*$", line)
        if m: feats.append((m.group(1), m.group(3).replace("''", "'"), bool(m.group(2))))
    head_bytes = int(re.search(r'(?m)^head_bytes: (\d+)', open(path).read()).group(1))
    return feats, head_bytes


def heads(db):
    c = sqlite3.connect(db)
    out = {}
    for did, path, auth in c.execute('SELECT d.id, f.path, d.authority FROM documents d JOIN files f ON f.document_id = d.id'):
        text = ''.join(r[0] + '\n' for r in c.execute(
            'SELECT text FROM pages WHERE document_id = ? AND page_no <= 2 ORDER BY page_no', (did,)))
        out[os.path.basename(path)] = (text, auth)
    return out


def vectorize(text, compiled, head_bytes):
    head = text.encode('utf-8')[:head_bytes].decode('utf-8', 'ignore')
    words = max(50, len(head.split()))
    v = []
    for r in compiled:
        n = len(r.findall(head))
        v += [math.log1p(n), n * 100.0 / words]
    return v + [1.0]


def train(data):
    d = len(data[0][0])
    w = {c: [0.0] * d for c in CLASSES}
    for _ in range(ITERATIONS):
        g = {c: [0.0] * d for c in CLASSES}
        for x, y in data:
            s = {c: sum(a * b for a, b in zip(w[c], x)) for c in CLASSES}
            top = max(s.values())
            e = {c: math.exp(s[c] - top) for c in CLASSES}
            z = sum(e.values())
            for c in CLASSES:
                err = e[c] / z - (c == y)
                for j in range(d): g[c][j] += err * x[j]
        for c in CLASSES:
            for j in range(d): w[c][j] -= RATE * (g[c][j] / len(data) + L2 * w[c][j])
    return w


def predict(w, x):
    s = {c: sum(a * b for a, b in zip(w[c], x)) for c in CLASSES}
    return max(CLASSES, key=lambda c: s[c])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--work', required=True, help='the --work directory of bench/eval_sets.sh')
    ap.add_argument('--model', default=os.path.join(ROOT, 'bench/classifier/authority_model.yaml'), help='features from here')
    ap.add_argument('--write', help='write the trained model here')
    ap.add_argument('--loo', action='store_true', help='leave-one-out accuracy on the training documents (slow)')
    a = ap.parse_args()
    feats, head_bytes = read_model(a.model)
    compiled = [re.compile(p, 0 if cs else re.I) for _, p, cs in feats]
    labels = {}
    for f in (os.path.join(ROOT, 'eval/real-extra/labels/documents.jsonl'),
              os.path.join(ROOT, '../shared/eval/immigration-real-dev/labels/documents.jsonl')):
        if os.path.exists(f):
            for line in open(f):
                d = json.loads(line); labels[d['doc_path']] = d['authority']
    for r in csv.DictReader(open(os.path.join(ROOT, 'corpus/drop/manifest.csv'))):
        labels[os.path.basename(r['path'])] = r['authority']
    split = dict(l.rstrip('\n').split('\t')[:2] for l in open(os.path.join(ROOT, 'eval/real-extra/split.tsv')) if '\t' in l)
    tr, te = [], []
    for s in ('corpus', 'dev', 'real-extra-dev', 'real-extra-heldout'):
        db = os.path.join(a.work, s, 'index.db')
        if not os.path.exists(db): print(f'skipped: {db} absent', file=sys.stderr); continue
        for name, (text, rules) in heads(db).items():
            if name not in labels: continue
            row = (vectorize(text, compiled, head_bytes), labels[name], name, rules)
            (te if split.get(name) == 'heldout' else tr).append(row)
    print(f'training documents {len(tr)}, held-out {len(te)}, features {len(feats)}')
    if a.loo:
        ok = sum(predict(train([(x, y) for x, y, _, _ in tr[:i] + tr[i + 1:]]), tr[i][0]) == tr[i][1] for i in range(len(tr)))
        print(f'leave-one-out accuracy on the training documents: model {ok / len(tr):.3f}')
    w = train([(x, y) for x, y, _, _ in tr])
    conf = collections.Counter()
    for x, y, _, rules in te: conf[(y, predict(w, x))] += 1
    if te:
        print(f'held-out accuracy: model {sum(v for (y, p), v in conf.items() if y == p) / len(te):.3f}, '
              f'rules (as indexed in {a.work}) {sum(r == y for _, y, _, r in te) / len(te):.3f}  (n={len(te)})')
        print('held-out confusion (label -> model):', dict(sorted(conf.items())))
    if a.write:
        text = open(a.model, encoding='utf-8').read()
        text = text[:text.index('weights:')] if 'weights:' in text else text
        text += 'weights:  # one row per class: 2 per feature (log1p count, per 100 words), then the bias\n'
        for c in CLASSES: text += f'  {c}: [{", ".join(f"{v:.4f}" for v in w[c])}]\n'
        open(a.write, 'w', encoding='utf-8').write(text)
        print('wrote', a.write)


if __name__ == '__main__':
    main()
