#!/usr/bin/python3
"""Grouped cross-validation: does a linear classifier beat or help the rules?
(issue 11; README.md here gives the commands and the results).

usage: /usr/bin/python3 bench/classifier/cv.py --work W [--C C] [--chunks N] [--corpus] [--fresh FRESH_DB]
           [--new DB LABELS] [--fresh-only] [--out DIR]

W is the --work directory of `bench/eval_sets.sh --sets dev,real-extra-dev[,corpus]`
(its W/dev/index.db, W/real-extra-dev/index.db, W/corpus/index.db). Groups:
the shared dev set is one group, each batch of eval/real-extra (dev rows
only) another; with --chunks N, the batches are merged into N contiguous runs
(a batch never split) and the report also counts, batch by batch, where a
variant is not worse than the rules. Each group is held out in turn; models are trained on the
other groups (plus corpus/ with --corpus: training only, never scored) and
every threshold is picked by an inner grouped 4-fold CV inside the training
groups. --fresh: an index of batches 11 and 12's dev documents built by an
older foiamine whose rules had never seen them; the models trained on every
group but b11 and b12 are applied to its rule clauses.
"""
import argparse
import itertools
import json
import os
import sys
from collections import defaultdict

import numpy as np

sys.path.insert(0, os.path.dirname(__file__))
from data import (BINDING, REAL_EXTRA, ROOT, SHARED_DEV, load_set, norm, prf, real_extra_batches,  # noqa: E402
                  score)
import models as model_params  # noqa: E402
from models import TOPICS, StanceModel, TopicModel, Verifier  # noqa: E402

GRIDS = {
    "clf": [0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9],
    "veto_v": [0.0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5],
    "veto_t": [0.0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3],
    "stance": [1.01, 0.5, 0.6, 0.7, 0.8, 0.9],
    "add": [1.01, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95],
}
VARIANTS = ["rules", "clf", "veto_v", "veto_t", "stance", "add", "combo"]


def tp_flags(found, labels):
    """For each binding found clause: 1 when eval.py counts it right."""
    flags = [0] * len(found)
    nf = [norm(c["text"]) for c in found]
    by_doc = defaultdict(list)
    for i, c in enumerate(found):
        by_doc[c["doc"]].append(i)
    used = set()
    for l in labels:
        for i in by_doc[l["doc"]]:
            c = found[i]
            if i not in used and int(c["page"]) == int(l["page"]) and c["topic"] == l["topic"] \
                    and c["stance"] == l["stance"] and l["q"] in nf[i]:
                used.add(i)
                break
    keys = {(found[k]["doc"], found[k]["topic"], nf[k]) for k in used}
    for i, c in enumerate(found):
        flags[i] = int(i in used or (c["doc"], c["topic"], nf[i]) in keys)
    return flags


def attach(units, rules):
    """Rule clauses get the lead-in of the unit they start in; units get the
    topics of the binding rule clauses that overlap them."""
    by_page = defaultdict(list)
    for u in units:
        u["rule_topics"] = set()
        by_page[(u["doc"], u["page"])].append(u)
    for c in rules:
        c["lead"] = ""
        for u in by_page[(c["doc"], c["page"])]:
            if u["start"] <= c["start"] < u["end"]:
                c["lead"] = u["lead"]
            if c["stance"] in BINDING and u["start"] < c["end"] and c["start"] < u["end"]:
                u["rule_topics"].add(c["topic"])


def fit(units, rules):
    binding = [c for c in rules if c["stance"] in BINDING]
    return TopicModel().fit(units), StanceModel().fit(units), Verifier().fit(binding)


def predict(models, units, rules):
    """Everything a variant needs about one group, for any threshold."""
    tm, sm, ver = models
    rules = [c for c in rules if c["stance"] in BINDING]
    pu = tm.predict([(u["text"], u["lead"]) for u in units]) if units else np.zeros((0, len(TOPICS)))
    pc = tm.predict([(c["text"], c["lead"]) for c in rules]) if rules else np.zeros((0, len(TOPICS)))
    sc = sm.predict([(c["text"], c["lead"], c["topic"]) for c in rules]) if rules else np.zeros((0, 4))
    cand = [(i, j) for i in range(len(units)) for j in range(len(TOPICS)) if pu[i, j] >= 0.05]
    su = sm.predict([(units[i]["text"], units[i]["lead"], TOPICS[j]) for i, j in cand]) if cand else np.zeros((0, 4))
    return dict(units=units, rules=rules, pu=pu, pc=pc, sc=sc, cand=cand, su=su, pv=ver.predict(rules))


def apply(b, variant, th):
    """The found clauses of one variant at thresholds th."""
    out = []
    rules, units = b["rules"], b["units"]
    if variant == "clf":
        for (i, j), s in zip(b["cand"], b["su"]):
            if b["pu"][i, j] >= th["clf"]:
                u = units[i]
                out.append(dict(doc=u["doc"], page=u["page"], topic=TOPICS[j], stance=BINDING[int(s.argmax())], text=u["text"]))
        return out
    t_v = th.get("veto_v", 0.0) if variant in ("veto_v", "combo") else 0.0
    t_t = th.get("veto_t", 0.0) if variant == "veto_t" else 0.0
    t_s = th.get("stance", 1.01) if variant in ("stance", "combo") else 1.01
    t_a = th.get("add", 1.01) if variant in ("add", "combo") else 1.01
    for k, c in enumerate(rules):
        if b["pv"][k] < t_v or b["pc"][k, TOPICS.index(c["topic"])] < t_t:
            continue
        stance = c["stance"]
        s = b["sc"][k]
        if s.max() >= t_s:
            stance = BINDING[int(s.argmax())]
        out.append(dict(c, stance=stance))
    if t_a <= 1.0:
        for (i, j), s in zip(b["cand"], b["su"]):
            u = units[i]
            if b["pu"][i, j] >= t_a and TOPICS[j] not in u["rule_topics"]:
                out.append(dict(doc=u["doc"], page=u["page"], topic=TOPICS[j], stance=BINDING[int(s.argmax())], text=u["text"]))
    return out


def f1_of(bundles, labels, variant, th):
    found = [c for b in bundles for c in apply(b, variant, th)]
    tpf, nf, hits, nl, _ = score(found, labels)
    return prf(tpf, nf, hits, nl)[2]


def choose(bundles, labels):
    """Thresholds per variant maximising pooled F1 over the given (out-of-fold) bundles."""
    th = {}
    for v in ("clf", "veto_v", "veto_t", "stance", "add"):
        th[v] = max(GRIDS[v], key=lambda t: (f1_of(bundles, labels, v, {v: t}), -abs(t - GRIDS[v][0]) if v != "clf" else 0))
    best = None
    for tv, ts, ta in itertools.product(GRIDS["veto_v"], GRIDS["stance"], GRIDS["add"]):
        t = {"veto_v": tv, "stance": ts, "add": ta}
        f = f1_of(bundles, labels, "combo", t)
        if best is None or f > best[0] + 1e-12:
            best = (f, t)
    th.update({"combo_" + k: v for k, v in best[1].items()})
    return th


def combo_th(th):
    return {k[len("combo_"):]: v for k, v in th.items() if k.startswith("combo_")}


def variant_th(th, v):
    return combo_th(th) if v == "combo" else th


def inner_thresholds(groups, units, rules, labels, extra_units, extra_rules):
    """Thresholds chosen by grouped 4-fold CV inside the training groups."""
    gs = sorted(groups)
    folds = [gs[k::4] for k in range(4)]
    bundles = []
    for fold in folds:
        tr_u = [u for u in units if u["group"] in groups and u["group"] not in fold] + extra_units
        tr_r = [c for c in rules if c["group"] in groups and c["group"] not in fold] + extra_rules
        models = fit(tr_u, tr_r)
        bundles.append(predict(models, [u for u in units if u["group"] in fold], [c for c in rules if c["group"] in fold]))
    return choose(bundles, [l for l in labels if l["group"] in groups])


def chunk_batches(batches, n):
    """batch number -> group name: 'bNN' (n = 0), else the batches in order cut
    into n contiguous runs of about equal dev-document counts, named
    'bFIRST-LAST'."""
    nums = sorted({b for b, _ in batches.values()})
    if not n:
        return {b: "b%02d" % b for b in nums}
    dev = {b: sum(1 for bb, s in batches.values() if bb == b and s == "dev") for b in nums}
    total = sum(dev.values())
    runs, cur, acc = [], [], 0
    for b in nums:
        cur.append(b)
        acc += dev[b]
        if acc >= total * (len(runs) + 1) / n and len(runs) < n - 1:
            runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    return {b: "b%02d-%02d" % (r[0], r[-1]) for r in runs for b in r}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", required=True)
    ap.add_argument("--corpus", action="store_true", help="train on corpus/ too (never scored)")
    ap.add_argument("--fresh", help="index of batches 11+12 dev documents by an older foiamine")
    ap.add_argument("--fresh-only", action="store_true", help="skip the grouped CV, run only --fresh / --new")
    ap.add_argument("--new", nargs=2, metavar=("DB", "LABELS"),
                    help="an index of documents in none of the groups (e.g. a new batch's dev documents, indexed "
                         "by this foiamine before any rule was tuned on them) and its clauses.jsonl: models "
                         "trained on all groups are applied to its rule clauses")
    ap.add_argument("--out", default="/tmp/clf/cv")
    ap.add_argument("--C", type=float, default=1.0, help="LIBLINEAR's C (default 1, fixed before scoring)")
    ap.add_argument("--chunks", type=int, default=0,
                    help="merge the real-extra batches (split.tsv order) into this many contiguous groups of about "
                         "equal dev-document counts (0: one group per batch); a batch is never split")
    a = ap.parse_args()
    model_params.C = a.C
    os.makedirs(a.out, exist_ok=True)

    batches = real_extra_batches()
    units, rules, labels = [], [], []
    u, r, l = load_set(os.path.join(a.work, "dev", "index.db"), os.path.join(SHARED_DEV, "labels", "clauses.jsonl"),
                       lambda d: "dev")
    units += u; rules += r; labels += l
    chunk = chunk_batches(batches, a.chunks)
    grp = lambda d: chunk[batches[d][0]] if d in batches and batches[d][1] == "dev" else None
    u, r, l = load_set(os.path.join(a.work, "real-extra-dev", "index.db"),
                       os.path.join(REAL_EXTRA, "labels", "clauses.jsonl"), grp)
    units += u; rules += r; labels += l
    # the batch of each document (the unit "groups not worse" is also counted over)
    batch_of = lambda d: ("b%02d" % batches[d][0]) if d in batches else "dev"
    ex_u, ex_r = [], []
    if a.corpus:
        ex_u, ex_r, ex_l = load_set(os.path.join(a.work, "corpus", "index.db"),
                                    os.path.join(ROOT, "corpus", "labels", "clauses.jsonl"), lambda d: "corpus")
        attach(ex_u, ex_r)
        for c, ok in zip(ex_r, tp_flags(ex_r, ex_l)):
            c["ok"] = ok
    attach(units, rules)
    for c, ok in zip(rules, tp_flags(rules, labels)):
        c["ok"] = ok
    groups = sorted({x["group"] for x in units})
    ceiling = sum(1 for l in labels if any(l["q"] in norm(x["text"]) for x in units
                                           if x["doc"] == l["doc"] and x["page"] == int(l["page"])))
    docs = defaultdict(set)
    for x in units:
        docs[x["group"]].add(x["doc"])
    print("groups %d, documents %d, units %d, binding labels %d (%d inside one unit), rule clauses %d binding"
          % (len(groups), sum(len(v) for v in docs.values()), len(units), len(labels), ceiling,
             sum(1 for c in rules if c["stance"] in BINDING)))

    if a.fresh_only:
        if a.fresh:
            fresh(a, units, rules, labels, ex_u, ex_r, batches)
        if a.new:
            new_set(a, units, rules, labels, ex_u, ex_r)
        return
    pooled = {v: [] for v in VARIANTS}
    per_group = {}
    outer = []
    chosen = {}
    for g in groups:
        train = set(groups) - {g}
        th = inner_thresholds(train, units, rules, labels, ex_u, ex_r)
        chosen[g] = th
        models = fit([x for x in units if x["group"] in train] + ex_u, [c for c in rules if c["group"] in train] + ex_r)
        b = predict(models, [x for x in units if x["group"] == g], [c for c in rules if c["group"] == g])
        gl = [l for l in labels if l["group"] == g]
        outer.append(b)
        per_group[g] = {}
        for v in VARIANTS:
            found = [c for c in rules if c["group"] == g] if v == "rules" else apply(b, v, variant_th(th, v))
            pooled[v] += found
            tpf, nf, hits, nl, _ = score(found, gl)
            per_group[g][v] = (tpf, nf, hits, nl)
        print("%s: docs %d labels %d  rules F1 %.3f  combo F1 %.3f  th %s" % (
            g, len(docs[g]), len(gl), prf(*per_group[g]["rules"])[2], prf(*per_group[g]["combo"])[2],
            json.dumps({k: v for k, v in th.items()})), flush=True)

    report(pooled, per_group, labels, groups, a.out, "cv")
    # which rule clauses the vetoes dropped: right ones (eval.py counts them) or false ones
    key = lambda c: (c["doc"], c["page"], c["start"], c["end"], c["topic"], c["rule"])
    binding = [c for c in pooled["rules"] if c["stance"] in BINDING]
    lines = []
    for v in ("veto_v", "veto_t", "combo"):
        kept = {key(c) for c in pooled[v] if "rule" in c}
        dropped = [c for c in binding if key(c) not in kept]
        lines.append("%-7s dropped %d rule clauses: %d right, %d false (of %d right, %d false)" % (
            v, len(dropped), sum(c["ok"] for c in dropped), sum(1 - c["ok"] for c in dropped),
            sum(c["ok"] for c in binding), sum(1 - c["ok"] for c in binding)))
    text = "\n".join(lines)
    print(text)
    open(os.path.join(a.out, "cv-dropped.txt"), "w").write(text + "\n")
    if a.chunks:
        per_batch = {}
        for bname in sorted({batch_of(x["doc"]) for x in units}):
            bl = [l for l in labels if batch_of(l["doc"]) == bname]
            per_batch[bname] = {v: score([c for c in pooled[v] if batch_of(c["doc"]) == bname], bl)[:4] for v in VARIANTS}
        lines = ["batches F1 >= rules (of %d; each batch scored inside its outer group's fold):" % len(per_batch)]
        for v in VARIANTS:
            ge = sum(1 for bn in per_batch if prf(*per_batch[bn][v])[2] >= prf(*per_batch[bn]["rules"])[2] - 1e-9)
            gt = sum(1 for bn in per_batch if prf(*per_batch[bn][v])[2] > prf(*per_batch[bn]["rules"])[2] + 1e-9)
            lines.append("  %-7s not worse %d, better %d" % (v, ge, gt))
        lines.append("per batch F1 (labels): " + "  ".join(VARIANTS))
        for bn in sorted(per_batch):
            lines.append("%-5s %4d  " % (bn, per_batch[bn]["rules"][3]) + "  ".join("%.3f" % prf(*per_batch[bn][v])[2] for v in VARIANTS))
        text = "\n".join(lines)
        print(text)
        open(os.path.join(a.out, "cv-batches.txt"), "w").write(text + "\n")
    oracle(outer, labels, a.out, "cv")
    json.dump(chosen, open(os.path.join(a.out, "thresholds.json"), "w"), indent=1)

    if a.fresh:
        fresh(a, units, rules, labels, ex_u, ex_r, batches)
    if a.new:
        new_set(a, units, rules, labels, ex_u, ex_r)


def new_set(a, units, rules, labels, ex_u, ex_r):
    """Models trained on every group (thresholds by their inner CV), applied
    to the rule clauses of an index of documents none of them holds."""
    train = {x["group"] for x in units}
    th = inner_thresholds(train, units, rules, labels, ex_u, ex_r)
    models = fit(units + ex_u, rules + ex_r)
    nu, nr, nl = load_set(a.new[0], a.new[1], lambda d: "new")
    attach(nu, nr)
    b = predict(models, nu, nr)
    pooled = {v: (nr if v == "rules" else apply(b, v, variant_th(th, v))) for v in VARIANTS}
    per_group = {"new": {v: score(pooled[v], nl)[:4] for v in VARIANTS}}
    print("\nnew documents %s: documents %d, labels %d, thresholds %s"
          % (a.new[0], len({x["doc"] for x in nu}), len(nl), json.dumps(th)))
    report(pooled, per_group, nl, ["new"], a.out, "new")
    oracle([b], nl, a.out, "new")


def oracle(bundles, labels, out, name):
    """Diagnostic only, NOT a result: pooled F1 of each variant at each fixed
    threshold on the outer held-out groups themselves (a threshold picked
    here would be picked on the test data: an upper bound)."""
    lines = ["oracle (thresholds seen on the test groups; an upper bound, not a result):"]
    for v in ("clf", "veto_v", "veto_t", "stance", "add"):
        cells = []
        for t in GRIDS[v]:
            found = [c for b in bundles for c in apply(b, v, {v: t})]
            p, r, f = prf(*score(found, labels)[:4])
            cells.append("%.2f:%.3f/%.3f/%.3f" % (t, p, r, f))
        lines.append("  %-7s %s" % (v, "  ".join(cells)))
    text = "\n".join(lines)
    print(text)
    open(os.path.join(out, name + "-oracle.txt"), "w").write(text + "\n")


def report(pooled, per_group, labels, groups, out, name):
    lines = []
    rt = score(pooled["rules"], labels)
    lines.append("%-8s %6s %6s %6s %6s %6s  %s" % ("variant", "found", "P", "R", "F1", "dF1", "groups F1 >= rules (of %d)" % len(groups)))
    for v in VARIANTS:
        tpf, nf, hits, nl, per = score(pooled[v], labels)
        p, r, f = prf(tpf, nf, hits, nl)
        ge = sum(1 for g in groups if prf(*per_group[g][v])[2] >= prf(*per_group[g]["rules"])[2] - 1e-9)
        lines.append("%-8s %6d %6.3f %6.3f %6.3f %+6.3f  %d" % (v, nf, p, r, f, f - prf(*rt[:4])[2], ge))
    lines.append("")
    lines.append("per group F1 (labels): " + "  ".join(VARIANTS))
    for g in groups:
        lines.append("%-5s %4d  " % (g, per_group[g]["rules"][3]) + "  ".join("%.3f" % prf(*per_group[g][v])[2] for v in VARIANTS))
    lines.append("")
    lines.append("per topic (labels): P/R rules | clf | combo")
    pers = {v: score(pooled[v], labels)[4] for v in ("rules", "clf", "combo")}
    for t in TOPICS:
        cells = []
        for v in ("rules", "clf", "combo"):
            tp, nf, nl = pers[v][t]
            # per-topic P counts matched labels over found (eval.py's table): duplicates not forgiven here
            cells.append("%.2f/%.2f" % (tp / nf if nf else 0, tp / nl if nl else 0))
        lines.append("%-24s %4d  %s" % (t, pers["rules"][t][2], " | ".join(cells)))
    text = "\n".join(lines)
    print(text)
    open(os.path.join(out, name + ".txt"), "w").write(text + "\n")


def fresh(a, units, rules, labels, ex_u, ex_r, batches):
    """Models trained on every group but b11/b12, applied to the rule clauses
    an older foiamine (that had never seen batches 11 and 12) found there."""
    test = {"b11", "b12"}
    # leave out batches 11 and 12's documents (with --chunks they share a group with others)
    keep = lambda d: not (d in batches and batches[d][0] in (11, 12))
    units = [x for x in units if keep(x["doc"])]
    rules = [c for c in rules if keep(c["doc"])]
    labels = [l for l in labels if keep(l["doc"])]
    train = {x["group"] for x in units}
    th = inner_thresholds(train, units, rules, labels, ex_u, ex_r)
    models = fit(units + ex_u, rules + ex_r)
    grp = lambda d: ("b%02d" % batches[d][0]) if d in batches and batches[d][1] == "dev" and batches[d][0] in (11, 12) else None
    fu, fr, fl = load_set(a.fresh, os.path.join(REAL_EXTRA, "labels", "clauses.jsonl"), grp)
    attach(fu, fr)
    b = predict(models, fu, fr)
    pooled = {v: (fr if v == "rules" else apply(b, v, variant_th(th, v))) for v in VARIANTS}
    per_group = {}
    for g in sorted(test):
        gl = [l for l in fl if l["group"] == g]
        per_group[g] = {v: score([c for c in pooled[v] if c.get("group", grp(c["doc"])) == g], gl)[:4] for v in VARIANTS}
    print("\nfresh rules (older foiamine) on b11+b12 dev: documents %d, labels %d, thresholds %s"
          % (len({x["doc"] for x in fu}), len(fl), json.dumps(th)))
    report(pooled, per_group, fl, sorted(test), a.out, "fresh")
    oracle([b], fl, a.out, "fresh")


if __name__ == "__main__":
    main()
