#!/usr/bin/env python3
"""What batching FTS5 writes would save the index writer (issue 20).

The writer stores a document's pages in one transaction; the pages_fts
trigger tokenizes each page, and FTS5 (SQLite 3.40) writes its pending terms
as a new segment when the statement's savepoint ends. This replays a drop's
page texts (pdftotext, split at form feeds) through the same pages /
pages_fts schema and times the process CPU of each scheme:

  none         pages only, no FTS5 (the floor)
  trigger      as the writer: one transaction and one multi-row INSERT per
               document, pages_fts filled by the trigger
  writer-rows  no trigger: the writer inserts each page's pages_fts row
               itself (single-row INSERTs open no statement savepoint, so
               the flush moves to COMMIT), one transaction per document
  one-tx       writer-rows with every document in one transaction: the
               flush happens only when FTS5's 1-MB pending buffer fills
  automerge-N  trigger, with FTS5's automerge set to N (default 4; 0 = none;
               crisis merges at 16 segments a level still happen)
  deferred     automerge-0 during the writes, then automerge 4 and FTS5's
               'merge' command until it has nothing left to merge (the
               merges of a run done once at its end)

  bench/fts5_batching.py DROP [--repeat 4] [--rounds 3]

Prints each scheme's median CPU seconds and its segment count at the end
(queries read every segment) over --rounds rounds (schemes
interleaved, so load changes hit all alike) and checks that every scheme
finds the same rows for a few queries.
"""
import argparse
import os
import statistics
import subprocess
import sqlite3
import tempfile
import time

QUERIES = ["shall", "detainer", '"immigration status"', "notify NEAR(release hold)"]


def read_drop(drop):
    pdfs = sorted(os.path.join(d, f) for d, _, fs in os.walk(drop) for f in fs if f.endswith(".pdf"))
    docs = []
    for pdf in pdfs:
        text = subprocess.run(["pdftotext", "-q", pdf, "-"], capture_output=True, text=True, errors="replace").stdout
        docs.append([p for p in text.split("\f") if p.strip()])
    return docs


def run(scheme, docs, repeat, path):
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
    db = sqlite3.connect(path, isolation_level=None)
    db.executescript(
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
        "CREATE TABLE pages(id INTEGER PRIMARY KEY, document_id INT, page_no INT, text TEXT NOT NULL,"
        " UNIQUE(document_id, page_no));"
        "CREATE VIRTUAL TABLE pages_fts USING fts5(text, content='pages', content_rowid='id',"
        " tokenize='unicode61 remove_diacritics 2');")
    triggered = scheme in ("trigger", "deferred") or scheme.startswith("automerge-")
    writer_rows = scheme in ("writer-rows", "one-tx")
    if triggered:
        db.execute("CREATE TRIGGER pages_fts_insert AFTER INSERT ON pages BEGIN "
                   "INSERT INTO pages_fts(rowid, text) VALUES (new.id, new.text); END")
    if scheme.startswith("automerge-") or scheme == "deferred":
        automerge = 0 if scheme == "deferred" else int(scheme.split("-")[1])
        db.execute("INSERT INTO pages_fts(pages_fts, rank) VALUES('automerge', ?)", (automerge,))
    one_tx = scheme == "one-tx"
    start = time.process_time()
    if one_tx:
        db.execute("BEGIN")
    for rep in range(repeat):
        for d, pages in enumerate(docs):
            if not one_tx:
                db.execute("BEGIN")
            sql = ("INSERT INTO pages(document_id, page_no, text) VALUES " + ",".join(["(?,?,?)"] * len(pages)) +
                   " RETURNING page_no, id")
            args = []
            for k, text in enumerate(pages):
                args += [rep * len(docs) + d, k + 1, text]
            ids = dict(db.execute(sql, args).fetchall())
            if writer_rows:
                for k, text in enumerate(pages):
                    db.execute("INSERT INTO pages_fts(rowid, text) VALUES (?,?)", (ids[k + 1], text))
            if not one_tx:
                db.execute("COMMIT")
    if one_tx:
        db.execute("COMMIT")
    if scheme == "deferred":
        db.execute("INSERT INTO pages_fts(pages_fts, rank) VALUES('automerge', 4)")
        while True:
            before = db.total_changes
            db.execute("INSERT INTO pages_fts(pages_fts, rank) VALUES('merge', 500)")
            if db.total_changes - before < 2:
                break
    seconds = time.process_time() - start
    found = []
    segments = 0
    if scheme != "none":
        segments = db.execute("SELECT count(DISTINCT segid) FROM pages_fts_idx").fetchone()[0]
        for q in QUERIES:
            found.append(db.execute("SELECT rowid, round(bm25(pages_fts), 9) FROM pages_fts WHERE pages_fts MATCH ? "
                                    "ORDER BY rank, rowid", (q,)).fetchall())
    db.close()
    return seconds, segments, found


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("drop")
    ap.add_argument("--repeat", type=int, default=4)
    ap.add_argument("--rounds", type=int, default=3)
    a = ap.parse_args()
    docs = read_drop(a.drop)
    schemes = ["none", "trigger", "writer-rows", "one-tx", "automerge-0", "automerge-8", "deferred"]
    times = {s: [] for s in schemes}
    results = {}
    segments = {}
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(a.rounds):
            for s in schemes:
                seconds, segments[s], found = run(s, docs, a.repeat, os.path.join(tmp, "fts.db"))
                times[s].append(seconds)
                if found:
                    results.setdefault(s, found)
    pages = a.repeat * sum(len(p) for p in docs)
    print(f"{pages} pages, SQLite {sqlite3.sqlite_version}, CPU s, median of {a.rounds}")
    for s in schemes:
        print(f"  {s:12} {statistics.median(times[s]):.3f} s  {segments[s]:3} segments  "
              f"({' / '.join(f'{t:.3f}' for t in times[s])})")
    same = all(r == results["trigger"] for r in results.values())
    print("same rows and bm25 for every scheme:", "yes" if same else "NO")


if __name__ == "__main__":
    main()
