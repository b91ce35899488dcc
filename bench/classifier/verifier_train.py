#!/usr/bin/env python3
"""Trains the clause verifier (schemas/clause_verifier.tsv; issue 11).

The verifier is a second signal on the rules' own clauses: a linear model
(LIBLINEAR L2 logistic regression, one-vs-rest, python3-liblinear) that reads
a clause's words, rule, stance, topic and document authority and says which
stance the labellers give that sentence for that topic, or `none` (they
give it none: a sentence on the topic that binds nobody, such as a news
report's background). foiamine applies it after the rules
(extractors/clause_verifier.h): a binding clause the model calls `none` with
probability > demote becomes `mentions`; one whose stance the model prefers
to another by > change takes that stance; a `mentions` clause the model
gives a binding stance with probability > promote takes it. Every clause it
changes keeps its rule id with "@verifier(old->new)" appended.

    FOIAMINE_CLAUSE_VERIFIER=none bench/eval_sets.sh --work W   # indexes every set with the rules alone
    /usr/bin/python3 bench/classifier/verifier_train.py --work W [--cv] [--write schemas/clause_verifier.tsv] [--heldout]

Training: the rule clauses of corpus/, the shared dev set and the real-extra
`dev` rows, against their labels. The real-extra `heldout` rows are never
trained on; --heldout only scores them (rules alone, rules + verifier).
--cv: grouped 5-fold cross-validation over the real-extra dev documents (the
thresholds below were chosen there, by F1, before the held-out split was
scored). The W indexes must hold the rules' clauses without the verifier:
run eval_sets.sh with FOIAMINE_CLAUSE_VERIFIER=none.

Features (extractors/clause_verifier.cc computes the same): runs of ASCII
letters of the text, lower-cased, and each pair of neighbours; RULE=, RS=
(rule stance), TOP=, AU= (authority), RSAU=, TOPRS=. Binary, L2-normalised
over the features the model knows, plus a bias of 1. Features seen in fewer
than MIN_DF training clauses are left out (a smaller file, less to overfit).
"""
import argparse, json, os, re, subprocess, sys
from collections import defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from data import ROOT, SHARED_DEV, REAL_EXTRA, BINDING, norm, load_jsonl, prf  # noqa: E402
from data import score as data_score  # noqa: E402

from liblinearutil import train, predict, problem, parameter  # python3-liblinear  # noqa: E402

CLASSES = ["none", "permits", "reports", "requires", "restricts"]
C, MIN_DF = 16.0, 2
DEMOTE, CHANGE, PROMOTE = 0.6, 0.5, 0.6


def features(c):
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", c["text"])]
    rs, au, top = c["stance"], c.get("authority") or "none", c["topic"]
    out = set(words) | {a + "_" + b for a, b in zip(words, words[1:])}
    out |= {"RULE=" + c["rule"], "RS=" + rs, "TOP=" + top, "AU=" + au, "RSAU=" + rs + au, "TOPRS=" + top + rs}
    return out


def doc(r):
    return os.path.basename(str(r.get("doc_path") or ""))


def targets(clauses, labels):
    """Per clause: the binding stance a label gives its sentence for its topic, else 'none'."""
    by = defaultdict(list)
    for l in labels:
        by[(doc(l), int(l.get("page") or 0), l["topic"])].append((norm(l.get("quote")), l["stance"]))
    out = []
    for c in clauses:
        t = norm(c["text"])
        st = [s for q, s in by[(doc(c), int(c.get("page") or 0), c["topic"])] if q and q in t and s in BINDING]
        out.append(st[0] if st else "none")
    return out


def score(found, labels):
    """(P, R) by the rule of ../shared/checks/lib/eval.py (data.py's score), for
    clauses as `foiamine clauses --json` prints them and labels as clauses.jsonl holds them."""
    tp, n_found, hits, n_labels, _ = data_score(
        [{"doc": doc(c), "page": c.get("page") or 0, "topic": c["topic"], "stance": c["stance"], "text": c["text"]}
         for c in found],
        [{"doc": doc(l), "page": l.get("page") or 0, "topic": l["topic"], "stance": l["stance"], "q": norm(l.get("quote"))}
         for l in labels if l.get("stance") in BINDING])
    return prf(tp, n_found, hits, n_labels)[:2]


def apply(clauses, probabilities):
    out = []
    for c, p in zip(clauses, probabilities):
        c = dict(c)
        pr = dict(zip(CLASSES, p))
        best = max(CLASSES, key=lambda k: pr[k])
        if c["stance"] in BINDING:
            if pr["none"] > DEMOTE:
                c["stance"] = "mentions"
            elif best != "none" and best != c["stance"] and pr[best] - pr[c["stance"]] > CHANGE:
                c["stance"] = best
        elif best != "none" and pr[best] > PROMOTE:
            c["stance"] = best
        out.append(c)
    return out


class Model:
    def __init__(self, clauses, ys):
        df = defaultdict(int)
        for c in clauses:
            for f in features(c):
                df[f] += 1
        self.vocab = {f: i + 1 for i, f in enumerate(sorted(f for f, n in df.items() if n >= MIN_DF))}
        self.m = train(problem([CLASSES.index(y) for y in ys], self.vectors(clauses)),
                       parameter("-s 0 -c %g -B 1 -q" % C))

    def vectors(self, clauses):
        out = []
        for c in clauses:
            ids = sorted(self.vocab[f] for f in features(c) if f in self.vocab)
            out.append({i: len(ids) ** -0.5 for i in ids})
        return out

    def probabilities(self, clauses):
        _, _, p = predict([0] * len(clauses), self.vectors(clauses), self.m, "-b 1 -q")
        order = [self.m.get_labels().index(k) for k in range(len(CLASSES))]
        return [[row[j] for j in order] for row in p]

    def write(self, path, note):
        labels = self.m.get_labels()
        rows = {k: self.m.get_decfun(labels.index(k)) for k in range(len(CLASSES))}  # (weights, bias)
        with open(path, "w", encoding="utf-8") as f:
            f.write("# The clause verifier of issue 11 (bench/classifier/verifier_train.py writes this file;\n")
            f.write("# extractors/clause_verifier.h reads it). " + note + "\n")
            f.write("# Lines: key<TAB>values. 'feature' rows hold one weight per class, in `classes` order.\n")
            f.write("version\t1\n")
            f.write("classes\t" + "\t".join(CLASSES) + "\n")
            f.write("thresholds\tdemote=%g\tchange=%g\tpromote=%g\n" % (DEMOTE, CHANGE, PROMOTE))
            # LIBLINEAR's -B 1: the bias is the weight of a constant feature 1.
            f.write("bias\t" + "\t".join("%.5f" % rows[k][1] for k in range(len(CLASSES))) + "\n")
            for name, i in sorted(self.vocab.items(), key=lambda kv: kv[1]):
                ws = [rows[k][0][i - 1] for k in range(len(CLASSES))]
                if max(abs(x) for x in ws) < 5e-4:
                    continue
                f.write("feature\t" + name + "\t" + "\t".join("%.4f" % x for x in ws) + "\n")


def set_clauses(foiamine, work, name):
    db = os.path.join(work, name, "index.db")
    if not os.path.exists(db):
        sys.exit("verifier_train.py: no index %s (run bench/eval_sets.sh --work %s first)" % (db, work))
    out = subprocess.run([foiamine, "clauses", "--db", db, "--json"], check=True, capture_output=True, text=True).stdout
    clauses = [json.loads(l) for l in out.splitlines() if l.strip()]
    # A model must learn the rules' own output: an index extracted with a verifier holds clauses it already changed
    # (their rule ids say so), and a model trained on them would differ run to run with whichever model made them.
    if any("@verifier(" in (c.get("rule") or "") for c in clauses):
        sys.exit("verifier_train.py: %s was extracted with a clause verifier (rule ids with \"@verifier(\"); index the "
                 "sets with the rules alone: FOIAMINE_CLAUSE_VERIFIER=none bench/eval_sets.sh --work %s --reextract"
                 % (db, work))
    return clauses


def real_extra_split():
    return dict(l.rstrip("\n").split("\t") for l in open(os.path.join(REAL_EXTRA, "split.tsv")) if l.strip())


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--work", required=True)
    ap.add_argument("--bin", default=os.path.join(ROOT, "build", "foiamine"))
    ap.add_argument("--write")
    ap.add_argument("--cv", action="store_true")
    ap.add_argument("--heldout", action="store_true")
    a = ap.parse_args()
    split = real_extra_split()
    extra_labels = load_jsonl(os.path.join(REAL_EXTRA, "labels", "clauses.jsonl"))
    sets = {
        "corpus": (set_clauses(a.bin, a.work, "corpus"), load_jsonl(os.path.join(ROOT, "corpus", "labels", "clauses.jsonl"))),
        "dev": (set_clauses(a.bin, a.work, "dev"), load_jsonl(os.path.join(SHARED_DEV, "labels", "clauses.jsonl"))),
        "real-extra-dev": (set_clauses(a.bin, a.work, "real-extra-dev"),
                           [l for l in extra_labels if split.get(doc(l)) == "dev"]),
    }
    for name, (cl, lab) in sets.items():
        assert all(split.get(doc(c)) != "heldout" for c in cl), name + " holds a held-out document"
    train_c, train_y = [], []
    for cl, lab in sets.values():
        train_c += cl; train_y += targets(cl, lab)
    if a.cv:
        cl, lab = sets["real-extra-dev"]
        ys = targets(cl, lab)
        docs = sorted({doc(c) for c in cl})
        fold = {d: k % 5 for k, d in enumerate(docs)}
        others = [(c, y) for name in ("corpus", "dev") for c, y in zip(sets[name][0], targets(*sets[name]))]
        probs = [None] * len(cl)
        for k in range(5):
            tr = [(c, y) for c, y in zip(cl, ys) if fold[doc(c)] != k] + others
            m = Model([c for c, _ in tr], [y for _, y in tr])
            te = [i for i, c in enumerate(cl) if fold[doc(c)] == k]
            for i, p in zip(te, m.probabilities([cl[i] for i in te])):
                probs[i] = p
        print("real-extra-dev, grouped 5-fold CV: rules P %.3f R %.3f; rules + verifier P %.3f R %.3f" %
              (score(cl, lab) + score(apply(cl, probs), lab)))
    model = Model(train_c, train_y)
    print("trained on %d clauses (%d with a binding target), %d features" %
          (len(train_c), sum(y != "none" for y in train_y), len(model.vocab)))
    if a.heldout:
        cl = set_clauses(a.bin, a.work, "real-extra-heldout")
        lab = [l for l in extra_labels if split.get(doc(l)) == "heldout"]
        print("real-extra-heldout: rules P %.3f R %.3f; rules + verifier P %.3f R %.3f" %
              (score(cl, lab) + score(apply(cl, model.probabilities(cl)), lab)))
    if a.write:
        model.write(a.write, "Trained on corpus/, the shared dev set and the real-extra dev rows: %d clauses." % len(train_c))
        print("wrote", a.write, os.path.getsize(a.write), "bytes")


if __name__ == "__main__":
    main()
