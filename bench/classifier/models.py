"""Linear models of the classifier experiment (issue 11): LIBLINEAR's
L2-regularised logistic regression (scikit-learn's solver='liblinear', the
same library as Debian's liblinear), over lower-cased word uni/bigrams of a
sentence, the words of its list lead-in, and a few hand features.

  topic model    one binary model per topic: does this sentence hold a
                 binding clause (restricts/requires/permits/reports) of it?
  stance model   given a sentence and a topic it holds: which of the four
                 binding stances (one-vs-rest)
  verifier       given a rule clause (its sentence, rule id, topic, stance):
                 is it right (does it match a label, by eval.py's rule)?
"""
import re

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import normalize

from data import BINDING

TOPICS = ["release_notification", "detainer_hold", "information_sharing", "status_inquiry",
          "enforcement_assistance", "agreements", "facility_access", "judicial_warrant", "counsel_access"]
C = 1.0  # fixed before any scoring; not tuned

_WORD = re.compile(r"[a-záéíóúñü0-9§]+")
_MODAL = {"shall", "must", "may", "will", "should", "deberá", "debe", "puede", "required", "authorized", "prohibited"}
_NEG = {"not", "no", "never", "nothing", "neither", "nor", "prohibited", "prohibit", "except", "unless", "only"}


def tokens(text, lead="", extra=()):
    w = _WORD.findall(text.lower())
    out = list(w) + ["%s_%s" % (a, b) for a, b in zip(w, w[1:])]
    out += ["L:" + x for x in set(_WORD.findall(lead.lower()))]
    ws = set(w)
    out += ["H:modal"] if ws & _MODAL else ["H:nomodal"]
    if ws & _NEG:
        out.append("H:neg")
    if lead:
        out.append("H:lead")
    out += list(extra)
    return out


class Featurizer:
    def __init__(self):
        self.vec = CountVectorizer(analyzer=lambda x: x, binary=True, min_df=1)

    def fit(self, token_lists):
        self.vec.fit(token_lists)
        return self

    def transform(self, token_lists):
        return normalize(self.vec.transform(token_lists).astype(np.float64))


def _lr():
    return LogisticRegression(solver="liblinear", C=C, max_iter=500, random_state=0)


class TopicModel:
    """p(sentence holds a binding clause of topic t), per topic."""

    def fit(self, units):
        self.f = Featurizer().fit([tokens(u["text"], u["lead"]) for u in units])
        X = self.f.transform([tokens(u["text"], u["lead"]) for u in units])
        self.m = {}
        for t in TOPICS:
            y = np.array([any(tt == t for tt, _ in u["tags"]) for u in units], dtype=int)
            self.m[t] = _lr().fit(X, y) if 0 < y.sum() < len(y) else None
        return self

    def predict(self, texts_leads):
        """[(text, lead)] -> array n x len(TOPICS) of probabilities."""
        X = self.f.transform([tokens(t, l) for t, l in texts_leads])
        out = np.zeros((X.shape[0], len(TOPICS)))
        for j, t in enumerate(TOPICS):
            if self.m[t] is not None:
                out[:, j] = self.m[t].predict_proba(X)[:, 1]
        return out


class StanceModel:
    """p(stance | sentence, topic) over the four binding stances."""

    def fit(self, units):
        rows = [(u["text"], u["lead"], t, s) for u in units for t, s in u["tags"]]
        toks = [tokens(a, b, ["T:" + t]) for a, b, t, _ in rows]
        self.f = Featurizer().fit(toks)
        y = np.array([BINDING.index(s) for *_, s in rows])
        self.m = _lr().fit(self.f.transform(toks), y)
        return self

    def predict(self, items):
        """[(text, lead, topic)] -> n x 4 probabilities (columns in BINDING order)."""
        X = self.f.transform([tokens(a, b, ["T:" + t]) for a, b, t in items])
        p = self.m.predict_proba(X)
        out = np.zeros((X.shape[0], len(BINDING)))
        for k, cls in enumerate(self.m.classes_):
            out[:, cls] = p[:, k]
        return out


def clause_tokens(c):
    return tokens(c["text"], c.get("lead", ""),
                  ["R:" + c["rule"], "T:" + c["topic"], "S:" + c["stance"], "TS:%s/%s" % (c["topic"], c["stance"])])


class Verifier:
    """p(a binding rule clause is right)."""

    def fit(self, clauses):
        toks = [clause_tokens(c) for c in clauses]
        self.f = Featurizer().fit(toks)
        y = np.array([c["ok"] for c in clauses], dtype=int)
        self.m = _lr().fit(self.f.transform(toks), y) if 0 < y.sum() < len(y) else None
        self.base = float(y.mean()) if len(y) else 1.0
        return self

    def predict(self, clauses):
        if not clauses:
            return np.zeros(0)
        if self.m is None:
            return np.full(len(clauses), self.base)
        return self.m.predict_proba(self.f.transform([clause_tokens(c) for c in clauses]))[:, 1]
