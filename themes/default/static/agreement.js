// Fill-in agreements: the placeholders become form fields; the preview
// shows the entered values (unfilled ones stay marked); the result prints
// without the form and downloads as .docx or .odt (the documents the build
// wrote beside the page, filled in here) or as Markdown. Entries stay in
// this browser only.
(() => {
  'use strict';
  const form = document.getElementById('agreement-form');
  const text = document.getElementById('agreement-text');
  if (!form || !text) return;
  form.hidden = false;
  const key = 'handbook-agreement:' + form.dataset.agreement;
  const inputs = [...form.querySelectorAll('input, textarea')];
  const spans = [...text.querySelectorAll('.placeholder[data-placeholder]')];
  const labels = new Map(spans.map((s) => [s, s.textContent]));

  function values() {
    return Object.fromEntries(inputs.map((i) => [i.name, i.value.trim()]));
  }

  function update() {
    const v = values();
    for (const s of spans) {
      const val = v[s.dataset.placeholder];
      s.textContent = val || labels.get(s);
      s.classList.toggle('filled', Boolean(val));
    }
    try { localStorage.setItem(key, JSON.stringify(v)); } catch { /* storage off */ }
  }

  // --- the filled text as blocks of runs: [{style, runs: [{text, placeholder}]}] ---
  function blocks() {
    const out = [];
    const walk = (el, style) => {
      const runs = [];
      const visit = (node) => {
        if (node.nodeType === Node.TEXT_NODE) runs.push({ text: node.textContent.replace(/\s+/g, ' '), placeholder: false });
        else if (node.classList && node.classList.contains('placeholder')) runs.push({ text: node.textContent, placeholder: !node.classList.contains('filled') });
        else node.childNodes.forEach(visit);
      };
      el.childNodes.forEach(visit);
      if (runs.some((r) => r.text.trim())) out.push({ style, runs });
    };
    for (const el of text.children) {
      if (/^H[1-6]$/.test(el.tagName)) walk(el, 'heading');
      else if (el.tagName === 'UL' || el.tagName === 'OL') for (const li of el.children) walk(li, 'item');
      else walk(el, 'body');
    }
    return out;
  }

  function markdown() {
    let md = `# ${form.dataset.title}\n\n`;
    for (const b of blocks()) {
      const line = b.runs.map((r) => (r.placeholder ? `**${r.text}**` : r.text)).join('').trim();
      md += b.style === 'heading' ? `## ${line}\n\n` : b.style === 'item' ? `- ${line}\n` : `${line}\n\n`;
    }
    return md;
  }

  // --- .docx and .odt: the build writes both from the agreement (with
  // heading styles, numbering and the handbook's title); here a copy of
  // that file gets the entered values in place of its „[Label]“ fields ---
  const CRC_TABLE = (() => {
    const t = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      t[n] = c >>> 0;
    }
    return t;
  })();
  function crc32(bytes) {
    let c = 0xffffffff;
    for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  }

  // The entries of a ZIP file, in order: [name, bytes].
  async function unzip(buffer) {
    const view = new DataView(buffer);
    let eocd = buffer.byteLength - 22;
    while (eocd >= 0 && view.getUint32(eocd, true) !== 0x06054b50) eocd--;
    if (eocd < 0) throw new Error('not a zip file');
    const count = view.getUint16(eocd + 10, true);
    let at = view.getUint32(eocd + 16, true);
    const dec = new TextDecoder();
    const out = [];
    for (let i = 0; i < count; i++) {
      const method = view.getUint16(at + 10, true);
      const size = view.getUint32(at + 20, true);
      const nameLen = view.getUint16(at + 28, true);
      const extraLen = view.getUint16(at + 30, true);
      const commentLen = view.getUint16(at + 32, true);
      const local = view.getUint32(at + 42, true);
      const name = dec.decode(new Uint8Array(buffer, at + 46, nameLen));
      const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      let data = new Uint8Array(buffer, start, size);
      if (method === 8) {
        const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
        data = new Uint8Array(await new Response(stream).arrayBuffer());
      }
      out.push([name, data]);
      at += 46 + nameLen + extraLen + commentLen;
    }
    return out;
  }

  // A ZIP of stored (uncompressed) entries, in the given order (ODF wants
  // `mimetype` first and stored).
  function zip(files, type) {
    const enc = new TextEncoder();
    const chunks = [];
    const central = [];
    let offset = 0;
    for (const [name, content] of files) {
      const nameBytes = enc.encode(name);
      const data = typeof content === 'string' ? enc.encode(content) : content;
      const crc = crc32(data);
      const local = new DataView(new ArrayBuffer(30));
      local.setUint32(0, 0x04034b50, true); local.setUint16(4, 20, true); local.setUint16(6, 0x0800, true);
      local.setUint16(8, 0, true); local.setUint32(14, crc, true);
      local.setUint32(18, data.length, true); local.setUint32(22, data.length, true);
      local.setUint16(26, nameBytes.length, true);
      chunks.push(new Uint8Array(local.buffer), nameBytes, data);
      const cd = new DataView(new ArrayBuffer(46));
      cd.setUint32(0, 0x02014b50, true); cd.setUint16(4, 20, true); cd.setUint16(6, 20, true); cd.setUint16(8, 0x0800, true);
      cd.setUint32(16, crc, true); cd.setUint32(20, data.length, true); cd.setUint32(24, data.length, true);
      cd.setUint16(28, nameBytes.length, true); cd.setUint32(42, offset, true);
      central.push(new Uint8Array(cd.buffer), nameBytes);
      offset += 30 + nameBytes.length + data.length;
    }
    const cdSize = central.reduce((s, c) => s + c.length, 0);
    const end = new DataView(new ArrayBuffer(22));
    end.setUint32(0, 0x06054b50, true); end.setUint16(8, files.length, true); end.setUint16(10, files.length, true);
    end.setUint32(12, cdSize, true); end.setUint32(16, offset, true);
    return new Blob([...chunks, ...central, new Uint8Array(end.buffer)], { type });
  }

  const xml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const unxml = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n))).replace(/&amp;/g, '&');

  // „[Label]“ of each placeholder → the entered value (filled ones only)
  function filledByLabel() {
    const v = values();
    const map = new Map();
    for (const s of spans) if (v[s.dataset.placeholder]) map.set(labels.get(s), v[s.dataset.placeholder]);
    return map;
  }

  const FORMATS = {
    docx: {
      part: 'word/document.xml',
      type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      // a run in the style „Platzhalter“ whose text is a field's [Label]
      fill: (doc, filled) => doc.replace(/<w:r>((?:(?!<\/w:r>).)*?)<\/w:r>/gs, (run, inner) => {
        const m = inner.match(/<w:t[^>]*>([^<]*)<\/w:t>/);
        const value = m && /w:rStyle w:val="Platzhalter"/.test(inner) && filled.get(unxml(m[1]));
        if (!value) return run;
        const text = value.split(/\r?\n/).map((line) => `<w:t xml:space="preserve">${xml(line)}</w:t>`).join('<w:br/>');
        return `<w:r>${inner.replace(/<w:rStyle w:val="Platzhalter"\s*\/>/, '').replace(m[0], text)}</w:r>`;
      }),
    },
    odt: {
      part: 'content.xml',
      type: 'application/vnd.oasis.opendocument.text',
      fill: (doc, filled) => doc.replace(/<text:span text:style-name="Platzhalter">([^<]*)<\/text:span>/g, (span, label) => {
        const value = filled.get(unxml(label));
        return value ? value.split(/\r?\n/).map(xml).join('<text:line-break/>') : span;
      }),
    },
  };

  async function filledDocument(format) {
    const f = FORMATS[format];
    const response = await fetch(form.dataset[format]);
    if (!response.ok) throw new Error(`${response.status}`);
    const entries = await unzip(await response.arrayBuffer());
    const filled = filledByLabel();
    const dec = new TextDecoder();
    return zip(entries.map(([name, data]) => [name, name === f.part ? f.fill(dec.decode(data), filled) : data]), f.type);
  }

  function download(name, blob) {
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url; a.download = name;
    document.body.appendChild(a); a.click(); a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  const fileName = (ext) => `${form.dataset.agreement.split('/').filter(Boolean).pop() || 'vereinbarung'}.${ext}`;
  form.addEventListener('input', update);
  // Erasing every entry cannot be undone: ask first.
  form.addEventListener('reset', (e) => {
    const ask = form.querySelector('button[type="reset"]').dataset.confirm;
    if (ask && !window.confirm(ask)) { e.preventDefault(); return; }
    setTimeout(update, 0);
  });
  form.addEventListener('submit', (e) => e.preventDefault());
  form.addEventListener('click', (e) => {
    const action = e.target.closest('[data-action]')?.dataset.action;
    if (action === 'print') window.print();
    if (action === 'docx' || action === 'odt') {
      filledDocument(action).then((blob) => download(fileName(action), blob)).catch(() => {
        // the template file is beside the page; without it the plain one will do
        window.location.href = form.dataset[action];
      });
    }
    if (action === 'markdown') download(fileName('md'), new Blob([markdown()], { type: 'text/markdown;charset=utf-8' }));
  });

  try {
    const saved = JSON.parse(localStorage.getItem(key) || '{}');
    for (const i of inputs) if (saved[i.name]) i.value = saved[i.name];
  } catch { /* nothing saved */ }
  update();
})();
