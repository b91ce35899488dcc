"""Helpers for the `foiamine serve` tests: start a server on a free port,
raw HTTP requests (paths sent exactly as given, never normalized), and a
small PNG decoder (the tests look for the exhibit's highlight colour)."""
import http.client
import json
import os
import re
import struct
import subprocess
import sys
import time
import zlib

SKIP = 77  # CTest SKIP_RETURN_CODE


class Server:
    """`foiamine serve --db DB --port 0` until stopped; `url` is what it printed."""

    def __init__(self, foiamine, db, extra=()):
        self.proc = subprocess.Popen([foiamine, "serve", "--db", db, "--port", "0", *extra],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        m = re.match(r"listening on (http://([^:/]+):(\d+)/)$", line.strip())
        if not m:
            err = self.proc.stderr.read() if self.proc.poll() is not None else ""
            self.stop()
            raise AssertionError(f"serve printed {line!r}, not 'listening on http://HOST:PORT/'; stderr: {err}")
        self.url, self.host, self.port = m.group(1), m.group(2), int(m.group(3))

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()

    def get(self, path, headers=None):
        """GET with the path sent byte for byte; returns (status, headers dict lowercased, body bytes)."""
        conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
        conn.putrequest("GET", path, skip_accept_encoding=True)
        for k, v in (headers or {}).items():
            conn.putheader(k, v)
        conn.endheaders()
        r = conn.getresponse()
        body = r.read()
        hdrs = {k.lower(): v for k, v in r.getheaders()}
        conn.close()
        return r.status, hdrs, body

    def get_json(self, path):
        status, hdrs, body = self.get(path)
        return status, hdrs, json.loads(body.decode("utf-8"))


def listening_addresses(port):
    """Local addresses (hex, as /proc/net/tcp*) listening on `port`."""
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = open(table).read().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            addr, p = fields[1].split(":")
            if int(p, 16) == port and fields[3] == "0A":  # LISTEN
                found.append(addr)
    return found


def png_pixels(data):
    """(width, height, rows of (r, g, b) tuples) of an 8-bit RGB or RGBA PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, width = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, color = struct.unpack(">IIBB", chunk[:10])
            assert depth == 8 and color in (2, 6), f"unexpected PNG format {depth}/{color}"
            bpp = 3 if color == 2 else 4
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, prev, i = [], bytearray(stride), 0
    for _ in range(height):
        f, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if f == 1:
                line[x] = (line[x] + a) & 0xFF
            elif f == 2:
                line[x] = (line[x] + b) & 0xFF
            elif f == 3:
                line[x] = (line[x] + (a + b) // 2) & 0xFF
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        rows.append(line)
        prev = line
    return width, height, rows, bpp


def count_colour(data, rgb):
    """How many pixels of the PNG are exactly `rgb`."""
    _, _, rows, bpp = png_pixels(data)
    target = bytes(rgb)
    n = 0
    for row in rows:
        for x in range(0, len(row), bpp):
            if row[x:x + 3] == target:
                n += 1
    return n


class Checks:
    """Named checks; prints each, exits 1 when any failed."""

    def __init__(self):
        self.failed = []

    def check(self, name, ok, detail=""):
        print(("ok   " if ok else "FAIL ") + name + ("" if ok else f": {detail}"), flush=True)
        if not ok:
            self.failed.append(name)
        return ok

    def finish(self):
        print(f"{len(self.failed)} failed" if self.failed else "all checks passed", flush=True)
        sys.exit(1 if self.failed else 0)
