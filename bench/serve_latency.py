#!/usr/bin/env python3
"""Edit-to-ready latency of `trangxa serve`: the time from an article file
being saved to the new page being served over HTTP.

    cargo build --release
    python3 bench/serve_latency.py                 # sample site, 1,000 and 10,000 pages
    python3 bench/serve_latency.py --sites sample --edits 50

For each site it starts `trangxa serve --port 0`, waits for the first build,
then repeatedly rewrites one article (a new marker in its body, saved the way
editors do: write a temp file, rename it over the original) and does what an
open browser tab does: it listens on the live-reload event stream, and on
`reload` fetches the article, until the page holds the marker. The figure
includes the watcher's debounce, the rebuild, the event and one request, and
nothing polls (a polling loop would take one of the machine's two cores from
the rebuild). It reports the median, the 90th percentile and the range, and
the server's own rebuild times from its output.
"""

import argparse
import http.client
import os
import queue
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BIN = REPO / "target" / "release" / "trangxa"
NOW = "2026-11-27T12:00:00+07:00"


def prepare(site: str, work: Path) -> Path:
    """The sample site (`gen_site.py` with no generated items), or a generated one, in `work`."""
    root = work / site
    pages = 0 if site == "sample" else int(site)
    subprocess.run(
        [sys.executable, str(REPO / "bench" / "gen_site.py"), "--pages", str(pages), "--out", str(root)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return root


def article_and_url(root: Path) -> tuple[Path, str]:
    """The newest-looking article and its URL (slug = file name)."""
    files = sorted((root / "content" / "tin-tuc").rglob("*.md"))
    path = files[len(files) // 2]
    text = path.read_text(encoding="utf-8")
    m = re.search(r"^slug:\s*(\S+)", text, re.M)
    slug = m.group(1) if m else path.stem
    return path, f"/tin-tuc/{slug}/"


class Server:
    def __init__(self, root: Path):
        self.proc = subprocess.Popen(
            [str(BIN), "serve", "--root", str(root), "--port", "0", "--now", NOW],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        self.lines: list[str] = []
        self.ready = threading.Event()
        self.addr = None
        threading.Thread(target=self._read, daemon=True).start()
        if not self.ready.wait(600):
            raise RuntimeError("serve did not start")

    def _read(self):
        for line in self.proc.stdout:
            self.lines.append(line.rstrip("\n"))
            m = re.search(r"http://([\d.]+):(\d+)/", line)
            if m and self.addr is None:
                self.addr = (m.group(1), int(m.group(2)))
                self.ready.set()

    def rebuild_times(self) -> list[float]:
        out = []
        for line in self.lines:
            m = re.search(r"dựng lại \d+/[\d.]+ mục trong ([\d,]+) ms", line)
            if m:
                out.append(float(m.group(1).replace(",", ".")))
        return out

    def stop(self):
        self.proc.terminate()
        self.proc.wait(10)


def save_like_an_editor(path: Path, text: str):
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def measure(site: str, edits: int, work: Path) -> dict:
    root = prepare(site, work)
    path, url = article_and_url(root)
    server = Server(root)
    conn = http.client.HTTPConnection(*server.addr, timeout=10)

    def get(u: str) -> bytes:
        nonlocal conn
        try:
            conn.request("GET", u)
            return conn.getresponse().read()
        except (http.client.HTTPException, OSError):
            conn.close()
            conn = http.client.HTTPConnection(*server.addr, timeout=10)
            conn.request("GET", u)
            return conn.getresponse().read()

    # The live-reload stream, as a browser tab holds it.
    events: queue.Queue = queue.Queue()
    stream = http.client.HTTPConnection(*server.addr, timeout=None)
    stream.request("GET", "/__trangxa/events")
    resp = stream.getresponse()

    def listen():
        try:
            for raw in resp:
                line = raw.decode("utf-8", "replace").strip()
                if line.startswith("event:"):
                    events.put(line[6:].strip())
        except (OSError, ValueError, AttributeError, http.client.HTTPException):
            pass  # the stream is closed at the end (a chunked read then fails)

    threading.Thread(target=listen, daemon=True).start()

    original = path.read_text(encoding="utf-8")
    assert b"<html" in get(url), f"{url} is not served"
    latencies = []
    try:
        for i in range(edits + 1):
            marker = f"Đoạn đánh dấu số {i} {time.time_ns()}"
            text = original.rstrip("\n") + f"\n\n{marker}\n"
            needle = marker.encode("utf-8")
            while not events.empty():
                events.get_nowait()
            start = time.perf_counter()
            save_like_an_editor(path, text)
            deadline = start + 30
            while True:
                left = deadline - time.perf_counter()
                if left <= 0:
                    raise RuntimeError(f"{url} never showed the edit")
                try:
                    event = events.get(timeout=left)
                except queue.Empty:
                    continue
                if event == "reload" and needle in get(url):
                    break
            elapsed = (time.perf_counter() - start) * 1000
            if i > 0:  # the first edit warms caches
                latencies.append(elapsed)
            # The next save comes a moment later, as when someone writes.
            time.sleep(0.5)
    finally:
        conn.close()
        stream.close()
        server.stop()
        path.write_text(original, encoding="utf-8")
    rebuilds = server.rebuild_times()[1:]
    return {
        "site": site,
        "files": len(list((root / "content").rglob("*.md"))),
        "median": statistics.median(latencies),
        "p90": statistics.quantiles(latencies, n=10)[-1] if len(latencies) >= 10 else max(latencies),
        "min": min(latencies),
        "max": max(latencies),
        "rebuild_median": statistics.median(rebuilds) if rebuilds else float("nan"),
    }


def main():
    global BIN
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sites", nargs="+", default=["sample", "1000", "10000"],
                   help="`sample` and/or page counts for gen_site.py")
    p.add_argument("--edits", type=int, default=30, help="edits per site (median over them)")
    p.add_argument("--bin", type=Path, default=BIN,
                   help="the trangxa binary (to compare two builds back to back)")
    args = p.parse_args()
    BIN = args.bin
    if not BIN.exists():
        sys.exit("build first: cargo build --release")
    with tempfile.TemporaryDirectory() as work:
        rows = [measure(s, args.edits, Path(work)) for s in args.sites]
    print("| site | content files | edit → served, median | p90 | min–max | server rebuild, median |")
    print("|---|---:|---:|---:|---:|---:|")
    for r in rows:
        print(
            f"| {r['site']} | {r['files']:,} | {r['median']:.1f} ms | {r['p90']:.1f} ms | "
            f"{r['min']:.1f}–{r['max']:.1f} ms | {r['rebuild_median']:.1f} ms |"
        )


if __name__ == "__main__":
    main()
