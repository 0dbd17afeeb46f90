// Search in the browser: the drop-down under the search box (as you type)
// and the results page /suche/?q=…&art=…&seite=…, both over the static
// index through search-engine.js. Results are inserted as text nodes, never
// as HTML from the data (snippet marks are built here).
(() => {
  'use strict';
  const script = document.currentScript;
  const base = script ? script.dataset.base || '/' : '/';
  const root = base + 'suche/';
  const PAGE_SIZE = 10;

  const index = window.HandbookSearchEngine.createIndex((path) =>
    fetch(root + path).then((r) => (r.ok ? r.arrayBuffer() : null)).then((b) => (b ? new Uint8Array(b) : null)));

  // `search` answers with the hits (as `handbook search --json`), `query`
  // with counts and the suggestion too
  async function query(q, opts = {}) {
    return (await index.search(q, opts)) || { hits: [], total: 0, partial: 0, suggestion: null };
  }
  async function search(q, opts = {}) {
    return (await query(q, opts)).hits;
  }
  window.HandbookSearch = { search, query, engine: window.HandbookSearchEngine };

  function kindLabel(form, kind) {
    const key = 'kind' + kind.charAt(0).toUpperCase() + kind.slice(1);
    return (form && form.dataset[key]) || kind;
  }

  function hitLink(h, form) {
    const a = document.createElement('a');
    a.href = h.url;
    const title = document.createElement('span');
    title.className = 'search-title';
    title.textContent = h.title;
    const badge = document.createElement('span');
    badge.className = 'badge kind-' + h.kind;
    badge.textContent = kindLabel(form, h.kind);
    const snip = document.createElement('span');
    snip.className = 'search-snippet';
    // a passage of a page in Arabic or Hebrew runs right to left
    snip.dir = 'auto';
    for (const [text, mark] of h.parts) {
      if (mark) { const m = document.createElement('mark'); m.textContent = text; snip.appendChild(m); }
      else snip.appendChild(document.createTextNode(text));
    }
    a.append(title, ' ', badge, snip);
    return a;
  }

  function added(parent, tag, attributes) {
    const el = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
    parent.append(el);
    return el;
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, (_, k) => (k in values ? String(values[k]) : ''));
  }

  // --- the search box: as you type, arrow keys, Escape; Enter opens the results page
  function attach(form) {
    const input = form.querySelector('input[type="search"]');
    const kindSelect = form.querySelector('select');
    // the list of results and its announcement serve this script alone, so
    // it adds them (a theme may still give their ids in data-results and
    // data-status): a page without JavaScript is none the worse, and every
    // page of a large handbook is some 115 bytes lighter
    const results = document.getElementById(form.dataset.results) || added(form, 'ul', { id: 'search-results', class: 'search-results', hidden: '' });
    const status = document.getElementById(form.dataset.status) || added(form, 'p', { id: 'search-status', class: 'visually-hidden', 'aria-live': 'polite' });
    if (!input) return;
    const strings = form.dataset;
    let generation = 0;
    async function run() {
      const q = input.value.trim();
      const mine = ++generation;
      if (q.length < 2) { results.replaceChildren(); results.hidden = true; if (status) status.textContent = ''; return; }
      const r = await query(q, { limit: PAGE_SIZE, kind: kindSelect && kindSelect.value ? kindSelect.value : null });
      if (mine !== generation) return; // a newer query is under way
      results.replaceChildren();
      for (const h of r.hits) {
        const li = document.createElement('li');
        li.appendChild(hitLink(h, form));
        results.appendChild(li);
      }
      if (r.hits.length) {
        const li = document.createElement('li');
        li.className = 'search-all';
        const a = document.createElement('a');
        const params = new URLSearchParams({ q });
        if (kindSelect && kindSelect.value) params.set('art', kindSelect.value);
        a.href = `${root}?${params}`;
        a.textContent = fill(strings.showAll, { count: r.total + r.partial });
        li.appendChild(a);
        results.appendChild(li);
      }
      results.hidden = false;
      if (status) status.textContent = r.hits.length === 0 ? strings.none : fill(strings.count, { count: r.total });
    }
    input.addEventListener('input', run);
    if (kindSelect) kindSelect.addEventListener('change', run);
    form.addEventListener('keydown', (e) => {
      const links = [...results.querySelectorAll('a')];
      const i = links.indexOf(document.activeElement);
      if (e.key === 'ArrowDown' && links.length) { e.preventDefault(); links[Math.min(i + 1, links.length - 1)].focus(); }
      else if (e.key === 'ArrowUp' && links.length) { e.preventDefault(); if (i <= 0) input.focus(); else links[i - 1].focus(); }
      else if (e.key === 'Escape') { results.hidden = true; input.focus(); }
    });
    const params = new URLSearchParams(location.search);
    if (form.dataset.fromUrl !== undefined) {
      if (params.get('q')) input.value = params.get('q');
      if (kindSelect && params.get('art')) kindSelect.value = params.get('art');
    }
  }
  const forms = [...document.querySelectorAll('form[data-search]')];
  forms.forEach(attach);

  // --- the results page
  async function resultsPage(page) {
    const form = forms[0];
    const t = page.dataset;
    const params = new URLSearchParams(location.search);
    const q = (params.get('q') || '').trim();
    const kind = params.get('art') || null;
    const pageNo = Math.max(1, parseInt(params.get('seite') || '1', 10) || 1);
    const summary = page.querySelector('.search-summary');
    const list = page.querySelector('.search-page-results');
    const pager = page.querySelector('.search-pager');
    const help = page.querySelector('.search-help');
    summary.hidden = false;
    if (!q) return;
    summary.textContent = t.searching;
    const r = await query(q, { limit: PAGE_SIZE, offset: (pageNo - 1) * PAGE_SIZE, kind });
    const all = r.total + r.partial;
    summary.replaceChildren();
    const count = document.createElement('p');
    count.className = 'search-count';
    // hits of a corrected word contain the word meant, not the one typed
    const counted = r.suggestion || q;
    if (r.total > 0) count.textContent = fill(r.total === 1 ? t.countOne : t.count, { count: r.total, q: counted });
    else if (r.partial > 0) count.textContent = fill(t.countPartial, { count: r.partial, q: counted });
    else count.textContent = fill(t.none, { q });
    summary.appendChild(count);
    if (r.suggestion) {
      const p = document.createElement('p');
      p.className = 'search-suggestion';
      p.append(t.didYouMean + ' ');
      const a = document.createElement('a');
      const sp = new URLSearchParams({ q: r.suggestion });
      if (kind) sp.set('art', kind);
      a.href = `?${sp}`;
      a.textContent = r.suggestion;
      p.append(a, '?');
      summary.appendChild(p);
    }
    help.hidden = all > 0;
    list.replaceChildren();
    list.start = (pageNo - 1) * PAGE_SIZE + 1;
    for (const h of r.hits) {
      const li = document.createElement('li');
      li.appendChild(hitLink(h, form));
      if (h.missing.length) {
        const m = document.createElement('p');
        m.className = 'search-missing';
        m.textContent = fill(t.missing, { words: h.missing.join(', ') });
        li.appendChild(m);
      }
      list.appendChild(li);
    }
    pager.replaceChildren();
    const pages = Math.ceil(all / PAGE_SIZE);
    if (pages > 1) {
      const link = (n, text, rel) => {
        const sp = new URLSearchParams({ q });
        if (kind) sp.set('art', kind);
        if (n > 1) sp.set('seite', String(n));
        const a = document.createElement('a');
        a.href = `?${sp}`;
        a.textContent = text;
        if (rel) a.rel = rel;
        if (n === pageNo) a.setAttribute('aria-current', 'page');
        return a;
      };
      if (pageNo > 1) pager.appendChild(link(pageNo - 1, t.previous, 'prev'));
      for (let n = Math.max(1, pageNo - 4); n <= Math.min(pages, pageNo + 4); n++) pager.appendChild(link(n, String(n)));
      if (pageNo < pages) pager.appendChild(link(pageNo + 1, t.next, 'next'));
    }
    document.title = `${fill(t.pageTitle, { q })} – ${document.title.split(' – ').slice(1).join(' – ')}`;
  }
  const page = document.getElementById('search-page');
  if (page) resultsPage(page);
})();
