#!/usr/bin/python3
"""CER of OCR output pages against ground-truth pages (bench/ocr_bench.sh).

usage: cer.py TRUTH OUTPUT   (both: pages separated by form feeds)
Prints the length-weighted CER over all pages, and per page on stderr.
CER = Levenshtein distance over code points / reference length, whitespace
folded to single spaces (as tests/test_support.h does).
"""
import sys


def fold(s):
    return " ".join(s.split())


def distance(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
        prev = cur
    return prev[-1]


def main():
    truth = open(sys.argv[1], encoding="utf-8").read().split("\f")
    out = open(sys.argv[2], encoding="utf-8", errors="replace").read().split("\f")
    truth = [fold(t) for t in truth]
    while truth and not truth[-1]:
        truth.pop()
    errors = chars = 0
    for i, t in enumerate(truth):
        o = fold(out[i]) if i < len(out) else ""
        d = distance(o, t)
        print(f"  page {i + 1}: CER {100.0 * d / max(1, len(t)):.2f}%", file=sys.stderr)
        errors += d
        chars += len(t)
    print(f"{100.0 * errors / max(1, chars):.2f}")


if __name__ == "__main__":
    main()
