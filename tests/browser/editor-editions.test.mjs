// The Redaktion in a regional edition, in headless Chromium, on a copy of
// tests/fixtures/edition-editor, clicked through as a region's editor who
// has never seen YAML: the list says where each page comes from; saving a
// page of the base handbook makes the edition's own version; a page is
// hidden and shown again; the base handbook's change is merged with its
// conflict resolved side by side. axe at 1280 and 390 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { launch, axe, copyFixture, serveEditor } from './lib/harness.mjs';

let root, server, start, browser;

before(async () => {
  root = await copyFixture('edition-editor');
  ({ start, server } = await serveEditor(root, ['--edition', 'lokal']));
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.kill();
});

// axe is injected as an inline script: the editor's CSP would refuse it
async function openPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE', bypassCSP: true });
  const page = await context.newPage();
  const problems = { console: [] };
  // the preview frame is sandboxed without scripts on purpose
  page.on('console', (m) => { if (m.type() === 'error' && !/frame is sandboxed/.test(m.text())) problems.console.push(m.text()); });
  page.on('pageerror', (e) => problems.console.push(String(e)));
  return { page, problems };
}

const item = (page, title) => page.locator('#page-list li').filter({ has: page.getByRole('link', { name: title, exact: true }) });

test('the list says where each page comes from, and filters by it', async () => {
  const { page, problems } = await openPage(browser);
  await page.goto(start);
  await item(page, 'Kreis Borken').waitFor();
  assert.match(await item(page, 'Kreis Borken').textContent(), /Grundhandbuch/);
  assert.match(await item(page, 'Elterncafé').textContent(), /angepasst · Grundhandbuch geändert/);
  assert.match(await item(page, 'Stadtteilmütter').textContent(), /eigene Seite/);
  assert.match(await item(page, 'Offene Sprechstunde').textContent(), /ausgeblendet/);
  await page.getByLabel('Herkunft').selectOption({ label: 'Grundhandbuch geändert' });
  assert.deepEqual(await page.locator('#page-list li a').allTextContents(), ['Elterncafé']);
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    assert.deepEqual(await axe(page), [], `axe at ${width}px`);
  }
  assert.deepEqual(problems.console, []);
});

test('saving a page of the base handbook makes the edition\'s own version', async () => {
  const { page, problems } = await openPage(browser);
  await page.goto(start);
  await page.getByRole('link', { name: 'Lernwerkstatt', exact: true }).click();
  await page.getByText('Diese Seite kommt aus dem Grundhandbuch.', { exact: false }).waitFor();
  await page.getByLabel('Titel', { exact: true }).fill('Lernwerkstatt Lokal');
  await page.getByRole('button', { name: 'Speichern' }).click();
  await page.getByText('Als eigene Fassung der Ausgabe gespeichert.').waitFor();
  await page.getByText('Die Ausgabe hat eine eigene Fassung dieser Seite.').waitFor();
  const own = await readFile(path.join(root, 'editions/lokal/content/konzepte/lernwerkstatt.md'), 'utf8');
  assert.match(own, /title: Lernwerkstatt Lokal/);
  const base = await readFile(path.join(root, 'content/konzepte/lernwerkstatt.md'), 'utf8');
  assert.match(base, /title: Lernwerkstatt\n/);
  assert.deepEqual(problems.console, []);
});

test('a page is hidden and shown again; edition.yaml is as it was', async () => {
  const yaml = path.join(root, 'editions/lokal/edition.yaml');
  const before = await readFile(yaml, 'utf8');
  const { page, problems } = await openPage(browser);
  await page.goto(start);
  await page.getByRole('link', { name: 'Kreis Borken', exact: true }).click();
  await page.getByRole('button', { name: 'Ausblenden' }).click();
  await page.getByText('Ausgeblendet.').waitFor();
  assert.match(await item(page, 'Kreis Borken').textContent(), /ausgeblendet/);
  assert.match(await readFile(yaml, 'utf8'), /  - regionen\/kreis-borken.md\n/);
  await page.getByRole('link', { name: 'Kreis Borken', exact: true }).click();
  await page.getByRole('button', { name: 'Einblenden' }).click();
  await page.getByText('Wieder eingeblendet.').waitFor();
  assert.equal(await readFile(yaml, 'utf8'), before);
  // the hidden page's address answers 404 while it is hidden (the preview frame asks once)
  assert.deepEqual(problems.console.filter((m) => !/status of 404/.test(m)), []);
});

test('the base handbook\'s change is merged, the conflict resolved side by side', async () => {
  const { page, problems } = await openPage(browser);
  await page.goto(start);
  await page.getByRole('link', { name: 'Elterncafé', exact: true }).click();
  await page.getByRole('button', { name: 'Änderungen übernehmen' }).click();
  await page.getByText('Teil 1 von 1').waitFor();
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    assert.deepEqual(await axe(page), [], `axe at ${width}px`);
    await page.screenshot({ path: `/tmp/editions-merge-${width}.png`, fullPage: true });
  }
  // side by side when there is room, one column on a phone
  const ours = await page.locator('#m-ours-0').boundingBox();
  const theirs = await page.locator('#m-theirs-0').boundingBox();
  assert.ok(theirs.y > ours.y + ours.height - 1, 'one column at 390 px');
  await page.setViewportSize({ width: 1280, height: 900 });
  const ours2 = await page.locator('#m-ours-0').boundingBox();
  const theirs2 = await page.locator('#m-theirs-0').boundingBox();
  assert.ok(Math.abs(theirs2.y - ours2.y) < 2 && theirs2.x > ours2.x, 'side by side at 1280 px');

  // nothing chosen yet: not written
  await page.getByRole('button', { name: 'Zusammenführung speichern' }).click();
  await page.getByText('Bitte wählen Sie zuerst für jeden Teil eine Fassung.').waitFor();
  await page.getByRole('button', { name: '„Upstream“ übernehmen' }).click();
  assert.equal(await page.getByLabel('Ergebnis dieses Teils').inputValue(), 'Ein offenes Café für Eltern, jeden Dienstag.\n');
  // both versions kept between markers, as in a text editor: checked at once, and not written
  await page.getByLabel('Ergebnis dieses Teils').fill('<<<<<<< unsere\nA\n=======\nB\n>>>>>>> Upstream\n');
  await page.locator('#merge-diagnostics li', { hasText: 'ungelösten Konflikt' }).waitFor();
  await page.getByRole('button', { name: 'Zusammenführung speichern' }).click();
  await page.getByText('Die Seite enthält Fehler und wurde nicht gespeichert').waitFor();
  assert.doesNotMatch(await readFile(path.join(root, 'editions/lokal/content/konzepte/elterncafe.md'), 'utf8'), /<<<<<<</);
  await page.getByLabel('Ergebnis dieses Teils').fill('Ein offenes Café für Eltern im Kreis Lokal, jeden Dienstag.\n');
  await page.getByRole('button', { name: 'Zusammenführung speichern' }).click();
  await page.getByText('Zusammengeführt und gespeichert.').waitFor();
  const merged = await readFile(path.join(root, 'editions/lokal/content/konzepte/elterncafe.md'), 'utf8');
  assert.match(merged, /im Kreis Lokal, jeden Dienstag\.\n/);
  assert.match(merged, /Kinder sind herzlich willkommen\./);
  assert.match(await readFile(path.join(root, 'editions/lokal/overrides.yaml'), 'utf8'), /merged: true/);
  // the one refusal is the marked text's 422 above
  assert.deepEqual(problems.console.filter((m) => !/status of 422/.test(m)), []);
});
