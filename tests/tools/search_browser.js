// Browser test of the search page: serves a built site, opens it in headless
// Chromium, types queries into the search boxes as a person would, and
// prints what the page shows as JSON (the Rust test checks it).
//   node search_browser.js <public dir> [screenshot.png]
'use strict';
const path = require('path');
const { launch, serve } = require(path.join(__dirname, 'cdp.js'));

const [root, shot] = process.argv.slice(2);

const SHOWN = `(() => {
  const list = document.getElementById('tk-ket-qua');
  const items = Array.from(list.querySelectorAll('.result'));
  return {
    status: document.getElementById('tk-dem').textContent,
    live: document.getElementById('tk-thong-bao').textContent,
    titles: items.map((li) => li.querySelector('.result-title').textContent),
    marks: items.length ? Array.from(items[0].querySelectorAll('mark')).map((m) => m.textContent) : [],
    meta: items.length ? items[0].querySelector('.meta').textContent : '',
    elements_in_results: Array.from(new Set(Array.from(list.querySelectorAll('.result-title a *, .snippet *')).map((e) => e.tagName))),
    url: location.pathname + location.search,
  };
})()`;

async function main() {
  const server = await serve(root);
  const browser = await launch();
  const out = {};
  try {
    const page = await browser.page();
    await page.goto(`${server.url}/tim-kiem/`);
    out.no_js_notice_hidden = await page.eval(`document.getElementById('tk-khong-js').hidden`);
    out.browse_shown = await page.eval(`!document.getElementById('tk-danh-muc-wrap').hidden`);

    // Type into the page's field, one character at a time.
    const typed = async (query) => {
      await page.eval(`(() => { const i = document.getElementById('tk-q'); i.value = ''; i.focus(); })()`);
      await page.type(query);
      await page.waitFor(`document.getElementById('tk-dem').textContent.includes(${JSON.stringify(query.trim())})`);
      return page.eval(SHOWN);
    };
    out.queries = {};
    for (const q of ['dang ky cu tru', 'đăng ký cư trú', 'duong', 'đường', '135/KH-UBND', '1.001193', 'xyzzy', 'lua dao']) {
      out.queries[q] = await typed(q);
    }
    out.browse_hidden_with_query = await page.eval(`document.getElementById('tk-danh-muc-wrap').hidden`);

    // Arrow down moves from the field to the first result.
    await typed('dang ky cu tru');
    await new Promise((r) => setTimeout(r, 1000));
    out.announced = await page.eval(`document.getElementById('tk-thong-bao').textContent`);
    await page.key('ArrowDown', 'ArrowDown', 40);
    out.focus_after_arrow = await page.eval(`document.activeElement.closest('.result-title') ? document.activeElement.textContent : document.activeElement.id`);

    // The type filter narrows the results.
    await page.eval(`(() => { const s = document.getElementById('tk-loai'); s.value = 'van-ban'; s.dispatchEvent(new Event('change')); })()`);
    await page.waitFor(`location.search.includes('loai=van-ban') && document.querySelector('.result .badge') && document.querySelector('.result .badge').textContent === 'Văn bản'`);
    out.filtered = await page.eval(SHOWN);
    if (shot) await page.screenshot(shot);

    // The header box on another page leads to the search page with results.
    await page.goto(`${server.url}/`);
    await page.eval(`document.getElementById('header-q').focus()`);
    await page.type('dang ky cu tru');
    await page.key('Enter', 'Enter', 13, '\r');
    await page.waitFor(`location.pathname === '/tim-kiem/' && document.readyState === 'complete' && document.getElementById('tk-dem').textContent.includes('dang ky cu tru')`);
    out.from_header = await page.eval(SHOWN);
    out.errors = page.errors;
  } finally {
    await browser.close();
    server.close();
  }
  process.stdout.write(JSON.stringify(out, null, 1));
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack || e));
  process.exit(1);
});
