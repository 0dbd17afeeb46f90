// Shared harness for the browser tests: build the handbook with the real
// binary, serve it over real HTTP on loopback, drive Debian's Chromium.
import { before, after } from 'node:test';
import { createRequire } from 'node:module';
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { readFile, stat, mkdtemp, cp } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const binary = process.env.HANDBOOK_BIN || path.join(repo, 'target/debug/handbook');

const temps = [];
// Every test file runs in a process of its own: its temp folders (copies
// of handbooks with their search indexes, built sites) go when it ends,
// passed or failed, so runs do not fill /tmp. HANDBOOK_KEEP_TEMP=1 keeps
// them to look at after a failure.
process.on('exit', () => {
  if (process.env.HANDBOOK_KEEP_TEMP) return;
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/** A new empty folder under the system's temp folder, removed when the test process exits. */
export async function tempFolder(prefix) {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
}

let bundledCopy;
/**
 * The bundled handbook's sources copied to a temp folder once per test
 * file: a build writes its search index into the root it builds
 * (`search-index/`), and the tests must leave the repository as it was.
 */
export function bundledHandbook() {
  bundledCopy ??= (async () => {
    const root = await tempFolder('handbook-root-');
    for (const part of ['content', 'themes', 'editions', 'handbook.yaml']) {
      await cp(path.join(repo, part), path.join(root, part), { recursive: true });
    }
    return root;
  })();
  return bundledCopy;
}

/** Builds `root` (default: a copy of the bundled handbook) into a fresh temp folder. */
export async function buildSite({ root, baseUrl, edition, extraArgs = [] } = {}) {
  root ??= await bundledHandbook();
  const out = await tempFolder('handbook-site-');
  const args = ['build', '--root', root, '--out', out, ...extraArgs];
  if (baseUrl) args.push('--base-url', baseUrl);
  if (edition) args.push('--edition', edition);
  const r = spawnSync(binary, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`handbook build failed (${r.status}):\n${r.stderr}`);
  return out;
}

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.xml': 'application/xml', '.txt': 'text/plain; charset=utf-8', '.wasm': 'application/wasm',
  '.pdf': 'application/pdf', '.bin': 'application/octet-stream',
};

/** Serves `dir` under `basePath` (like static hosting); counts bytes sent per path, and what they gzip to. */
export async function serve(dir, basePath = '/') {
  const log = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    let p = decodeURIComponent(url.pathname);
    if (!p.startsWith(basePath)) { res.writeHead(404); return res.end(); }
    p = p.slice(basePath.length);
    let file = path.join(dir, p);
    if (!file.startsWith(dir)) { res.writeHead(403); return res.end(); }
    try {
      if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
      const body = await readFile(file);
      // a host compresses what gets smaller (not files gzip'd already)
      log.push({ path: url.pathname, bytes: body.length, gz: Math.min(body.length, gzipSync(body).length) });
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
      res.end(body);
    } catch {
      const body = await readFile(path.join(dir, '404.html')).catch(() => 'not found');
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      res.end(body);
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, url: (p = '') => origin + basePath + p.replace(/^\//, ''), log, close: () => new Promise((ok) => server.close(ok)) };
}

/** Debian's Chromium, with the flags this sandbox needs. */
export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A page that records console errors, failed requests and requests to other hosts. */
export async function openPage(browser, { width = 1280, height = 900 } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'de-DE' });
  const page = await context.newPage();
  const problems = { console: [], failed: [], foreign: [] };
  page.on('console', (m) => { if (m.type() === 'error') problems.console.push(m.text()); });
  page.on('pageerror', (e) => problems.console.push(String(e)));
  page.on('requestfailed', (r) => problems.failed.push(r.url()));
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (!['127.0.0.1', 'localhost'].includes(u.hostname) && !['data:', 'blob:', 'about:'].includes(u.protocol)) problems.foreign.push(r.url());
  });
  return { page, context, problems };
}

/**
 * The bundled handbook built once for a test file into a temp folder,
 * served over loopback, and a Chromium to read it: `site` (the folder),
 * `server` and `browser` are set by the `before` hook this registers, and
 * closed by its `after` hook.
 */
export function builtHandbook() {
  const handbook = { site: undefined, server: undefined, browser: undefined };
  before(async () => {
    handbook.site = await buildSite();
    handbook.server = await serve(handbook.site);
    handbook.browser = await launch();
  });
  after(async () => {
    await handbook.browser?.close();
    await handbook.server?.close();
  });
  return handbook;
}

const require = createRequire(import.meta.url);
const axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical violations on `page`, one line each: rule, help, first elements. */
export async function axe(page) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations
    .filter((v) => ['serious', 'critical'].includes(v.impact))
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}

/** A private copy of `tests/fixtures/<fixture>` in a new temp folder. */
export async function copyFixture(fixture) {
  const root = await tempFolder('handbook-editor-');
  await cp(path.join(repo, 'tests/fixtures', fixture), root, { recursive: true });
  return root;
}

/**
 * `handbook serve --edit` started as a user starts it (inside `root`, no
 * --root): the printed `start` address and the `server` process.
 */
export async function serveEditor(root, extraArgs = []) {
  const server = spawn(binary, ['serve', '--edit', '--port', '0', ...extraArgs], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  const start = await new Promise((resolve, reject) => {
    let buf = '';
    server.stderr.on('data', (d) => {
      buf += d;
      const m = buf.match(/Redaktion: (http:\/\/\S+)/);
      if (m) resolve(m[1]);
    });
    server.on('exit', (code) => reject(new Error(`serve --edit exited with ${code}: ${buf}`)));
  });
  return { start, server };
}

/** The editor on a private copy of a fixture: `root`, `start`, `server`. */
export async function startEditor(fixture, extraArgs = []) {
  const root = await copyFixture(fixture);
  return { root, ...(await serveEditor(root, extraArgs)) };
}
