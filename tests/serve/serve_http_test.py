"""`foiamine serve` at the HTTP level, on the corpus index and on a tiny drop
made here whose document carries markup: the API returns the CLI's --json
records, document text is escaped, path traversals and unknown ids are 404,
a malformed query is 400 with the syntax help, page images are PNGs (the
clause's boxes in the exhibit's highlight colour; cached the second time),
the server listens on loopback only, and another --host warns.
Usage: serve_http_test.py FOIAMINE CORPUS_DB SCRATCH_DIR"""
import json
import os
import re
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve_lib import Checks, Server, count_colour, listening_addresses  # noqa: E402

foiamine, corpus_db, scratch = sys.argv[1], sys.argv[2], sys.argv[3]
HIGHLIGHT = (0xE0, 0x00, 0x7A)
c = Checks()


def cli_json_lines(*args):
    out = subprocess.run([foiamine, *args], check=True, capture_output=True, text=True).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def no_inline_script(html):
    return not re.search(r"<script(?![^>]*\bsrc=)", html, re.I)


with Server(foiamine, corpus_db) as s:
    # Loopback only.
    addrs = listening_addresses(s.port)
    c.check("listens on 127.0.0.1 only", s.host == "127.0.0.1" and addrs == ["0100007F"], f"{s.host} {addrs}")

    # The API's records are the CLI's --json records.
    status, hdrs, hits = s.get_json("/api/search?q=detainer")
    c.check("/api/search is 200 JSON", status == 200 and hdrs.get("content-type", "").startswith("application/json"), status)
    cli_hits = cli_json_lines("search", "detainer", "--json", "--db", corpus_db)
    c.check("/api/search?q=detainer equals `search detainer --json`", hits == cli_hits,
            f"{len(hits)} vs {len(cli_hits)} records")
    c.check("a detainer hit cites the D.C. Code", any("24-211.07" in h["citation"] for h in hits))
    status, _, filtered = s.get_json("/api/search?q=release&authority=law&limit=3")
    c.check("/api/search takes filters and limit", status == 200 and 0 < len(filtered) <= 3 and
            filtered == cli_json_lines("search", "release", "--authority", "law", "--limit", "3", "--json", "--db", corpus_db))
    status, _, clauses = s.get_json("/api/clauses?topic=release_notification")
    c.check("/api/clauses equals `clauses --json`", status == 200 and clauses ==
            cli_json_lines("clauses", "--topic", "release_notification", "--json", "--db", corpus_db), status)
    status, _, pairs = s.get_json("/api/divergences")
    c.check("/api/divergences equals `diverge --format json`", status == 200 and len(pairs) > 0 and
            pairs == cli_json_lines("diverge", "--format", "json", "--db", corpus_db), status)
    status, _, st = s.get_json("/api/status")
    cli_status = cli_json_lines("status", "--json", "--db", corpus_db)[0]
    c.check("/api/status equals `status --json`", status == 200 and st == cli_status, status)

    # Malformed queries and bad values: 400 with the reason.
    status, _, err = s.get_json("/api/search?q=%22unbalanced%20AND%20(")
    c.check("malformed query is 400 {error} with the syntax help",
            status == 400 and "Query syntax" in err.get("error", ""), f"{status} {err}")
    status, _, err = s.get_json("/api/search?q=ice&topic=nonsense")
    c.check("unknown topic is 400 listing the valid values", status == 400 and "release_notification" in err.get("error", ""),
            f"{status} {err}")
    status, _, body = s.get("/search?q=%22unbalanced%20AND%20(")
    c.check("malformed query page is 400 and explains", status == 400 and b"Query syntax" in body, status)

    # Page images.
    sha, page = hits[0]["doc_sha256"], hits[0]["page"]
    status, hdrs, png = s.get(f"/page/{sha}/{page}.png")
    c.check("page image is a PNG", status == 200 and hdrs.get("content-type") == "image/png" and png[:4] == b"\x89PNG",
            f"{status} {hdrs.get('content-type')}")
    status, hdrs, again = s.get(f"/page/{sha}/{page}.png")
    c.check("page image is cached the second time", hdrs.get("x-foiamine-cache") == "hit" and again == png,
            hdrs.get("x-foiamine-cache"))
    law = next(cl for cl in clauses if cl["authority"] == "law" and cl["bbox"])
    status, hdrs, boxed = s.get(f"/page/{law['doc_sha256']}/{law['page']}.png?clause={law['id']}")
    status2, _, plain = s.get(f"/page/{law['doc_sha256']}/{law['page']}.png")
    n_boxed, n_plain = count_colour(boxed, HIGHLIGHT), count_colour(plain, HIGHLIGHT)
    c.check("?clause=ID draws the clause's boxes in the highlight colour", status == 200 and status2 == 200 and
            n_boxed > 100 and n_plain == 0, f"{n_boxed} vs {n_plain} highlight pixels")
    status, hdrs, ex = s.get(f"/clause/{law['id']}/exhibit.png")
    c.check("exhibit download is a PNG attachment", status == 200 and ex[:4] == b"\x89PNG" and
            "attachment" in hdrs.get("content-disposition", ""), status)

    # Unknown ids and paths: 404; traversals never reach a file.
    zeros = "0" * 64
    for path in [f"/doc/{zeros}", f"/page/{zeros}/1.png", "/clause/0000000000000000", f"/doc/{sha}/999",
                 f"/page/{sha}/999.png", "/api/nothing", "/static/nothing.css"]:
        status, _, _ = s.get(path)
        c.check(f"{path} is 404", status == 404, status)
    for path in ["/../../../../etc/passwd", "/page/..%2F..%2F..%2Fetc%2Fpasswd/1.png",
                 "/static/..%2F..%2F..%2Fetc%2Fpasswd", "/static/../../../etc/passwd", f"/doc/{sha}/../../../etc/passwd",
                 "/page/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/static/%2e%2e%2fapp.css"]:
        status, _, body = s.get(path)
        c.check(f"traversal {path} is refused", status in (400, 404) and b"root:" not in body, status)

    # Every view answers, with the security headers and no inline script.
    for path in ["/", "/search?q=detainer", f"/doc/{sha}/{page}", f"/clause/{law['id']}", "/diverge",
                 "/diverge?topic=release_notification&agency=DOC&group=agency", "/status"]:
        status, hdrs, body = s.get(path)
        html = body.decode("utf-8", "replace")
        csp = hdrs.get("content-security-policy", "")
        c.check(f"{path} is 200 HTML with a CSP and no inline script",
                status == 200 and "script-src 'self'" in csp and "unsafe-inline" not in csp and no_inline_script(html),
                f"{status} csp={csp!r}")
    for fmt, want in [("html", b"<html"), ("csv", b"topic"), ("json", b'"law"')]:
        status, hdrs, body = s.get(f"/diverge/report.{fmt}?topic=release_notification")
        c.check(f"report download .{fmt}", status == 200 and want in body[:4000] and "attachment" in
                hdrs.get("content-disposition", ""), status)

# A drop whose document carries markup in its title and text.
drop = os.path.join(scratch, "hostile-drop")
shutil.rmtree(drop, ignore_errors=True)
os.makedirs(drop)
with open(os.path.join(drop, "policy.txt"), "w") as f:
    f.write("<script>alert('title')</script> Release Policy\n\n"
            "1. The Department shall notify ICE <script>alert(1)</script> of each release date "
            "<img src=x onerror=alert(2)>.\n")
db = os.path.join(scratch, "hostile.db")
for suffix in ("", "-wal", "-shm"):
    if os.path.exists(db + suffix):
        os.remove(db + suffix)
subprocess.run([foiamine, "run", drop, "--db", db, "--quiet"], check=True)
with Server(foiamine, db) as s:
    status, _, hits = s.get_json("/api/search?q=alert")
    c.check("the hostile document is indexed and found", status == 200 and len(hits) >= 1, status)
    pages = ["/search?q=alert", "/search?q=notify", "/status"]
    if hits:
        pages.append(f"/doc/{hits[0]['doc_sha256']}/1")
        pages += [f"/clause/{cl['id']}" for h in hits for cl in h["clauses"]]
    c.check("the hostile document has a clause view to test", any(p.startswith("/clause/") for p in pages), pages)
    for path in pages:
        status, _, body = s.get(path)
        html = body.decode("utf-8", "replace")
        raw = "<script>alert" in html or "<img src=x" in html
        shown = "&lt;script&gt;" in html or path == "/status"  # status shows no document text
        c.check(f"{path}: document markup is escaped", status == 200 and not raw and shown,
                f"status {status}, raw markup present: {raw}, escaped markup shown: {shown}")



def render_bomb_pdf(path, strokes):
    """One Letter page with a text layer and `strokes` thick full-page strokes:
    quick to read as text, many seconds of Poppler drawing."""
    content = "BT /F1 12 Tf 72 720 Td (Render bomb: the Department shall notify ICE of each release.) Tj ET\n20 w\n"
    content += "0 0 m 612 792 l 612 0 l 0 792 l S\n" * strokes
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
               "/Resources << /Font << /F1 5 0 R >> >> >>",
               f"<< /Length {len(content)} >>\nstream\n{content}endstream",
               "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    pdf, offsets = "%PDF-1.4\n", []
    for i, body in enumerate(objects, 1):
        offsets.append(len(pdf))
        pdf += f"{i} 0 obj\n{body}\nendobj\n"
    xref = len(pdf)
    pdf += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n" + "".join(f"{o:010d} 00000 n \n" for o in offsets)
    pdf += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    open(path, "w").write(pdf)


# A page that would draw for minutes: the render is stopped at --render-timeout
# (503, quickly) while other requests are still answered.
bomb_drop = os.path.join(scratch, "bomb-drop")
shutil.rmtree(bomb_drop, ignore_errors=True)
os.makedirs(bomb_drop)
render_bomb_pdf(os.path.join(bomb_drop, "bomb.pdf"), 4000)
bomb_db = os.path.join(scratch, "bomb.db")
for suffix in ("", "-wal", "-shm"):
    if os.path.exists(bomb_db + suffix):
        os.remove(bomb_db + suffix)
# (Its OCR render is stopped too: exit 2, the text layer indexed.)
r = subprocess.run([foiamine, "run", bomb_drop, "--db", bomb_db, "--quiet", "--pdf-timeout", "20", "--dpi", "70"])
c.check("the render bomb's run ends (0 or 2)", r.returncode in (0, 2), r.returncode)
with Server(foiamine, bomb_db, ["--render-timeout", "2"]) as s:
    status, _, hits = s.get_json("/api/search?q=bomb")
    c.check("the render bomb is indexed from its text layer", status == 200 and len(hits) == 1, status)
    if hits:
        import threading
        result = {}

        def fetch():
            t = time.monotonic()
            result["status"] = s.get(f"/page/{hits[0]['doc_sha256']}/1.png")[0]
            result["seconds"] = time.monotonic() - t

        worker = threading.Thread(target=fetch)
        worker.start()
        time.sleep(0.3)
        t = time.monotonic()
        status, _, _ = s.get("/status")
        meanwhile = time.monotonic() - t
        worker.join(60)
        c.check("another request is answered while a page draws", status == 200 and meanwhile < 1.5, f"{status} {meanwhile:.2f} s")
        c.check("the endless render is stopped at --render-timeout (503)",
                result.get("status") == 503 and result.get("seconds", 99) < 6, result)

# Another --host prints a warning (and still says where it listens).
proc = subprocess.Popen([foiamine, "serve", "--db", db, "--port", "0", "--host", "0.0.0.0"],
                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
line = proc.stdout.readline()
proc.terminate()
_, err = proc.communicate(timeout=10)
c.check("--host 0.0.0.0 warns", line.startswith("listening on http://0.0.0.0:") and "warning" in err, f"{line!r} {err!r}")
# A missing index is a usage error before anything is bound.
r = subprocess.run([foiamine, "serve", "--db", os.path.join(scratch, "none.db"), "--port", "0"], capture_output=True, text=True)
c.check("a missing index exits 1", r.returncode == 1 and "no index" in r.stderr, f"{r.returncode} {r.stderr}")
c.finish()
