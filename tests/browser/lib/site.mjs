// Build the sample site and serve it through a real nginx that includes the
// shipped deploy/nginx.conf, on a free loopback port, as the current user.

import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, readdirSync, statSync, rmSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** The same clock as the Rust tests, so scheduled sample items are published. */
export const NOW = '2026-11-27T12:00:00+07:00';

/** Build the sample site with the debug binary (built first if stale) into a temp folder. */
export function buildSample() {
  const work = mkdtempSync(path.join(tmpdir(), 'trangxa-browser-'));
  let bin = process.env.TRANGXA_BIN;
  if (!bin) {
    execFileSync('cargo', ['build', '--quiet'], { cwd: REPO, stdio: 'inherit' });
    bin = path.join(REPO, 'target', 'debug', 'trangxa');
  }
  const pub = path.join(work, 'public');
  execFileSync(bin, ['build', '--root', REPO, '--output', pub, '--now', NOW], { stdio: ['ignore', 'ignore', 'inherit'] });
  return { work, pub };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find(existsSync) ?? 'nginx';

/** Start nginx serving `pub`; resolves to { origin, stop }. */
export async function startNginx(work, pub) {
  const prefix = path.join(work, 'nginx');
  mkdirSync(path.join(prefix, 'logs'), { recursive: true });
  const port = await freePort();
  const temp = (name) => path.join(prefix, name);
  // Root would hand the workers to `nobody`, who cannot read a private temp dir.
  const user = process.getuid?.() === 0 ? `user ${userInfo().username};` : '';
  const conf = `
${user}
worker_processes 1;
daemon off;
pid ${temp('nginx.pid')};
error_log ${temp('logs/error.log')} warn;
events { worker_connections 128; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log ${temp('logs/access.log')};
  client_body_temp_path ${temp('client_body')};
  proxy_temp_path ${temp('proxy')};
  fastcgi_temp_path ${temp('fastcgi')};
  uwsgi_temp_path ${temp('uwsgi')};
  scgi_temp_path ${temp('scgi')};
  server {
    listen 127.0.0.1:${port};
    server_name localhost;
    root ${pub};
    include ${path.join(REPO, 'deploy', 'nginx.conf')};
  }
}
`;
  const confPath = temp('nginx.conf');
  writeFileSync(confPath, conf);
  const proc = spawn(NGINX, ['-p', prefix, '-e', temp('logs/error.log'), '-c', confPath], { stdio: ['ignore', 'inherit', 'inherit'] });
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (proc.exitCode !== null) {
      throw new Error(`nginx exited (${proc.exitCode}):\n${readFileSync(temp('logs/error.log'), 'utf8')}`);
    }
    try {
      await fetch(origin + '/');
      break;
    } catch {
      if (Date.now() > deadline) throw new Error('nginx did not start in 10 s');
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const stop = () =>
    new Promise((resolve) => {
      if (proc.exitCode !== null) return resolve();
      proc.once('exit', () => resolve());
      proc.kill('SIGQUIT');
    });
  return { origin, stop, errorLog: temp('logs/error.log') };
}

/** Every file under `dir`, relative, `/`-separated. */
export function walk(dir, base = dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p, base));
    else out.push(path.relative(base, p).split(path.sep).join('/'));
  }
  return out.sort();
}

/** Site-internal URLs named by href, src and srcset attributes of an HTML text. */
export function internalLinks(html) {
  const out = new Set();
  for (const m of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) out.add(m[1]);
  for (const m of html.matchAll(/\ssrcset="([^"]*)"/g)) {
    for (const part of m[1].split(',')) out.add(part.trim().split(/\s+/)[0]);
  }
  return [...out]
    .map((u) => u.replaceAll('&amp;', '&').split('#')[0])
    .filter((u) => u.startsWith('/') && !u.startsWith('//'));
}

export function cleanup(work) {
  rmSync(work, { recursive: true, force: true });
}
