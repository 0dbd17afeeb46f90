// The page's text in the Redaktion, as an editor works on it in headless
// Chromium: typing in the CodeMirror editor updates the preview; the
// toolbar's link picker inserts a relative .md link the build resolves;
// an uploaded PNG becomes a figure whose missing alt text is an error at
// its line until it is written; „Speichern“ writes the page, the image
// lies beside it and renders. Without CodeMirror the plain field still
// works. axe-core at 390 and 1280 px. Last, the time from a keystroke to
// the updated preview on the bundled handbook (median of 25).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { launch, openPage, axe, bundledHandbook, copyFixture, serveEditor } from './lib/harness.mjs';

// a real 1×1 PNG, so that the rendered page can show it
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

let browser;
const servers = [];

/** `handbook serve --edit` started inside `root`, as a user does; its start address. */
async function startEditor(root) {
  const { start, server } = await serveEditor(root);
  servers.push(server);
  return start;
}

const fixture = () => copyFixture('editor');

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
  for (const s of servers) s.kill();
});

/** A fresh editor on Kreis Borken, the cursor at the end of its text. */
async function atEndOfBorken() {
  const root = await fixture();
  const start = await startEditor(root);
  const { page } = await openPage(browser);
  await page.goto(start);
  await page.getByRole('link', { name: 'Kreis Borken' }).click();
  await page.getByRole('textbox', { name: 'Text der Seite' }).click();
  await page.keyboard.press('Control+End');
  return { root, page };
}

const editorText = (page) => page.evaluate(() => {
  const b = document.getElementById('body');
  return b.editorView ? b.editorView.state.doc.toString() : b.value;
});

const previewHas = (page, text, timeout = 20000) => page.waitForFunction(
  (want) => document.getElementById('preview')?.contentDocument?.body?.innerText.includes(want),
  text, { timeout, polling: 'raf' },
);

test('type, link a page, upload an image, write its alt text, Speichern', async () => {
  const root = await fixture();
  const start = await startEditor(root);
  const { page, problems } = await openPage(browser);
  await page.goto(start);
  await page.getByRole('link', { name: 'Kreis Borken' }).click();
  const body = page.getByRole('textbox', { name: 'Text der Seite' });
  await body.waitFor();
  assert.equal(await body.evaluate((e) => e.classList.contains('cm-content')), true, 'CodeMirror, not the plain field');
  await page.locator('#body .cm-lineNumbers').waitFor();
  // CodeMirror's own styles apply despite the strict CSP (constructed
  // stylesheets); without them Chrome turns a space typed last on a line
  // into U+00A0 and the toolbar would insert after it
  assert.match(await body.evaluate((e) => getComputedStyle(e).whiteSpace), /^(pre-wrap|break-spaces)$/);

  // typing updates the preview as the build renders it
  await body.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\n\nEin neuer Absatz aus dem Browser.');
  await previewHas(page, 'Ein neuer Absatz aus dem Browser.');

  // the toolbar is one tab stop; arrows move within it
  const toolbar = page.getByRole('toolbar', { name: 'Text gestalten' });
  await toolbar.getByRole('button', { name: 'Überschrift' }).focus();
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Liste');
  await page.keyboard.press('End');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Bild einfügen');

  // a link to a page picked by its title
  await body.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\n\nSiehe auch ');
  await toolbar.getByRole('button', { name: 'Link auf Seite' }).click();
  await page.getByLabel('Seiten nach Titel suchen').fill('allein');
  await page.getByRole('dialog').getByRole('button', { name: 'Alleinerziehende' }).click();
  await page.waitForFunction(() => !document.querySelector('dialog[open]'));
  const linked = await editorText(page);
  assert.ok(linked.includes('Siehe auch [Alleinerziehende](../zielgruppen/alleinerziehende.md)'), linked);
  await previewHas(page, 'Siehe auch Alleinerziehende');
  const href = await page.frameLocator('#preview').getByRole('link', { name: 'Alleinerziehende' }).last().getAttribute('href');
  assert.match(href, /zielgruppen\/alleinerziehende\/?$/, 'the build resolved the .md link');

  // an image: uploaded, a figure inserted with an empty alt, an error at its line
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\n\n');
  await page.locator('#image-file').setInputFiles({ name: 'Elterncafé.png', mimeType: 'image/png', buffer: PNG });
  await page.waitForFunction(() => document.getElementById('body').innerText.includes('figure(src='));
  const src = (await editorText(page)).match(/figure\(src="([^"]+)", alt=""\)/)[1];
  assert.match(src, /^elterncafe-[0-9a-f]{8}\.png$/);
  const line = (await editorText(page)).split('\n').findIndex((l) => l.includes('figure(')) + 1;
  const jump = page.getByRole('button', { name: `Zu Zeile ${line} springen` });
  await jump.waitFor({ timeout: 20000 });
  assert.ok(await page.locator('#body .cm-lint-marker-error').count() > 0, 'a marker in the gutter');
  assert.ok(await page.locator('#body .cm-lintRange-error').count() > 0, 'the line underlined');
  // the cursor waits in alt="": typing fills it and the error goes
  await page.keyboard.type('Eltern im Gespräch');
  await page.getByText('Keine Probleme gefunden.').waitFor({ timeout: 20000 });
  assert.equal(await page.locator('#body .cm-lint-marker-error').count(), 0);

  await page.getByRole('button', { name: 'Speichern' }).click();
  await page.getByText('Gespeichert.').waitFor({ timeout: 20000 });
  const dir = path.join(root, 'content/regionen');
  const saved = await readFile(path.join(dir, 'kreis-borken.md'), 'utf8');
  assert.ok(saved.includes(`{{ figure(src="${src}", alt="Eltern im Gespräch") }}`), saved);
  assert.ok(saved.includes('[Alleinerziehende](../zielgruppen/alleinerziehende.md)'), saved);
  assert.ok(saved.startsWith('---\n# Stand: Sommer 2026'), 'the front matter untouched');
  assert.ok(!saved.includes('\u00a0'), 'no non-breaking space typed in');
  assert.deepEqual(await readFile(path.join(dir, src)), PNG, 'the image beside the page');
  assert.ok((await readdir(dir)).every((f) => !f.startsWith('.redaktion-')), 'no temporary file left');
  // the served page after the save shows the image
  const img = page.frameLocator('#preview').getByRole('img', { name: 'Eltern im Gespräch' });
  await img.waitFor({ timeout: 20000 });
  await page.waitForFunction(() => {
    const i = document.getElementById('preview').contentDocument.querySelector('img[alt="Eltern im Gespräch"]');
    return i && i.complete && i.naturalWidth === 1;
  }, null, { timeout: 20000 });
  // the preview frame runs no script (sandboxed); nothing else may complain,
  // the CSP least of all (CodeMirror's styles are constructed sheets)
  const errors = problems.console.filter((m) => !/frame is sandboxed and the 'allow-scripts' permission is not set/.test(m));
  assert.deepEqual(errors, []);
  assert.deepEqual(problems.foreign, []);
});

test('a diagnostic\'s button jumps to its line; undo takes a toolbar change back', async () => {
  const { page } = await atEndOfBorken();
  await page.keyboard.type('\n\nKaputt: [weg](gibt-es-nicht.md)');
  const line = (await editorText(page)).split('\n').length;
  await page.getByRole('button', { name: `Zu Zeile ${line} springen` }).click();
  const cursorLine = await page.evaluate(() => {
    const v = document.getElementById('body').editorView;
    return v.state.doc.lineAt(v.state.selection.main.head).number;
  });
  assert.equal(cursorLine, line);
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains('cm-content')), true);
  const before = await editorText(page);
  await page.getByRole('button', { name: 'Hinweis' }).click();
  assert.ok((await editorText(page)).includes('{% hinweis() %}'), await editorText(page));
  await page.keyboard.press('Control+z');
  assert.equal(await editorText(page), before);
});

test('the toolbar formats lines; an image dropped on the text is uploaded, not read into it', async () => {
  const root = await fixture();
  const start = await startEditor(root);
  const { page } = await openPage(browser);
  await page.goto(start);
  await page.getByRole('link', { name: 'Kreis Borken' }).click();
  const body = page.getByRole('textbox', { name: 'Text der Seite' });
  await body.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\n\nEins\nZwei');
  await page.keyboard.press('Shift+ArrowUp');
  await page.getByRole('button', { name: 'Nummerierte Liste' }).click();
  assert.ok((await editorText(page)).endsWith('1. Eins\n2. Zwei'), await editorText(page));
  await page.getByRole('button', { name: 'Nummerierte Liste' }).click();
  await page.getByRole('button', { name: 'Liste', exact: true }).click();
  assert.ok((await editorText(page)).endsWith('- Eins\n- Zwei'), await editorText(page));
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\n\nAblauf');
  await page.getByRole('button', { name: 'Überschrift' }).click();
  assert.ok((await editorText(page)).endsWith('\n## Ablauf'), await editorText(page));
  // on an empty line the mark is inserted and what one types follows it,
  // rather than replacing it
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\n\n');
  await page.getByRole('button', { name: 'Überschrift' }).click();
  await page.keyboard.type('Termine');
  assert.ok((await editorText(page)).endsWith('\n## Ablauf\n\n## Termine'), await editorText(page));

  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  const png = [...PNG];
  await page.locator('#body .cm-content').evaluate((target, bytes) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(bytes)], 'Gruppenbild.png', { type: 'image/png' }));
    const at = target.getBoundingClientRect();
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true, clientX: at.left + 5, clientY: at.bottom - 5 }));
  }, png);
  await page.waitForFunction(() => document.getElementById('body').editorView.state.doc.toString().includes('figure(src="gruppenbild-'));
  const text = await editorText(page);
  assert.ok(!text.includes('PNG'), 'the file was not read in as text');
  const src = text.match(/figure\(src="([^"]+)"/)[1];
  assert.deepEqual(await readFile(path.join(root, 'content/regionen', src)), PNG);
});

test('text pasted from Word keeps its paragraphs and lists; other text is pasted as it is', async () => {
  const { page } = await atEndOfBorken();
  await page.keyboard.type('\n\n');
  const paste = (plain, html) => page.locator('#body .cm-content').evaluate((target, [plain, html]) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', plain);
    if (html) dt.setData('text/html', html);
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, [plain, html]);
  // what Word puts on the clipboard: a line per paragraph, „•<Tab>“ per item
  const word = '<html xmlns:o="urn:schemas-microsoft-com:office:office"><body><p class=MsoNormal>…</p></body></html>';
  await paste('Der Ablauf:\r\n•\tAnmel\u00addung\r\n•\tBeratung\r\no\tim Jobcenter\r\nDanach ein Absatz.', word);
  await previewHas(page, 'im Jobcenter');
  assert.ok(
    (await editorText(page)).endsWith('Der Ablauf:\n\n- Anmeldung\n- Beratung\n  - im Jobcenter\n\nDanach ein Absatz.'),
    await editorText(page),
  );
  // read from the editor's page, not inside the preview frame: a second
  // reload of the frame must not end the reading
  const items = await page.waitForFunction(() => {
    const doc = document.getElementById('preview')?.contentDocument;
    const lis = [...(doc?.querySelectorAll('li') ?? [])].map((li) => li.innerText);
    return lis.includes('Anmeldung') && lis.some((t) => t.startsWith('Beratung')) ? lis : null;
  }, null, { timeout: 20000, polling: 'raf' }).then((h) => h.jsonValue());
  assert.ok(items.includes('Anmeldung') && items.some((t) => t.startsWith('Beratung')), JSON.stringify(items));
  // text from a code editor stays line by line
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\n\n');
  await paste('eins\nzwei', '<pre>eins\nzwei</pre>');
  assert.ok((await editorText(page)).endsWith('\n\neins\nzwei'), await editorText(page));
});

test('without CodeMirror the plain text field still edits and previews', async () => {
  const root = await fixture();
  const start = await startEditor(root);
  const { page } = await openPage(browser);
  await page.route('**/_redaktion/ui/vendor/codemirror.js', (r) => r.fulfill({ status: 404, body: '' }));
  await page.goto(start);
  await page.getByRole('link', { name: 'Kreis Borken' }).click();
  const body = page.getByRole('textbox', { name: 'Text der Seite' });
  assert.equal(await body.evaluate((e) => e.tagName), 'TEXTAREA');
  await body.fill((await body.inputValue()) + '\n\nOhne CodeMirror geschrieben.');
  await previewHas(page, 'Ohne CodeMirror geschrieben.');
  await page.getByRole('button', { name: 'Achtung' }).click();
  assert.ok((await body.inputValue()).includes('{% achtung() %}'));
});

test('the body editor passes axe-core at 390 and 1280 px', async () => {
  const root = await fixture();
  const start = await startEditor(root);
  // axe is injected as an inline script, which the editor's CSP forbids
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE', bypassCSP: true });
  const page = await context.newPage();
  await page.goto(start);
  await page.getByRole('link', { name: 'Kreis Borken' }).click();
  await page.locator('#body .cm-content').waitFor();
  await page.locator('#diagnostics li').first().waitFor();
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    assert.deepEqual(await axe(page), [], `${width} px`);
  }
  // with the picker open as well
  await page.getByRole('button', { name: 'Link auf Seite' }).click();
  await page.getByLabel('Seiten nach Titel suchen').fill('e');
  assert.deepEqual(await axe(page), [], 'link picker');
  await context.close();
});

test('keystroke to updated preview on the bundled handbook (median of 25)', async () => {
  const root = await bundledHandbook();
  const start = await startEditor(root);
  const { page } = await openPage(browser);
  await page.goto(start);
  await page.getByLabel('In Titeln suchen').fill('Elterncafé');
  await page.locator('#page-list a').first().click();
  const body = page.getByRole('textbox', { name: 'Text der Seite' });
  await body.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\n\nMesswort');
  await previewHas(page, 'Messwort');
  const times = [];
  let word = 'Messwort';
  for (let i = 0; i < 25; i++) {
    word += 'x';
    const t0 = performance.now();
    await page.keyboard.press('x');
    await previewHas(page, word);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  console.log(`keystroke → preview on the bundled handbook: median ${median.toFixed(0)} ms, ` +
    `min ${times[0].toFixed(0)} ms, max ${times[times.length - 1].toFixed(0)} ms (n=${times.length}, debounce included)`);
  assert.ok(median < 2000, `median ${median} ms`);

  // an image upload, until its figure is in the text
  const t0 = performance.now();
  await page.locator('#image-file').setInputFiles({ name: 'Messbild.png', mimeType: 'image/png', buffer: PNG });
  await page.waitForFunction(() => document.getElementById('body').editorView.state.doc.toString().includes('figure(src="messbild-'));
  console.log(`image upload → figure inserted on the bundled handbook: ${(performance.now() - t0).toFixed(0)} ms`);
});
