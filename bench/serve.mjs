// Build the sample site and serve it through nginx with deploy/nginx.conf,
// as the browser suite does; print the address, stop on SIGTERM/SIGINT.
import { buildSample, startNginx, cleanup } from '../tests/browser/lib/site.mjs';

const site = buildSample();
const server = await startNginx(site.work, site.pub);
console.log(server.origin);
const stop = async () => {
  await server.stop();
  cleanup(site.work);
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
setInterval(() => {}, 1 << 30);
