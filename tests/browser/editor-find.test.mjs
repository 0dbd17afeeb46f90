// The editor's find panel and reference picker, as an editor who has
// never seen YAML uses them: a concept is named by typing its title with
// a slip and taking it from the list with the keyboard; „Suchen und
// ersetzen“ finds a phrase on every page, shows the change as a diff and
// writes only the places chosen. Readable at 390 and 1280 px, axe-clean.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { launch, openPage, axe, startEditor } from './lib/harness.mjs';

let editor, browser;

before(async () => {
  editor = await startEditor('editor');
  browser = await launch();
});

after(async () => {
  await browser?.close();
  editor?.server.kill();
});

test('a reference is picked by its title, typed with a slip, with the keyboard', async () => {
  const { page, context, problems } = await openPage(browser);
  await page.goto(editor.start);
  await page.getByRole('link', { name: 'Kreis Borken' }).click();
  const concept = page.getByLabel('Konzepte 1', { exact: true });
  await concept.fill('');
  await concept.pressSequentially('Eltercafe');
  const option = page.getByRole('option', { name: 'Elterncafé (elterncafe)' });
  await option.waitFor();
  assert.equal(await concept.getAttribute('aria-expanded'), 'true');
  await concept.press('ArrowDown');
  await concept.press('Enter');
  assert.equal(await concept.inputValue(), 'elterncafe');
  await page.getByText('→ Elterncafé').waitFor();
  assert.equal(await concept.getAttribute('aria-invalid'), null);
  // the preview frame is sandboxed without scripts on purpose
  const errors = problems.console.filter((m) => !/frame is sandboxed and the 'allow-scripts' permission is not set/.test(m));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a phrase is found on every page and replaced only where chosen, after its diff', async () => {
  const { page, context, problems } = await openPage(browser);
  await page.goto(editor.start);
  await page.getByRole('link', { name: 'Suchen und ersetzen' }).click();
  await page.getByLabel('Suchen nach').fill('Eltern');
  await page.getByRole('button', { name: 'Suchen', exact: true }).click();
  await page.getByText(/\d+ Fundstellen auf \d+ Seiten/).waitFor();
  // keep only the concept's body line
  const boxes = page.locator('#find-results input[type=checkbox]');
  for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).uncheck();
  const concept = page.locator('.found > li', { has: page.getByRole('link', { name: 'Elterncafé' }) });
  await concept.getByText('Ein offenes Café für Eltern.').waitFor();
  await concept.locator('li', { hasText: 'Ein offenes Café für Eltern.' }).getByRole('checkbox').check();
  await page.getByLabel('Ersetzen durch').fill('Mütter und Väter');
  await page.getByRole('button', { name: 'Änderungen zeigen' }).click();
  await page.locator('#find-diffs ins', { hasText: 'Ein offenes Café für Mütter und Väter.' }).waitFor();
  const file = path.join(editor.root, 'content/konzepte/elterncafe.md');
  assert.match(await readFile(file, 'utf8'), /für Eltern\./, 'showing writes nothing');

  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: path.join(editor.root, `find-${width}.png`), fullPage: true });
  }
  await page.getByRole('button', { name: 'Gewählte Stellen ersetzen' }).click();
  await page.getByText('1 Stellen auf 1 Seiten ersetzt.').waitFor();
  const after = await readFile(file, 'utf8');
  assert.match(after, /für Mütter und Väter\./);
  assert.match(after, /title: Elterncafé/, 'the title, not chosen, stays');
  assert.deepEqual(problems.console, []);
  await context.close();
});

test('the find panel passes axe-core at 390 and 1280 px', async () => {
  // axe is injected as an inline script, which the editor's CSP forbids
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE', bypassCSP: true });
  const page = await context.newPage();
  await page.goto(editor.start);
  await page.getByRole('link', { name: 'Suchen und ersetzen' }).click();
  await page.getByLabel('Suchen nach').fill('Borken');
  await page.getByRole('button', { name: 'Suchen', exact: true }).click();
  await page.getByText(/Fundstellen/).waitFor();
  await page.getByRole('button', { name: 'Änderungen zeigen' }).click();
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    assert.deepEqual(await axe(page), [], `${width} px`);
  }
  await context.close();
});
