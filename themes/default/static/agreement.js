// Fill-in agreements: the placeholders become form fields; the preview
// shows the entered values (unfilled ones stay marked); the result prints
// without the form and downloads as a Word document (.docx, built here in
// the browser) or as Markdown. Entries stay in this browser only.
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

  // --- a minimal .docx: WordprocessingML in a stored (uncompressed) ZIP ---
  const xml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  function documentXml() {
    const para = (b) => {
      const pPr = b.style === 'heading' ? '<w:pPr><w:spacing w:before="240" w:after="120"/></w:pPr>' : '<w:pPr><w:spacing w:after="120"/></w:pPr>';
      const prefix = b.style === 'item' ? [{ text: '• ', placeholder: false }] : [];
      const runs = [...prefix, ...b.runs].map((r) => {
        const rPr = [b.style === 'heading' ? '<w:b/><w:sz w:val="28"/>' : '', r.placeholder ? '<w:highlight w:val="yellow"/>' : ''].join('');
        return `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${xml(r.text)}</w:t></w:r>`;
      }).join('');
      return `<w:p>${pPr}${runs}</w:p>`;
    };
    const title = { style: 'heading', runs: [{ text: form.dataset.title, placeholder: false }] };
    return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' +
      [title, ...blocks()].map(para).join('') +
      '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1417" w:right="1417" w:bottom="1134" w:left="1417" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr>' +
      '</w:body></w:document>';
  }

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

  function zip(files) {
    const enc = new TextEncoder();
    const chunks = [];
    const central = [];
    let offset = 0;
    for (const [name, content] of files) {
      const nameBytes = enc.encode(name);
      const data = enc.encode(content);
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
    return new Blob([...chunks, ...central, new Uint8Array(end.buffer)], {
      type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
  }

  function docx() {
    return zip([
      ['[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'],
      ['_rels/.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'],
      ['word/document.xml', documentXml()],
    ]);
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
    if (action === 'docx') download(fileName('docx'), docx());
    if (action === 'markdown') download(fileName('md'), new Blob([markdown()], { type: 'text/markdown;charset=utf-8' }));
  });

  try {
    const saved = JSON.parse(localStorage.getItem(key) || '{}');
    for (const i of inputs) if (saved[i.name]) i.value = saved[i.name];
  } catch { /* nothing saved */ }
  update();
})();
