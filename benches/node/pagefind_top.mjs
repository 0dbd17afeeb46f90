// The top results Pagefind gives for each query on a built site, in headless
// Chromium (Pagefind's search runs only in a browser):
//   node benches/node/pagefind_top.mjs SITE QUERIES.json OUT.json [--top 10]
// SITE must already hold pagefind/ (run `pagefind --site SITE` first).
// Writes {query: [url path, …]} in Pagefind's order.
import { createServer } from 'node:http';
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

const [site, queriesFile, outFile] = process.argv.slice(2);
const top = Number(process.argv[process.argv.indexOf('--top') + 1]) || 10;
const { chromium } = createRequire(import.meta.url)('playwright-core');
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm' };

const server = createServer(async (req, res) => {
  let p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  if (p.endsWith('/')) p += 'index.html';
  try {
    const body = await readFile(path.join(site, path.normalize(p)));
    res.writeHead(200, { 'content-type': TYPES[path.extname(p)] || 'application/octet-stream' });
    res.end(body);
  } catch {
    res.writeHead(404);
    res.end();
  }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium' });
const page = await browser.newPage();
await page.goto(base + '404.html').catch(() => page.goto(base));
const queries = JSON.parse(await readFile(queriesFile, 'utf8')).queries.map((q) => q.query);
const out = {};
for (const q of queries) {
  out[q] = await page.evaluate(async ({ q, top, base }) => {
    if (!window.__pf) window.__pf = await import(base + 'pagefind/pagefind.js');
    const r = await window.__pf.search(q);
    const data = await Promise.all(r.results.slice(0, top).map((x) => x.data()));
    return data.map((d) => new URL(d.url, base).pathname);
  }, { q, top, base });
}
await browser.close();
server.close();
await writeFile(outFile, JSON.stringify(out, null, 1));
