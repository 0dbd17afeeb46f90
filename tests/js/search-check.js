// Runs the browser's search engine (themes/default/static/search-engine.js)
// in Node for tests/search_parity.rs:
//   node search-check.js analyze          < words (one per line) → "fold\tterm\tphonetic" lines
//   node search-check.js search DIR       < JSON [[query, limit, offset, kind], …] → JSON results
'use strict';
const fs = require('fs');
const path = require('path');
const engine = require(path.join(__dirname, '../../themes/default/static/search-engine.js'));

const input = fs.readFileSync(0, 'utf8');
const [mode, dir] = process.argv.slice(2);
if (mode === 'analyze') {
  const out = input.split('\n').filter((w) => w.length > 0).map((w) => `${engine.fold(w)}\t${engine.term(w)}\t${engine.phonetic(w)}`);
  process.stdout.write(out.join('\n') + '\n');
} else if (mode === 'search') {
  const index = engine.createIndex((p) => {
    try { return new Uint8Array(fs.readFileSync(path.join(dir, p))); } catch (_) { return null; }
  });
  (async () => {
    const out = [];
    for (const [q, limit, offset, kind] of JSON.parse(input)) {
      const r = await index.search(q, { limit, offset, kind });
      out.push(r && {
        hits: r.hits.map(({ url, title, kind, score, snippet, missing }) => ({ url, title, kind, score, snippet, missing })),
        total: r.total, partial: r.partial, suggestion: r.suggestion,
      });
    }
    process.stdout.write(JSON.stringify(out));
  })().catch((e) => { console.error(e); process.exit(1); });
} else {
  console.error('usage: search-check.js analyze|search DIR');
  process.exit(2);
}
