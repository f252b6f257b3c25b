// Render check without the API server: serves dist-h5 as static files and screenshots the login
// page and the logged-out home tab. API calls fail here, which also shows how errors are drawn.
// Usage: node e2e/smoke-static.mjs   (after npm run build:h5)
import { createReadStream, existsSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { openBrowser } from './lib/browser.mjs';
import { assert, byTestId, screenshot } from './lib/app.mjs';
import { H5_DIR } from './lib/paths.mjs';

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png', '.svg': 'image/svg+xml' };

function serveStatic(root) {
  return http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = path.join(root, pathname === '/' ? 'index.html' : pathname);
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
}

const server = serveStatic(H5_DIR);
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const baseUrl = `http://127.0.0.1:${server.address().port}`;
const browser = await openBrowser();
const errors = [];
browser.page.on('pageerror', (error) => errors.push(error.message));
let ok = false;
try {
  const { page } = browser;
  await page.goto(`${baseUrl}/#/pages/home/index`);
  await byTestId(page, 'go-login').waitFor();
  console.log(`home (logged out) → ${await screenshot(page, 'static-home-logged-out')}`);
  await byTestId(page, 'go-login').click();
  await page.getByText('登录红邻').first().waitFor();
  await byTestId(page, 'load-error').waitFor(); // no API behind a static server
  console.log(`login → ${await screenshot(page, 'static-login')}`);
  assert(errors.length === 0, `page errors: ${errors.join('; ')}`);
  ok = true;
  console.log('✓ h5 build renders the home and login pages');
} catch (error) {
  console.log(`✗ h5 build renders the home and login pages\n    ${error.stack ?? error}`);
} finally {
  await browser.close();
  server.close();
}
process.exit(ok ? 0 : 1);
