// `handbook serve --edit` as an editor meets it, in headless Chromium: the
// printed address opens the Redaktion, a page is picked from the list by
// its title, its „Titel“ changed; the preview shows the draft as the build
// renders it, „Speichern“ writes only that value, and the preview then
// shows the served page. Its own strict CSP is in force throughout.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { launch, openPage, axe, startEditor } from './lib/harness.mjs';

let root, server, start, browser;

before(async () => {
  // as a user starts it: inside the handbook folder, no --root
  ({ root, start, server } = await startEditor('editor'));
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.kill();
});

test('open the address, change a title, see the draft, Speichern, see the served page', async () => {
  const { page, context, problems } = await openPage(browser);
  const missing = [];
  page.on('response', (r) => { if (r.status() >= 400) missing.push(r.status() + ' ' + r.url()); });
  await page.goto(start);
  assert.ok(!page.url().includes('token='), 'the token leaves the address bar');
  // an absent part of the screen is left out, not written as „null“
  await page.getByText('Wählen Sie eine Seite').waitFor();
  assert.ok(!/\bnull\b/.test(await page.locator('main').innerText()), 'no „null“ on the start screen');
  await page.getByRole('link', { name: 'Kreis Borken' }).click();
  const title = page.getByLabel('Titel', { exact: true });
  assert.equal(await title.inputValue(), 'Kreis Borken');
  assert.ok(!/\bnull\b/.test(await page.locator('main').innerText()), 'no „null“ on a page');

  // a reference to no page is an error once the field is left, not while
  // one is still typing (the picker offers titles meanwhile)
  const concept = page.getByLabel('Konzepte 1', { exact: true });
  await concept.fill('gibt-es-nicht');
  await page.waitForTimeout(400);
  assert.equal(await page.getByText('Keine Seite dieser Art mit diesem Kurznamen').count(), 0);
  assert.equal(await concept.getAttribute('aria-invalid'), null);
  await concept.press('Tab');
  await page.getByText('Keine Seite dieser Art mit diesem Kurznamen: gibt-es-nicht').waitFor();
  // the server's check names it in the list below, not a second time at the field
  await page.locator('#diagnostics').getByText('gibt-es-nicht').waitFor();
  const list = page.locator('fieldset[data-field="concepts"]');
  assert.doesNotMatch(await list.innerText(), /concepts|Fehler:/);
  await concept.fill('elterncafe');
  // a taxonomy of handbook.yaml names pages of its section
  const group = page.getByLabel('Zielgruppen 1', { exact: true });
  assert.equal(await group.inputValue(), 'alleinerziehende');
  assert.equal(await group.getAttribute('aria-invalid'), null);

  await title.fill('Kreis Borken im Münsterland');
  const preview = page.frameLocator('#preview');
  await preview.locator('h1:has-text("Kreis Borken im Münsterland")').waitFor({ timeout: 20000 });
  // far down the form, the preview beside it is still in view
  await page.getByRole('button', { name: 'Hinzufügen: Partner' }).scrollIntoViewIfNeeded();
  await page.mouse.wheel(0, 600);
  const top = await page.evaluate(() => document.getElementById('preview').getBoundingClientRect().top);
  assert.ok(await page.evaluate(() => scrollY) > 300 && top >= 0 && top < 200, `preview at ${top}`);

  const file = path.join(root, 'content/regionen/kreis-borken.md');
  const before = await readFile(file, 'utf8');
  await page.getByRole('button', { name: 'Speichern' }).click();
  await page.getByText('Gespeichert.').waitFor();
  assert.equal(
    await readFile(file, 'utf8'),
    before.replace('"Kreis Borken"', '"Kreis Borken im Münsterland"'),
  );
  // the watcher rebuilt the site; the frame now shows the served page
  await page.waitForFunction(() => document.querySelector('#preview').getAttribute('src') === '/regionen/kreis-borken/', null, { timeout: 20000 });
  await preview.locator('h1:has-text("Kreis Borken im Münsterland")').waitFor();
  // the preview frame is sandboxed without scripts on purpose: the draft's
  // page must not reach into the editor that holds the session
  const errors = problems.console.filter((m) => !/frame is sandboxed and the 'allow-scripts' permission is not set/.test(m));
  assert.deepEqual(errors, [], 'no errors, no CSP violations: ' + missing.join(', '));
  assert.deepEqual(problems.foreign, []);
  await context.close();
});

test('after a save a change is marked unsaved; Strg+S saves; with the server gone a save says so and keeps the draft', async () => {
  // an editor of its own, stopped halfway
  const own = await startEditor('editor');
  const { page, context } = await openPage(browser);
  await page.goto(own.start);
  await page.getByRole('link', { name: 'Kreis Borken' }).click();
  const title = page.getByLabel('Titel', { exact: true });
  const status = page.locator('#status');
  await title.fill('Kreis Borken (Münsterland)');
  await page.getByText('Geändert, noch nicht gespeichert.').waitFor();
  // the page list says which page has changes not yet saved, in words
  const entry = page.locator('#page-list li', { has: page.getByRole('link', { name: 'Kreis Borken', exact: true }) });
  await entry.getByText('nicht gespeichert').waitFor();
  await page.keyboard.press('Control+s');
  await page.getByText('Gespeichert.').waitFor();
  assert.equal(await entry.getByText('nicht gespeichert').count(), 0);
  assert.match(await readFile(path.join(own.root, 'content/regionen/kreis-borken.md'), 'utf8'), /Kreis Borken \(Münsterland\)/);
  // the short name is changed by „Umbenennen“, which takes the links along
  const slug = page.getByLabel('Kurzname in der Adresse');
  assert.equal(await slug.getAttribute('readonly'), '');
  // the short name the file's name gives is shown, though no `slug:` is written
  assert.equal(await slug.inputValue(), 'kreis-borken');
  assert.match(await page.locator('#' + (await slug.getAttribute('id')) + '-hint').innerText(), /mit „Umbenennen“ oben geändert/);
  // an empty title is said at the title's field, not only in the list
  await title.fill('');
  const titleError = page.locator('#' + (await title.getAttribute('id')) + '-err');
  await titleError.filter({ hasText: 'Der Titel ist leer' }).waitFor();
  // „Gespeichert.“ no longer holds once the form changes again
  await title.fill('Kreis Borken');
  await page.getByText('Geändert, noch nicht gespeichert.').waitFor();
  // the public page is one click away
  assert.equal(await page.getByRole('link', { name: 'Seite ansehen, wie sie veröffentlicht wird' }).getAttribute('href'), '/regionen/kreis-borken/');

  own.server.kill();
  await new Promise((done) => own.server.once('exit', done));
  await page.getByRole('button', { name: 'Speichern' }).click();
  await page.getByText('Keine Verbindung zur Redaktion: Es wurde nichts gespeichert.').waitFor();
  assert.doesNotMatch(await status.innerText(), /Wird gespeichert/);
  assert.match(await page.evaluate(() => Object.keys(localStorage).map((k) => localStorage[k]).join()), /"title":"Kreis Borken"/);
  await context.close();
});

// The page's text in the CodeMirror editor (ui/body.js keeps its view on #body).
const bodyText = (page) => page.evaluate(() => document.getElementById('body').editorView.state.doc.toString());

test('an error is shown at its field and nothing is written; a draft survives a reload', async () => {
  const { page, context } = await openPage(browser);
  await page.goto(start);
  await page.getByRole('link', { name: 'Elterncafé' }).click();
  const file = path.join(root, 'content/konzepte/elterncafe.md');
  const before = await readFile(file, 'utf8');
  const body = page.getByRole('textbox', { name: 'Text der Seite' });
  await body.fill('Ein offenes Café für Eltern.\n\n[Kaputt](fehlt.md)\n');
  // the build's own message, in German, at the body's line
  await page.locator('#body-err', { hasText: 'Zeile 3' }).waitFor();
  await page.getByRole('button', { name: 'Speichern' }).click();
  await page.getByText('Die Seite enthält Fehler und wurde nicht gespeichert').waitFor();
  assert.equal(await readFile(file, 'utf8'), before);

  await page.reload();
  await page.getByText('Ein ungespeicherter Entwurf dieser Seite wurde wiederhergestellt.').waitFor();
  await page.locator('#body .cm-content').waitFor();
  assert.match(await bodyText(page), /\[Kaputt\]\(fehlt\.md\)/);
  await page.getByRole('button', { name: 'Entwurf verwerfen' }).click();
  // the page is loaded again from the server: wait for its text, not for a
  // field that the old form already had
  await page.waitForFunction(
    () => document.querySelector('#body')?.editorView?.state.doc.toString() === 'Ein offenes Café für Eltern.\n',
    null,
    { timeout: 10000 },
  );
  assert.equal(await bodyText(page), 'Ein offenes Café für Eltern.\n');

  // a page others link to, made a draft: the page whose link breaks is
  // named, and the message says why (it is a draft, not missing)
  await page.getByLabel('Entwurf (nicht veröffentlicht)').selectOption('true');
  await page.locator('#diagnostics li', { hasText: 'content/regionen/kreis-borken.md:14: Fehler: Der Link führt zu' }).waitFor();
  assert.match(await page.locator('#diagnostics').innerText(), /einem Entwurf, der nicht veröffentlicht wird/);
  await page.getByLabel('Entwurf (nicht veröffentlicht)').selectOption('false');
  await page.locator('#diagnostics li', { hasText: 'Keine' }).first().waitFor();

  // another kind brings its own fields
  assert.equal(await page.getByLabel('Kategorie').count(), 1);
  await page.locator('#form').getByLabel('Seitenart', { exact: true }).selectOption('region');
  await page.getByLabel('Rolle', { exact: true }).waitFor();
  assert.equal(await page.getByLabel('Kategorie').count(), 0);
  await context.close();
});

test('a file changed on disk meanwhile is a conflict: both versions shown, nothing overwritten, both kept', async () => {
  // axe is injected as an inline script, which the editor's CSP forbids
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE', bypassCSP: true });
  const page = await context.newPage();
  await page.goto(start);
  await page.getByRole('link', { name: 'Alleinerziehende' }).click();
  const title = page.getByLabel('Titel', { exact: true });
  await title.waitFor();
  const file = path.join(root, 'content/zielgruppen/alleinerziehende.md');
  const theirs = (await readFile(file, 'utf8')).replace('allein erziehen', 'allein erziehen (von nebenan)');
  await writeFile(file, theirs);
  await title.fill('Alleinerziehende Eltern');
  await page.getByRole('button', { name: 'Speichern' }).click();
  await page.getByText('Die Datei wurde seit dem Öffnen auf der Festplatte geändert').waitFor();
  assert.match(await page.getByLabel('Fassung auf der Festplatte').inputValue(), /von nebenan/);
  assert.equal(await readFile(file, 'utf8'), theirs);
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    assert.deepEqual(await axe(page), [], `conflict at ${width} px`);
    if (process.env.SHOTS) await page.screenshot({ path: `${process.env.SHOTS}/conflict-${width}.png`, fullPage: true });
  }
  // the colleague's sentence and my title, both: carried over, then saved
  await page.getByRole('button', { name: 'Meine Änderungen in die Fassung von der Festplatte übernehmen' }).click();
  await page.getByText('Ihre Änderungen stehen jetzt in der Fassung von der Festplatte').waitFor();
  assert.equal(await page.getByLabel('Titel', { exact: true }).inputValue(), 'Alleinerziehende Eltern');
  await page.waitForFunction(() => document.querySelector('#body')?.editorView?.state.doc.toString().includes('von nebenan'));
  await page.getByRole('button', { name: 'Speichern' }).click();
  await page.waitForFunction(() => /^Gespeichert\./.test(document.getElementById('status')?.textContent || ''));
  const both = await readFile(file, 'utf8');
  assert.match(both, /title: "?Alleinerziehende Eltern/);
  assert.match(both, /von nebenan/);
  assert.equal(both, theirs.replace(/^title: .*$/m, (l) => l.replace('Alleinerziehende', 'Alleinerziehende Eltern')));

  // or the other way out: the version on disk replaces my draft
  const again = both.replace('von nebenan', 'von gegenüber');
  await writeFile(file, again);
  await page.getByLabel('Titel', { exact: true }).fill('Nur meins');
  await page.getByRole('button', { name: 'Speichern' }).click();
  await page.getByRole('button', { name: /Fassung von der Festplatte laden/ }).click();
  await page.waitForFunction(() => document.querySelector('#body')?.editorView?.state.doc.toString().includes('von gegenüber'));
  assert.equal(await page.getByLabel('Titel', { exact: true }).inputValue(), 'Alleinerziehende Eltern');
  assert.equal(await readFile(file, 'utf8'), again);
  await context.close();
});

test('the editor is keyboard-operable and passes axe-core', async () => {
  // axe is injected as an inline script, which the editor's CSP forbids
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE', bypassCSP: true });
  const page = await context.newPage();
  await page.goto(start);
  await page.getByRole('link', { name: 'Elterncafé' }).waitFor();
  await page.getByLabel('In Titeln suchen').focus();
  await page.keyboard.type('Elternc');
  await page.keyboard.press('Tab'); // kind filter
  await page.keyboard.press('Tab'); // section filter
  await page.keyboard.press('Tab'); // the first page shown
  await page.keyboard.press('Enter');
  await page.getByLabel('Titel', { exact: true }).waitFor();
  assert.equal(await page.getByLabel('Titel', { exact: true }).inputValue(), 'Elterncafé');
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    assert.deepEqual(await axe(page), [], `${width} px`);
  }
  await context.close();
});
