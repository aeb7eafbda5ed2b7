#!/usr/bin/env bash
# Lighthouse 12.2.3 (mobile: Moto G Power emulation, simulated slow 4G) with
# Debian's Chromium on the sample site served by nginx with deploy/nginx.conf.
# Prints the median of RUNS (default 3) runs of the four scores of each page
# as a Markdown table; the JSON reports go to bench/out/. Needs: node/npm, nginx, /usr/bin/chromium, the browser
# suite's node_modules (cd tests/browser && npm ci --ignore-scripts).
#
#   bash bench/lighthouse.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/out
mkdir -p "$out"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"

fifo=$(mktemp -u)
mkfifo "$fifo"
node bench/serve.mjs >"$fifo" &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -f "$fifo"' EXIT
read -r origin <"$fifo"

# Pages: home, the newest article, the PAR section, and a procedure page when
# the site has a procedure catalogue.
pages=("home /")
article=$(curl -s "$origin/tin-tuc/" | grep -o 'class="card-title"><a href="/tin-tuc/[a-z0-9-]*/"' | head -1 | grep -o '/tin-tuc/[a-z0-9-]*/')
pages+=("article $article")
procedure=$(curl -s "$origin/thu-tuc-hanh-chinh/" | grep -oE 'href="/thu-tuc-hanh-chinh/[0-9]+\.[0-9]+/"' | head -1 | cut -d'"' -f2 || true)
if [ -n "$procedure" ]; then
  pages+=("procedure $procedure")
else
  echo "(no procedure page in this build: /thu-tuc-hanh-chinh/ has no entries)" >&2
fi
pages+=("par /cai-cach-hanh-chinh/")

runs="${RUNS:-3}"
echo "| Page | Path | Performance | Accessibility | Best practices | SEO |"
echo "|---|---|---|---|---|---|"
for entry in "${pages[@]}"; do
  name=${entry%% *}
  path=${entry#* }
  # Several runs, median of each score: Lighthouse's own advice, since one
  # run's timing varies with whatever else the machine is doing.
  for i in $(seq 1 "$runs"); do
    npx --yes lighthouse@12.2.3 "$origin$path" \
      --quiet --output=json --output-path="$out/$name-$i.json" \
      --only-categories=performance,accessibility,best-practices,seo \
      --chrome-flags="--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --no-first-run" \
      >/dev/null
  done
  node -e '
    const [dir, name, path, runs] = process.argv.slice(1);
    const reports = Array.from({ length: +runs }, (_, i) => require(`${dir}/${name}-${i + 1}.json`));
    const median = (k) => {
      const v = reports.map((r) => Math.round(r.categories[k].score * 100)).sort((a, b) => a - b);
      return v[Math.floor(v.length / 2)];
    };
    console.log(`| ${name} | \`${path}\` | ${median("performance")} | ${median("accessibility")} | ${median("best-practices")} | ${median("seo")} |`);
  ' "$PWD/$out" "$name" "$path" "$runs"
done
