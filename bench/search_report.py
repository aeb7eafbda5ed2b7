#!/usr/bin/env python3
"""Print the tables of bench/SEARCH.md from the JSON files bench/search.sh
wrote into bench/out/ (sample.json, site-2000.json, …)."""

import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"
names = sys.argv[1:] or ["sample", "site-2000", "site-10000"]
runs = {n: json.loads((OUT / f"{n}.json").read_text()) for n in names if (OUT / f"{n}.json").exists()}


def kb(n):
    return f"{n / 1024:,.0f} KB" if n >= 10240 else f"{n / 1024:,.1f} KB"


def hyper(name, tool):
    p = OUT / f"{name}-{tool}.json"
    if not p.exists():
        return "—"
    r = json.loads(p.read_text())["results"][0]
    return f"{r['mean']:.2f} s ± {r['stddev']:.2f}"


def ms(d):
    return f"{d['median']:.1f} / {d['p95']:.1f} / {d['max']:.0f}"


print("### Index size and build time\n")
print("| Site | Items | Ours: files, raw, gzip | Ours: first file (gzip) | Pagefind: files, raw, gzip | trangxa build (whole site) | Pagefind indexing |")
print("|---|---:|---|---:|---|---:|---:|")
for n, r in runs.items():
    o, p = r["ours_index"]["all"], r.get("pagefind_index")
    pf = f"{p['files']:,}, {kb(p['raw'])}, {kb(p['gzip'])}" if p else "—"
    print(f"| {n} | {r['items']:,} | {o['files']:,}, {kb(o['raw'])}, {kb(o['gzip'])} | {kb(r['ours_index']['first_file']['gzip'])} | {pf} | {hyper(n, 'build')} | {hyper(n, 'pagefind')} |")

print("\n### What a first search downloads (\"dang ky khai sinh\", typed letter by letter, ten results shown)\n")
print("| Site | Ours: requests, raw, gzip | Pagefind: requests, raw, gzip (incomplete: see \"Size\" below) |")
print("|---|---|---|")
for n, r in runs.items():
    o, p = r["ours_first_search"], r.get("pagefind_first_search")
    pf = f"{p['requests']}, {kb(p['raw'])}, {kb(p['gzip'])}" if p else "—"
    print(f"| {n} | {o['requests']}, {kb(o['raw'])}, {kb(o['gzip'])} | {pf} |")

print("\n### Latency per keystroke, ms (median / p95 / max)\n")
print("| Site | Ours in Node (ranking + snippets, files read) | Ours in Chromium ×4 slower CPU, first typing (fetches included) | Ours in Chromium ×4, same typing again | Pagefind in Chromium ×4 (search + 10 results' data) |")
print("|---|---|---|---|---|")
for n, r in runs.items():
    pf = ms(r["pagefind_query_ms"]) if "pagefind_query_ms" in r else "—"
    print(f"| {n} | {ms(r['node']['keystroke_ms'])} | {ms(r['ours_typing_cold']['keystroke_ms'])} | {ms(r['ours_typing_warm']['keystroke_ms'])} | {pf} |")

for n, r in runs.items():
    print(f"\n### Result quality, {n}\n")
    print("Relevant = items holding the query as a phrase (folded if typed without diacritics, with the same")
    print("diacritics if typed with them). Columns: results returned; relevant items found / relevant items;")
    print("relevant items among the first ten / best possible.\n")
    print("| Query | Ours: results | Ours: found | Ours: top 10 | Pagefind: results | Pagefind: found | Pagefind: top 10 |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for row in r["quality"]:
        o, p = row["ours"], row.get("pagefind")
        cells = [str(o["results"]), f"{o['found']}/{o['relevant']}", f"{o['top10_relevant']}/{o['top10_of']}"]
        if p:
            cells += [str(p["results"]), f"{p['found']}/{p['relevant']}", f"{p['top10_relevant']}/{p['top10_of']}"]
        else:
            cells += ["—"] * 3
        print(f"| `{row['query']}` | " + " | ".join(cells) + " |")
