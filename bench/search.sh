#!/usr/bin/env bash
# Search benchmark (bench/SEARCH.md): generate sites, build them with the
# release binary, index them with Pagefind too, and measure both.
#   bench/search.sh [sample|PAGES…]   (default: sample 2000 10000)
#   RUNS=2 bench/search.sh 10000      (hyperfine runs per build; default 5)
# Needs: cargo, python3, node, Debian's chromium, hyperfine; Pagefind from
# `npm install --prefix bench` (bench/package.json).
set -euo pipefail
cd "$(dirname "$0")/.."
pages=("${@:-sample 2000 10000}")
read -r -a pages <<< "${pages[*]}"
runs=${RUNS:-5}
out=bench/out
mkdir -p "$out"
cargo build --release --quiet
now=2026-12-31T12:00:00+07:00
[ -x bench/node_modules/.bin/pagefind ] || npm install --prefix bench --no-audit --no-fund --silent

run() { # name site-dir
  local name=$1 site=$2
  echo "== $name" >&2
  # A full build each run: with the output gone, nothing is skipped as unchanged.
  hyperfine --warmup 1 --runs "$runs" --export-json "$out/$name-build.json" \
    --prepare "rm -rf $site/public" \
    "target/release/trangxa build --root $site --now $now" >&2
  node bench/pagefind_prepare.js "$site/public"
  hyperfine --warmup 1 --runs "$runs" --export-json "$out/$name-pagefind.json" \
    "bench/node_modules/.bin/pagefind --site $site/public --output-subdir pagefind --silent" >&2
  node bench/search_bench.js "$site/public" --pagefind --cpu-slowdown 4 > "$out/$name.json"
  echo "$out/$name.json" >&2
}

for n in "${pages[@]}"; do
  if [ "$n" = sample ]; then
    # The sample site, as the repository ships it.
    python3 bench/gen_site.py --pages 0 --out "$out/sample" >&2
    run sample "$out/sample"
  else
    python3 bench/gen_site.py --pages "$n" --out "$out/site-$n" --mix news=80,documents=20 >&2
    run "site-$n" "$out/site-$n"
  fi
done
