// The interactive handbook, tried as a Fachkraft would in headless
// Chromium: filter concepts, work through the Regionen-Check, fill in the
// Kooperationsvereinbarung and take the results home.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { builtHandbook, axe, openPage, tempFolder } from './lib/harness.mjs';

const handbook = builtHandbook();

const visibleConcepts = (page) => page.$$eval('[data-filter-list] li.card:not([hidden]) .card-title', (hs) => hs.map((h) => h.textContent.trim()));

test('filtering concepts by Alleinerziehende shows only matching concepts, and the URL reproduces it', async () => {
  const { page, context, problems } = await openPage(handbook.browser);
  await page.goto(handbook.server.url('konzepte/'));
  const all = await visibleConcepts(page);
  assert.equal(all.length, 6);
  await page.check('input[name="zielgruppen"][value="alleinerziehende"]');
  const filtered = await visibleConcepts(page);
  assert.deepEqual(filtered.sort(), ['Elterncafé', 'Elternkurs „Neue Wege“'].sort());
  assert.match(page.url(), /\?zielgruppen=alleinerziehende$/);
  assert.equal(await page.textContent('[data-visible-count]'), '2');
  // the Fortbildung group has nothing left and disappears
  assert.equal(await page.locator('[data-group]:has-text("Fortbildung")').isHidden(), true);
  // a second facet narrows further (AND across facets)
  await page.check('input[name="kategorie"][value="fortbildung"]');
  assert.deepEqual(await visibleConcepts(page), []);
  assert.equal(await page.locator('form[data-filters] [data-none]').isVisible(), true);

  // a fresh visit of the shared URL shows the same view
  const shared = handbook.server.url('konzepte/?zielgruppen=alleinerziehende');
  const other = await openPage(handbook.browser);
  await other.page.goto(shared);
  assert.deepEqual((await visibleConcepts(other.page)).sort(), filtered.sort());
  assert.equal(await other.page.isChecked('input[name="zielgruppen"][value="alleinerziehende"]'), true);
  await other.context.close();
  assert.deepEqual(problems.console, []);
  await context.close();
});

test('filters work with the keyboard alone and pass axe-core', async () => {
  const { page, context } = await openPage(handbook.browser);
  await page.goto(handbook.server.url('regionen/'));
  const box = page.locator('input[name="rolle"][value="transferregion"]');
  await box.focus();
  await page.keyboard.press('Space');
  assert.equal(await box.isChecked(), true);
  const shown = await page.$$eval('[data-filter-list] li.card:not([hidden])', (l) => l.length);
  assert.equal(shown, 5);
  assert.deepEqual(await axe(page), []);
  await context.close();
});

test('without JavaScript the overview is the complete grouped list', async () => {
  const context = await handbook.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(handbook.server.url('konzepte/'));
  assert.equal(await page.locator('form[data-filters]').isHidden(), true);
  assert.equal(await page.locator('li.card').count(), 6);
  assert.deepEqual(await page.$$eval('.group-title', (h) => h.map((x) => x.textContent)), ['Fortbildung', 'Veranstaltung']);
  await context.close();
});

test('Regionen-Check answers survive a reload, download, reset and load again', async () => {
  const { page, context } = await openPage(handbook.browser);
  await page.goto(handbook.server.url('regionen-check/'));
  const first = page.getByLabel('Welche Kooperationsstrukturen zwischen Arbeitsmarkt und Jugendhilfe gibt es bereits?');
  await first.fill('Runder Tisch Familie seit 2012');
  await page.locator('fieldset.question-group').nth(1).getByLabel('in Arbeit').check();
  await page.reload();
  assert.equal(await first.inputValue(), 'Runder Tisch Familie seit 2012');
  assert.equal(await page.locator('fieldset.question-group').nth(1).getByLabel('in Arbeit').isChecked(), true);

  const [mdDownload] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="markdown"]')]);
  const md = await readFile(await mdDownload.path(), 'utf8');
  assert.match(md, /## 1. Regionale Voraussetzungen/);
  assert.match(md, /Runder Tisch Familie seit 2012/);
  assert.match(md, /Stand: in Arbeit/);

  const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="json"]')]);
  const saved = JSON.parse(await readFile(await jsonDownload.path(), 'utf8'));
  assert.equal(saved.answers['q-1-1'], 'Runder Tisch Familie seit 2012');
  const file = path.join(await tempFolder('check-'), 'antworten.json');
  await writeFile(file, JSON.stringify(saved));

  page.once('dialog', (d) => d.accept());
  await page.click('[data-action="reset"]');
  assert.equal(await first.inputValue(), '');
  await page.reload();
  assert.equal(await first.inputValue(), '', 'reset also clears the stored answers');

  await page.setInputFiles('#check-load', file);
  // reading the file is asynchronous: wait for the confirmation
  await page.locator('.check-message', { hasText: 'geladen' }).waitFor();
  assert.equal(await first.inputValue(), 'Runder Tisch Familie seit 2012');
  // the print view is a clean summary
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('#check-form').isHidden(), true);
  assert.match(await page.textContent('#check-summary'), /Runder Tisch Familie seit 2012/);
  await page.emulateMedia({ media: 'screen' });
  assert.deepEqual(await axe(page), []);
  await context.close();
});

test('filling in the Kooperationsvereinbarung shows the names in the preview and the downloads', async () => {
  const { page, context } = await openPage(handbook.browser);
  await page.goto(handbook.server.url('vereinbarungen/kooperationsvereinbarung-familienzentrum/'));
  const preview = page.locator('#agreement-text');
  assert.match(await preview.textContent(), /\[Name des Familienzentrums\]/, 'unfilled placeholders stay marked');
  await page.getByLabel('Name des Familienzentrums').fill('Familienzentrum Sonnenschein');
  await page.getByLabel('Name des Jobcenters').fill('Jobcenter Musterstadt');
  await page.getByLabel('Ansprechpersonen').fill('Frau Erika Beispiel');
  assert.match(await preview.textContent(), /Im Familienzentrum Familienzentrum Sonnenschein finden/);
  assert.match(await preview.textContent(), /\[Ort und Datum\]/, 'what is not filled stays marked');

  const [docx] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="docx"]')]);
  assert.equal(docx.suggestedFilename(), 'kooperationsvereinbarung-familienzentrum.docx');
  const docxPath = await docx.path();
  // a real ZIP with valid CRCs and a WordprocessingML body holding the names
  const check = spawnSync('python3', ['-c', `
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
assert set(z.namelist()) >= {'[Content_Types].xml', '_rels/.rels', 'word/document.xml'}
import xml.dom.minidom
doc = z.read('word/document.xml').decode('utf-8')
xml.dom.minidom.parseString(doc)
print(doc)`, docxPath], { encoding: 'utf8' });
  assert.equal(check.status, 0, check.stderr);
  assert.match(check.stdout, /Familienzentrum Sonnenschein/);
  assert.match(check.stdout, /Frau Erika Beispiel/);
  assert.match(check.stdout, /<w:rStyle w:val="Platzhalter"\s*\/><\/w:rPr><w:t[^>]*>\[Ort und Datum\]/, 'unfilled fields keep the highlighted placeholder style');

  const [md] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="markdown"]')]);
  const mdText = await readFile(await md.path(), 'utf8');
  assert.match(mdText, /Familienzentrum Sonnenschein/);
  assert.match(mdText, /\*\*\[Ort und Datum\]\*\*/);

  // entries survive a reload; printing hides the form
  await page.reload();
  assert.equal(await page.getByLabel('Name des Familienzentrums').inputValue(), 'Familienzentrum Sonnenschein');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('#agreement-form').isHidden(), true);
  assert.match(await preview.textContent(), /Familienzentrum Sonnenschein/);
  await page.emulateMedia({ media: 'screen' });
  assert.deepEqual(await axe(page), []);
  await context.close();
});
