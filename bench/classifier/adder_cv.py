"""Does a sentence-level adder raise F1 over the rules on the real-extra dev documents? (issue 11, 2026-12-05)

For each sentence unit (data.split_units) that names immigration enforcement, a LIBLINEAR topic model per topic and a
stance model (word uni/bigrams, lead-in words, document authority; models.tokens) propose a clause for a topic no rule
clause covers there. Grouped 5-fold CV by document over the dev rows only; scored with data.score (eval's rule).

    /usr/bin/python3 bench/classifier/adder_cv.py W [C] [--binding-genres]

W: a bench/eval_sets.sh --work directory extracted with FOIAMINE_CLAUSE_VERIFIER=none. --binding-genres proposes only
in law, policy and agreement documents. Results: README.md, "A sentence adder again".
"""
import collections
import json
import os
import random
import sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import numpy as np
from data import load_set, score, prf, REAL_EXTRA
from models import tokens, Featurizer, TOPICS
from sklearn.linear_model import LogisticRegression
W = [a for a in sys.argv[1:] if not a.startswith("--")][0]
spl = dict(l.rstrip("\n").split("\t") for l in open(REAL_EXTRA + "/split.tsv") if l.count("\t") == 1)
auth = {json.loads(l)["doc_path"]: json.loads(l)["authority"] for l in open(REAL_EXTRA + "/labels/documents.jsonl")}
units, rule, labels = load_set(W + "/real-extra-dev/index.db", REAL_EXTRA + "/labels/clauses.jsonl",
                               lambda d: d if spl.get(d) == "dev" else None)
print(len(units), "units", len(rule), "rule clauses", len(labels), "labels", flush=True)
# which (doc,page,topic) spans the rules cover
cov = collections.defaultdict(list)
for c in rule:
    cov[(c["doc"], int(c["page"]), c["topic"])].append((c["start"], c["end"]))
def covered(u, t):
    return any(a < u["end"] and b > u["start"] for a, b in cov[(u["doc"], int(u["page"]), t)])
IMM = ("immigra", "ice", "detainer", "287", "alien", "deport", "inmigra", "homeland", "dhs", "federal", "ins ")
def cand(u):
    x = u["text"].lower(); return any(k in x for k in IMM)
docs = sorted({u["doc"] for u in units}); random.seed(0); random.shuffle(docs)
fold = {d: i % 5 for i, d in enumerate(docs)}
args = [a for a in sys.argv[1:] if not a.startswith("--")]
C = float(args[1]) if len(args) > 1 else 4.0
GENRES = ("law", "policy", "agreement") if "--binding-genres" in sys.argv else None
added = []  # (p, clause)
for k in range(5):
    tr = [u for u in units if fold[u["doc"]] != k and cand(u)]
    te = [u for u in units if fold[u["doc"]] == k and cand(u)]
    toks = lambda u: tokens(u["text"], u["lead"], ["A:" + str(auth.get(u["doc"]))])
    fz = Featurizer().fit([toks(u) for u in tr]); Xtr = fz.transform([toks(u) for u in tr]); Xte = fz.transform([toks(u) for u in te])
    for t in TOPICS:
        y = np.array([any(a == t for a, s in u["tags"]) for u in tr])
        if y.sum() < 5: continue
        m = LogisticRegression(solver="liblinear", C=C, max_iter=500).fit(Xtr, y)
        pt = m.predict_proba(Xte)[:, 1]
        # stance model for this topic
        idx = [i for i, u in enumerate(tr) if any(a == t for a, s in u["tags"])]
        ys = [sorted(s for a, s in tr[i]["tags"] if a == t)[0] for i in idx]
        if len(set(ys)) > 1:
            sm = LogisticRegression(solver="liblinear", C=C, max_iter=500).fit(Xtr[idx], ys)
            sp = sm.predict(Xte)
        else:
            sp = [ys[0]] * len(te)
        for i, u in enumerate(te):
            if pt[i] >= 0.3 and not covered(u, t) and (GENRES is None or auth.get(u["doc"]) in GENRES):
                added.append((pt[i], dict(doc=u["doc"], page=u["page"], topic=t, stance=sp[i], text=u["text"])))
    print("fold", k, len(added), flush=True)
base = score(rule, labels)
bp, br = prf(*base[:4])[:2]; print("rules  P %.3f R %.3f F %.3f (found %d)" % (bp, br, 2*bp*br/(bp+br), base[1]))
for th in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
    add = [c for p, c in added if p >= th]
    s = score(rule + add, labels); p, r = prf(*s[:4])[:2]
    a_only = score(add, labels)
    print("t=%.1f  +%4d  P %.3f R %.3f F %.3f   added right %d" % (th, len(add), p, r, 2*p*r/(p+r), a_only[0]))
