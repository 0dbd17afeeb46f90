// The Redaktion's page operations and history in headless Chromium, on a
// copy of tests/fixtures/editor-pages kept in Git: a page renamed after
// its list of changed lines is shown and confirmed (the editor's name
// asked once), and an old version restored from „Verlauf“ and saved.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFile, access } from 'node:fs/promises';
import path from 'node:path';
import { launch, openPage, axe, copyFixture, serveEditor } from './lib/harness.mjs';

let root, server, start, browser;

const git = (...args) => {
  const r = spawnSync('git', args, { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
};

before(async () => {
  root = await copyFixture('editor-pages');
  git('init', '--quiet');
  git('config', 'user.name', 'Entwicklerin');
  git('config', 'user.email', 'dev@example.org');
  git('add', '.');
  git('commit', '--quiet', '-m', 'Anfang');
  ({ start, server } = await serveEditor(root));
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.kill();
});

test('rename: the lines that change are listed, confirmed, then the file moves and the links follow', async () => {
  const { page, context } = await openPage(browser);
  await page.goto(start);
  await page.getByRole('link', { name: 'Elterncafé' }).click();
  await page.getByRole('button', { name: 'Umbenennen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Umbenennen' });
  await dialog.getByLabel('Neuer Kurzname (Dateiname und Adresse)').fill('familiencafe');
  await dialog.getByRole('button', { name: 'Änderungen anzeigen' }).click();
  await dialog.getByText('Die bisherige Adresse leitet danach auf die neue weiter').waitFor();
  const listed = await dialog.locator('.changes li code').allTextContents();
  assert.deepEqual(listed, [
    'content/konzepte/elterncafe.md:4',
    // its old address is kept, to send readers on
    'content/konzepte/elterncafe.md:7',
    'content/konzepte/elterncafe.md:8',
    'content/konzepte/elterncafe.md:12',
    'content/konzepte/familienzentrum.md:8',
    'content/regionen/kreis-borken.md:8',
    'content/regionen/kreis-borken.md:14',
    'content/regionen/stadt-bochum.md:6',
    'content/regionen/stadt-bochum.md:10',
    'content/regionen/stadt-bochum.md:12',
    // the edition built on the handbook follows too
    'editions/nord/content/regionen/kreis-nord.md:5',
    'editions/nord/content/regionen/kreis-nord.md:7',
  ]);
  // nothing is written before the editor confirms
  await access(path.join(root, 'content/konzepte/elterncafe.md'));
  const borken = await readFile(path.join(root, 'content/regionen/kreis-borken.md'), 'utf8');

  await dialog.getByRole('button', { name: 'Umbenennen und diese Zeilen ändern' }).click();
  // in Git, the first write asks for the editor's name
  const name = page.getByRole('dialog', { name: 'Ihr Name' });
  await name.getByLabel('Ihr Name').fill('Anna Redakteurin');
  await name.getByRole('button', { name: 'Weiter' }).click();
  await page.getByText('Umbenannt.').waitFor();
  assert.match(await page.locator('main code').first().textContent(), /familiencafe\.md$/);
  assert.equal(
    await readFile(path.join(root, 'content/regionen/kreis-borken.md'), 'utf8'),
    borken.replaceAll('elterncafe', 'familiencafe'),
  );
  assert.match(git('log', '-1', '--format=%an|%s'), /^Anna Redakteurin\|Redaktion: „Elterncafé“ umbenannt/);
  await context.close();
});

test('Verlauf: an old version is restored into the form as a draft and saved with „Speichern“', async () => {
  // axe is injected as an inline script, which the editor's CSP forbids
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE', bypassCSP: true });
  const page = await context.newPage();
  await page.goto(start);
  await page.getByRole('link', { name: 'Kreis Borken' }).click();
  const file = path.join(root, 'content/regionen/kreis-borken.md');
  const original = git('show', 'HEAD:content/regionen/kreis-borken.md');
  const title = page.getByLabel('Titel', { exact: true });
  await title.fill('Kreis Borken im Münsterland');
  await page.getByRole('button', { name: 'Speichern' }).click();
  await page.getByRole('textbox', { name: 'Ihr Name' }).fill('Bernd Beispiel');
  await page.getByRole('button', { name: 'Weiter' }).click();
  await page.getByText('Gespeichert.').waitFor();

  await page.getByRole('button', { name: 'Verlauf' }).click();
  const history = page.getByRole('dialog', { name: 'Verlauf' });
  const entries = history.locator('ol.history button');
  await entries.first().waitFor();
  assert.equal(await entries.count(), 3, 'save, rename, first commit');
  // the version after the rename (the first one names the concept by its
  // old short name, which the draft's check would now refuse)
  await entries.nth(1).click();
  // removed and added lines are told by a sign and a word, not only colour
  await history.locator('.diff .del', { hasText: 'title: "Kreis Borken"   # so im Vertrag' }).waitFor();
  assert.match(await history.locator('.diff .del').first().textContent(), /^− entfernt: /);
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    assert.deepEqual(await axe(page), [], `the history dialog at ${width} px`);
  }
  await history.getByRole('button', { name: 'Diese Fassung wiederherstellen' }).click();
  await page.getByText('Die Fassung ist als Entwurf geladen').waitFor();
  assert.equal(await title.inputValue(), 'Kreis Borken');
  // a draft until saved: the file still has the new title
  assert.match(await readFile(file, 'utf8'), /Münsterland/);
  await page.getByRole('button', { name: 'Speichern' }).click();
  await page.getByText('Gespeichert.').waitFor();
  assert.equal(await readFile(file, 'utf8'), original);
  await context.close();
});

test('Neue Seite: kind and title make the page from its scaffold, and its form opens', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 900 }, locale: 'de-DE', bypassCSP: true });
  const page = await context.newPage();
  await page.goto(start);
  await page.getByRole('button', { name: 'Neue Seite' }).click();
  const dialog = page.getByRole('dialog', { name: 'Neue Seite' });
  await dialog.getByLabel('Seitenart').selectOption('concept');
  // a concept always goes into its own section: no choice offered
  assert.equal(await dialog.getByLabel('Bereich (Ordner, optional)').isVisible(), false);
  await dialog.getByLabel('Titel').fill('Spielgruppe am Nachmittag');
  assert.deepEqual(await axe(page), [], 'the new-page dialog at 390 px');
  await dialog.getByRole('button', { name: 'Seite anlegen' }).click();
  const name = page.getByRole('dialog', { name: 'Ihr Name' });
  await name.getByRole('textbox', { name: 'Ihr Name' }).fill('Carla');
  await name.getByRole('button', { name: 'Weiter' }).click();
  await page.waitForFunction(() => document.querySelector('main code')?.textContent === 'content/konzepte/spielgruppe-am-nachmittag.md');
  assert.equal(await page.getByLabel('Titel', { exact: true }).inputValue(), 'Spielgruppe am Nachmittag');
  // a new page is a draft, not in the site: its heading and short name are its file's
  assert.equal(await page.locator('#page-title').innerText(), 'Spielgruppe am Nachmittag');
  assert.equal(await page.getByLabel('Kurzname in der Adresse').inputValue(), 'spielgruppe-am-nachmittag');
  // the same short name again is refused in German
  await page.getByRole('button', { name: 'Neue Seite' }).click();
  await dialog.getByLabel('Seitenart').selectOption('concept');
  await dialog.getByLabel('Titel').fill('Spielgruppe am Nachmittag');
  await dialog.getByRole('button', { name: 'Seite anlegen' }).click();
  await dialog.getByText('Eine Seite mit diesem Kurznamen gibt es schon').waitFor();
  // … with a free short name offered in a field of its own, to take or change
  const slug = dialog.getByLabel('Kurzname (Dateiname und Adresse)');
  assert.equal(await slug.inputValue(), 'spielgruppe-am-nachmittag-2');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'np-slug');
  assert.deepEqual(await axe(page), [], 'the offered short name at 390 px');
  await slug.fill('spielgruppe-dienstags');
  await dialog.getByRole('button', { name: 'Seite anlegen' }).click();
  await page.waitForFunction(() => document.querySelector('main code')?.textContent === 'content/konzepte/spielgruppe-dienstags.md');
  assert.equal(await page.getByLabel('Titel', { exact: true }).inputValue(), 'Spielgruppe am Nachmittag');
  await context.close();
});

test('a region names one more concept, picked by its title; „Speichern“ writes only that line and the served page links it', async () => {
  const { page, context, problems } = await openPage(browser);
  await page.goto(start);
  await page.getByRole('link', { name: 'Stadt Bochum' }).click();
  const file = path.join(root, 'content/regionen/stadt-bochum.md');
  const before = await readFile(file, 'utf8');
  await page.getByRole('button', { name: 'Hinzufügen: Konzepte' }).click();
  // the new entry has the focus: the editor types the title, not a short name
  const concept = page.getByLabel('Konzepte 2', { exact: true });
  await concept.pressSequentially('Familienz');
  await page.getByRole('option', { name: 'Familienzentrum (familienzentrum)' }).click();
  assert.equal(await concept.inputValue(), 'familienzentrum');
  await page.getByText('→ Familienzentrum').waitFor();
  assert.equal(await concept.getAttribute('aria-invalid'), null);

  await page.getByRole('button', { name: 'Speichern' }).click();
  const name = page.getByRole('dialog', { name: 'Ihr Name' });
  await name.getByRole('textbox', { name: 'Ihr Name' }).fill('Dana');
  await name.getByRole('button', { name: 'Weiter' }).click();
  await page.getByText('Gespeichert.').waitFor();
  const after = await readFile(file, 'utf8');
  const [was, now] = [before.split('\n'), after.split('\n')];
  assert.equal(now.length, was.length, after);
  const changed = now.map((l, i) => [was[i], l]).filter(([a, b]) => a !== b);
  assert.equal(changed.length, 1, after);
  assert.match(changed[0][1], /^concepts: \["konzepte\/familiencafe", "familienzentrum"\]   # seit 2025\r?$/, 'quotes and the comment of the changed line stay');

  // the watcher rebuilt the site: the served page lists both concepts
  await page.waitForFunction(() => document.querySelector('#preview').getAttribute('src') === '/regionen/stadt-bochum/', null, { timeout: 20000 });
  await page.frameLocator('#preview').locator('a[href$="/konzepte/familienzentrum/"]').first().waitFor();
  const errors = problems.console.filter((m) => !/frame is sandboxed and the 'allow-scripts' permission is not set/.test(m));
  assert.deepEqual(errors, []);
  await context.close();
});

test('Löschen: a page another names is deleted only after the list of those places and a second confirmation', async () => {
  const { page, context } = await openPage(browser);
  await page.goto(start);
  // the previous test made Stadt Bochum name the Familienzentrum
  await page.getByRole('link', { name: 'Familienzentrum' }).first().click();
  const file = path.join(root, 'content/konzepte/familienzentrum.md');
  await page.getByRole('button', { name: 'Löschen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Löschen' });
  await dialog.getByText('Diese Seiten verweisen auf diese Seite.', { exact: false }).waitFor();
  const listed = await dialog.locator('.changes li code').allTextContents();
  assert.ok(listed.includes('content/regionen/stadt-bochum.md:6'), listed.join(' | '));
  // a part the dialog has nothing for is left out, not written as „null“
  assert.doesNotMatch(await dialog.innerText(), /\bnull\b/);
  // cancelled: nothing happens
  await dialog.getByRole('button', { name: 'Abbrechen' }).click();
  await access(file);

  await page.getByRole('button', { name: 'Löschen' }).click();
  await dialog.getByRole('button', { name: 'Trotzdem löschen' }).click();
  const name = page.getByRole('dialog', { name: 'Ihr Name' });
  await name.getByRole('textbox', { name: 'Ihr Name' }).fill('Emil');
  await name.getByRole('button', { name: 'Weiter' }).click();
  await page.getByText('Gelöscht.', { exact: false }).waitFor();
  await assert.rejects(access(file));
  assert.match(git('log', '-1', '--format=%an|%s'), /^Emil\|Redaktion: „Familienzentrum“ gelöscht/);
  // the page is gone from the list
  await page.getByRole('link', { name: 'Familienzentrum', exact: true }).waitFor({ state: 'detached', timeout: 10000 });
  await context.close();
});
