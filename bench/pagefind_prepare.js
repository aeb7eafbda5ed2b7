// Mark the item pages of a built site for Pagefind, as a site owner would
// configure it (data-pagefind-body on <main>), so that Pagefind, like our
// index, holds the published items and not list, tag or unit pages.
//   node bench/pagefind_prepare.js <public dir>
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.resolve(process.argv[2]);
const dir = path.join(root, 'tim-kiem/chi-muc');
const { count } = JSON.parse(fs.readFileSync(path.join(dir, 'index.json'), 'utf8'));
let marked = 0;
for (let n = 0; n < count; n++) {
  const { href } = JSON.parse(fs.readFileSync(path.join(dir, `d/${n}.json`), 'utf8'));
  const file = path.join(root, decodeURIComponent(href), 'index.html');
  const html = fs.readFileSync(file, 'utf8');
  if (!html.includes('data-pagefind-body')) {
    fs.writeFileSync(file, html.replace('<main id="noi-dung"', '<main data-pagefind-body id="noi-dung"'));
    marked++;
  }
}
console.error(`${marked} item pages marked for Pagefind`);
