"""Does adder_cv.py's sentence adder, trained on all real-extra dev units, beat foiamine as shipped on the held-out split?

A once-only, pre-registered test (issue 11, forty-third session; README.md, "The adder on the held-out split"): the
configuration to decide on was fixed before the run (C=4, p >= 0.5, all genres: the line marked PRE-REGISTERED); the
other lines are printed for the record, not to choose from. The document's authority feature is foiamine's inferred one
(the index's documents.authority), not the label's, as a run would have it.

    /usr/bin/python3 bench/classifier/adder_heldout.py W

W: a bench/eval_sets.sh --work directory, extracted as shipped (rules + verifier) on real-extra-dev and
real-extra-heldout. Needs python3-sklearn.
"""
import collections, json, os, sqlite3, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import numpy as np
from data import load_set, score, prf, REAL_EXTRA
from models import tokens, Featurizer, TOPICS
from sklearn.linear_model import LogisticRegression
W = sys.argv[1]; C = 4.0
spl = dict(l.rstrip("\n").split("\t") for l in open(REAL_EXTRA + "/split.tsv") if l.count("\t") == 1)
def inferred(db):
    con = sqlite3.connect(db); out = {}
    for path, a in con.execute("select f.path, d.authority from documents d join files f on f.document_id=d.id"):
        out[os.path.basename(path)] = a
    return out
IMM = ("immigra", "ice", "detainer", "287", "alien", "deport", "inmigra", "homeland", "dhs", "federal", "ins ")
cand = lambda u: any(k in u["text"].lower() for k in IMM)
def load(split):
    db = W + "/real-extra-%s/index.db" % split
    units, rule, labels = load_set(db, REAL_EXTRA + "/labels/clauses.jsonl", lambda d: d if spl.get(d) == split else None)
    return units, rule, labels, inferred(db)
tr_units, _, _, tr_auth = load("dev")
te_units, te_rule, te_labels, te_auth = load("heldout")
print(len(tr_units), "dev units;", len(te_units), "held-out units,", len(te_rule), "clauses,", len(te_labels), "labels", flush=True)
cov = collections.defaultdict(list)
for c in te_rule: cov[(c["doc"], int(c["page"]), c["topic"])].append((c["start"], c["end"]))
covered = lambda u, t: any(a < u["end"] and b > u["start"] for a, b in cov[(u["doc"], int(u["page"]), t)])
tr = [u for u in tr_units if cand(u)]; te = [u for u in te_units if cand(u)]
toks = lambda u, auth: tokens(u["text"], u["lead"], ["A:" + str(auth.get(u["doc"]))])
fz = Featurizer().fit([toks(u, tr_auth) for u in tr])
Xtr = fz.transform([toks(u, tr_auth) for u in tr]); Xte = fz.transform([toks(u, te_auth) for u in te])
added = []
for t in TOPICS:
    y = np.array([any(a == t for a, s in u["tags"]) for u in tr])
    if y.sum() < 5: continue
    pt = LogisticRegression(solver="liblinear", C=C, max_iter=500).fit(Xtr, y).predict_proba(Xte)[:, 1]
    idx = [i for i, u in enumerate(tr) if any(a == t for a, s in u["tags"])]
    ys = [sorted(s for a, s in tr[i]["tags"] if a == t)[0] for i in idx]
    sp = LogisticRegression(solver="liblinear", C=C, max_iter=500).fit(Xtr[idx], ys).predict(Xte) if len(set(ys)) > 1 else [ys[0]] * len(te)
    for i, u in enumerate(te):
        if pt[i] >= 0.3 and not covered(u, t):
            added.append((pt[i], dict(doc=u["doc"], page=u["page"], topic=t, stance=sp[i], text=u["text"])))
base = score(te_rule, te_labels); bp, br = prf(*base[:4])[:2]
print("shipped (rules + verifier)  P %.3f R %.3f F %.3f (found %d)" % (bp, br, 2*bp*br/(bp+br), base[1]))
for th in (0.5, 0.3, 0.7, 0.8):
    add = [c for p, c in added if p >= th]
    s = score(te_rule + add, te_labels); p, r = prf(*s[:4])[:2]
    print("%s t=%.1f +%4d  P %.3f R %.3f F %.3f  added right %d" % ("PRE-REGISTERED" if th == 0.5 else "              ", th, len(add), p, r, 2*p*r/(p+r), score(add, te_labels)[0]))
