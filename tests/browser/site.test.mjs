// The built sample site in a real browser behind a real web server:
// Debian's Chromium (playwright-core) → nginx with deploy/nginx.conf → public/.
//
// Run with `npm test` here (npm ci first); .ci/run does both after cargo test.

import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { buildSample, startNginx, walk, internalLinks, cleanup, REPO } from './lib/site.mjs';

const require = createRequire(import.meta.url);
const VNU_JAR = String(require('vnu-jar'));
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const SHOTS = path.join(REPO, 'tests', 'browser', 'screenshots');
const WIDTHS = [360, 1280];

let site; // { work, pub }
let server; // { origin, stop }
let browser;
let vnu; // Promise of the Nu Html Checker's JSON report

/** Page types the suite visits: name → path (found from the built site where it varies). */
function pageTypes(pub) {
  const files = new Set(walk(pub));
  const firstUnder = (prefix, listFile) => {
    const html = readFileSync(path.join(pub, listFile), 'utf8');
    const link = internalLinks(html).find((l) => l.startsWith(prefix) && l !== prefix && !l.includes('/trang/'));
    assert.ok(link, `no link under ${prefix} in ${listFile}`);
    return link;
  };
  const pages = {
    home: '/',
    news: '/tin-tuc/',
    article: firstUnder('/tin-tuc/', 'tin-tuc/index.html'),
    section: '/chuyen-muc/cai-cach-hanh-chinh/',
    unit: '/don-vi/ubnd-xa/',
    units: '/don-vi/',
    documents: '/van-ban/',
    document: firstUnder('/van-ban/', 'van-ban/index.html'),
    page: '/gioi-thieu/',
    access: '/tiep-can-thong-tin/',
    tags: '/tu-khoa/',
    tag: firstUnder('/tu-khoa/', 'tu-khoa/index.html'),
    sitemap: '/so-do-trang/',
    notfound: '/khong-co-trang-nay/',
  };
  // Pages other issues add: visited once they exist in the build.
  for (const [name, p] of [
    ['procedures', '/thu-tuc-hanh-chinh/'],
    ['procedures-az', '/thu-tuc-hanh-chinh/a-z/'],
    ['search', '/tim-kiem/'],
    ['par', '/cai-cach-hanh-chinh/'],
    // The sample plan (its appendix, and offline activities under each activity) and the PAR report.
    ['plan', '/ke-hoach/2026/tuyen-truyen-cchc/'],
    ['report', '/cai-cach-hanh-chinh/ket-qua-tuyen-truyen/'],
  ]) {
    if (files.has(p.slice(1) + 'index.html')) pages[name] = p;
  }
  // Every procedure, every plan and every document page: each has wide tables
  // of its own (legal basis, fees, the plan's appendix) that must fit a phone.
  for (const f of files) {
    const m = /^(thu-tuc-hanh-chinh\/\d\.\d{6}|ke-hoach\/.+|van-ban\/\d{4}\/[^/]+|cai-cach-hanh-chinh\/(?:chi-so\/)?[^/]+)\/index\.html$/.exec(f);
    if (!m || m[1].endsWith('/trang') || /\/trang\/\d+$/.test(m[1])) continue;
    const kind = m[1].startsWith('thu-tuc') ? 'procedure' : m[1].startsWith('ke-hoach') ? 'plan' : m[1].startsWith('van-ban') ? 'document' : 'par-area';
    pages[`${kind}-${path.basename(m[1])}`] = `/${m[1]}/`;
  }
  // Articles that show media (pictures, video, audio): every one is a page type of its own.
  for (const f of files) {
    if (!/^tin-tuc\/[^/]+\/index\.html$/.test(f) || f.startsWith('tin-tuc/trang/')) continue;
    const html = readFileSync(path.join(pub, f), 'utf8');
    if (/<picture|class="media/.test(html)) pages[`media-${path.basename(path.dirname(f))}`] = '/' + path.dirname(f) + '/';
  }
  return pages;
}

/** GET through nginx with raw headers (fetch would hide the encoding). */
function get(url, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

before(async () => {
  site = buildSample();
  vnu = new Promise((resolve, reject) => {
    execFile(
      'java',
      ['-Xss8m', '-jar', VNU_JAR, '--errors-only', '--format', 'json', '--also-check-css', '--skip-non-html', site.pub],
      { maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => {
        // vnu exits 1 when it finds errors; its report is the JSON on stderr.
        try {
          resolve(JSON.parse(stderr || stdout || '{"messages":[]}'));
        } catch {
          reject(new Error(`Nu Html Checker failed: ${err?.message}\n${stderr}`));
        }
      },
    );
  });
  vnu.catch(() => {}); // awaited in its own test
  server = await startNginx(site.work, site.pub);
  rmSync(SHOTS, { recursive: true, force: true });
  mkdirSync(SHOTS, { recursive: true });
  const profile = mkdtempSync(path.join(tmpdir(), 'trangxa-chromium-'));
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    viewport: { width: 1280, height: 800 },
    locale: 'vi-VN',
  });
});

after(async () => {
  await browser?.close();
  await server?.stop();
  if (site) cleanup(site.work);
});

describe('every page type, at phone and desktop widths', () => {
  test('pages load cleanly, pass axe (WCAG 2.1 AA), and fit the screen', async (t) => {
    const pages = pageTypes(site.pub);
    // PAGES=home,article npm test: only those page types (while working on the theme).
    const only = process.env.PAGES?.split(',');
    for (const [name, p] of Object.entries(pages).filter(([n]) => !only || only.includes(n))) {
      for (const width of WIDTHS) {
        await t.test(`${name} ${p} at ${width} px`, async () => {
          const page = await browser.newPage();
          await page.setViewportSize({ width, height: 800 });
          const problems = [];
          page.on('console', (m) => {
            // Chromium logs the 404 status of the 404 page itself; that one is expected.
            const own404 = name === 'notfound' && m.location().url === server.origin + p;
            if (m.type() === 'error' && !own404) problems.push(`console: ${m.text()}`);
          });
          page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
          page.on('requestfailed', (r) => problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`));
          page.on('request', (r) => {
            if (!r.url().startsWith(server.origin) && !r.url().startsWith('data:')) problems.push(`third party: ${r.url()}`);
          });
          page.on('response', (r) => {
            const expected404 = name === 'notfound' && r.url() === server.origin + p;
            if (r.status() >= 400 && !expected404) problems.push(`HTTP ${r.status()}: ${r.url()}`);
          });
          const res = await page.goto(server.origin + p, { waitUntil: 'load' });
          assert.equal(res.status(), name === 'notfound' ? 404 : 200, p);
          // Lazy images load when scrolled to: bring them all in, so a broken one shows up.
          await page.evaluate(async () => {
            for (const img of document.querySelectorAll('img[loading=lazy]')) img.loading = 'eager';
            await Promise.all([...document.images].map((i) => (i.complete ? null : new Promise((r) => { i.onload = i.onerror = r; }))));
          });
          // The top of long pages is enough to look at, and much cheaper.
          const height = Math.min(await page.evaluate(() => document.documentElement.scrollHeight), 3000);
          await page.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`), fullPage: true, clip: { x: 0, y: 0, width, height } });
          const broken = await page.evaluate(() => [...document.images].filter((i) => !i.naturalWidth).map((i) => i.currentSrc || i.src));
          assert.deepEqual(broken, [], 'images that did not load');

          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          assert.ok(overflow <= 0, `page scrolls sideways by ${overflow} px`);
          if (width < 600) {
            // On a phone no table, nor the box around it, scrolls sideways: rows are cards.
            const sideways = await page.evaluate(() =>
              [...document.querySelectorAll('table, .table-wrap')]
                .filter((e) => e.scrollWidth > e.clientWidth + 1)
                .map((e) => `${e.tagName.toLowerCase()}.${e.className.replaceAll(' ', '.')} by ${e.scrollWidth - e.clientWidth} px`),
            );
            assert.deepEqual(sideways, [], 'tables that scroll sideways');
          } else {
            // On a wide screen a table stays a table: head above body, cells in columns.
            const untabled = await page.evaluate(() =>
              [...document.querySelectorAll('table, table > thead, table > tbody, table > * > tr')]
                .filter((e) => !getComputedStyle(e).display.startsWith('table'))
                .map((e) => `${e.tagName.toLowerCase()}.${(e.closest('table').className || '').replaceAll(' ', '.')}`),
            );
            assert.deepEqual([...new Set(untabled)], [], 'tables not laid out as tables');
          }
          assert.equal(await page.locator('h1').count(), 1, 'exactly one h1');

          const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
          const violations = axe.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
          assert.deepEqual(violations, [], 'axe violations');

          assert.deepEqual(problems, [], 'console errors, failed or third-party requests');
          await page.close();
        });
      }
    }
  });

  test('the main menu fits a 320 px phone and its links are big enough to tap', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(server.origin + '/');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `home scrolls sideways by ${overflow} px at 320 px`);
    const small = await page.evaluate(() =>
      [...document.querySelectorAll('.main-nav a, .pagination a, .text-size button')]
        .filter((e) => e.offsetParent !== null)
        .map((e) => ({ text: e.textContent.trim(), h: e.getBoundingClientRect().height, w: e.getBoundingClientRect().width }))
        .filter((r) => r.h < 44 || r.w < 44),
    );
    assert.deepEqual(small, [], 'tap targets smaller than 44×44 px');
    await page.screenshot({ path: path.join(SHOTS, 'home-320.png'), fullPage: false });
    await page.close();
  });
});

describe('what the law asks of every page', () => {
  test('Dublin Core date, the access-to-information link, steps numbered once', () => {
    const pages = pageTypes(site.pub);
    const html = (p) => readFileSync(path.join(site.pub, p.slice(1), p.endsWith('/') ? 'index.html' : ''), 'utf8');
    const problems = [];
    for (const [name, p] of Object.entries(pages)) {
      if (name === 'notfound') continue;
      const page = html(p);
      if (!page.includes('<a href="/tiep-can-thong-tin/">Tiếp cận thông tin</a>')) problems.push(`${p}: no footer link to /tiep-can-thong-tin/`);
      const dated = /^(home|documents|document|plan|procedure|procedures|article|report|news)/.test(name);
      if (dated && !/<meta name="DC\.date" content="\d{4}(-\d\d){0,2}">/.test(page)) problems.push(`${p}: no DC.date`);
      for (const dc of ['title', 'creator', 'publisher', 'description', 'identifier', 'language', 'type', 'format']) {
        if (!page.includes(`<meta name="DC.${dc}"`)) problems.push(`${p}: no DC.${dc}`);
      }
      // A step that carries its own "Bước N:" is not numbered a second time.
      for (const ol of page.matchAll(/<ol[^>]*>([\s\S]*?)<\/ol>/g)) {
        if (/<li>\s*Bước \d+\s*:/.test(ol[1])) problems.push(`${p}: "Bước N:" inside a numbered list`);
      }
    }
    assert.deepEqual(problems, []);
    assert.ok(Object.keys(pages).filter((n) => n.startsWith('procedure-')).length >= 10, 'every procedure page is visited');
    assert.ok(Object.keys(pages).some((n) => n.startsWith('plan-')), 'plan pages are visited');
    const access = html('/tiep-can-thong-tin/');
    assert.equal(access.match(/Danh mục thông tin phải được công khai<\/h2>/g)?.length, 1, 'the catalogue heading once');
    assert.ok(access.includes('Thời điểm công khai'));
  });
});

describe('scripts that improve a page that works without them', () => {
  test('a video stays a link until clicked, then becomes the player; nothing is fetched from the platform before', async () => {
    const page = await browser.newPage();
    const outside = [];
    page.on('request', (r) => !r.url().startsWith(server.origin) && outside.push(r.url()));
    // The platform is out of reach here: answer for it, to see the click land.
    await page.route('https://www.youtube-nocookie.com/**', (route) => route.fulfill({ contentType: 'text/html', body: '<title>player</title>' }));
    // A page of the site with a video, as the article template renders one.
    const script = internalLinks(readFileSync(path.join(site.pub, 'index.html'), 'utf8')).find((l) => /\/static\/site\.[0-9a-f]+\.js$/.test(l));
    await page.route(server.origin + '/__video/', (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: `<!DOCTYPE html><html lang="vi"><title>Video</title><script src="${script}" defer></script>
          <a class="video-link" href="https://www.youtube.com/watch?v=AbCdEfGhIjK" data-embed="https://www.youtube-nocookie.com/embed/AbCdEfGhIjK?autoplay=1" data-title="Phóng sự">Phóng sự</a>`,
      }),
    );
    await page.goto(server.origin + '/__video/', { waitUntil: 'load' });
    assert.deepEqual(outside, [], 'no request leaves the site before the click');
    await page.click('.video-link');
    const frame = await page.waitForSelector('.video-frame iframe');
    assert.equal(await frame.getAttribute('src'), 'https://www.youtube-nocookie.com/embed/AbCdEfGhIjK?autoplay=1');
    assert.equal(await frame.getAttribute('title'), 'Phóng sự');
    await page.close();
  });

  test('a search result separates its fields and labels a procedure code "Mã thủ tục"', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto(server.origin + '/tim-kiem/?q=1.001193');
    await page.waitForSelector('#tk-ket-qua li.result');
    const meta = await page.locator('#tk-ket-qua li.result .meta').first().textContent();
    assert.match(meta, /Mã thủ tục 1\.001193/);
    assert.doesNotMatch(meta, /Số 1\.001193/);
    assert.match(meta, /Thủ tục hành chính · Mã thủ tục/);
    await page.close();
  });

  test('the text size control enlarges every page and is remembered', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto(server.origin + '/tin-tuc/');
    const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('main h1')).fontSize));
    const before = await size();
    await page.click('.text-size button[data-size="rat-lon"]');
    const after = await size();
    assert.ok(after >= before * 1.2, `h1 ${before}px → ${after}px`);
    assert.equal(await page.getAttribute('.text-size button[data-size="rat-lon"]', 'aria-pressed'), 'true');
    await page.goto(server.origin + '/van-ban/');
    assert.equal(await page.evaluate(() => document.documentElement.dataset.coChu), 'rat-lon');
    await page.screenshot({ path: path.join(SHOTS, 'text-size-large-360.png') });
    await page.click('.text-size button[data-size=""]');
    await page.close();
  });

  test('an article prints on A4 without menus or footer, with the addresses of outside links', async () => {
    const page = await browser.newPage();
    const pages = pageTypes(site.pub);
    await page.goto(server.origin + pages.article);
    await page.emulateMedia({ media: 'print' });
    const hidden = await page.evaluate(() =>
      ['.main-nav', '.site-footer', '.breadcrumbs', '.share', '.text-size'].filter((sel) => {
        const e = document.querySelector(sel);
        return e && getComputedStyle(e).display !== 'none';
      }),
    );
    assert.deepEqual(hidden, [], 'shown in print');
    assert.ok(await page.locator('main h1').isVisible(), 'the article is printed');
    const unlabelled = await page.evaluate(() =>
      [...document.querySelectorAll('.prose a[href^="http"]')]
        .filter((a) => !getComputedStyle(a, '::after').content.includes(a.getAttribute('href')))
        .map((a) => a.href),
    );
    assert.deepEqual(unlabelled, [], 'outside links print their address');
    await page.pdf({ path: path.join(SHOTS, 'article-a4.pdf'), format: 'A4' });
    await page.close();
  });
});

describe('keyboard only', () => {
  for (const width of WIDTHS) {
    test(`Tab from the top reaches the skip link, the main menu and the search box at ${width} px`, async () => {
      const page = await browser.newPage();
      await page.setViewportSize({ width, height: 800 });
      await page.goto(server.origin + '/tin-tuc/');
      const hasSearch = (await page.locator('header input[type=search]').count()) > 0;
      await page.keyboard.press('Tab');
      const first = await page.evaluate(() => ({ cls: document.activeElement.className, text: document.activeElement.textContent.trim() }));
      assert.match(first.cls, /skip/, 'first Tab lands on the skip link');
      const box = await page.evaluate(() => document.activeElement.getBoundingClientRect().height);
      assert.ok(box > 0, 'skip link is visible when focused');

      let reachedMenu = false;
      let reachedSearch = false;
      for (let i = 0; i < 30 && !(reachedMenu && (reachedSearch || !hasSearch)); i++) {
        await page.keyboard.press('Tab');
        const f = await page.evaluate(() => {
          const e = document.activeElement;
          return { tag: e.tagName, inNav: !!e.closest('.main-nav'), type: e.getAttribute('type') };
        });
        if (f.inNav && f.tag === 'A') reachedMenu = true;
        if (f.type === 'search') reachedSearch = true;
      }
      assert.ok(reachedMenu, 'Tab reaches a main menu link');
      if (hasSearch) assert.ok(reachedSearch, 'Tab reaches the search box');

      // The skip link moves focus past the header into the main content.
      await page.goto(server.origin + '/tin-tuc/');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      const inMain = await page.evaluate(() => !!document.activeElement.closest('main'));
      assert.ok(inMain, 'after the skip link, Tab continues inside <main>');
      await page.close();
    });
  }
});

describe('the Nu Html Checker', () => {
  test('finds no errors in any page of public/', async () => {
    const report = await vnu;
    assert.ok(Array.isArray(report.messages), 'the checker produced a report');
    const errors = report.messages
      .filter((m) => m.type === 'error' || m.subType === 'fatal')
      .map((m) => `${m.url?.replace(`file:${site.pub}`, '')}:${m.lastLine}: ${m.message}`);
    assert.deepEqual(errors, []);
  });
});

describe('nginx with deploy/nginx.conf', () => {
  test('every internal link and image of every page resolves with HTTP 200', async () => {
    const targets = new Map();
    for (const f of walk(site.pub).filter((f) => f.endsWith('.html'))) {
      for (const link of internalLinks(readFileSync(path.join(site.pub, f), 'utf8'))) {
        if (!targets.has(link)) targets.set(link, f);
      }
    }
    assert.ok(targets.size > 50, `only ${targets.size} links found`);
    const bad = [];
    const queue = [...targets];
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          const [link, from] = next;
          const r = await get(server.origin + link);
          if (r.status !== 200) bad.push(`${link} (from ${from}): ${r.status}`);
        }
      }),
    );
    assert.deepEqual(bad, []);
  });

  test('an unknown path gets the site 404 page with status 404', async () => {
    const r = await get(server.origin + '/khong-co/trang-nay/');
    assert.equal(r.status, 404);
    assert.match(r.body.toString(), /Không tìm thấy trang/);
    assert.match(r.headers['content-type'], /text\/html; charset=utf-8/);
  });

  test('hashed assets are cached for a year, pages briefly, and text is gzipped with a charset', async () => {
    const home = await get(server.origin + '/', { 'accept-encoding': 'gzip' });
    assert.equal(home.headers['content-encoding'], 'gzip');
    assert.match(home.headers['cache-control'], /max-age=300/);
    assert.match(home.headers['content-type'], /text\/html; charset=utf-8/);
    const css = internalLinks(readFileSync(path.join(site.pub, 'index.html'), 'utf8')).find((l) => /^\/static\/style\.[0-9a-f]{10}\.css$/.test(l));
    assert.ok(css, 'home links a hashed style sheet');
    const r = await get(server.origin + css, { 'accept-encoding': 'gzip' });
    assert.equal(r.status, 200);
    assert.match(r.headers['cache-control'], /max-age=31536000.*immutable/);
    assert.match(r.headers['content-type'], /text\/css; charset=utf-8/);
    assert.equal(r.headers['content-encoding'], 'gzip');
    assert.match(r.headers.vary ?? '', /Accept-Encoding/i);
  });

  test('feeds and the sitemap have XML types; security headers are on every response', async () => {
    const rss = await get(server.origin + '/rss.xml');
    assert.match(rss.headers['content-type'], /^application\/rss\+xml; charset=utf-8/);
    const atom = await get(server.origin + '/chuyen-muc/cai-cach-hanh-chinh/atom.xml');
    assert.match(atom.headers['content-type'], /^application\/atom\+xml; charset=utf-8/);
    const map = await get(server.origin + '/sitemap.xml');
    assert.match(map.headers['content-type'], /xml; charset=utf-8/);
    const robots = await get(server.origin + '/robots.txt');
    assert.match(robots.headers['content-type'], /^text\/plain; charset=utf-8/);
    for (const r of [rss, map, robots, await get(server.origin + '/nope')]) {
      assert.equal(r.headers['x-content-type-options'], 'nosniff');
      assert.equal(r.headers['referrer-policy'], 'strict-origin-when-cross-origin');
      assert.match(r.headers['content-security-policy'], /default-src 'self'/);
    }
  });

  test('a folder without its slash redirects to it', async () => {
    const r = await get(server.origin + '/tin-tuc');
    assert.equal(r.status, 301);
    assert.equal(r.headers.location, '/tin-tuc/');
  });
});
