// Faceted filters on the concept and region overviews. Within a facet any
// checked value matches, across facets all must; the state lives in the
// URL (?zielgruppen=alleinerziehende) so a filtered view can be shared.
(() => {
  'use strict';
  const form = document.querySelector('form[data-filters]');
  const list = document.querySelector('[data-filter-list]');
  if (!form || !list) return;
  form.hidden = false;
  // The panel is taller than a phone screen: closed there unless the URL
  // already carries filters, open on wide screens.
  const panel = form.querySelector('details');
  if (panel) panel.open = window.matchMedia('(min-width: 48rem)').matches || location.search.length > 1;
  const items = [...list.querySelectorAll('li.card')];
  const boxes = [...form.querySelectorAll('input[type="checkbox"]')];
  const visibleCount = form.querySelector('[data-visible-count]');
  const none = form.querySelector('[data-none]');

  function selected() {
    const sel = {};
    for (const b of boxes) if (b.checked) (sel[b.name] ||= []).push(b.value);
    return sel;
  }
  const valuesOf = (item, key) => (item.dataset[key] || '').split(' ').filter(Boolean);
  const matches = (item, sel, skip) => Object.entries(sel).every(([key, vals]) =>
    key === skip || vals.some((v) => valuesOf(item, key).includes(v)));

  function apply(updateUrl) {
    const sel = selected();
    let shown = 0;
    for (const item of items) {
      const ok = matches(item, sel);
      item.hidden = !ok;
      if (ok) shown++;
    }
    for (const group of list.querySelectorAll('[data-group]')) {
      group.hidden = !group.querySelector('li.card:not([hidden])');
    }
    // each value's count: items it would show together with the other facets
    for (const b of boxes) {
      const n = items.filter((i) => matches(i, sel, b.name) && valuesOf(i, b.name).includes(b.value)).length;
      const c = form.querySelector(`[data-count-for="${b.name}=${CSS.escape(b.value)}"]`);
      if (c) c.textContent = `(${n})`;
    }
    visibleCount.textContent = String(shown);
    none.hidden = shown !== 0;
    if (updateUrl) {
      const params = new URLSearchParams();
      for (const [k, vals] of Object.entries(sel)) for (const v of vals) params.append(k, v);
      const q = params.toString();
      history.replaceState(null, '', q ? `?${q}` : location.pathname);
    }
  }

  function fromUrl() {
    const params = new URLSearchParams(location.search);
    for (const b of boxes) b.checked = params.getAll(b.name).includes(b.value);
    apply(false);
  }

  form.addEventListener('change', () => apply(true));
  form.addEventListener('reset', () => setTimeout(() => apply(true), 0));
  window.addEventListener('popstate', fromUrl);
  fromUrl();
})();
