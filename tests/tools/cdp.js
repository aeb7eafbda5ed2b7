// A minimal Chrome DevTools Protocol client over a pipe, for the browser
// test and the search benchmark: Debian's /usr/bin/chromium, headless, no
// browser download and no npm package.
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

/** Serve a folder on 127.0.0.1 (a random port); resolves to {url, close}. */
function serve(root) {
  const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css',
    '.json': 'application/json', '.svg': 'image/svg+xml', '.xml': 'application/xml' };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    let file = path.join(root, decodeURIComponent(url.pathname));
    if (!file.startsWith(path.resolve(root))) {
      res.writeHead(403).end();
      return;
    }
    if (file.endsWith('/')) file += 'index.html';
    fs.readFile(file, (err, data) => {
      if (err) {
        res.writeHead(404).end('not found');
        return;
      }
      res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream' });
      res.end(data);
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({ url: `http://127.0.0.1:${server.address().port}`, close: () => server.close() });
    });
  });
}

/** Start headless Chromium; resolves to a browser with `page()` and `close()`. */
async function launch() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'trangxa-chromium-'));
  const proc = spawn(CHROMIUM, [
    '--headless', '--remote-debugging-pipe', '--no-sandbox', '--disable-gpu',
    '--no-first-run', '--no-default-browser-check', '--disable-extensions',
    '--disable-background-networking', '--disable-dev-shm-usage', '--hide-scrollbars',
    `--user-data-dir=${profile}`, 'about:blank',
  ], { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
  let stderr = '';
  proc.stderr.on('data', (d) => { stderr += d; });
  const toChrome = proc.stdio[3];
  const fromChrome = proc.stdio[4];
  let nextId = 1;
  const pending = new Map();
  const listeners = [];
  let buffer = '';
  fromChrome.on('data', (chunk) => {
    buffer += chunk.toString('utf8');
    let end;
    while ((end = buffer.indexOf('\0')) >= 0) {
      const msg = JSON.parse(buffer.slice(0, end));
      buffer = buffer.slice(end + 1);
      if (msg.id && pending.has(msg.id)) {
        const { resolve, reject } = pending.get(msg.id);
        pending.delete(msg.id);
        if (msg.error) reject(new Error(`${msg.error.message} (${msg.error.code})`));
        else resolve(msg.result);
      } else if (msg.method) {
        listeners.forEach((l) => l(msg));
      }
    }
  });
  const exited = new Promise((resolve) => proc.on('exit', resolve));
  function send(method, params = {}, sessionId) {
    const id = nextId++;
    const msg = { id, method, params };
    if (sessionId) msg.sessionId = sessionId;
    toChrome.write(JSON.stringify(msg) + '\0');
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject: (e) => reject(new Error(`${method}: ${e.message}`)) });
      exited.then(() => reject(new Error(`chromium exited: ${stderr.slice(-2000)}`)));
    });
  }
  await send('Browser.getVersion');

  async function page(width = 412, height = 915) {
    const { targetId } = await send('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true });
    const call = (method, params) => send(method, params, sessionId);
    await call('Runtime.enable');
    await call('Page.enable');
    await call('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 1, mobile: width < 600 });
    const errors = [];
    listeners.push((m) => {
      if (m.sessionId !== sessionId) return;
      if (m.method === 'Runtime.exceptionThrown') errors.push(m.params.exceptionDetails.exception?.description || m.params.exceptionDetails.text);
      if (m.method === 'Runtime.consoleAPICalled' && m.params.type === 'error') errors.push(m.params.args.map((a) => a.value).join(' '));
    });
    const p = {
      call,
      errors,
      async eval(expression) {
        const r = await call('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
        if (r.exceptionDetails) throw new Error(`${expression}: ${r.exceptionDetails.exception?.description || r.exceptionDetails.text}`);
        return r.result.value;
      },
      async goto(url) {
        await call('Page.navigate', { url });
        await p.waitFor('document.readyState === "complete"');
      },
      async waitFor(expression, timeout = 10000) {
        const until = Date.now() + timeout;
        for (;;) {
          if (await p.eval(`!!(${expression})`)) return;
          if (Date.now() > until) throw new Error(`timed out waiting for ${expression}`);
          await new Promise((r) => setTimeout(r, 15));
        }
      },
      /** Type text one character at a time, as a person would. */
      async type(text) {
        for (const ch of text) await call('Input.insertText', { text: ch });
      },
      async key(key, code, keyCode, text) {
        await call('Input.dispatchKeyEvent', { type: 'keyDown', key, code, windowsVirtualKeyCode: keyCode, text });
        await call('Input.dispatchKeyEvent', { type: 'keyUp', key, code, windowsVirtualKeyCode: keyCode });
      },
      async screenshot(file) {
        const { data } = await call('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true });
        fs.writeFileSync(file, Buffer.from(data, 'base64'));
      },
    };
    return p;
  }

  return {
    page,
    async close() {
      try {
        await Promise.race([send('Browser.close'), new Promise((r) => setTimeout(r, 2000))]);
      } catch (e) { /* already gone */ }
      proc.kill('SIGKILL');
      await exited;
      // Chromium's helper processes may still be writing for a moment; a
      // leftover temporary profile is no failure.
      await new Promise((r) => setTimeout(r, 100));
      try {
        fs.rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
      } catch (e) { /* left in the temp folder */ }
    },
  };
}

module.exports = { launch, serve };
