// The Regionen-Check as a working form: answers stay in this browser
// (localStorage, never sent), survive a reload, can be reset, printed as a
// summary, downloaded as Markdown or JSON, and a JSON file loaded again.
(() => {
  'use strict';
  const form = document.getElementById('check-form');
  if (!form) return;
  const key = 'handbook-check:' + form.dataset.check;
  const fields = () => [...form.querySelectorAll('textarea, input[type="radio"], input[type="text"]')];
  const message = form.querySelector('.check-message');
  const box = document.querySelector('#check-summary [data-summary]');
  // what only works with JavaScript (saving, downloads) appears only now
  form.querySelectorAll('[data-js-only]').forEach((el) => { el.hidden = false; });
  // from now on the summary prints instead of the form (the print rules in style.css)
  form.classList.add('has-summary');

  function collect() {
    const answers = {};
    for (const f of fields()) {
      if (f.type === 'radio') { if (f.checked) answers[f.name] = f.value; }
      else answers[f.name] = f.value;
    }
    return { check: form.dataset.title, saved: new Date().toISOString(), answers };
  }

  function restore(data) {
    const a = (data && data.answers) || {};
    for (const f of fields()) {
      if (f.type === 'radio') f.checked = a[f.name] ? a[f.name] === f.value : f.defaultChecked;
      else f.value = a[f.name] || '';
    }
    summary();
  }

  function save() {
    try { localStorage.setItem(key, JSON.stringify(collect())); } catch { /* storage full or off */ }
    summary();
  }

  function groups() {
    return [...form.querySelectorAll('fieldset.question-group:not(.check-meta)')].map((g) => ({
      title: g.querySelector('legend').textContent.trim(),
      status: (g.querySelector('input[type="radio"]:checked') || {}).value || '',
      questions: [...g.querySelectorAll('textarea')].map((t) => ({ question: t.dataset.question, notes: t.value.trim() })),
    }));
  }

  // region, date and participants of the session: [label, value]
  function meta() {
    return [...form.querySelectorAll('.check-meta .question')].map((q) => [
      q.querySelector('label').textContent.trim(), q.querySelector('input, textarea').value.trim()]);
  }

  function markdown() {
    let md = `# ${form.dataset.title}\n\n`;
    for (const [label, value] of meta()) md += `**${label}:** ${value.replace(/\n/g, '  \n') || box.dataset.empty}\n\n`;
    for (const g of groups()) {
      md += `## ${g.title}\n\n${box.dataset.statusLabel}: ${g.status}\n\n`;
      for (const q of g.questions) md += `### ${q.question}\n\n${q.notes || box.dataset.empty}\n\n`;
    }
    return md;
  }

  function summary() {
    box.replaceChildren();
    box.closest('section').hidden = false;
    const head = document.createElement('dl');
    head.className = 'check-meta-summary';
    for (const [label, value] of meta()) {
      const dt = document.createElement('dt'); dt.textContent = label;
      // an empty line to write on when printed unfilled
      const dd = document.createElement('dd'); dd.textContent = value || '\u00a0';
      head.append(dt, dd);
    }
    box.append(head);
    for (const g of groups()) {
      const h = document.createElement('h3');
      h.textContent = `${g.title} (${g.status})`;
      const dl = document.createElement('dl');
      for (const q of g.questions) {
        const dt = document.createElement('dt'); dt.textContent = q.question;
        const dd = document.createElement('dd'); dd.textContent = q.notes || box.dataset.empty;
        dl.append(dt, dd);
      }
      box.append(h, dl);
    }
  }

  function download(name, type, text) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const a = document.createElement('a');
    a.href = url; a.download = name;
    document.body.appendChild(a); a.click(); a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  form.addEventListener('input', save);
  form.addEventListener('change', save);
  form.addEventListener('submit', (e) => e.preventDefault());
  form.addEventListener('click', (e) => {
    const action = e.target.closest('[data-action]')?.dataset.action;
    if (!action) return;
    if (action === 'print') window.print();
    if (action === 'markdown') download('regionen-check.md', 'text/markdown;charset=utf-8', markdown());
    if (action === 'json') download('regionen-check.json', 'application/json', JSON.stringify(collect(), null, 2));
    if (action === 'reset' && window.confirm(e.target.dataset.confirm)) {
      localStorage.removeItem(key);
      restore(null);
    }
  });
  form.querySelector('#check-load').addEventListener('change', async (e) => {
    const file = e.target.files[0];
    if (!file) return;
    try {
      const data = JSON.parse(await file.text());
      if (!data || typeof data.answers !== 'object') throw new Error('no answers');
      restore(data);
      save();
      message.textContent = message.dataset.loaded;
    } catch {
      message.textContent = message.dataset.loadError;
    }
    e.target.value = '';
  });

  let stored = null;
  try { stored = JSON.parse(localStorage.getItem(key) || 'null'); } catch { stored = null; }
  restore(stored);
})();
