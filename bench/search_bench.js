// Search benchmark: our index and Pagefind on one built site.
//   node bench/search_bench.js <public dir> [--pagefind] [--cpu-slowdown 4]
// Prints JSON: index sizes (raw, gzip), bytes a first search downloads,
// per-keystroke latency in Node and in headless Chromium (CPU slowed down
// to stand for a mid-range phone), and result quality on a fixed list of
// Vietnamese queries. bench/search.sh runs it and bench/SEARCH.md reports.
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const search = require('../themes/default/static/search.js');
const { launch, serve } = require('../tests/tools/cdp.js');

const QUERIES = [
  'dang ky khai sinh', 'đăng ký khai sinh', 'cai cach hanh chinh', 'chuyển đổi số',
  'dich vu cong truc tuyen', 'tiep cong dan', 'đường', 'duong', 'dương', 'Hoà', 'hòa',
  'thuý', 'thúy', '135/KH-UBND', '1.001193', 'khai si', 'vneid', 'phong chay chua chay',
  'bảo hiểm y tế', 'Đoàn Thanh niên',
];

const args = process.argv.slice(2);
const root = path.resolve(args[0]);
const withPagefind = args.includes('--pagefind');
const slowdown = args.includes('--cpu-slowdown') ? Number(args[args.indexOf('--cpu-slowdown') + 1]) : 4;
const indexDir = path.join(root, 'tim-kiem/chi-muc');

const gz = (buf) => zlib.gzipSync(buf, { level: 6 }).length;

function walk(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p));
    else out.push(p);
  }
  return out;
}

function sizes(dir, alreadyCompressed) {
  let raw = 0, zipped = 0, files = 0;
  for (const f of walk(dir)) {
    const b = fs.readFileSync(f);
    raw += b.length;
    zipped += alreadyCompressed(f) ? b.length : gz(b);
    files++;
  }
  return { files, raw, gzip: zipped };
}

function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))];
}

/** Ground truth from the items' own text: which items hold the query as a
 * phrase, folded (any diacritics) and with the query's own spelling. */
function truth(items) {
  const seq = (text) => search.tokens(text.normalize('NFC')).filter((t) => !t.code);
  const prepared = items.map((d) => {
    const toks = seq([d.title, d.summary, d.text].join('\n'));
    return { href: d.href, folded: toks.map((t) => search.fold(t.text)), keys: toks.map((t) => search.toneKey(t.text)) };
  });
  const has = (hay, needle) => {
    outer: for (let i = 0; i + needle.length <= hay.length; i++) {
      for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
      return true;
    }
    return false;
  };
  return (query) => {
    const q = seq(query);
    const folded = q.map((t) => search.fold(t.text));
    const keys = q.map((t) => search.toneKey(t.text));
    const marked = keys.join(' ') !== folded.join(' ');
    const code = search.tokens(query).some((t) => t.code);
    return {
      marked,
      // For a code, the code itself as one token.
      phrase: new Set(prepared.filter((p) => (code ? has(p.folded, [search.fold(query)]) || has(p.folded, folded) : has(p.folded, folded))).map((p) => p.href)),
      exact: new Set(prepared.filter((p) => has(p.keys, keys)).map((p) => p.href)),
    };
  };
}

function quality(hrefs, t) {
  const top = hrefs.slice(0, 10);
  const good = t.marked ? t.exact : t.phrase;
  return {
    results: hrefs.length,
    relevant: good.size,
    found: hrefs.filter((h) => good.has(h)).length,
    top10_relevant: top.filter((h) => good.has(h)).length,
    top10_of: Math.min(10, good.size),
  };
}

async function nodeLatency(items) {
  const engine = new search.Engine(async (rel) => JSON.parse(fs.readFileSync(path.join(indexDir, rel), 'utf8')));
  const t0 = process.hrtime.bigint();
  await engine.init();
  const initMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const perKey = [];
  const ours = {};
  for (const q of QUERIES) {
    for (let i = 1; i <= q.length; i++) {
      const typed = q.slice(0, i);
      // Warm (files cached, as after the first keystrokes of a session).
      await engine.search(typed);
      const s = process.hrtime.bigint();
      const res = await engine.search(typed);
      const docs = await Promise.all(res.items.slice(0, 10).map((n) => engine.item(n)));
      docs.forEach((d) => search.snippet(d.text, res.terms) || search.snippet(d.summary, res.terms));
      perKey.push(Number(process.hrtime.bigint() - s) / 1e6);
    }
    const res = await engine.search(q + ' ');
    ours[q] = res.items.map((n) => items[n].href);
  }
  return { init_ms: initMs, keystroke_ms: { median: percentile(perKey, 0.5), p95: percentile(perKey, 0.95), max: Math.max(...perKey) }, ours };
}

async function browser(items) {
  const server = await serve(root);
  const b = await launch();
  const out = {};
  try {
    // First search from a cold cache: the bytes of every file it fetched.
    const page = await b.page();
    await page.call('Network.enable');
    await page.call('Network.setCacheDisabled', { cacheDisabled: true });
    await page.call('Emulation.setCPUThrottlingRate', { rate: slowdown });
    await page.goto(`${server.url}/tim-kiem/`);
    await page.eval(`(() => {
      window.__rendered = [];
      document.getElementById('tim-kiem').addEventListener('search:rendered', (e) => window.__rendered.push(e.detail));
    })()`);
    const fileBytes = (urls) => urls.reduce((acc, u) => {
      const p = path.join(root, decodeURIComponent(new URL(u).pathname));
      const f = p.endsWith('/') ? p + 'index.html' : p;
      if (!fs.existsSync(f)) return acc;
      const buf = fs.readFileSync(f);
      acc.raw += buf.length;
      acc.gzip += f.includes(`${path.sep}pagefind${path.sep}`) && !/\.(js|css|json)$/.test(f) ? buf.length : gz(buf);
      return acc;
    }, { raw: 0, gzip: 0, requests: urls.length });
    const resources = () => page.eval(`performance.getEntriesByType('resource').map((r) => r.name)`);
    const firstQuery = 'dang ky khai sinh';
    await page.eval(`document.getElementById('tk-q').focus()`);
    await page.type(firstQuery);
    await page.waitFor(`window.__rendered.some((d) => d.q === ${JSON.stringify(firstQuery)})`);
    out.ours_first_search = fileBytes([`${server.url}/tim-kiem/`, ...(await resources())]);
    // Keystroke → results on screen, typed as a person would.
    // The page measures from the input event to the results in the DOM.
    // First pass: files fetched as typing needs them (from this machine, so
    // no network time); second pass: the same typing again, files in memory.
    const typeAll = async () => {
      const lat = [];
      for (const q of QUERIES) {
      await page.eval(`(() => { const i = document.getElementById('tk-q'); i.value = ''; window.__rendered = []; })()`);
      for (const ch of q) {
        await page.call('Input.insertText', { text: ch });
        // One call that waits in the page (polling from here would compete
        // with the search for the page's thread).
        lat.push(await page.eval(`new Promise((resolve) => {
          const q = document.getElementById('tk-q').value;
          const done = () => window.__rendered.find((d) => d.q === q);
          if (done()) return resolve(done());
          document.getElementById('tim-kiem').addEventListener('search:rendered', function on() {
            if (done()) { this.removeEventListener('search:rendered', on); resolve(done()); }
          });
        })`));
      }
      }
      return lat;
    };
    const stats = (lat) => {
      const total = lat.map((d) => d.ms);
      const ranking = lat.map((d) => d.search_ms);
      return {
        keystroke_ms: { median: percentile(total, 0.5), p95: percentile(total, 0.95), max: Math.max(...total), samples: total.length },
        ranking_ms: { median: percentile(ranking, 0.5), p95: percentile(ranking, 0.95), max: Math.max(...ranking) },
        slowest: [...lat].sort((a, b) => b.ms - a.ms).slice(0, 3),
      };
    };
    out.ours_typing_cold = stats(await typeAll());
    out.ours_typing_warm = stats(await typeAll());

    if (withPagefind) {
      const pf = await b.page();
      await pf.call('Network.enable');
      await pf.call('Network.setCacheDisabled', { cacheDisabled: true });
      await pf.call('Emulation.setCPUThrottlingRate', { rate: slowdown });
      await pf.goto(`${server.url}/`);
      await pf.eval(`import('/pagefind/pagefind.js').then(async (m) => { window.__pf = m; await m.init(); })`);
      await pf.eval(`(async () => {
        const r = await window.__pf.search(${JSON.stringify(firstQuery)});
        await Promise.all(r.results.slice(0, 10).map((x) => x.data()));
      })()`);
      out.pagefind_first_search = fileBytes(await pf.eval(`performance.getEntriesByType('resource').map((r) => r.name)`));
      const pfLat = [];
      out.pagefind = {};
      for (const q of QUERIES) {
        for (let i = 1; i <= q.length; i++) {
          const typed = q.slice(0, i);
          const ms = await pf.eval(`(async () => {
            const t = performance.now();
            const r = await window.__pf.search(${JSON.stringify(typed)});
            await Promise.all(r.results.slice(0, 10).map((x) => x.data()));
            return performance.now() - t;
          })()`);
          pfLat.push(ms);
        }
        out.pagefind[q] = await pf.eval(`(async () => {
          const r = await window.__pf.search(${JSON.stringify(q)});
          const d = await Promise.all(r.results.map((x) => x.data()));
          return d.map((x) => x.url);
        })()`);
      }
      out.pagefind_query_ms = { median: percentile(pfLat, 0.5), p95: percentile(pfLat, 0.95), max: Math.max(...pfLat), samples: pfLat.length };
    }
  } finally {
    await b.close();
    server.close();
  }
  return out;
}

async function main() {
  const meta = JSON.parse(fs.readFileSync(path.join(indexDir, 'index.json'), 'utf8'));
  const items = [];
  for (let n = 0; n < meta.count; n++) items.push(JSON.parse(fs.readFileSync(path.join(indexDir, `d/${n}.json`), 'utf8')));
  const report = {
    items: meta.count,
    ours_index: {
      all: sizes(indexDir, () => false),
      first_file: { raw: fs.statSync(path.join(indexDir, 'index.json')).size, gzip: gz(fs.readFileSync(path.join(indexDir, 'index.json'))) },
      words: sizes(path.join(indexDir, 'w'), () => false),
      pairs: sizes(path.join(indexDir, 'b'), () => false),
      items: sizes(path.join(indexDir, 'd'), () => false),
    },
  };
  if (withPagefind) {
    // Pagefind's index and fragment files are gzip inside already.
    report.pagefind_index = sizes(path.join(root, 'pagefind'), (f) => !/\.(js|css|json)$/.test(f));
  }
  const nodeRun = await nodeLatency(items);
  report.node = { init_ms: nodeRun.init_ms, keystroke_ms: nodeRun.keystroke_ms };
  Object.assign(report, await browser(items));
  const judge = truth(items);
  report.quality = QUERIES.map((q) => {
    const t = judge(q);
    const row = { query: q, ours: quality(nodeRun.ours[q], t) };
    if (report.pagefind) {
      const base = new URL('http://x' + items[0].href).pathname.split('/tin-tuc/')[0];
      row.pagefind = quality(report.pagefind[q].map((u) => base + u.replace(/index\.html$/, '')), t);
    }
    return row;
  });
  delete report.pagefind;
  process.stdout.write(JSON.stringify(report, null, 1) + '\n');
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack || e));
  process.exit(1);
});
