// Search in the browser over the static shards in /suche/ (exported by
// `handbook build` from its tantivy index). Ranks exactly like
// `handbook search` (src/search/query.rs; same steps, same arithmetic),
// fetches only the shard each query word needs, and inserts results as
// text nodes, never as HTML from the data (snippet marks are built here).
(() => {
  'use strict';
  const script = document.currentScript;
  const base = script ? script.dataset.base || '/' : '/';
  const root = base + 'suche/';
  const MIN_PART = 4;
  const K1 = 1.2, B = 0.75, TITLE_WEIGHT = 2.0;
  const cache = new Map();

  function getJSON(path) {
    if (!cache.has(path)) {
      cache.set(path, fetch(root + path).then((r) => (r.ok ? r.json() : null)).catch(() => null));
    }
    return cache.get(path);
  }

  // --- analysis (src/search/analysis.rs) ---
  function fold(word) {
    const chars = Array.from(word.toLowerCase());
    let out = '';
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i], next = chars[i + 1];
      if ((c === 'a' || c === 'o') && next === 'e') { out += c; i++; continue; }
      if (c === 'u' && next === 'e' && (i === 0 || chars[i - 1] !== 'q')) { out += 'u'; i++; continue; }
      if (c === 'ä') out += 'a';
      else if (c === 'ö') out += 'o';
      else if (c === 'ü') out += 'u';
      else if (c === 'ß') out += 'ss';
      else if (c.charCodeAt(0) < 128) out += c;
      else out += c.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    }
    return out;
  }

  function words(text) {
    const out = [];
    for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) out.push([m.index, m.index + m[0].length]);
    return out;
  }

  function queryWords(query) {
    const out = [];
    for (const [a, b] of words(query)) {
      const w = fold(query.slice(a, b));
      if (out[out.length - 1] !== w) out.push(w);
    }
    return out;
  }

  function expand(word, candidates) {
    const prefixes = [...new Set(candidates.filter((t) => word.startsWith(t) && (t.length >= MIN_PART || t.length === word.length)))];
    prefixes.sort((a, b) => b.length - a.length);
    if (prefixes.length === 0) return [];
    const longest = prefixes[0].length;
    return prefixes.filter((t) => t.length + 2 >= longest);
  }

  function shardFile(key) {
    if (/^[a-z0-9]+$/.test(key)) return key;
    return 'x' + Array.from(new TextEncoder().encode(key), (b) => b.toString(16).padStart(2, '0')).join('');
  }

  // --- ranking (src/search/query.rs) ---
  function bm25(tf, len, avg, idf) {
    if (tf === 0) return 0;
    return idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * len / Math.max(avg, 1)));
  }

  function escapeHtml(s) {
    return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  }

  // returns [text, isMark] pieces; the same words as the Rust snippet
  function snippetParts(doc, terms) {
    const text = doc.heading ? `${doc.heading} – ${doc.text}` : doc.text;
    const ws = words(text);
    const isMatch = (w) => {
      const f = fold(w);
      return terms.some((t) => f.startsWith(t) || (t.length >= 5 && f.includes(t)));
    };
    if (ws.length === 0) return [];
    let first = ws.findIndex(([a, b]) => isMatch(text.slice(a, b)));
    if (first < 0) first = 0;
    const from = Math.max(0, first - 8);
    const to = Math.min(from + 25, ws.length);
    const parts = [];
    if (from > 0) parts.push(['…', false]);
    let pos = ws[from][0];
    for (const [a, b] of ws.slice(from, to)) {
      parts.push([text.slice(pos, a), false]);
      parts.push([text.slice(a, b), isMatch(text.slice(a, b))]);
      pos = b;
    }
    if (to < ws.length) parts.push(['…', false]);
    return parts;
  }

  async function search(query, { limit = 10, kind = null } = {}) {
    const meta = await getJSON('meta.json');
    if (!meta) return [];
    const qwords = queryWords(query);
    if (qwords.length === 0) return [];
    const perWord = [];
    for (const w of qwords) {
      const key = Array.from(w).slice(0, 2).join('');
      const file = shardFile(key);
      const shard = meta.shards.includes(file) ? await getJSON(`t/${file}.json`) : null;
      const terms = shard ? expand(w, Object.keys(shard)) : [];
      if (terms.length === 0) return [];
      perWord.push(terms.map((t) => [t, shard[t]]));
    }
    const n = meta.docs;
    let scores = null;
    for (const terms of perWord) {
      const best = new Map();
      for (const [, postings] of terms) {
        const df = postings.length;
        const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        for (const [doc, tfT, tfB, lenT, lenB] of postings) {
          const s = TITLE_WEIGHT * bm25(tfT, lenT, meta.avg_title, idf) + bm25(tfB, lenB, meta.avg_body, idf);
          if (!best.has(doc) || s > best.get(doc)) best.set(doc, s);
        }
      }
      if (scores === null) scores = best;
      else {
        const next = new Map();
        for (const [d, s] of scores) if (best.has(d)) next.set(d, s + best.get(d));
        scores = next;
      }
    }
    const ranked = [...scores].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const matched = perWord.flat().map(([t]) => t);
    const hits = [];
    const seen = new Set();
    for (const [doc, score] of ranked) {
      const block = await getJSON(`d/${Math.floor(doc / meta.doc_block)}.json`);
      const row = block && block[doc % meta.doc_block];
      if (!row) continue;
      const [title, url, docKind, heading, text] = row;
      if (kind && kind !== docKind) continue;
      const page = url.split('#')[0];
      if (seen.has(page)) continue;
      seen.add(page);
      const parts = snippetParts({ heading, text }, matched);
      hits.push({
        url, title, kind: docKind,
        score: Math.round(score * 10000) / 10000,
        snippet: parts.map(([t, m]) => (m ? `<mark>${escapeHtml(t)}</mark>` : escapeHtml(t))).join(''),
        parts,
      });
      if (hits.length >= limit) break;
    }
    return hits;
  }

  window.HandbookSearch = { search, fold, queryWords };

  // --- the search box: as you type, arrow keys, Escape, kind filter ---
  const KIND_LABELS = { region: 'Region', concept: 'Konzept', agreement: 'Vereinbarung', check: 'Check', page: 'Seite' };
  function attach(form) {
    const input = form.querySelector('input[type="search"]');
    const kindSelect = form.querySelector('select');
    const results = document.getElementById(form.dataset.results);
    const status = document.getElementById(form.dataset.status);
    if (!input || !results) return;
    let generation = 0;
    async function run() {
      const q = input.value.trim();
      const mine = ++generation;
      if (q.length < 2) { results.replaceChildren(); results.hidden = true; if (status) status.textContent = ''; return; }
      const hits = await search(q, { limit: 10, kind: kindSelect && kindSelect.value ? kindSelect.value : null });
      if (mine !== generation) return; // a newer query is under way
      results.replaceChildren();
      for (const h of hits) {
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = h.url;
        const title = document.createElement('span');
        title.className = 'search-title';
        title.textContent = h.title;
        const badge = document.createElement('span');
        badge.className = 'badge kind-' + h.kind;
        badge.textContent = KIND_LABELS[h.kind] || h.kind;
        const snip = document.createElement('span');
        snip.className = 'search-snippet';
        for (const [text, mark] of h.parts) {
          if (mark) { const m = document.createElement('mark'); m.textContent = text; snip.appendChild(m); }
          else snip.appendChild(document.createTextNode(text));
        }
        a.append(title, ' ', badge, snip);
        li.appendChild(a);
        results.appendChild(li);
      }
      results.hidden = false;
      if (status) status.textContent = hits.length === 0 ? 'Keine Treffer.' : `${hits.length} Treffer.`;
    }
    input.addEventListener('input', run);
    if (kindSelect) kindSelect.addEventListener('change', run);
    form.addEventListener('submit', (e) => { e.preventDefault(); run(); });
    form.addEventListener('keydown', (e) => {
      const links = [...results.querySelectorAll('a')];
      const i = links.indexOf(document.activeElement);
      if (e.key === 'ArrowDown' && links.length) { e.preventDefault(); links[Math.min(i + 1, links.length - 1)].focus(); }
      else if (e.key === 'ArrowUp' && links.length) { e.preventDefault(); if (i <= 0) input.focus(); else links[i - 1].focus(); }
      else if (e.key === 'Escape') { results.hidden = true; input.focus(); }
    });
    const params = new URLSearchParams(location.search);
    if (form.dataset.fromUrl !== undefined && params.get('q')) { input.value = params.get('q'); run(); }
  }
  document.querySelectorAll('form[data-search]').forEach(attach);
})();
