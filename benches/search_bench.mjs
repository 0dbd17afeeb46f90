#!/usr/bin/env node
// Compares our client-side search (themes/default/static/search.js over the
// static shards in <site>/suche/) with Pagefind on the same built site, in
// headless Debian Chromium, and prints a Markdown report to stdout.
//
//   npm ci --prefix benches/node          # once: pagefind + playwright-core
//   ./target/debug/handbook build --out /tmp/hb-site
//   node benches/search_bench.mjs --site /tmp/hb-site [--json out.json]
//
// Options:
//   --site DIR          built site (required); never modified: Pagefind runs on a temp copy
//   --queries FILE      query set (default benches/german_queries.json; for generated
//                       corpora use benches/corpus_queries.json, for the long-document
//                       corpus benches/long_queries.json; a judged set of
//                       benches/relevance/ works too). Entries with "expected" URL
//                       paths are scored for quality (top-N hit), the others only timed;
//                       entries with a "category" are also summarised per category.
//   --json PATH         also write every measurement as JSON
//   --our-index-ms N    our index build time, printed next to Pagefind's (not measurable here)
//   --index-cmd CMD     shell command run first and timed, e.g.
//                       "./target/release/handbook build --root R --out DIR --timings";
//                       if it prints `timings (ms): ... index N`, N is taken as our index
//                       time, else the command's wall time (unless --our-index-ms is given)
//   --warm-runs N       repeats of each query on the already warm page (default 5)
//   --index-runs N      Pagefind indexing runs, median reported (default 1)
//   --top N             results that count, for data() loading and quality (default 5)
//   --base-path P       path the site was built for (--base-url), default /
//   --no-gzip           serve every file uncompressed (default: gzip text types, as static hosts do)
//   --chromium PATH     browser binary (default $CHROMIUM or /usr/bin/chromium)
//   --keep              keep the temp copy with Pagefind's index
//   --pagefind-exclude D  comma-separated folders of the site Pagefind does not index
//                       (removed from its copy), default `druckfassung`: the print
//                       edition repeats every page in one HTML file, which our index
//                       leaves out and a Pagefind user would too; `--pagefind-exclude ''`
//                       indexes everything (as the figures before 2026-11-23 15:00 did)
//
// What is measured, per query and engine, in a fresh browser context (empty
// HTTP cache) that has loaded <base>suche/ (the page itself, its CSS and
// search.js are loaded before the query starts and are not counted):
//   - bytes: every response the local server sends after the query starts,
//     body bytes as sent (gzip'd where it compresses) and the files' sizes.
//     The server's count is the one reported: Pagefind 1.5+ runs its search in
//     a SharedWorker, and while Playwright does report the worker's requests,
//     it gives no size for the worker script itself. The browser-side count
//     (Playwright request.sizes(), i.e. CDP loadingFinished encodedDataLength
//     minus the headers) is recorded next to it and compared in the notes.
//   - cold latency: performance.now() in the page around the first query.
//     Ours: `await window.HandbookSearch.search(q, {limit: N})`, the function
//     search.js exposes and its search box calls; it returns the top N with
//     title and snippet, so it includes fetching whatever index files that
//     takes (nothing here depends on the format of suche/ beyond that API). (The box renders 10 hits; DOM
//     rendering is not timed for either engine.) Pagefind:
//     `await import('/pagefind/pagefind.js')` (cold only), `await
//     pagefind.search(q)` and `await data()` of the top N results.
//   - warm latency: the same query repeated --warm-runs times on that page.
//   - largest file: the largest single response of any query, as stored
//     (Pagefind's index files are stored gzip'd) and gzip'd (-6, as sent for
//     text types); and the largest index file on disk, both ways.
// Quality: a query answers well if one of its expected URL paths (anchors,
// query strings and a trailing index.html ignored) is among the top N.
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..');
const NODE_DIR = path.join(HERE, 'node');

// ---------------------------------------------------------------- arguments
function parseArgs(argv) {
  const opts = {
    site: null, queries: path.join(HERE, 'german_queries.json'), json: null, ourIndexMs: null,
    indexCmd: null, warmRuns: 5, indexRuns: 1, top: 5, basePath: '/', gzip: true,
    chromium: process.env.CHROMIUM || '/usr/bin/chromium', keep: false, pagefindExclude: 'druckfassung',
  };
  const valueFlags = {
    '--site': 'site', '--queries': 'queries', '--json': 'json', '--our-index-ms': 'ourIndexMs',
    '--index-cmd': 'indexCmd', '--warm-runs': 'warmRuns', '--index-runs': 'indexRuns', '--top': 'top',
    '--base-path': 'basePath', '--chromium': 'chromium', '--pagefind-exclude': 'pagefindExclude',
  };
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i];
    let v = null;
    const eq = a.indexOf('=');
    if (a.startsWith('--') && eq > 0) { v = a.slice(eq + 1); a = a.slice(0, eq); }
    if (a === '--help' || a === '-h') { usage(0); }
    else if (a === '--no-gzip') opts.gzip = false;
    else if (a === '--keep') opts.keep = true;
    else if (valueFlags[a]) {
      if (v === null) { v = argv[++i]; if (v === undefined) fail(`${a} needs a value`); }
      opts[valueFlags[a]] = v;
    } else fail(`unknown argument: ${argv[i]}`);
  }
  if (!opts.site) usage(2);
  for (const k of ['warmRuns', 'indexRuns', 'top']) {
    opts[k] = Number(opts[k]);
    if (!Number.isInteger(opts[k]) || opts[k] < (k === 'warmRuns' ? 0 : 1)) fail(`bad --${k}`);
  }
  if (opts.ourIndexMs !== null) {
    opts.ourIndexMs = Number(opts.ourIndexMs);
    if (!Number.isFinite(opts.ourIndexMs)) fail('bad --our-index-ms');
  }
  if (!opts.basePath.startsWith('/')) opts.basePath = '/' + opts.basePath;
  if (!opts.basePath.endsWith('/')) opts.basePath += '/';
  opts.site = path.resolve(opts.site);
  opts.queries = path.resolve(opts.queries);
  return opts;
}

function usage(code) {
  const text = 'usage: node benches/search_bench.mjs --site DIR [--queries FILE] [--json PATH] ' +
    '[--our-index-ms N] [--index-cmd CMD] [--warm-runs N] [--index-runs N] [--top N] ' +
    '[--base-path P] [--no-gzip] [--chromium PATH] [--keep] [--pagefind-exclude DIRS]\n(see the comment at the top of the file)';
  (code ? process.stderr : process.stdout).write(text + '\n');
  process.exit(code);
}

function fail(msg) { process.stderr.write(`search_bench: ${msg}\n`); process.exit(2); }
const log = (msg) => process.stderr.write(`[search_bench] ${msg}\n`);

function shellQuote(s) { return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`; }

// ---------------------------------------------------------------- helpers
const median = (xs) => quantile(xs, 0.5);
function quantile(xs, q) {
  // nearest rank on the sorted sample (p50 of an even count: mean of the middle two)
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  if (q === 0.5) { const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; }
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}
const sum = (xs) => xs.reduce((a, b) => a + b, 0);

/** All files under dir (iterative walk, O(files)). */
async function walk(dir) {
  const out = [];
  const stack = [dir];
  while (stack.length) {
    const d = stack.pop();
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) stack.push(p);
      else if (e.isFile()) out.push({ path: p, rel: path.relative(dir, p), size: (await stat(p)).size });
    }
  }
  return out;
}

/** The URL path a result points at, relative to the site root (base path cut off), for
 *  comparing: no origin, anchor, query or trailing index.html. */
function normUrl(u, base) {
  let p;
  try { p = new URL(u, 'http://x' + base).pathname; } catch { return String(u); }
  try { p = decodeURI(p); } catch { /* keep as is */ }
  if (base !== '/' && p.startsWith(base)) p = p.slice(base.length - 1);
  return p.replace(/index\.html$/, '');
}

const fmtKB = (b) => (b === null || b === undefined ? '–' : `${(b / 1000).toFixed(1)} kB`);
const fmtMs = (ms) => (ms === null || ms === undefined ? '–' : ms >= 100 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(1)} ms`);
const fmtInt = (n) => (n === null || n === undefined ? '–' : n.toLocaleString('en-US'));
function ratio(a, b) {
  if (a === null || b === null || a === undefined || b === undefined || !(b > 0)) return '–';
  const r = a / b;
  return `${r >= 10 ? r.toFixed(0) : r.toFixed(2)}×`;
}
const mdCell = (s) => String(s).replace(/\|/g, '\\|');

function loadPlaywright() {
  for (const pkg of [path.join(NODE_DIR, 'package.json'), path.join(REPO, 'tests/browser/package.json')]) {
    try { return createRequire(pkg)('playwright-core'); } catch { /* next */ }
  }
  fail('playwright-core not found: run `npm ci --prefix benches/node`');
}

function pagefindBin() {
  const bin = path.join(NODE_DIR, 'node_modules', '.bin', 'pagefind');
  if (!existsSync(bin)) fail('pagefind not found: run `npm ci --prefix benches/node`');
  return bin;
}

function run(cmd, args, opts = {}) {
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    const p = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], ...opts });
    let out = '';
    p.stdout.on('data', (d) => { out += d; });
    p.stderr.on('data', (d) => { out += d; });
    p.on('close', (code) => resolve({ code, out, ms: Number(process.hrtime.bigint() - t0) / 1e6 }));
    p.on('error', (e) => resolve({ code: -1, out: String(e), ms: 0 }));
  });
}

// ---------------------------------------------------------------- server
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg',
  '.webp': 'image/webp', '.ico': 'image/x-icon', '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8', '.wasm': 'application/wasm', '.pdf': 'application/pdf',
  // Pagefind's own files are gzip'd binaries already
  '.pagefind': 'application/octet-stream', '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream', '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.svg', '.xml', '.txt']);

/** Serves dir under basePath on 127.0.0.1:<ephemeral>, logging every response's bytes. */
async function serve(dir, basePath, gzip) {
  const entries = [];
  const gzCache = new Map();
  const root = path.resolve(dir);
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    const entry = { path: url.pathname, status: 0, fileBytes: 0, sentBytes: 0, gzBytes: 0, gzip: false, done: false };
    entries.push(entry);
    res.on('close', () => { entry.done = true; });
    const send = (status, headers, body) => {
      entry.status = status;
      entry.sentBytes = body.length;
      res.writeHead(status, { 'content-length': body.length, ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    let p;
    try { p = decodeURIComponent(url.pathname); } catch { return send(400, {}, Buffer.from('bad path')); }
    if (!p.startsWith(basePath)) return send(404, {}, Buffer.from('not found'));
    let file = path.resolve(root, '.' + path.posix.join('/', p.slice(basePath.length)));
    if (file !== root && !file.startsWith(root + path.sep)) return send(403, {}, Buffer.from('forbidden'));
    try {
      const st = await stat(file);
      if (st.isDirectory()) {
        if (!p.endsWith('/')) return send(301, { location: url.pathname + '/' + url.search }, Buffer.alloc(0));
        file = path.join(file, 'index.html');
      }
      const body = await readFile(file);
      const ext = path.extname(file).toLowerCase();
      entry.fileBytes = body.length;
      let gzAny = gzCache.get(file);
      if (!gzAny) { gzAny = gzipSync(body, { level: 6 }); gzCache.set(file, gzAny); }
      entry.gzBytes = gzAny.length; // the file gzip'd, whether or not it was sent so
      const headers = { 'content-type': TYPES[ext] || 'application/octet-stream' };
      if (gzip && COMPRESSIBLE.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
        const gz = gzCache.get(file);
        if (gz.length < body.length) {
          entry.gzip = true;
          headers['content-encoding'] = 'gzip';
          headers.vary = 'accept-encoding';
          return send(200, headers, gz);
        }
      }
      return send(200, headers, body);
    } catch {
      return send(404, { 'content-type': 'text/plain; charset=utf-8' }, Buffer.from('not found'));
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin, entries,
    /** resolves once every response logged so far has been sent */
    async settle() {
      for (let i = 0; i < 200 && entries.some((e) => !e.done); i++) await new Promise((r) => setTimeout(r, 10));
    },
    close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(ok); }),
  };
}

// ---------------------------------------------------------------- indexing
async function indexSizes(site, copy) {
  const ours = (await walk(path.join(site, 'suche'))).filter((f) => f.rel !== 'index.html');
  if (!ours.length) fail(`${site}/suche/ has no index files: is this a site built by handbook build?`);
  let oursGz = 0;
  const largest = (files) => files.reduce((a, f) => (f.size > a.size ? f : a), { size: 0, rel: null });
  const largestGz = async (files) => {
    let best = { gzBytes: 0, rel: null };
    for (const f of files) {
      const g = gzipSync(await readFile(f.path), { level: 6 }).length;
      if (g > best.gzBytes) best = { gzBytes: g, rel: f.rel };
    }
    return best;
  };
  for (const f of ours) oursGz += gzipSync(await readFile(f.path), { level: 6 }).length;
  const pf = await walk(path.join(copy, 'pagefind'));
  // what a search with the JS API can fetch: not the prebuilt UIs nor the highlighter
  const isUi = (rel) => /^pagefind-(ui|modular-ui|component-ui|highlight)\./.test(rel);
  const pfRuntime = pf.filter((f) => !isUi(f.rel));
  return {
    ours: {
      bytes: sum(ours.map((f) => f.size)), files: ours.length, gzipBytes: oursGz,
      largest: largest(ours), largestGz: await largestGz(ours),
    },
    pagefind: {
      bytes: sum(pf.map((f) => f.size)), files: pf.length,
      searchBytes: sum(pfRuntime.map((f) => f.size)), searchFiles: pfRuntime.length,
      largest: largest(pfRuntime), largestGz: await largestGz(pfRuntime),
    },
  };
}

async function runPagefind(copy, runs) {
  const bin = pagefindBin();
  const times = [];
  let selfReported = [];
  let lastOut = '';
  let version = null;
  for (let i = 0; i < runs; i++) {
    await rm(path.join(copy, 'pagefind'), { recursive: true, force: true });
    log(`pagefind --site ${copy} (run ${i + 1}/${runs})`);
    const r = await run(bin, ['--site', copy], { cwd: NODE_DIR });
    if (r.code !== 0) fail(`pagefind failed (${r.code}):\n${r.out}`);
    times.push(r.ms);
    const m = r.out.match(/Finished in ([\d.]+) seconds/);
    if (m) selfReported.push(Number(m[1]) * 1000);
    version = (r.out.match(/Running Pagefind v([\w.-]+)/) || [])[1] || version;
    lastOut = r.out;
  }
  const pages = Number((lastOut.match(/Indexed (\d+) pages/) || [])[1]) || null;
  const words = Number((lastOut.match(/Indexed (\d+) words/) || [])[1]) || null;
  return {
    wallMs: median(times), wallRuns: times, selfMs: median(selfReported), selfRuns: selfReported,
    version, pages, words, output: lastOut.trim(),
  };
}

// ---------------------------------------------------------------- browser
const IN_PAGE = {
  // ours: the function search.js exposes (window.HandbookSearch.search)
  ours: async ({ q, top }) => {
    const t0 = performance.now();
    const hits = await window.HandbookSearch.search(q, { limit: top });
    const ms = performance.now() - t0;
    return { ms, urls: hits.map((h) => h.url), titles: hits.map((h) => h.title), total: null };
  },
  // Pagefind: dynamic import (first time only), search, data() of the top results
  pagefind: async ({ q, top, base }) => {
    const t0 = performance.now();
    if (!window.__pagefind) window.__pagefind = await import(base + 'pagefind/pagefind.js');
    const r = await window.__pagefind.search(q);
    const data = await Promise.all(r.results.slice(0, top).map((x) => x.data()));
    const ms = performance.now() - t0;
    return { ms, urls: data.map((d) => d.url), titles: data.map((d) => d.meta && d.meta.title), total: r.results.length };
  },
};

async function measureQuery(browser, server, opts, engine, q) {
  const context = await browser.newContext({ locale: 'de-DE', serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  // browser-side cross-check: requests the page (not a worker) makes after the query starts
  let measuring = false;
  const browserSeen = [];
  context.on('request', (req) => { if (measuring) browserSeen.push(req); });
  const pageUrl = server.origin + opts.basePath + 'suche/';
  await page.goto(pageUrl, { waitUntil: 'load' });
  await page.waitForFunction(() => window.HandbookSearch && typeof window.HandbookSearch.search === 'function');
  await server.settle();
  await new Promise((r) => setTimeout(r, 50)); // late page requests (favicon) belong to the page
  await server.settle();
  const from = server.entries.length;
  measuring = true;
  const cold = await page.evaluate(IN_PAGE[engine], { q, top: opts.top, base: opts.basePath });
  await server.settle();
  measuring = false;
  const requests = server.entries.slice(from).map(({ path: p, status, fileBytes, sentBytes, gzBytes, gzip }) => ({ path: p, status, fileBytes, sentBytes, gzBytes, gzip }));
  const browserReqs = [];
  for (const req of browserSeen) {
    const resp = await req.response().catch(() => null);
    const sizes = resp ? await req.sizes().catch(() => null) : null;
    browserReqs.push({ url: new URL(req.url()).pathname, status: resp ? resp.status() : null, bodyBytes: sizes ? sizes.responseBodySize : null });
  }
  const warm = [];
  for (let i = 0; i < opts.warmRuns; i++) {
    warm.push((await page.evaluate(IN_PAGE[engine], { q, top: opts.top, base: opts.basePath })).ms);
  }
  await server.settle();
  const warmRequests = server.entries.length - from - requests.length;
  // where Pagefind ran the search ("webworker" or "mainthread"), asked once, outside the timings
  const environment = opts.probe && engine === 'pagefind'
    ? await page.evaluate(async (q) => (await window.__pagefind.search(q, { verbose: true })).search_environment || null, q).catch(() => null)
    : null;
  await context.close();
  return {
    coldMs: cold.ms, warmMs: warm, top: cold.urls, titles: cold.titles, total: cold.total,
    bytes: sum(requests.map((r) => r.sentBytes)), fileBytes: sum(requests.map((r) => r.fileBytes)),
    requests, browser: { requests: browserReqs.length, bodyBytes: sum(browserReqs.map((r) => r.bodyBytes || 0)), list: browserReqs },
    warmRequests, errors, environment,
  };
}

// Compares the browser-side count (Playwright request.sizes(): CDP
// loadingFinished encodedDataLength minus headers) with the server's, per path.
function crossCheck(results, eng, basePath) {
  const name = eng === 'ours' ? 'handbook' : 'Pagefind';
  let seen = 0, all = 0, seenBytes = 0, allBytes = 0;
  const diffs = new Map(); // path without the query's own part -> [server bytes, browser bytes, count]
  for (const r of results) {
    const e = r[eng];
    all += e.requests.length; allBytes += e.bytes;
    seen += e.browser.requests; seenBytes += e.browser.bodyBytes;
    const byPath = new Map();
    for (const b of e.browser.list) byPath.set(b.url, (byPath.get(b.url) || 0) + (b.bodyBytes || 0));
    for (const x of e.requests) {
      const got = byPath.get(x.path);
      if (got === x.sentBytes) continue;
      // files in a subfolder of the index (shards, fragments) grouped by folder
      const rest = x.path.startsWith(basePath) ? x.path.slice(basePath.length) : x.path;
      const key = /^(suche|pagefind)\/.+\/[^/]+$/.test(rest) ? x.path.replace(/[^/]+$/, '*') : x.path;
      const d = diffs.get(key) || [0, 0, 0];
      diffs.set(key, [d[0] + x.sentBytes, d[1] + (got || 0), d[2] + 1]);
    }
  }
  const head = `Cross-check, ${name}: the browser saw ${seen} of the ${all} responses the server sent, ${fmtInt(seenBytes)} of ${fmtInt(allBytes)} body bytes`;
  if (!diffs.size) return `${head}: identical.`;
  return `${head}; differing: ${[...diffs].map(([p, [sv, br, n]]) => `\`${p}\` ×${n} (server ${fmtInt(sv)} B, browser ${fmtInt(br)} B)`).join(', ')}. ` +
    'The tables use the server\'s count.';
}

// ---------------------------------------------------------------- report
function summarize(results, key) {
  const get = (f) => results.map((r) => f(r[key]));
  const warmAll = results.flatMap((r) => r[key].warmMs);
  const reqs = results.flatMap((r) => r[key].requests.map((x) => ({ ...x, q: r.q })));
  const maxBy = (f) => reqs.reduce((a, x) => (f(x) > f(a) ? x : a), reqs[0] || {});
  return {
    bytesMedian: median(get((e) => e.bytes)), bytesP95: quantile(get((e) => e.bytes), 0.95),
    bytesMax: Math.max(...get((e) => e.bytes)),
    bytesMaxQuery: results.reduce((a, r) => (r[key].bytes > a[1] ? [r.q, r[key].bytes] : a), [null, -1])[0],
    largestFile: maxBy((x) => x.fileBytes), largestGzFile: maxBy((x) => x.gzBytes),
    fileBytesMedian: median(get((e) => e.fileBytes)),
    requestsMedian: median(get((e) => e.requests.length)),
    coldMedian: median(get((e) => e.coldMs)), coldP95: quantile(get((e) => e.coldMs), 0.95),
    warmMedian: median(warmAll), warmP95: quantile(warmAll, 0.95),
  };
}

function report({ opts, command, queriesFile, queries, sizes, pf, ourIndex, results, summary, quality, categories, meta }) {
  const L = [];
  const { ours: so, pagefind: sp } = summary;
  L.push('# Search benchmark: handbook search vs. Pagefind', '');
  L.push(`Command (run from \`${meta.cwd}\`):`, '', '```', command, '```', '');
  L.push(`- Site: \`${opts.site}\` (${fmtInt(meta.htmlPages)} HTML files; Pagefind indexed ${fmtInt(pf.pages)} pages, ${fmtInt(pf.words)} words)`);
  L.push(`- Queries: \`${queriesFile}\` (${queries.length}), top ${opts.top}, ${opts.warmRuns} warm repeats each`);
  L.push(`- Browser: Chromium ${meta.chromiumVersion} headless (\`${opts.chromium}\`), a fresh context per query and engine, page \`${opts.basePath}suche/\``);
  L.push(`- Pagefind ${pf.version || '?'} (npm, defaults: \`pagefind --site <copy>\`), JS API (search ran in: ${meta.pfEnvironment || 'unknown'})`);
  L.push(`- Server: node http on 127.0.0.1, ${opts.gzip ? 'gzip for html/css/js/json/svg/xml/txt (Pagefind\'s index files are gzip\'d binaries already)' : 'no compression (--no-gzip)'}`);
  L.push(`- ${meta.date}, ${meta.cpus}`, '');

  L.push('## Summary', '');
  L.push('| metric | handbook | Pagefind | handbook / Pagefind |', '| --- | ---: | ---: | ---: |');
  const row = (name, a, b, fmt) => L.push(`| ${name} | ${fmt(a)} | ${fmt(b)} | ${ratio(a, b)} |`);
  row('bytes per query, median (as transferred)', so.bytesMedian, sp.bytesMedian, fmtKB);
  row('bytes per query, p95 (as transferred)', so.bytesP95, sp.bytesP95, fmtKB);
  row('bytes per query, max (as transferred)', so.bytesMax, sp.bytesMax, fmtKB);
  row('bytes per query, median (files as stored, no HTTP gzip)', so.fileBytesMedian, sp.fileBytesMedian, fmtKB);
  row('largest file a query fetched, as stored', so.largestFile.fileBytes, sp.largestFile.fileBytes, fmtKB);
  row('largest file a query fetched, gzip\'d', so.largestGzFile.gzBytes, sp.largestGzFile.gzBytes, fmtKB);
  row('requests per query, median', so.requestsMedian, sp.requestsMedian, fmtInt);
  row('cold query latency, median', so.coldMedian, sp.coldMedian, fmtMs);
  row('cold query latency, p95', so.coldP95, sp.coldP95, fmtMs);
  row('warm query latency, median', so.warmMedian, sp.warmMedian, fmtMs);
  row('warm query latency, p95', so.warmP95, sp.warmP95, fmtMs);
  row('index size on disk', sizes.ours.bytes, sizes.pagefind.bytes, fmtKB);
  row('index size without Pagefind\'s UI bundles', sizes.ours.bytes, sizes.pagefind.searchBytes, fmtKB);
  row('index files', sizes.ours.files, sizes.pagefind.files, fmtInt);
  row('largest index file on disk, as stored', sizes.ours.largest.size, sizes.pagefind.largest.size, fmtKB);
  row('largest index file on disk, gzip\'d', sizes.ours.largestGz.gzBytes, sizes.pagefind.largestGz.gzBytes, fmtKB);
  row('index build time (Pagefind: wall time)', ourIndex.ms, pf.wallMs, fmtMs);
  row('index build time (Pagefind: its "Finished in")', ourIndex.ms, pf.selfMs, fmtMs);
  if (quality) L.push(`| queries answered well (expected page in top ${opts.top}) | ${quality.ours}/${quality.n} | ${quality.pagefind}/${quality.n} | |`);
  L.push('');
  L.push(`Index size, handbook: every file in \`suche/\` except \`suche/index.html\` (${fmtKB(sizes.ours.gzipBytes)} if each file is gzip'd). ` +
    `Pagefind: its whole \`pagefind/\` folder; without the prebuilt UIs (\`pagefind-ui.*\`, \`pagefind-modular-ui.*\`, \`pagefind-component-ui.*\`, \`pagefind-highlight.js\`) ${fmtKB(sizes.pagefind.searchBytes)} in ${sizes.pagefind.searchFiles} files.`);
  L.push(`Index build time, handbook: ${ourIndex.note}. Pagefind: wall time of \`pagefind --site\` (npm wrapper included; median of ${pf.wallRuns.length}), ${fmtMs(pf.selfMs)} by its own "Finished in".`);
  L.push(`Largest file a query fetched: handbook \`${so.largestFile.path}\` (for \`${so.largestFile.q}\`), ${fmtKB(so.largestFile.fileBytes)} as stored, ` +
    `${fmtKB(so.largestFile.gzBytes)} gzip'd; Pagefind \`${sp.largestFile.path}\` (for \`${sp.largestFile.q}\`), ${fmtKB(sp.largestFile.fileBytes)} as stored ` +
    `(its index files are stored gzip'd). Largest on disk: handbook \`${sizes.ours.largest.rel}\`, Pagefind \`${sizes.pagefind.largest.rel}\` ` +
    `(gzip'd: \`${sizes.ours.largestGz.rel}\`, \`${sizes.pagefind.largestGz.rel}\`; Pagefind's UI bundles not counted). ` +
    `Most bytes per query: handbook \`${so.bytesMaxQuery}\`, Pagefind \`${sp.bytesMaxQuery}\`.`);
  L.push(`Cold = first query on a freshly loaded page with an empty cache (Pagefind: includes importing pagefind.js and its wasm; ours: search.js, ${fmtKB(meta.searchJsBytes)}, is already loaded with every page). Warm = the same query again on that page.`);
  L.push('');

  if (categories && categories.length) {
    L.push('## Per category', '');
    L.push('| category | queries | handbook bytes median | Pagefind bytes median | handbook bytes p95 | Pagefind bytes p95 | handbook cold median | Pagefind cold median | answered well, handbook | answered well, Pagefind |');
    L.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const c of categories) {
      const q = c.quality ? `${c.quality.ours}/${c.quality.n}` : '–';
      const qp = c.quality ? `${c.quality.pagefind}/${c.quality.n}` : '–';
      L.push(`| ${c.name} | ${c.n} | ${fmtKB(c.ours.bytesMedian)} | ${fmtKB(c.pagefind.bytesMedian)} | ${fmtKB(c.ours.bytesP95)} | ${fmtKB(c.pagefind.bytesP95)} | ` +
        `${fmtMs(c.ours.coldMedian)} | ${fmtMs(c.pagefind.coldMedian)} | ${q} | ${qp} |`);
    }
    L.push('', `Answered well: one of the query's expected pages in the top ${opts.top} (only queries with expected pages count).`, '');
  }
  L.push('## Per query', '');
  L.push('| query | handbook bytes | Pagefind bytes | handbook requests | Pagefind requests | handbook cold | Pagefind cold | handbook warm | Pagefind warm |');
  L.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of results) {
    L.push(`| ${mdCell(r.q)} | ${fmtKB(r.ours.bytes)} | ${fmtKB(r.pagefind.bytes)} | ${r.ours.requests.length} | ${r.pagefind.requests.length} | ` +
      `${fmtMs(r.ours.coldMs)} | ${fmtMs(r.pagefind.coldMs)} | ${fmtMs(median(r.ours.warmMs))} | ${fmtMs(median(r.pagefind.warmMs))} |`);
  }
  L.push('', 'Bytes as transferred after the query starts (server count: every response body sent, including Pagefind\'s worker requests). Warm = median of the repeats.', '');

  if (quality) {
    L.push(`## Quality (expected page in top ${opts.top})`, '');
    L.push(`| query | why | expected | handbook | Pagefind |`, '| --- | --- | --- | :---: | :---: |');
    const cell = (hit) => (hit.rank ? `yes (#${hit.rank})` : hit.count === 0 ? '**no** (0 results)' : '**no**');
    for (const qr of quality.rows) {
      L.push(`| ${mdCell(qr.q)} | ${mdCell(qr.why || '')} | ${qr.expected.map((e) => `\`${e}\``).join(' ')} | ${cell(qr.ours)} | ${cell(qr.pagefind)} |`);
    }
    L.push(`| **total** | | | **${quality.ours}/${quality.n}** | **${quality.pagefind}/${quality.n}** |`, '');
    const misses = quality.rows.filter((r) => !r.ours.rank || !r.pagefind.rank);
    if (misses.length) {
      L.push('Top results where an engine missed:', '');
      for (const m of misses) {
        for (const eng of ['ours', 'pagefind']) {
          if (m[eng].rank) continue;
          const name = eng === 'ours' ? 'handbook' : 'Pagefind';
          L.push(`- \`${m.q}\`, ${name}: ${m[eng].top.length ? m[eng].top.map((u) => `\`${u}\``).join(', ') : '(no results)'}`);
        }
      }
      L.push('');
    }
  } else {
    L.push('## Quality', '', 'Not measured: the query set has no expected URLs.', '');
  }
  if (meta.notes.length) L.push('## Notes', '', ...meta.notes.map((n) => `- ${n}`), '');
  return L.join('\n');
}

// ---------------------------------------------------------------- main
async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const command = ['node', path.relative(process.cwd(), fileURLToPath(import.meta.url)) || fileURLToPath(import.meta.url),
    ...process.argv.slice(2)].map(shellQuote).join(' ');
  const notes = [];

  // our index time: --our-index-ms, or from --index-cmd (timings line or wall time)
  const ourIndex = { ms: opts.ourIndexMs, note: opts.ourIndexMs !== null ? `${fmtMs(opts.ourIndexMs)}, given with --our-index-ms` : 'not measured here (pass --our-index-ms N or --index-cmd CMD)' };
  if (opts.indexCmd) {
    log(`running --index-cmd: ${opts.indexCmd}`);
    const r = await run('bash', ['-c', opts.indexCmd], { cwd: process.cwd() });
    if (r.code !== 0) fail(`--index-cmd failed (${r.code}):\n${r.out}`);
    const m = r.out.match(/timings \(ms\):.*?\bindex (\d+(?:\.\d+)?)/);
    ourIndex.cmd = { command: opts.indexCmd, wallMs: r.ms, indexStageMs: m ? Number(m[1]) : null };
    if (opts.ourIndexMs === null) {
      ourIndex.ms = m ? Number(m[1]) : r.ms;
      ourIndex.note = m
        ? `${fmtMs(ourIndex.ms)}, the "index" stage of \`--index-cmd\`'s timings (whole command: ${fmtMs(r.ms)} wall)`
        : `${fmtMs(r.ms)}, wall time of the whole \`--index-cmd\` (it printed no "timings (ms): … index N" line)`;
    }
  }

  if (!existsSync(path.join(opts.site, 'suche', 'index.html'))) fail(`${opts.site}/suche/index.html not found: build the site first`);
  const qdoc = JSON.parse(await readFile(opts.queries, 'utf8'));
  // a judged set of benches/relevance ({query, relevant: {path: grade}}) reads as queries with expected pages
  const judged = (e) => ({ q: e.query, expected: Object.keys(e.relevant).map((p) => (p ? `/${p}/` : '/')) });
  const queries = (Array.isArray(qdoc) ? qdoc : qdoc.queries)
    .map((e) => (typeof e === 'string' ? { q: e } : e.query !== undefined ? judged(e) : e));
  if (!queries.length) fail('no queries');

  const { chromium } = loadPlaywright();
  const tmp = await mkdtemp(path.join(tmpdir(), 'search-bench-'));
  const copy = path.join(tmp, 'site');
  let server = null;
  let browser = null;
  try {
    log(`copying ${opts.site} to ${copy}`);
    await cp(opts.site, copy, { recursive: true });
    await rm(path.join(copy, 'pagefind'), { recursive: true, force: true });
    // what Pagefind should not index is removed from its copy (see --pagefind-exclude)
    const excluded = [];
    for (const d of (opts.pagefindExclude || '').split(',').map((x) => x.trim()).filter(Boolean)) {
      if (existsSync(path.join(copy, d))) { await rm(path.join(copy, d), { recursive: true, force: true }); excluded.push(d); }
    }
    if (excluded.length) notes.push(`Not indexed by Pagefind (removed from its copy, \`--pagefind-exclude\`): ${excluded.map((d) => `\`${d}/\``).join(', ')}.`);
    const pf = await runPagefind(copy, opts.indexRuns);
    const sizes = await indexSizes(opts.site, copy);
    const allFiles = await walk(copy);
    const htmlPages = allFiles.filter((f) => f.rel.endsWith('.html') && !f.rel.startsWith('pagefind' + path.sep)).length;
    const searchJs = allFiles.find((f) => f.rel === path.join('static', 'search.js'));
    // pages Pagefind indexes (every HTML file) that our index leaves out, e.g. the print version
    // (only for the index format of 2026-11 with its document blocks in suche/d/*.json:
    // which pages Pagefind indexes that ours leaves out; skipped for any other format)
    const ourPages = new Set();
    try {
      for (const f of await walk(path.join(opts.site, 'suche', 'd'))) {
        for (const row of JSON.parse(await readFile(f.path, 'utf8'))) if (row && row[1]) ourPages.add(normUrl(row[1], opts.basePath));
      }
    } catch { ourPages.clear(); }
    if (ourPages.size) {
      const onlyPagefind = allFiles
        .filter((f) => f.rel.endsWith('.html') && !f.rel.startsWith('pagefind' + path.sep))
        .map((f) => normUrl(opts.basePath + f.rel.split(path.sep).join('/'), opts.basePath))
        .filter((u) => !ourPages.has(u)).sort();
      notes.push(`The handbook's index covers ${fmtInt(ourPages.size)} pages; Pagefind indexes every HTML file, so also ${onlyPagefind.length}: ` +
        `${onlyPagefind.slice(0, 10).map((u) => `\`${u}\``).join(', ')}${onlyPagefind.length > 10 ? ', …' : ''}.`);
    }

    server = await serve(copy, opts.basePath, opts.gzip);
    log(`serving ${copy} at ${server.origin}${opts.basePath}`);
    browser = await chromium.launch({
      executablePath: opts.chromium,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-extensions'],
    });

    // one throwaway round per engine, so the first measured query does not pay for starting the renderer
    log('warm-up round (not reported)');
    let pfEnvironment = null;
    for (const engine of ['ours', 'pagefind']) {
      const w = await measureQuery(browser, server, { ...opts, warmRuns: 1, probe: true }, engine, queries[0].q);
      if (engine === 'pagefind') pfEnvironment = w.environment;
    }

    const results = [];
    for (const [i, entry] of queries.entries()) {
      const r = { q: entry.q, why: entry.why, category: entry.category || null, expected: entry.expected || null };
      // alternate which engine goes first, so neither always gets the warmer machine
      const order = i % 2 ? ['pagefind', 'ours'] : ['ours', 'pagefind'];
      for (const engine of order) r[engine] = await measureQuery(browser, server, opts, engine, entry.q);
      log(`${String(i + 1).padStart(3)}/${queries.length} ${entry.q}: ours ${fmtKB(r.ours.bytes)} ${fmtMs(r.ours.coldMs)}, pagefind ${fmtKB(r.pagefind.bytes)} ${fmtMs(r.pagefind.coldMs)}`);
      results.push(r);
    }

    // checks that make the numbers trustworthy, reported as notes
    for (const r of results) {
      for (const eng of ['ours', 'pagefind']) {
        const e = r[eng];
        const name = eng === 'ours' ? 'handbook' : 'Pagefind';
        if (e.errors.length) notes.push(`\`${r.q}\`, ${name}: page errors: ${e.errors.slice(0, 3).join('; ')}`);
        const prefix = opts.basePath + (eng === 'ours' ? 'suche/' : 'pagefind/');
        const foreign = e.requests.filter((x) => !x.path.startsWith(prefix));
        if (foreign.length) notes.push(`\`${r.q}\`, ${name}: requests outside ${prefix} counted: ${foreign.map((x) => x.path).join(', ')}`);
        const bad = e.requests.filter((x) => x.status !== 200);
        if (bad.length) notes.push(`\`${r.q}\`, ${name}: non-200 responses: ${bad.map((x) => `${x.path} ${x.status}`).join(', ')}`);
        if (e.warmRequests) notes.push(`\`${r.q}\`, ${name}: ${e.warmRequests} requests during the warm repeats`);
      }
    }
    for (const eng of ['ours', 'pagefind']) notes.push(crossCheck(results, eng, opts.basePath));

    const summary = { ours: summarize(results, 'ours'), pagefind: summarize(results, 'pagefind') };
    let quality = null;
    const scored = results.filter((r) => r.expected && r.expected.length);
    if (scored.length) {
      const hit = (e, expected) => {
        const top = e.top.map((u) => normUrl(u, opts.basePath));
        const want = new Set(expected.map((u) => normUrl(u, opts.basePath)));
        const idx = top.findIndex((u) => want.has(u));
        return { rank: idx >= 0 ? idx + 1 : null, top, count: e.total === null ? e.top.length : e.total };
      };
      const rows = scored.map((r) => ({ q: r.q, why: r.why, expected: r.expected, ours: hit(r.ours, r.expected), pagefind: hit(r.pagefind, r.expected) }));
      quality = { n: rows.length, ours: rows.filter((r) => r.ours.rank).length, pagefind: rows.filter((r) => r.pagefind.rank).length, rows };
    }
    let categories = null;
    const names = [...new Set(results.map((r) => r.category).filter(Boolean))];
    if (names.length) {
      categories = names.map((name) => {
        const rs = results.filter((r) => r.category === name);
        const qrows = quality ? quality.rows.filter((x) => rs.some((r) => r.q === x.q)) : [];
        return {
          name, n: rs.length, ours: summarize(rs, 'ours'), pagefind: summarize(rs, 'pagefind'),
          quality: qrows.length ? { n: qrows.length, ours: qrows.filter((x) => x.ours.rank).length, pagefind: qrows.filter((x) => x.pagefind.rank).length } : null,
        };
      });
    }
    const os = await import('node:os');
    const meta = {
      cwd: process.cwd(), date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'), chromiumVersion: browser.version(),
      cpus: `${os.cpus().length}× ${os.cpus()[0]?.model || 'CPU'}`, htmlPages, pfEnvironment, searchJsBytes: searchJs ? searchJs.size : null, notes,
    };
    const md = report({ opts, command, queriesFile: path.relative(process.cwd(), opts.queries), queries, sizes, pf, ourIndex, results, summary, quality, categories, meta });
    process.stdout.write(md + '\n');
    if (opts.json) {
      const out = { command, meta, options: { ...opts }, index: { sizes, pagefind: pf, ours: ourIndex }, summary, quality, categories, results };
      await writeFile(opts.json, JSON.stringify(out, null, 2) + '\n');
      log(`wrote ${opts.json}`);
    }
  } finally {
    await browser?.close().catch(() => {});
    await server?.close().catch(() => {});
    if (opts.keep) log(`kept ${tmp}`);
    else await rm(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => { process.stderr.write(`search_bench: ${e && e.stack || e}\n`); process.exit(1); });
