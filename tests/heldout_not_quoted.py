#!/usr/bin/env python3
"""Fails when the code, the rules or the tests quote a held-out document.

eval/real-extra's held-out split (split.tsv) is scored as text foiamine was not
tuned on. A quotation of 25 or more characters in schemas/, extractors/,
pipeline/ or tests/ that occurs in a held-out document's text and in no dev
document's means someone read that document while writing the code: it must
become dev (eval/real-extra/README.md, "Split") or the quotation must go.
Phrases any such code holds are listed in COMMON.

usage: heldout_not_quoted.py SOURCE_DIR
"""
import glob
import os
import re
import sys

# Phrases that occur in held-out documents by coincidence (names and titles).
COMMON = {
    "alaska department of corrections",
    "cook county sheriff's office",
    "coordination with federal immigration agencies",
    "287(g) memorandum of agreement",
    "actual or suspected immigration status; or",
    # in tests/extractors_structure_test.cc since before batch 93's Minneapolis page (held out) was found
    "local law enforcement and immigration",
    # a statute's citation range, in extractors/numbering.cc since before batch 126's Jefferson County agenda request
    # (held out) was found
    "rcw 2.28.310 through 2.28.330",
}


def normalized(text):
    return re.sub(r"\s+", " ", text).lower()


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "."
    base = os.path.join(root, "eval", "real-extra")
    split = {}
    with open(os.path.join(base, "split.tsv"), encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 2:
                split[os.path.basename(parts[0])] = parts[1]
    dev_text, heldout = [], {}
    for name, which in split.items():
        path = os.path.join(base, "docs", name)
        if not os.path.isfile(path):
            continue
        with open(path, encoding="utf-8", errors="replace") as f:
            text = normalized(f.read())
        if which == "heldout":
            heldout[name] = text
        else:
            dev_text.append(text)
    if len(heldout) < 100:
        print(f"heldout_not_quoted: only {len(heldout)} held-out documents found under {base}")
        return 1
    sources = [os.path.join(root, "schemas", n) for n in ("rulebook.yaml", "jurisdictions.yaml")]
    for folder in ("extractors", "pipeline", "tests"):
        for ext in ("cc", "h"):
            sources += glob.glob(os.path.join(root, folder, "*." + ext))
    leaks = []
    quotes = 0
    for src in sources:
        with open(src, encoding="utf-8", errors="replace") as f:
            code = f.read().replace("\\n", " ").replace('\\"', '"')
        for quote in re.findall(r'"([^"\n]{25,})"', code):
            for piece in re.split(r"\.\.\.|\u2026", quote.lower()):
                piece = normalized(piece).strip(" ,.;:")
                if len(piece) < 25 or piece in COMMON:
                    continue
                quotes += 1
                held = [n for n, t in heldout.items() if piece in t]
                if held and not any(piece in t for t in dev_text):
                    leaks.append((os.path.relpath(src, root), piece[:80], held[0]))
    for src, piece, doc in leaks:
        print(f"held-out text quoted: {src}: \"{piece}\" (eval/real-extra/docs/{doc})")
    print(f"heldout_not_quoted: {quotes} quotations checked against {len(heldout)} held-out and "
          f"{len(dev_text)} dev documents: {len(leaks)} quote held-out text only")
    return 1 if leaks else 0


if __name__ == "__main__":
    sys.exit(main())
