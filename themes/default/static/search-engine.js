// The search engine over the static index in /suche/, a port of
// src/search/analysis.rs and src/search/query/: the same analysis (folding,
// Snowball German), the same files (src/search/format.rs), the same steps
// in the same order and the same integer arithmetic, so the browser answers
// exactly like `handbook search`. tests/search_parity.rs holds both to it.
// Pure: no DOM. Loaded by search.js in the browser and by Node in tests.
(function (root, factory) {
  const api = factory();
  if (typeof module === 'object' && module.exports) module.exports = api;
  else root.HandbookSearchEngine = api;
})(typeof self !== 'undefined' ? self : globalThis, function () {
  'use strict';

  // ---------------------------------------------------------------- analysis

  function normalize(text) {
    return text.normalize('NFC');
  }

  function fold(word) {
    // a hyphen run (`Kita-Eltern`) folds as the word typed together
    const chars = Array.from(word.toLowerCase()).filter((c) => !HYPHENS.includes(c));
    let out = '';
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i], next = chars[i + 1];
      if ((c === 'a' || c === 'o') && next === 'e') { out += c; i++; continue; }
      if (c === 'u' && next === 'e' && (i === 0 || chars[i - 1] !== 'q')) { out += 'u'; i++; continue; }
      if (c === 'ä') out += 'a';
      else if (c === 'ö') out += 'o';
      else if (c === 'ü') out += 'u';
      else if (c === 'ß') out += 'ss';
      else if (c.codePointAt(0) < 128) out += c;
      else out += c.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    }
    return ungender(out);
  }

  const HYPHENS = ['-', '\u2010', '\u2011'];
  const MAX_RUN_BYTES = 48;
  // words joined by single hyphens (`Regionen-Check`): [first, last] word
  // indexes, as hyphen_runs in src/search/analysis.rs
  function hyphenRuns(text, ws) {
    const letter = /^\p{Alphabetic}/u;
    const joined = (i) => {
      const gap = text.slice(ws[i - 1][1], ws[i][0]);
      return Array.from(gap).length === 1 && HYPHENS.includes(gap)
        && letter.test(text.slice(ws[i - 1][0], ws[i - 1][1])) && letter.test(text.slice(ws[i][0], ws[i][1]));
    };
    const out = [];
    for (let i = 1; i < ws.length; i++) {
      if (!joined(i)) continue;
      const first = i - 1;
      while (i + 1 < ws.length && joined(i + 1)) i++;
      if (new TextEncoder().encode(text.slice(ws[first][0], ws[i][1])).length <= MAX_RUN_BYTES) out.push([first, i]);
    }
    return out;
  }

  // gender-inclusive forms read as the base word (src/search/analysis.rs)
  const GENDER_MARKS = ['/', '*', ':', '_'];
  function ungender(folded) {
    for (const suffix of ['innen', 'in']) {
      for (const m of GENDER_MARKS) {
        if (folded.endsWith(m + suffix) && folded.length > suffix.length + 1) return folded.slice(0, folded.length - suffix.length - 1);
      }
    }
    const base = folded.slice(0, folded.length - 5);
    if (folded.endsWith('innen') && Array.from(base).length >= 4) return base;
    return folded;
  }

  // runs of letters and digits, as Rust's char::is_alphanumeric
  const WORD = /[\p{Alphabetic}\p{N}]+/gu;
  function words(text) {
    const out = [];
    for (const m of text.matchAll(WORD)) {
      const [a, b] = [m.index, m.index + m[0].length];
      const last = out[out.length - 1];
      // `Mentor/innen`, `Mentor*in`, `Mentor:innen`, `Nutzer_innen` are one word
      if (last && a === last[1] + 1 && GENDER_MARKS.includes(text[last[1]]) && (m[0] === 'in' || m[0] === 'innen')) last[1] = b;
      else out.push([a, b]);
    }
    return out;
  }

  // Snowball German (Snowball 3.1, the algorithm of the `frostem` crate the
  // index uses), over an array of characters.
  const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y', 'ä', 'ö', 'ü']);
  const S_ENDING = new Set(['b', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 'r', 't']);
  const ST_ENDING = new Set(['b', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 't']);
  const ET_ENDING = new Set(['U', 'd', 'f', 'g', 'k', 'l', 'm', 'n', 'r', 's', 't', 'z', 'ä']);
  const ET_EXCEPTIONS = ['tick', 'plan', 'geordn', 'intern', 'tr'];
  const STEP1 = ['e', 'em', 'en', 'erinnen', 'erin', 'ln', 'ern', 'er', 's', 'es', 'lns'];
  const STEP2 = ['en', 'er', 'et', 'st', 'est'];
  const STEP3 = ['end', 'ig', 'ung', 'lich', 'isch', 'ik', 'heit', 'keit'];
  const STEP4 = ["'", "'sch", "'s"];

  function endsWith(s, end, suffix) {
    const n = suffix.length;
    if (n > end) return false;
    for (let i = 0; i < n; i++) if (s[end - n + i] !== suffix[i]) return false;
    return true;
  }
  function longestSuffix(s, list) {
    let best = null;
    for (const x of list) {
      const chars = Array.from(x);
      if (endsWith(s, s.length, chars) && (best === null || chars.length > best.length)) best = chars;
    }
    return best === null ? null : best.join('');
  }

  function stem(word) {
    let s = Array.from(word);
    const isV = (c) => VOWELS.has(c);
    // prelude: u and y between vowels are kept apart from the vowels
    for (let p = 0; p + 2 < s.length; p++) {
      if (isV(s[p]) && (s[p + 1] === 'u' || s[p + 1] === 'y') && isV(s[p + 2])) s[p + 1] = s[p + 1].toUpperCase();
    }
    // ß, ae, oe, ue (not after q)
    for (let i = 0; i < s.length;) {
      const c = s[i], n = s[i + 1];
      if (c === 'ß') { s.splice(i, 1, 's', 's'); i += 2; }
      else if (c === 'a' && n === 'e') { s.splice(i, 2, 'ä'); i += 1; }
      else if (c === 'o' && n === 'e') { s.splice(i, 2, 'ö'); i += 1; }
      else if (c === 'u' && n === 'e') { s.splice(i, 2, 'ü'); i += 1; }
      else if (c === 'q' && n === 'u') i += 2;
      else i += 1;
    }
    // regions R1 and R2
    const len = s.length;
    let p1 = len, p2 = len;
    const after = (from) => {
      let i = from;
      while (i < len && !isV(s[i])) i++;
      if (i >= len) return -1;
      i++;
      while (i < len && isV(s[i])) i++;
      if (i >= len) return -1;
      return i + 1;
    };
    if (len >= 3) {
      const a = after(0);
      if (a >= 0) {
        p1 = Math.max(a, 3);
        const b = after(p1);
        if (b >= 0) p2 = b;
      }
    }
    const str = () => s.join('');
    const del = (from) => { s = s.slice(0, from); };
    // step 1
    let suf = longestSuffix(s, STEP1);
    if (suf !== null) {
      const start = s.length - Array.from(suf).length;
      if (start >= p1) {
        if (suf === 'em') { if (!endsWith(s, start, ['s', 'y', 's', 't'])) del(start); }
        else if (suf === 'erinnen' || suf === 'erin' || suf === 'ern' || suf === 'er') del(start);
        else if (suf === 'e' || suf === 'en' || suf === 'es') {
          del(start);
          if (endsWith(s, s.length, ['n', 'i', 's', 's'])) del(s.length - 1);
        } else if (suf === 's') { if (start >= 1 && S_ENDING.has(s[start - 1])) del(start); }
        else if (suf === 'ln' || suf === 'lns') { del(start); s.push('l'); }
      }
    }
    // step 2
    suf = longestSuffix(s, STEP2);
    if (suf !== null) {
      const start = s.length - suf.length;
      if (start >= p1) {
        if (suf === 'en' || suf === 'er' || suf === 'est') del(start);
        else if (suf === 'st') { if (start >= 4 && ST_ENDING.has(s[start - 1])) del(start); }
        else if (suf === 'et') {
          if (start >= 1 && ET_ENDING.has(s[start - 1]) && !ET_EXCEPTIONS.some((x) => endsWith(s, start, Array.from(x)))) del(start);
        }
      }
    }
    // step 3
    suf = longestSuffix(s, STEP3);
    if (suf !== null) {
      const start = s.length - suf.length;
      if (start >= p2) {
        if (suf === 'end' || suf === 'ung') {
          del(start);
          if (endsWith(s, start, ['i', 'g']) && !(start >= 3 && s[start - 3] === 'e') && start - 2 >= p2) del(start - 2);
        } else if (suf === 'ig' || suf === 'ik' || suf === 'isch') {
          if (!(start >= 1 && s[start - 1] === 'e')) del(start);
        } else if (suf === 'lich' || suf === 'heit') {
          del(start);
          if ((endsWith(s, start, ['e', 'r']) || endsWith(s, start, ['e', 'n'])) && start - 2 >= p1) del(start - 2);
        } else if (suf === 'keit') {
          del(start);
          const inner = longestSuffix(s, ['ig', 'lich']);
          if (inner !== null && start - inner.length >= p2) del(start - inner.length);
        }
      }
    }
    // step 4: apostrophe endings
    suf = longestSuffix(s, STEP4);
    if (suf !== null) {
      const start = s.length - Array.from(suf).length;
      if (start >= 2) del(start);
    }
    // postlude
    return str().replace(/[UYäöü]/g, (c) => ({ U: 'u', Y: 'y', ä: 'a', ö: 'o', ü: 'u' })[c]);
  }

  function term(word) {
    return stem(fold(word));
  }

  function maxTypos(chars) {
    return chars <= 4 ? 0 : chars <= 8 ? 1 : 2;
  }

  // optimal string alignment: a swap of neighbouring letters is one typo
  function editDistance(a, b, prefix) {
    a = Array.from(a); b = Array.from(b);
    let before = new Array(b.length + 1).fill(0);
    let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    let row = new Array(b.length + 1).fill(0);
    for (let i = 0; i < a.length; i++) {
      row[0] = i + 1;
      for (let j = 0; j < b.length; j++) {
        let d = Math.min(prev[j] + (a[i] !== b[j] ? 1 : 0), row[j] + 1, prev[j + 1] + 1);
        if (i > 0 && j > 0 && a[i] === b[j - 1] && a[i - 1] === b[j]) d = Math.min(d, before[j - 1] + 1);
        row[j + 1] = d;
      }
      [before, prev, row] = [prev, row, before];
    }
    return prefix ? Math.min(...prev) : prev[b.length];
  }

  function lengthAllows(query, len, allowed, asPrefix) {
    return len + allowed >= query && (asPrefix || len <= query + allowed);
  }

  // Kölner Phonetik, as src/search/phonetic.rs: how a German word sounds
  const PHONETIC_MIN_CHARS = 4;
  const PHONETIC_LETTERS = {
    'Ä': 'E', 'Ö': 'E', 'Ü': 'E', 'À': 'A', 'Á': 'A', 'Â': 'A', 'È': 'E', 'É': 'E', 'Ê': 'E', 'Ë': 'E',
    'Ì': 'I', 'Í': 'I', 'Î': 'I', 'Ï': 'I', 'Ò': 'O', 'Ó': 'O', 'Ô': 'O', 'Ù': 'U', 'Ú': 'U', 'Û': 'U',
    'ß': 'S', 'ẞ': 'S', 'Ç': 'C', 'Ñ': 'N',
  };
  function phoneticLetter(c) {
    const upper = Array.from(c.toUpperCase())[0];
    if (upper >= 'A' && upper <= 'Z') return upper;
    return PHONETIC_LETTERS[upper] || null;
  }
  function phonetic(word) {
    const letters = Array.from(word).map(phoneticLetter).filter((c) => c !== null);
    const is = (set, x) => x !== undefined && x !== null && set.includes(x);
    const raw = [];
    for (let i = 0; i < letters.length; i++) {
      const c = letters[i], prev = i > 0 ? letters[i - 1] : null, next = letters[i + 1];
      let d;
      if ('AEIJOUY'.includes(c)) d = '0';
      else if (c === 'H') d = '';
      else if (c === 'B') d = '1';
      else if (c === 'P') d = next === 'H' ? '3' : '1';
      else if (c === 'D' || c === 'T') d = is('CSZ', next) ? '8' : '2';
      else if ('FVW'.includes(c)) d = '3';
      else if ('GKQ'.includes(c)) d = '4';
      else if (c === 'C') {
        if (i === 0) d = is('AHKLOQRUX', next) ? '4' : '8';
        else d = is('AHKOQUX', next) && !is('SZ', prev) ? '4' : '8';
      } else if (c === 'X') d = is('CKQ', prev) ? '8' : '48';
      else if (c === 'L') d = '5';
      else if (c === 'M' || c === 'N') d = '6';
      else if (c === 'R') d = '7';
      else if (c === 'S' || c === 'Z') d = '8';
      else d = '';
      for (const x of d) raw.push(x);
    }
    let out = '';
    for (let i = 0; i < raw.length; i++) {
      if (i > 0 && raw[i] === raw[i - 1]) continue;
      if (raw[i] === '0' && out.length > 0) continue;
      out += raw[i];
    }
    return out;
  }

  const reversed = (word) => Array.from(word).reverse().join('');

  // shard `at` of `count`, and its neighbour on the side nearer to where the
  // key falls in it (`pos` of `len` rows)
  function shardPair(at, pos, len, count) {
    if (at >= count) return [];
    const other = pos * 2 < len ? (at > 0 ? at - 1 : null) : (at + 1 < count ? at + 1 : null);
    return other === null ? [at] : [at, other];
  }
  function lowerBound(rows, key) {
    let lo = 0, hi = rows.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (cmp(rows[mid][0], key) < 0) lo = mid + 1; else hi = mid; }
    return lo;
  }

  // Rust orders strings by bytes, which is code point order; JS `<` is not.
  function cmp(a, b) {
    if (a === b) return 0;
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n;) {
      const x = a.codePointAt(i), y = b.codePointAt(i);
      if (x !== y) return x < y ? -1 : 1;
      i += x > 0xffff ? 2 : 1;
    }
    return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
  }

  // ------------------------------------------------------------ file format

  class Reader {
    constructor(bytes) { this.b = bytes; this.pos = 0; }
    done() { return this.pos >= this.b.length; }
    byte() { if (this.pos >= this.b.length) throw new Error('truncated'); return this.b[this.pos++]; }
    varint() {
      let v = 0, scale = 1;
      for (;;) {
        const byte = this.byte();
        v += (byte & 0x7f) * scale;
        if ((byte & 0x80) === 0) return v;
        scale *= 128;
      }
    }
    bytes(n) { if (this.pos + n > this.b.length) throw new Error('truncated'); const s = this.b.subarray(this.pos, this.pos + n); this.pos += n; return s; }
  }
  const utf8 = new TextDecoder();

  // a block's keys: format 8 steps within a page (`Δpassage << 1`) or to a
  // later page (`Δpage << 1 | 1`, then the passage), impacts after the keys;
  // before, key deltas each followed by its impact (src/search/format.rs)
  function readBlock(r, version) {
    const n = r.varint();
    const out = [];
    if (version < 8) {
      let key = 0;
      for (let i = 0; i < n; i++) { key += r.varint(); out.push([key, r.byte()]); }
      return out;
    }
    let page = 0, passage = 0;
    for (let i = 0; i < n; i++) {
      const step = r.varint();
      const by = Math.floor(step / 2);
      if (step % 2 === 1) { page += by; passage = r.varint(); } else passage += by;
      if (passage >= PASSAGES) throw new Error('damaged block');
      out.push([page * KINDS * PASSAGES + passage, 0]);
    }
    const impacts = r.bytes(n);
    for (let i = 0; i < n; i++) out[i][1] = impacts[i];
    return out;
  }
  function readList(r) {
    const n = r.varint();
    const out = [];
    let v = 0;
    for (let i = 0; i < n; i++) { v += r.varint(); out.push(v); }
    return out;
  }
  function decodeTerm(r, prev, totalPages, version) {
    const shared = r.varint();
    const len = r.varint();
    // front coding shares bytes; prev's first `shared` bytes are whole characters
    const prevBytes = new TextEncoder().encode(prev).subarray(0, shared);
    const term = utf8.decode(prevBytes) + utf8.decode(r.bytes(len));
    const tag = r.byte();
    // tag 2: no later blocks, the pages are those of the first block
    let pages = tag === 0 ? { list: readList(r) } : tag === 2 ? null : { bitmap: r.bytes(Math.ceil(totalPages / 8)) };
    const titlePages = readList(r);
    // format 10 took a bit of the title length for T_NAMED
    const titleMatch = Array.from(r.bytes(titlePages.length), (m) => (version >= 10 ? m
      : (m & ~T_LEN_BEFORE_10) | Math.min(m & T_LEN_BEFORE_10, T_LEN)));
    // format 9: how much other pages mention the title's name carrying the term
    const titleMentions = version >= 9 ? Array.from(r.bytes(titlePages.length)) : titlePages.map(() => 0);
    const first = readBlock(r, version);
    if (!pages) {
      const list = [];
      for (const [key] of first) { const p = pageOf(key); if (list[list.length - 1] !== p) list.push(p); }
      pages = { list };
    }
    const n = r.varint();
    const later = [];
    for (let i = 0; i < n; i++) later.push({ max: r.byte(), pack: r.varint(), offset: r.varint(), len: r.varint() });
    return { term, pages, titlePages, titleMatch, titleMentions, first, later };
  }
  function pagesOf(set) {
    if (set.list) return set.list;
    const out = [];
    for (let i = 0; i < set.bitmap.length; i++) {
      const byte = set.bitmap[i];
      if (byte) for (let bit = 0; bit < 8; bit++) if (byte & (1 << bit)) out.push(i * 8 + bit);
    }
    return out;
  }
  function sortedIndex(list, v) {
    let lo = 0, hi = list.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (list[mid] < v) lo = mid + 1; else hi = mid; }
    return lo < list.length && list[lo] === v ? lo : -1;
  }
  function sortedHas(list, v) {
    let lo = 0, hi = list.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (list[mid] < v) lo = mid + 1; else hi = mid; }
    return lo < list.length && list[lo] === v;
  }
  function shardFor(firstKeys, key) {
    let lo = 0, hi = firstKeys.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (cmp(firstKeys[mid], key) <= 0) lo = mid + 1; else hi = mid; }
    return Math.max(lo - 1, 0);
  }

  // ----------------------------------------------------------------- engine

  const MAX_WORDS = 8, PREFIX_COMPLETIONS = 6, FUZZY_CANDIDATES = 3, MAX_EXTRA_BLOCKS = 4, MIN_SPLIT = 3;
  // the weights and why: src/search/query/rank.rs
  const MATCH = 2 ** 24, CLASS_WEIGHT = [0, 60, 150];
  const TITLE_WHOLE = 300, TITLE_PART = 240, TITLE_LEN_B = 2, TITLE_STARTS = 150, TITLE_EXACT = 200, TITLE_NAMED = 150;
  const TITLE_FORM = 40, FORM = 60, TITLE_MENTIONS = 200;
  const mentionsWeight = (m) => Math.floor(TITLE_MENTIONS * m / 255);
  const T_WHOLE = 0x80, T_STARTS = 0x40, T_NAMED = 0x20, T_LEN = 0x1f, T_LEN_BEFORE_10 = 0x3f;
  function titleWeight(m) {
    const len = m & T_LEN, whole = (m & T_WHOLE) !== 0;
    const base = whole ? TITLE_WHOLE : TITLE_PART;
    return Math.floor(base * (TITLE_LEN_B + 1) / (TITLE_LEN_B + len))
      + ((m & T_STARTS) !== 0 ? TITLE_STARTS : 0) + (whole && len === 1 ? TITLE_EXACT : 0)
      + ((m & T_NAMED) !== 0 ? TITLE_NAMED : 0);
  }
  const EXACT = 2, PREFIX = 1, FUZZY = 0;
  // indexes before meta.json named doc_chunk stored 16 passages per file
  const PASSAGES = 4096, KINDS = 8, DOC_CHUNK_DEFAULT = 16;
  const pageOf = (key) => Math.floor(key / (KINDS * PASSAGES));
  const passageOf = (key) => key % PASSAGES;

  // `load(path)` resolves to the file's bytes (Uint8Array) or null.
  function createIndex(load) {
    const files = new Map();
    const file = (path) => {
      if (!files.has(path)) files.set(path, Promise.resolve(load(path)).catch(() => null));
      return files.get(path);
    };
    const json = async (path) => { const b = await file(path); return b ? JSON.parse(utf8.decode(b)) : null; };
    // stored passage texts (d/) are gzip'd since format 4, read like
    // stored.rs reads them: by their first bytes, because a host that sent
    // one with Content-Encoding: gzip has had the browser inflate it already;
    // so are the shards and packs since format 7 (src/search/files.rs)
    const inflated = new Map();
    const inflatedFile = (path) => {
      if (!inflated.has(path)) inflated.set(path, file(path).then(inflate).catch(() => null));
      return inflated.get(path);
    };
    // since format 11 they are raw deflate against the site's dictionary
    // (d/dict.bin.gz, read once), inflated as stored.rs's inflate_with does
    let docDict = null;
    const docBytes = (path) => {
      if (meta.version < 11) return inflatedFile(path);
      if (!docDict) docDict = meta.doc_dict ? inflatedFile('d/dict.bin.gz') : Promise.resolve(new Uint8Array(0));
      return Promise.all([docDict, file(path)]).then(([dict, b]) => (dict && b ? inflateWith(b, dict) : null));
    };
    const docs = new Map();
    const docFile = (page, chunk) => {
      const path = meta.version >= 11 ? `d/${page}-${chunk}.json.deflate`
        : meta.version >= 4 ? `d/${page}-${chunk}.json.gz` : `d/${page}-${chunk}.json`;
      if (!docs.has(path)) {
        docs.set(path, docBytes(path).then((b) => (b ? JSON.parse(utf8.decode(b)) : null)).catch(() => null));
      }
      return docs.get(path);
    };
    const shard = (dir, i, ext) => inflatedFile(meta.version >= 7 ? `${dir}/${i}.${ext}.gz` : `${dir}/${i}.${ext}`);
    const jsonShard = async (dir, i) => { const b = await shard(dir, i, 'json'); return b ? JSON.parse(utf8.decode(b)) : null; };
    const termShards = new Map();
    let meta = null;

    async function open() {
      if (!meta) meta = await json('meta.json');
      return meta;
    }
    // a word row's page lists are steps since format 11 (export.rs, `steps`);
    // every call parses the shard anew, so the sums are taken once per copy
    const sumSteps = (pages) => { if (pages) for (let i = 1; i < pages.length; i++) pages[i] += pages[i - 1]; };
    async function wordShard(i) {
      const rows = (await jsonShard('w', i)) || [];
      if (meta.version >= 11) for (const r of rows) { sumSteps(r[3]); sumSteps(r[4]); }
      return rows;
    }
    async function termShard(i) {
      if (!termShards.has(i)) {
        termShards.set(i, (async () => {
          const bytes = (await shard('t', i, 'bin')) || new Uint8Array();
          const r = new Reader(bytes);
          const entries = [];
          try {
            while (!r.done()) entries.push(decodeTerm(r, entries.length ? entries[entries.length - 1].term : '', meta.pages, meta.version));
          } catch (_) { /* a truncated file ends the shard, as in Rust */ }
          return entries;
        })());
      }
      return termShards.get(i);
    }
    async function lookup(t) {
      const entries = await termShard(shardFor(meta.terms, t));
      let lo = 0, hi = entries.length;
      while (lo < hi) { const mid = (lo + hi) >> 1; if (cmp(entries[mid].term, t) < 0) lo = mid + 1; else hi = mid; }
      return lo < entries.length && entries[lo].term === t ? entries[lo] : null;
    }
    async function wordRow(w) {
      const rows = await wordShard(shardFor(meta.words, w));
      const lo = lowerBound(rows, w);
      return lo < rows.length && rows[lo][0] === w ? rows[lo] : null;
    }
    async function completions(prefix) {
      const first = shardFor(meta.words, prefix);
      const found = [];
      for (let i = first; i < Math.min(first + 2, meta.words.length); i++) {
        for (const r of await wordShard(i)) if (r[0].startsWith(prefix) && r[0] !== prefix) found.push(r);
      }
      found.sort((a, b) => b[1] - a[1] || cmp(a[0], b[0]));
      return found;
    }
    async function reversedShard(i) { return (await jsonShard('r', i)) || []; }
    // the words that sound like `word`, closest in spelling first, then the
    // commonest: one shard, none for a short word or an index before format 5
    async function alike(word) {
      const code = phonetic(word);
      const keys = meta.phonetic || [];
      if (Array.from(word).length < PHONETIC_MIN_CHARS || code === '' || keys.length === 0) return [];
      const rows = (await jsonShard('k', shardFor(keys, code))) || [];
      const at = lowerBound(rows, code);
      if (at >= rows.length || rows[at][0] !== code) return [];
      return rows[at][1]
        .map((w, i) => [editDistance(word, w, false), i, w])
        .sort((a, b) => a[0] - b[0] || a[1] - b[1])
        .map(([, , w]) => w);
    }
    async function display(w) {
      const row = await wordRow(w);
      return row && row[2] != null ? row[2] : w;
    }
    // a typo in the second half keeps the word near in the word list, one in
    // the first half near in the reversed list: two shards of each
    async function corrections(word, asPrefix) {
      const allowed = maxTypos(Array.from(word).length);
      if (allowed === 0) return [];
      const near = [];
      let at = shardFor(meta.words, word);
      let rows = await wordShard(at);
      for (const i of shardPair(at, lowerBound(rows, word), rows.length, meta.words.length)) {
        for (const r of await wordShard(i)) near.push([r[0], r[1]]);
      }
      const rwords = meta.rwords || [];
      const back = reversed(word);
      at = shardFor(rwords, back);
      if (rwords.length > 0) {
        rows = await reversedShard(at);
        for (const i of shardPair(at, lowerBound(rows, back), rows.length, rwords.length)) {
          for (const r of await reversedShard(i)) near.push([reversed(r[0]), r[1]]);
        }
      }
      const len = Array.from(word).length;
      const seen = new Set();
      const found = [];
      for (const [w, freq] of near) {
        if (seen.has(w)) continue;
        seen.add(w);
        if (!lengthAllows(len, Array.from(w).length, allowed, asPrefix)) continue;
        const typos = editDistance(word, w, asPrefix);
        if (typos <= allowed) found.push({ typos, whole: asPrefix ? editDistance(word, w, false) : typos, word: w, freq });
      }
      found.sort((a, b) => a.typos - b.typos || a.whole - b.whole || b.freq - a.freq || cmp(a.word, b.word));
      // a word typed wrong is meant whole rather than as the beginning of a longer word
      if (found.some((f) => f.whole <= allowed)) return found.filter((f) => f.whole <= allowed);
      return found;
    }
    async function block(c) {
      const b = c.entry.later[c.read];
      if (!b) return [];
      const pack = await shard('p', b.pack, 'bin');
      if (!pack || b.offset + b.len > pack.length) return [];
      try { return readBlock(new Reader(pack.subarray(b.offset, b.offset + b.len)), meta.version); } catch (_) { return []; }
    }

    function queryWords(query) {
      query = normalize(query);
      const out = [];
      for (const [a, b] of words(query)) {
        const folded = fold(query.slice(a, b));
        if (out.length < MAX_WORDS && !out.some((w) => w.folded === folded)) out.push({ typed: query.slice(a, b), folded });
      }
      return out;
    }

    // a word the index has neither whole nor as a beginning, typed as two
    // words it has (`Neuzugewanderte`): read as those two (split_compounds
    // in src/search/query/terms.rs)
    async function splitCompounds(qwords) {
      const out = [];
      for (let i = 0; i < qwords.length; i++) {
        const w = qwords[i];
        const parts = await splitInTwo(w.folded, i + 1 === qwords.length);
        if (parts && out.length + 2 <= MAX_WORDS) {
          for (const part of parts) out.push({ typed: await display(part), folded: part });
        } else out.push(w);
      }
      return out;
    }

    async function splitInTwo(folded, last) {
      const chars = Array.from(folded);
      if (chars.length < 2 * MIN_SPLIT || (await lookup(stem(folded))) || (await completions(folded)).length
        || (await corrections(folded, last)).length) return null;
      for (let cut = chars.length - MIN_SPLIT; cut >= MIN_SPLIT; cut--) {
        const head = chars.slice(0, cut).join(''), tail = chars.slice(cut).join('');
        if ((await wordRow(head)) && (await wordRow(tail))) return [head, tail];
      }
      return null;
    }

    async function candidates(qwords) {
      const cands = [], meant = [], suggestion = [];
      let corrected = false;
      for (let i = 0; i < qwords.length; i++) {
        const w = qwords[i];
        const { terms, fix } = await wordTerms(w, i + 1 === qwords.length);
        if (fix !== null) {
          suggestion.push(await display(fix));
          meant.push(fix);
          corrected = true;
        } else {
          suggestion.push(w.typed);
          meant.push(w.folded);
        }
        for (const [t, cls] of terms) {
          const entry = await lookup(t);
          if (entry) cands.push({ word: i, cls, entry, read: 0 });
        }
      }
      return { cands, meant, suggestion: corrected ? suggestion.join(' ') : null };
    }

    async function wordTerms(w, last) {
      const exact = stem(w.folded);
      const terms = [];
      if (await lookup(exact)) terms.push([exact, EXACT]);
      if (last && Array.from(w.folded).length >= 2) {
        for (const row of await completions(w.folded)) {
          const t = stem(row[0]);
          if (!terms.some(([x]) => x === t)) terms.push([t, PREFIX]);
          if (terms.length > PREFIX_COMPLETIONS) break;
        }
      }
      if (terms.length) return { terms, fix: null };
      let fixes = (await corrections(w.folded, last)).map((f) => f.word);
      // spelt as heard (`Elternkaffee`): only when no typo reaches a word
      if (fixes.length === 0) fixes = await alike(w.folded);
      for (const fix of fixes) {
        const t = stem(fix);
        if (!terms.some(([x]) => x === t)) terms.push([t, FUZZY]);
        if (terms.length === FUZZY_CANDIDATES) break;
      }
      return { terms, fix: fixes.length ? fixes[0] : null };
    }

    const nextMax = (c) => (c.entry.later[c.read] ? c.entry.later[c.read].max : 0);

    // score: tiers + best impact per word + the proximity bonus (the
    // words together in one passage), as rank in src/search/query/rank.rs
    function rank(tiers, seen, next) {
      const out = [];
      for (const [page, t] of tiers) {
        const b = seen.best.get(page);
        let lb = 0, ub = 0, tier = 0, top = 0;
        for (let w = 0; w < t.length; w++) {
          tier += t[w];
          if (t[w] > 0) {
            const got = b ? b[w] : 0;
            lb += got;
            ub += Math.max(got, next[w]);
            top = Math.max(top, got);
          }
        }
        const near = seen.near.get(page) || 0;
        lb += Math.max(0, near - top);
        ub += Math.max(0, ub - top);
        out.push({ page, tier, lb, ub });
      }
      out.sort((a, b) => (b.tier + b.lb) - (a.tier + a.lb) || a.page - b.page);
      return out;
    }

    function settled(ranked, need) {
      // whether a page below one of the first `need` could still score above it
      let belowMax = 0, ok = true;
      for (let i = ranked.length - 1; i >= 0; i--) {
        const r = ranked[i];
        if (i < need && belowMax > r.tier + r.lb) ok = false;
        belowMax = Math.max(belowMax, r.tier + r.ub);
      }
      return ok;
    }

    async function search(query, { limit = 10, offset = 0, kind = null } = {}) {
      const empty = { hits: [], total: 0, partial: 0, suggestion: null };
      if (!(await open())) return null;
      const qwords = await splitCompounds(queryWords(query));
      if (qwords.length === 0) return empty;
      const { cands, meant, suggestion } = await candidates(qwords);
      const n = qwords.length;
      const forms = [];
      for (const w of meant) { const row = await wordRow(w); forms.push([(row && row[3]) || [], (row && row[4]) || []]); }
      let kinds = null;
      if (kind) {
        kinds = await kindFilter(kind);
        if (!kinds) return null;
      }
      const tiers = pageTiers(cands, forms, kinds, n);
      const { ranked, seen } = await readImpacts(cands, tiers, n, offset + limit);
      const matched = cands.map((c) => c.entry.term);
      const total = ranked.filter((r) => r.tier >= MATCH * n).length;
      const hits = [];
      for (const r of ranked.slice(offset, offset + limit)) {
        const h = await hit(r, seen, tiers.get(r.page), qwords, matched);
        if (h) hits.push(h);
      }
      return { hits, total, partial: ranked.length - total, suggestion };
    }

    async function kindFilter(kind) {
      const code = meta.kinds.indexOf(kind);
      if (code < 0) return null;
      const bytes = await file('kinds.txt');
      return bytes ? { bytes, code: 48 + code } : null;
    }

    function pageTiers(cands, forms, kinds, n) {
      const tiers = new Map();
      for (const c of cands) {
        for (const p of pagesOf(c.entry.pages)) {
          if (kinds && kinds.bytes[p] !== kinds.code) continue;
          const at = sortedIndex(c.entry.titlePages, p);
          const title = at >= 0 ? titleWeight(c.entry.titleMatch[at]) + mentionsWeight(c.entry.titleMentions[at]) : 0;
          // a completion is not the word typed; a correction is the word meant
          const titleForm = c.cls !== PREFIX && sortedHas(forms[c.word][0], p);
          const form = c.cls !== PREFIX && sortedHas(forms[c.word][1], p);
          const v = MATCH + CLASS_WEIGHT[c.cls] + title + (titleForm ? TITLE_FORM : 0) + (form ? FORM : 0);
          let t = tiers.get(p);
          if (!t) { t = new Array(n).fill(0); tiers.set(p, t); }
          t[c.word] = Math.max(t[c.word], v);
        }
      }
      return tiers;
    }

    async function readImpacts(cands, tiers, n, need) {
      const seen = { best: new Map(), passages: new Map(), near: new Map() };
      const add = (word, postings) => {
        for (const [key, impact] of postings) {
          const page = pageOf(key);
          if (!tiers.has(page)) continue;
          let b = seen.best.get(page);
          if (!b) { b = new Array(n).fill(0); seen.best.set(page, b); }
          b[word] = Math.max(b[word], impact);
          let p = seen.passages.get(key);
          if (!p) { p = new Array(n).fill(0); seen.passages.set(key, p); }
          p[word] = Math.max(p[word], impact);
          const sum = p.reduce((a, x) => a + x, 0);
          seen.near.set(page, Math.max(seen.near.get(page) || 0, sum));
        }
      };
      for (const c of cands) add(c.word, c.entry.first);
      for (let extra = 0; ; extra++) {
        const next = new Array(n).fill(0);
        for (const c of cands) next[c.word] = Math.max(next[c.word], nextMax(c));
        const ranked = rank(tiers, seen, next);
        if (extra === MAX_EXTRA_BLOCKS || settled(ranked, need)) return { ranked, seen };
        let pick = null;
        for (const c of cands) if (nextMax(c) > 0 && (pick === null || nextMax(c) > nextMax(pick))) pick = c;
        if (pick === null) return { ranked, seen };
        const postings = await block(pick);
        pick.read++;
        add(pick.word, postings);
      }
    }

    async function hit(r, seen, pageTiers, qwords, matched) {
      let bestSum = -1, bestKey = null;
      for (const [key, imp] of seen.passages) {
        if (pageOf(key) !== r.page) continue;
        const sum = imp.reduce((a, b) => a + b, 0);
        if (sum > bestSum || (sum === bestSum && key < bestKey)) { bestSum = sum; bestKey = key; }
      }
      const chunk = meta.doc_chunk || DOC_CHUNK_DEFAULT;
      const passage = bestKey === null ? 0 : passageOf(bestKey);
      const doc = await docFile(r.page, Math.floor(passage / chunk));
      const row = doc && doc.p[passage % chunk];
      if (!row) return null;
      const [anchor, heading, text] = row;
      const parts = snippetParts(heading, text, matched);
      return {
        url: anchor ? `${doc.u}#${anchor}` : doc.u,
        title: doc.t,
        kind: doc.k,
        score: r.tier + r.lb,
        snippet: parts.map(([s, m]) => (m ? `<mark>${escapeHtml(s)}</mark>` : escapeHtml(s))).join(''),
        missing: qwords.filter((_, w) => pageTiers[w] === 0).map((w) => w.typed),
        parts,
      };
    }

    return { search, open };
  }

  async function inflate(bytes) {
    if (!bytes || bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  }

  // DecompressionStream takes no preset dictionary: the dictionary goes
  // first as a stored block (BFINAL 0, BTYPE 00, LEN, ~LEN), which any
  // inflater takes as earlier output for the file's blocks to copy from,
  // and its bytes are dropped from what comes out
  async function inflateWith(bytes, dict) {
    const n = dict.length;
    const head = new Uint8Array([0, n & 0xff, n >> 8, ~n & 0xff, (~n >> 8) & 0xff]);
    const stream = new Blob([head, dict, bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    return new Uint8Array(await new Response(stream).arrayBuffer()).subarray(n);
  }

  function escapeHtml(s) {
    return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  }

  // [text, isMatch] pieces: about 25 words around the first match
  function snippetParts(heading, text, terms) {
    text = heading ? `${heading} – ${text}` : text;
    const ws = words(text);
    const isMatch = (w) => {
      const f = fold(w);
      return terms.some((t) => f.startsWith(t) || (new TextEncoder().encode(t).length >= 5 && f.includes(t)));
    };
    if (ws.length === 0) return [];
    const marked = ws.map(([a, b]) => isMatch(text.slice(a, b)));
    // `Regionen-Check` found as `Regionencheck`: the run is the match
    for (const [a, b] of hyphenRuns(text, ws)) {
      if (!marked.slice(a, b + 1).includes(true) && isMatch(text.slice(ws[a][0], ws[b][1]))) marked.fill(true, a, b + 1);
    }
    let first = marked.indexOf(true);
    if (first < 0) first = 0;
    const from = Math.max(0, first - 8);
    const to = Math.min(from + 25, ws.length);
    const parts = [];
    if (from > 0) parts.push(['…', false]);
    let pos = ws[from][0];
    for (let i = from; i < to; i++) {
      const [a, b] = ws[i];
      if (a > pos) parts.push([text.slice(pos, a), false]);
      parts.push([text.slice(a, b), marked[i]]);
      pos = b;
    }
    if (to < ws.length) parts.push(['…', false]);
    return parts;
  }

  return { normalize, fold, words, stem, term, phonetic, maxTypos, editDistance, createIndex };
});
