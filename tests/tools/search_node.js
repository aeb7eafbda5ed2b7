// Runs the browser's search code (themes/default/static/search.js) under Node
// for the Rust tests: `fold` checks it cuts and folds text like the Rust side;
// `query <index dir>` searches a built index as the search page would.
// Reads a JSON array from stdin, writes a JSON array to stdout.
'use strict';
const fs = require('fs');
const path = require('path');
const search = require(path.join(__dirname, '../../themes/default/static/search.js'));

const input = JSON.parse(fs.readFileSync(0, 'utf8'));
const [mode, dir] = process.argv.slice(2);

async function main() {
  if (mode === 'fold') {
    return input.map((s) => ({
      fold: search.fold(s),
      key: search.toneKey(s),
      tokens: search.tokens(s.normalize('NFC')).map((t) => [t.text, t.code]),
    }));
  }
  if (mode === 'query') {
    const engine = new search.Engine(async (rel) =>
      JSON.parse(fs.readFileSync(path.join(dir, rel), 'utf8')));
    const out = [];
    for (const q of input) {
      const res = await engine.search(q.q, { type: q.type || '', unit: q.unit || '' });
      const items = await Promise.all(res.items.map((n) => engine.item(n)));
      const first = items[0];
      const snip = first && (search.snippet(first.text, res.terms) || search.snippet(first.summary, res.terms));
      out.push({
        q: q.q,
        partial: res.partial,
        titles: items.map((d) => d.title),
        snippet: snip ? snip.map((p) => (p.mark ? `<mark>${p.text}</mark>` : p.text)).join('') : null,
      });
    }
    return out;
  }
  throw new Error(`unknown mode ${mode}`);
}

main().then(
  (out) => process.stdout.write(JSON.stringify(out)),
  (e) => {
    process.stderr.write(String(e && e.stack || e));
    process.exit(1);
  },
);
