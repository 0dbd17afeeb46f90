// Live reload for `handbook serve` (never part of a built site): reloads on
// changes keeping the scroll position, swaps stylesheets without a reload,
// and shows every diagnostic of a failed build in an overlay.
(() => {
  const base = document.currentScript.src.replace(/__handbook\/livereload\.js.*$/, '');
  const key = 'handbook-scroll:' + location.pathname;
  const saved = sessionStorage.getItem(key);
  if (saved !== null) {
    sessionStorage.removeItem(key);
    const y = Number(saved);
    window.scrollTo(0, y);
    window.addEventListener('load', () => window.scrollTo(0, y));
  }

  function overlay(diagnostics) {
    let box = document.getElementById('handbook-overlay');
    if (!diagnostics || diagnostics.length === 0) {
      if (box) box.remove();
      return;
    }
    if (!box) {
      box = document.createElement('div');
      box.id = 'handbook-overlay';
      box.setAttribute('role', 'alert');
      box.style.cssText = 'position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;' +
        'background:#2b0b0b;color:#fff;font:14px/1.5 ui-monospace,monospace;padding:1rem 1.25rem;border-top:4px solid #ff6b6b';
      document.body.appendChild(box);
    }
    box.replaceChildren();
    const title = document.createElement('strong');
    title.textContent = 'Die Vorschau ließ sich nicht erneuern – angezeigt wird der letzte funktionierende Stand. Was zu beheben ist:';
    box.appendChild(title);
    const list = document.createElement('ul');
    list.style.cssText = 'margin:.5rem 0 0;padding-left:1.25rem';
    // what stopped the build first, the warnings (often many) after it
    const rank = (d) => (d.severity === 'error' ? 0 : 1);
    for (const d of [...diagnostics].sort((a, b) => rank(a) - rank(b))) {
      const li = document.createElement('li');
      const where = d.file ? `${d.file}:${d.line}:${d.column}: ` : '';
      // `label` is the severity in the handbook's language (Fehler/Warnung)
      li.textContent = `${where}${d.label || d.severity}: ${d.message}` + (d.help ? ` (${d.help})` : '');
      list.appendChild(li);
    }
    box.appendChild(list);
  }

  async function refreshStatus() {
    try {
      const status = await (await fetch(base + '__handbook/status', { cache: 'no-store' })).json();
      overlay(status.ok ? [] : status.diagnostics);
    } catch { /* server restarting */ }
  }

  function swapCss() {
    for (const link of document.querySelectorAll('link[rel="stylesheet"]')) {
      const url = new URL(link.href);
      url.searchParams.set('v', Date.now());
      link.href = url.toString();
    }
  }

  const events = new EventSource(base + '__handbook/events');
  events.onmessage = (e) => {
    const ev = JSON.parse(e.data);
    if (ev.type === 'reload') {
      sessionStorage.setItem(key, String(window.scrollY));
      location.reload();
    } else if (ev.type === 'css') {
      swapCss();
    } else if (ev.type === 'status') {
      refreshStatus();
    }
  };
  refreshStatus();
})();
