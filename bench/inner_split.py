#!/usr/bin/env python3
"""Does a rule change carry over to dev documents its author never read? (issue 11)

    bench/inner_split.py BASE_DIR NEW_DIR [--lines N]    compare two bench/eval_sets.sh report dirs
    bench/inner_split.py --list B                         print dev-B's documents (A: dev-A's)

The real-extra dev split (eval/real-extra/split.tsv) is cut in two by a hash of each document's name: dev-B holds the
documents whose name's MD5, read as a number, is divisible by 3 (about a third), dev-A the rest. Whoever writes rules
reads dev-A only; for dev-B this script prints two counts, right labels and false clauses, before and after, and never
a document's name or text. A change that gains on dev-A but not on dev-B was written from one document's wording. With
--lines N it also prints up to N of dev-A's changed "missed:" / "false:" lines ('<' only before, '>' only after).
(The forty-second session's rule work used this split; its figures are in that session's note.)
"""
import argparse, collections, hashlib, json, os, re, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SET = os.path.join(ROOT, 'eval', 'real-extra')
BINDING = {'restricts', 'requires', 'permits', 'reports'}


def half(name):
    return 'B' if int(hashlib.md5(name.encode()).hexdigest(), 16) % 3 == 0 else 'A'


def dev_halves():
    halves = {}
    with open(os.path.join(SET, 'split.tsv')) as f:
        for line in f:
            cols = line.rstrip('\n').split('\t')
            if len(cols) >= 2 and cols[1] == 'dev':
                halves[cols[0]] = half(cols[0])
    return halves


def report_lines(folder, halves):
    out = {'A': [], 'B': []}
    with open(os.path.join(folder, 'real-extra-dev.txt'), errors='replace') as f:
        for line in f:
            m = re.match(r'\s+(?:missed|false):\s+(\S+)', line)
            if m and m.group(1) in halves:
                out[halves[m.group(1)]].append(line.strip())
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('base', nargs='?')
    ap.add_argument('new', nargs='?')
    ap.add_argument('--lines', type=int, default=0)
    ap.add_argument('--list', choices=['A', 'B'])
    args = ap.parse_args()
    halves = dev_halves()
    if args.list:
        print('\n'.join(sorted(d for d, h in halves.items() if h == args.list)))
        return
    if not args.base or not args.new:
        sys.exit(__doc__)
    labels = collections.Counter()
    with open(os.path.join(SET, 'labels', 'clauses.jsonl')) as f:
        for line in f:
            row = json.loads(line)
            if row['stance'] in BINDING and row['doc_path'] in halves:
                labels[halves[row['doc_path']]] += 1
    before, after = report_lines(args.base, halves), report_lines(args.new, halves)
    docs = collections.Counter(halves.values())
    print('half   docs  labels  right (before -> after)  false clauses (before -> after)')
    for h in 'AB':
        count = lambda lines, kind: sum(1 for l in lines if l.startswith(kind))
        rb, ra = labels[h] - count(before[h], 'missed:'), labels[h] - count(after[h], 'missed:')
        fb, fa = count(before[h], 'false:'), count(after[h], 'false:')
        print(f'dev-{h}  {docs[h]:4}  {labels[h]:6}  {rb} -> {ra} ({ra - rb:+d})  {fb} -> {fa} ({fa - fb:+d})')
    if args.lines:
        b, a = collections.Counter(before['A']), collections.Counter(after['A'])
        for line in sorted((b - a).elements())[:args.lines]: print('<', line[:250])
        for line in sorted((a - b).elements())[:args.lines]: print('>', line[:250])


if __name__ == '__main__':
    main()
