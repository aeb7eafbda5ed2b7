#!/usr/bin/env python3
"""The Markdown table of bench/run.sh, from the files it leaves in bench/out/run/.

    python3 bench/run_report.py bench/out/run 1000 10000 > bench/RESULTS.md

Reads, for each size N: N/full.json, N/noop.json, N/one.json, N/copy.json
(hyperfine --export-json), N/time-trangxa.txt and N/time-hugo.txt
(/usr/bin/time -v), N/pages.txt; and machine.txt.
"""

import json
import re
import sys
from pathlib import Path


def hyperfine(path: Path) -> dict:
    """Command name → its result in a hyperfine JSON export."""
    return {r["command"]: r for r in json.loads(path.read_text())["results"]}


def gnu_time(path: Path) -> dict:
    text = path.read_text()

    def num(label):
        return float(re.search(rf"{re.escape(label)}: ([\d.]+)", text).group(1))

    return {
        "cpu": num("User time (seconds)") + num("System time (seconds)"),
        "rss_mb": num("Maximum resident set size (kbytes)") / 1024,
    }


def keyvalues(path: Path) -> dict:
    return dict(line.split("=", 1) for line in path.read_text().splitlines() if "=" in line)


def seconds(s: float) -> str:
    return f"{s * 1000:.0f} ms" if s < 1 else f"{s:.2f} s"


def wall(r: dict) -> str:
    return f"{seconds(r['median'])} ± {seconds(r['stddev'] or 0)}"


def ratio(a: float, b: float) -> str:
    return f"**{a / b:.2f}**" if b else "—"


def main() -> None:
    work, sizes = Path(sys.argv[1]), sys.argv[2:]
    m = keyvalues(work / "machine.txt")
    print(f"Measured {m['date']} by `bench/run.sh` ({m['runs']} runs after one warm-up; "
          f"median ± standard deviation of the wall time).  ")
    print(f"Machine: {m['cpus']} cores ({m['cpu']}), {m['memory']} RAM, load average before the run "
          f"{m['load']}. trangxa {m['trangxa']}, rustc {m['rustc']}, Hugo {m['hugo']}, "
          f"hyperfine {m['hyperfine']}.")
    print()
    print("| Items | Measure | trangxa | Hugo | trangxa / Hugo |")
    print("|---:|---|---:|---:|---:|")
    summary = {}
    for n in sizes:
        d = work / n
        full, noop, one = (hyperfine(d / f"{k}.json") for k in ("full", "noop", "one"))
        copy = hyperfine(d / "copy.json")["cp -r"]
        tt, th = gnu_time(d / "time-trangxa.txt"), gnu_time(d / "time-hugo.txt")
        p = keyvalues(d / "pages.txt")
        t, h = full["trangxa"], full["hugo"]
        summary[n] = (t["median"], h["median"], tt["rss_mb"], th["rss_mb"], noop["trangxa"]["median"])
        rows = [
            ("full build, wall", wall(t), wall(h), ratio(t["median"], h["median"])),
            ("full build, user+sys CPU", seconds(tt["cpu"]), seconds(th["cpu"]), ratio(tt["cpu"], th["cpu"])),
            ("full build, peak memory", f"{tt['rss_mb']:.0f} MB", f"{th['rss_mb']:.0f} MB", ratio(tt["rss_mb"], th["rss_mb"])),
            ("no-op rebuild, wall", wall(noop["trangxa"]), wall(noop["hugo"]),
             ratio(noop["trangxa"]["median"], noop["hugo"]["median"])),
            ("one-article rebuild, wall", wall(one["trangxa"]), wall(one["hugo"]),
             ratio(one["trangxa"]["median"], one["hugo"]["median"])),
            ("HTML pages written (content pages expected: " + f"{int(p['expected']):,})",
             f"{int(p['trangxa_html']):,}", f"{int(p['hugo_html']):,}", ""),
            ("output: files, size", f"{int(p['trangxa_files']):,}, {int(p['trangxa_bytes']) / 2**20:.0f} MB",
             f"{int(p['hugo_files']):,}, {int(p['hugo_bytes']) / 2**20:.0f} MB", ""),
            ("`cp -r` of trangxa's output (floor)", wall(copy), "", ""),
        ]
        for i, (what, a, b, r) in enumerate(rows):
            print(f"| {f'{int(n):,}' if i == 0 else ''} | {what} | {a} | {b} | {r} |")
    print()
    print("Issue 9's targets, from the rows above:")
    print()
    for n, (t, h, mt, mh, noop) in summary.items():
        print(f"- {int(n):,} items: wall {t / h:.2f}× Hugo's, peak memory {mt / mh:.2f}× Hugo's "
              f"(targets at 10,000 and 50,000: ≤ 0.5); no-op rebuild {noop / t:.2f}× the full build (target ≤ 0.3).")
    if "10000" in summary and "50000" in summary:
        print(f"- 50,000 / 10,000 items: {summary['50000'][0] / summary['10000'][0]:.2f}× the time (target ≤ 5.5).")


if __name__ == "__main__":
    main()
