#!/usr/bin/env python3
"""Server-side latency of `foiamine serve` (the Server-Timing header each view
sets): search pages over a list of queries, and page images the first time
(cache miss: render in the bounded child + PNG) and cached.
Usage: bench/serve_latency.py URL [ROUNDS]   (URL of a running `foiamine serve`)
Prints p50/p95/max per kind, in milliseconds."""
import json
import sys
import urllib.parse
import urllib.request

url = sys.argv[1].rstrip("/")
rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 5
QUERIES = ["detainer", "ICE", "release", '"notify ICE"', "NEAR(release ICE, 8)", "notif*", "I-247A", "287(g)",
           "topic:release_notification", "immigration status", "warrant", "transport", "interview", "counsel",
           "federal immigration authority", "liberación", "address", "date of birth", "jail", "policy"]


def timed(path):
    with urllib.request.urlopen(url + path, timeout=120) as r:
        body = r.read()
        st = r.headers.get("Server-Timing", "")
        cache = r.headers.get("X-Foiamine-Cache", "")
    ms = float(st.split("dur=")[1]) if "dur=" in st else float("nan")
    return ms, cache, body


def pct(values, p):
    v = sorted(values)
    return v[min(len(v) - 1, int(round(p / 100 * (len(v) - 1))))]


def report(name, values):
    print(f"{name:<24} n={len(values):<4} p50={pct(values, 50):8.2f}  p95={pct(values, 95):8.2f}  max={max(values):8.2f} ms")


search = []
for _ in range(rounds):
    for q in QUERIES:
        search.append(timed("/search?q=" + urllib.parse.quote(q))[0])
report("search page", search)
api = [timed("/api/search?q=" + urllib.parse.quote(q))[0] for q in QUERIES]
report("/api/search", api)
# Page images: every page of the first hits' documents, first and cached.
pages = set()
for q in QUERIES[:8]:
    for h in json.loads(timed("/api/search?limit=50&q=" + urllib.parse.quote(q))[2]):
        pages.add((h["doc_sha256"], h["page"]))
first, cached = [], []
for sha, page in sorted(pages):
    try:
        ms, cache, _ = timed(f"/page/{sha}/{page}.png")
    except urllib.error.HTTPError:
        continue  # a text document has no picture
    if cache == "miss":
        first.append(ms)
    ms, cache, _ = timed(f"/page/{sha}/{page}.png")
    if cache == "hit":
        cached.append(ms)
if first:
    report("page image, first", first)
if cached:
    report("page image, cached", cached)
