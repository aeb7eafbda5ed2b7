#!/usr/bin/env bash
# trangxa against Hugo, on the same generated commune site (issue 9).
#
#   bash bench/run.sh                          # sites of 1,000, 10,000 and 50,000 items
#   SIZES="1000 10000" RUNS=5 bash bench/run.sh   # some sizes, more runs (default 3)
#
# For each size N, bench/gen_site.py writes the site in both formats (the
# sample site plus N items: 70 % news, 20 % procedures, 10 % plans), then:
#   1. full build: one hyperfine run with both commands (hyperfine times them
#      one after the other), --warmup 1, $RUNS runs, each into an emptied
#      output folder;
#   2. /usr/bin/time -v once each, into an emptied folder: peak memory, user+sys;
#   3. the page check: every content page the generator wrote
#      (expected-pages.txt) must be an index.html in both outputs, or the
#      script stops;
#   4. no-op rebuild (the same build again into the same output, nothing
#      changed) and one-article rebuild (one article edited before each run);
#   5. `cp -r` of trangxa's output: the physical floor of writing that many files.
# Results: bench/out/run/N/*.json, bench/RESULTS.md (the table, by
# bench/run_report.py), copied into bench/README.md between its markers.
#
# Needs: cargo, python3, hugo (`apt-get install hugo`), hyperfine, GNU time
# (`apt-get install time`). Builds target/release/trangxa first.
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=${SIZES:-1000 10000 50000}
runs=${RUNS:-3}
work=$PWD/bench/out/run
trangxa=$PWD/target/release/trangxa

for tool in hugo hyperfine /usr/bin/time python3; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool is missing" >&2; exit 1; }
done
cargo build --release --quiet

# The machine and the versions, for the report.
mkdir -p "$work"
{
  echo "date=$(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "cpus=$(nproc)"
  echo "cpu=$(lscpu | sed -n 's/^Model name: *//p' | head -1)"
  echo "memory=$(free -g | awk '/^Mem:/ {print $2 " GiB"}')"
  echo "load=$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "hugo=$(hugo version | cut -d' ' -f2)"
  echo "trangxa=$("$trangxa" --version | cut -d' ' -f2) ($(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src themes || echo ', modified'))"
  echo "rustc=$(rustc --version | cut -d' ' -f2)"
  echo "hyperfine=$(hyperfine --version | cut -d' ' -f2)"
  echo "runs=$runs"
} > "$work/machine.txt"

# index.html files under a folder.
count_pages() { find "$1" -name index.html | wc -l; }

# Every expected content page must be in the output.
check_pages() { # tool output expected-pages.txt
  local missing
  missing=$(while read -r path; do
    [ -f "$2$path/index.html" ] || echo "$path"
  done < "$3")
  if [ -n "$missing" ]; then
    echo "run.sh: $1 did not write $(echo "$missing" | wc -l) of $(wc -l < "$3") content pages, e.g.:" >&2
    echo "$missing" | head -5 >&2
    exit 1
  fi
}

for n in $sizes; do
  dir=$work/$n
  site=$dir/site hugo_site=$dir/hugo out=$dir/out
  echo "== $n items" >&2
  rm -rf "$dir" && mkdir -p "$dir" "$out"
  python3 bench/gen_site.py --pages "$n" --out "$site" --hugo "$hugo_site" >&2
  build_t="$trangxa build --root $site --output $out/trangxa"
  build_h="hugo --quiet --source $hugo_site --destination $out/hugo"

  # 1. Full build, both in one hyperfine run.
  hyperfine --warmup 1 --runs "$runs" --export-json "$dir/full.json" \
    --prepare "rm -rf $out/trangxa $out/hugo" \
    -n trangxa "$build_t" -n hugo "$build_h" >&2

  # 2. Peak memory and CPU time, once each from an empty output.
  rm -rf "$out/trangxa" "$out/hugo"
  /usr/bin/time -v -o "$dir/time-trangxa.txt" $build_t >/dev/null 2>&1
  /usr/bin/time -v -o "$dir/time-hugo.txt" $build_h >/dev/null 2>&1

  # 3. Both wrote every content page.
  check_pages trangxa "$out/trangxa" "$site/expected-pages.txt"
  check_pages hugo "$out/hugo" "$hugo_site/expected-pages.txt"
  {
    echo "expected=$(wc -l < "$site/expected-pages.txt")"
    echo "trangxa_html=$(count_pages "$out/trangxa")"
    echo "hugo_html=$(count_pages "$out/hugo")"
    echo "trangxa_files=$(find "$out/trangxa" -type f | wc -l)"
    echo "hugo_files=$(find "$out/hugo" -type f | wc -l)"
    echo "trangxa_bytes=$(du -sb "$out/trangxa" | cut -f1)"
    echo "hugo_bytes=$(du -sb "$out/hugo" | cut -f1)"
  } > "$dir/pages.txt"

  # 4. Rebuilds into the output of a full build. One article: the same
  # article in both sites gets a new sentence before each run.
  hyperfine --warmup 1 --runs "$runs" --export-json "$dir/noop.json" \
    -n trangxa "$build_t" -n hugo "$build_h" >&2
  article=$(cd "$site/content" && find tin-tuc -name '*.md' | sort | sed -n "$((n / 3 + 1))p")
  edit="echo \"Cập nhật \$(date +%s%N).\" | tee -a $site/content/$article >> $hugo_site/content/$article"
  hyperfine --warmup 1 --runs "$runs" --export-json "$dir/one.json" --prepare "$edit" \
    -n trangxa "$build_t" -n hugo "$build_h" >&2

  # 5. The floor: copying trangxa's output folder.
  hyperfine --warmup 1 --runs "$runs" --export-json "$dir/copy.json" \
    --prepare "rm -rf $out/copy" -n "cp -r" "cp -r $out/trangxa $out/copy" >&2
  rm -rf "$out/copy"
done

python3 bench/run_report.py "$work" $sizes > bench/RESULTS.md
# bench/README.md shows the table between its two markers.
python3 - <<'EOF'
from pathlib import Path
readme, results = Path("bench/README.md"), Path("bench/RESULTS.md").read_text(encoding="utf-8")
text = readme.read_text(encoding="utf-8")
start, end = "<!-- results:start -->", "<!-- results:end -->"
head, rest = text.split(start, 1)
readme.write_text(head + start + "\n" + results + rest[rest.index(end):], encoding="utf-8")
EOF
cat bench/RESULTS.md
