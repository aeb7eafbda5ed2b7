// The browser editor (`trangxa serve`, /_bien-tap/) as a member of staff uses
// it, in Debian's Chromium: write a new article with a picture, save, see it
// in the preview, edit it, meet an error, and find the file on disk. axe
// (WCAG 2.1 AA) checks the list and the form at phone and desktop widths.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { REPO, NOW } from './lib/site.mjs';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const WIDTHS = [360, 1280];
const PICTURE = path.join(REPO, 'static', 'files', '2026', '11', '4-buoc-nop-ho-so-truc-tuyen.png');

let work; // a copy of the sample site
let serve; // the child process
let origin; // http://127.0.0.1:PORT
let browser;

/** Start `trangxa serve` on a free port and wait for the address it prints. */
function startServe(root) {
  let bin = process.env.TRANGXA_BIN;
  if (!bin) {
    execFileSync('cargo', ['build', '--quiet'], { cwd: REPO, stdio: 'inherit' });
    bin = path.join(REPO, 'target', 'debug', 'trangxa');
  }
  const child = spawn(bin, ['serve', '--port', '0', '--now', NOW, '--root', root], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d) => { err += d; });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${err}`)), 60_000);
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/http:\/\/[0-9.:]+/);
      if (m) {
        clearTimeout(timer);
        resolve({ child, origin: m[0] });
      }
    });
    child.on('exit', (code) => reject(new Error(`serve exited (${code}): ${err}`)));
  });
}

async function axe(page, what) {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const v = r.violations.map((x) => `${x.id}: ${x.help} — ${x.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  assert.deepEqual(v, [], `axe violations on ${what}`);
}

/** Wait (bounded) until `ok()` holds. */
async function poll(ok, what) {
  for (let i = 0; i < 100; i++) {
    if (await ok()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail(`never: ${what}`);
}

/** No sideways scrolling at the current width. */
async function fits(page, what) {
  const wide = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(wide <= 0, `${what} scrolls sideways by ${wide}px`);
}

before(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'trangxa-editor-'));
  for (const d of ['content', 'static', 'themes']) cpSync(path.join(REPO, d), path.join(work, d), { recursive: true });
  cpSync(path.join(REPO, 'site.yaml'), path.join(work, 'site.yaml'));
  const s = await startServe(work);
  serve = s.child;
  origin = s.origin;
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
  serve?.kill();
  if (work) rmSync(work, { recursive: true, force: true });
});

test('the list and the forms pass axe and fit at 360 and 1280 px', async () => {
  const page = await browser.newPage();
  const forms = [
    '/_bien-tap/moi?loai=tin-tuc',
    '/_bien-tap/moi?loai=van-ban',
    '/_bien-tap/moi?loai=don-vi',
    '/_bien-tap/moi?loai=thu-tuc',
    '/_bien-tap/sua?tep=thu-tuc/1.000656.md', // nested parts as YAML boxes
    '/_bien-tap/sua?tep=ke-hoach/2026/tuyen-truyen-cchc.md', // a kind edited as text
  ];
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(`${origin}/_bien-tap/`);
    await axe(page, `the list at ${width}px`);
    await fits(page, `the list at ${width}px`);
    for (const form of forms) {
      await page.goto(`${origin}${form}`);
      await page.getByRole('region', { name: 'Xem trước nội dung' }).waitFor();
      await axe(page, `${form} at ${width}px`);
      await fits(page, `${form} at ${width}px`);
    }
  }
  await page.close();
});

test('write an article with a picture, save, see it, edit it, meet an error', async () => {
  const page = await browser.newPage();
  await page.goto(`${origin}/_bien-tap/`);
  await page.getByRole('searchbox', { name: 'Tìm theo tiêu đề' }).fill('VNeID');
  await page.getByRole('button', { name: 'Lọc' }).click();
  await page.getByRole('link', { name: /kích hoạt và sử dụng ứng dụng VNeID/ }).waitFor();
  await page.getByRole('link', { name: 'Tin bài mới' }).click();

  await page.getByLabel('Tiêu đề', { exact: true }).fill('Ra quân tổng vệ sinh môi trường');
  await page.getByLabel('Đơn vị chủ trì').selectOption({ label: 'Phòng Văn hóa - Xã hội' });
  await page.getByRole('group', { name: 'Chuyên mục' }).getByLabel('Tin tức - Sự kiện', { exact: true }).check();
  await page.getByLabel('Trạng thái').selectOption({ label: 'Đã đăng' });
  const body = page.getByLabel('Nội dung', { exact: true });
  await body.fill('Sáng 22/11, các thôn, làng ra quân dọn vệ sinh.\n\n');
  // The toolbar, by keyboard: a heading line, then its text.
  await page.getByRole('button', { name: 'Tiêu đề mục' }).press('Enter');
  await body.press('End');
  await body.pressSequentially('Kết quả');
  const preview = page.getByRole('region', { name: 'Xem trước nội dung' });
  await preview.getByRole('heading', { name: 'Kết quả' }).waitFor();

  // A long list is filtered as typed, with or without diacritics.
  const procedures = page.getByRole('group', { name: 'Thủ tục hành chính liên quan' });
  await procedures.getByLabel('Lọc danh sách “Thủ tục hành chính liên quan”').fill('khai tu');
  await poll(async () => (await procedures.locator('.options label:visible').count()) === 1, 'the filter leaves one procedure');
  await procedures.getByLabel(/Đăng ký khai tử/).check();

  await page.getByLabel('Chọn ảnh để tải lên').setInputFiles(PICTURE);
  await page.getByText(/Đã tải ảnh lên/).waitFor();
  await page.getByLabel('Mô tả ảnh (cho người khiếm thị)').fill('Người dân dọn vệ sinh đường làng');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await page.getByText(/Đã lưu lúc/).waitFor();

  const dir = path.join(work, 'content', 'tin-tuc', '2026', '11');
  const file = path.join(dir, 'ra-quan-tong-ve-sinh-moi-truong.md');
  const saved = readFileSync(file, 'utf8');
  assert.match(saved, /^---\ntitle: Ra quân tổng vệ sinh môi trường\nunits: \[phong-van-hoa-xa-hoi\]\nsections: \[tin-tuc\]\nstatus: published\n/);
  assert.match(saved, /image:\n {2}src: \/files\/2026\/11\/4-buoc-nop-ho-so-truc-tuyen(-\d+)?\.png\n {2}alt: Người dân dọn vệ sinh đường làng\n/);
  assert.match(saved, /\nrelated_procedures: \["1\.000656"\]\n/);
  assert.match(saved, /---\nSáng 22\/11, các thôn, làng ra quân dọn vệ sinh\.\n\n## Kết quả\n?$/);
  const uploaded = readdirSync(path.join(work, 'static', 'files', '2026', '11'));
  assert.ok(uploaded.some((f) => /^4-buoc-nop-ho-so-truc-tuyen-\d+\.png$/.test(f)), uploaded.join(', '));

  // The article in the preview (the server rebuilds after the save).
  const view = await browser.newPage();
  const url = `${origin}/tin-tuc/ra-quan-tong-ve-sinh-moi-truong/`;
  for (let i = 0; ; i++) {
    // The 404 page reloads itself when the rebuild lands, which can take
    // over a navigation: goto then gives no response, and we ask again.
    const r = await view.goto(url).catch(() => null);
    if (r?.status() === 200) break;
    assert.ok(i < 100, 'the saved article never appeared in the preview');
    await view.waitForTimeout(100);
  }
  await view.getByRole('heading', { level: 1, name: 'Ra quân tổng vệ sinh môi trường' }).waitFor();
  await view.close();

  // Edit: a new title, and the picture's description removed → an error at
  // the picture, nothing written.
  await page.getByLabel('Tiêu đề', { exact: true }).fill('Ra quân tổng vệ sinh môi trường đợt 1');
  await page.getByLabel('Mô tả ảnh (cho người khiếm thị)').fill('');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await page.getByRole('alert').getByText(/ảnh thiếu mô tả/).waitFor();
  await page.locator('#e-image').getByText(/ảnh thiếu mô tả/).waitFor();
  assert.equal(readFileSync(file, 'utf8'), saved, 'a refused save writes nothing');
  assert.equal(await page.getByLabel('Tiêu đề', { exact: true }).inputValue(), 'Ra quân tổng vệ sinh môi trường đợt 1', 'what was typed is kept');

  await page.getByLabel('Mô tả ảnh (cho người khiếm thị)').fill('Người dân dọn vệ sinh đường làng');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await page.getByText(/Đã lưu lúc/).waitFor();
  const edited = readFileSync(file, 'utf8');
  assert.equal(edited, saved.replace('title: Ra quân tổng vệ sinh môi trường\n', 'title: Ra quân tổng vệ sinh môi trường đợt 1\n'));
  await page.close();
});
