// What a Jobcenter editor met on her first day (QA editor13), done again
// the way she did it, on a copy of the bundled handbook: a replacement
// with quotes in a quoted description, two tabs saving one page, the
// programme picked by its title, a contact without a name, messages in
// the form's words, and the short ways on a phone. Screenshots go to
// HANDBOOK_SHOTS (if set) to be looked at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { launch, openPage, bundledHandbook, serveEditor } from './lib/harness.mjs';

let editor, browser, root;
const shots = process.env.HANDBOOK_SHOTS;

async function shot(page, name) {
  if (!shots) return;
  await mkdir(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, name + '.png'), fullPage: false });
}

before(async () => {
  root = await bundledHandbook();
  editor = { root, ...(await serveEditor(root)) };
  browser = await launch();
});

after(async () => {
  await browser?.close();
  editor?.server.kill();
});

const open = async (page, title) => {
  await page.goto(editor.start);
  await page.getByRole('link', { name: title, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
};

test('D4: quotes typed as the replacement land in a quoted description as the typed text', async () => {
  const { page, context } = await openPage(browser);
  await page.goto(editor.start);
  await page.getByRole('link', { name: 'Suchen und ersetzen' }).click();
  await page.getByLabel('Suchen nach').fill('Arbeitsagentur');
  await page.getByRole('button', { name: 'Suchen', exact: true }).click();
  await page.getByText(/\d+ Fundstellen auf \d+ Seiten/).waitFor();
  // a hit in the front matter reads as the form's field, not as YAML
  const cafe = page.locator('.found > li', { has: page.getByRole('link', { name: 'Elterncafé', exact: true }) });
  await cafe.getByText('Beschreibung:').waitFor();
  assert.doesNotMatch(await cafe.innerText(), /description:/);

  const boxes = page.locator('#find-results input[type=checkbox]:not([disabled])');
  await page.getByRole('button', { name: 'Keine auswählen' }).click();
  for (const b of await boxes.all()) assert.equal(await b.isChecked(), false);
  await page.getByRole('button', { name: 'Alle auswählen' }).click();
  for (const b of await boxes.all()) assert.equal(await b.isChecked(), true);
  await shot(page, 'd4-treffer-1280');

  await page.getByLabel('Ersetzen durch').fill('Agentur für Arbeit ("AA")');
  await page.getByRole('button', { name: 'Änderungen zeigen' }).click();
  await page.locator('#find-diffs section').first().waitFor();
  assert.equal(await page.locator('#find-diffs [role=alert]').count(), 0, await page.locator('#find-diffs').innerText());
  await page.getByRole('button', { name: 'Gewählte Stellen ersetzen' }).click();
  const done = page.getByText(/\d+ Stellen auf \d+ Seiten ersetzt/);
  await done.waitFor();
  // the message is where the editor is taken, not a white area far below
  assert.equal(await page.evaluate(() => document.activeElement.id), 'find-status');
  const box = await done.boundingBox();
  assert.ok(box.y >= 0 && box.y < 900, `message in view: ${box.y}`);
  await shot(page, 'd4-ersetzt-1280');
  const text = await readFile(path.join(root, 'content/konzepte/elterncafe.md'), 'utf8');
  assert.match(text, /^description: "Ein Infocafé im Familienzentrum: kurzer Input von Agentur für Arbeit \(\\"AA\\"\) oder Jobcenter, /m);
  await context.close();
});

test('D8: two tabs that changed „Beschreibung“ see both descriptions on the first screen', async () => {
  const a = await openPage(browser);
  const b = await openPage(browser);
  await open(a.page, 'Kreis Mettmann');
  await open(b.page, 'Kreis Mettmann');
  await a.page.getByLabel('Beschreibung', { exact: true }).fill('Fassung A der Beschreibung');
  await a.page.getByRole('button', { name: 'Speichern' }).click();
  await a.page.getByText(/Gespeichert/).waitFor();
  await b.page.getByLabel('Beschreibung', { exact: true }).fill('Fassung B der Beschreibung');
  await b.page.getByRole('button', { name: 'Speichern' }).click();
  const panel = b.page.locator('#conflict');
  await panel.getByRole('heading', { name: 'Die Seite wurde inzwischen geändert' }).waitFor();
  const item = panel.locator('li', { hasText: 'Beschreibung' });
  await item.getByText('„Fassung B der Beschreibung“').waitFor();
  await item.getByText('„Fassung A der Beschreibung“').waitFor();
  await panel.getByText('Der Text ist in beiden Fassungen gleich.').waitFor();
  assert.equal(await panel.locator('textarea').count(), 0, 'no two identical texts');
  await shot(b.page, 'd8-konflikt-1280');
  await a.context.close();
  await b.context.close();
});

test('D5: the programme is picked by its title, or typed as its title, and stored by its short name', async () => {
  const { page, context } = await openPage(browser);
  await open(page, 'Kreis Borken');
  const programme = page.getByLabel('Programm', { exact: true });
  await programme.fill('');
  await programme.pressSequentially('Neue Wege');
  await page.getByRole('option', { name: 'Neue Wege NRW (neue-wege-nrw)' }).click();
  assert.equal(await programme.inputValue(), 'neue-wege-nrw');
  await page.getByText('→ Neue Wege NRW').waitFor();
  // only programmes are offered, not the section's own page or a region
  await programme.fill('');
  await programme.pressSequentially('Programme');
  await page.waitForTimeout(300);
  assert.equal(await page.getByRole('option', { name: /^Programme \(/ }).count(), 0);
  // the title typed in full, as the tester did, names its page
  await programme.fill('Kein Abschluss ohne Anschluss');
  await programme.press('Tab');
  assert.equal(await programme.inputValue(), 'kein-abschluss-ohne-anschluss');
  assert.equal(await programme.getAttribute('aria-invalid'), null);
  await programme.fill('Gibt es nicht');
  await programme.press('Tab');
  assert.equal(await programme.getAttribute('aria-invalid'), 'true');
  await shot(page, 'd5-programm-1280');
  await context.close();
});

test('D6: a contact without a name and an address that is no e-mail are said as one leaves the field', async () => {
  const { page, context } = await openPage(browser);
  await open(page, 'Kreis Borken');
  await page.getByRole('button', { name: 'Hinzufügen: Ansprechpersonen' }).click();
  const group = page.locator('fieldset.group').last();
  await group.getByLabel('Funktion').fill('Koordination');
  await group.getByLabel('E-Mail').click();
  const name = group.getByLabel('Name', { exact: true });
  assert.equal(await name.getAttribute('aria-invalid'), 'true');
  await group.getByText('Jeder Eintrag braucht einen Namen').waitFor();
  const email = group.getByLabel('E-Mail');
  await email.fill('m.muster(at)jobcenter-muster.de');
  await email.press('Tab');
  await group.getByText('„m.muster(at)jobcenter-muster.de“ ist keine E-Mail-Adresse').waitFor();
  await shot(page, 'd6-kontakt-1280');
  // mended, the hints go as it is typed
  await email.fill('m.muster@jobcenter-muster.de');
  await name.fill('Maria Muster');
  await name.press('Tab');
  assert.equal(await group.locator('[aria-invalid=true]').count(), 0);
  await context.close();
});

test('D3: the „Probleme“ list speaks of fields and brackets, not keys and MDX', async () => {
  const { page, context } = await openPage(browser);
  await open(page, 'Kreis Borken');
  await page.getByRole('button', { name: 'Hinzufügen: Konzepte' }).click();
  const concept = page.locator('fieldset[data-field=concepts] .item input').last();
  await concept.fill('Sprechstunde im Familienzentrum');
  await concept.press('Tab');
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  // `<Anlage 2>` and an unclosed `<Anlage>` in a sentence show as written;
  // a line of its own that is a tag is read as one
  await page.keyboard.type('\n\nSiehe <Anlage 2> und <Anlage>.\n\n<Anlage>\n\nMehr unter [Programm](../programme/khne-anschluss.md).\n');
  const problems = page.locator('#diagnostics');
  await problems.getByText('„Konzepte“ nennt „Sprechstunde im Familienzentrum“').waitFor();
  await problems.getByText(/Text in spitzen Klammern wie `<Anlage>`.*schreiben Sie `\\<Anlage>`/).waitFor();
  await problems.getByText(/Meinten Sie `..\/programme\/kein-abschluss-ohne-anschluss.md`\?/).waitFor();
  const said = await problems.innerText();
  for (const jargon of ['`concepts`', 'MDX', 'Docusaurus', '`concept`']) assert.ok(!said.includes(jargon), `${jargon} in ${said}`);
  await shot(page, 'd3-probleme-1280');
  await context.close();
});

test('D13: on a phone the list, a dialog\'s buttons and the text above the save bar are in reach', async () => {
  const { page, context } = await openPage(browser, { width: 390, height: 844 });
  await open(page, 'Elterncafé');
  await shot(page, 'd13-seite-390');
  await page.getByRole('button', { name: 'Zur Seitenliste' }).click();
  const list = page.getByRole('heading', { name: 'Seiten', exact: true });
  const at = await list.boundingBox();
  // scrolled to, it may stand a fraction of a pixel above the top
  assert.ok(at.y > -1 && at.y < 200, `list heading at ${at.y}`);
  await page.getByRole('button', { name: 'Neue Seite' }).isVisible();
  await shot(page, 'd13-liste-390');

  // the text editor scrolled to the top fits above the save bar
  await page.getByRole('link', { name: 'Elterncafé', exact: true }).click();
  await page.locator('.cm-editor').evaluate((e) => e.scrollIntoView({ block: 'start' }));
  const cm = await page.locator('.cm-editor').boundingBox();
  const bar = await page.locator('.actions').first().boundingBox();
  assert.ok(cm.y + cm.height <= bar.y + 1, `editor ends at ${cm.y + cm.height}, bar starts at ${bar.y}`);
  assert.ok(bar.height < 70, `bar is ${bar.height} px`);
  await shot(page, 'd13-editor-390');

  await page.getByRole('button', { name: 'Löschen' }).click();
  const dialog = page.getByRole('dialog');
  const go = dialog.getByRole('button', { name: /löschen/ });
  const goBox = await go.boundingBox();
  assert.ok(goBox.y + goBox.height <= 844, `delete button at ${goBox.y}`);
  await dialog.getByRole('button', { name: 'Abbrechen' }).isVisible();
  const wide = await dialog.evaluate((d) => d.scrollWidth - d.clientWidth);
  assert.ok(wide <= 0, `dialog scrolls sideways by ${wide}`);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 390);
  await shot(page, 'd13-loeschen-390');
  await dialog.getByRole('button', { name: 'Abbrechen' }).click();
  await context.close();
});

test('right to left (language: ar): the new controls keep their places', { skip: !shots }, async () => {
  const yaml = path.join(root, 'handbook.yaml');
  const before = await readFile(yaml, 'utf8');
  await writeFile(yaml, before.replace(/^language: .*$/m, 'language: ar'));
  const ar = await serveEditor(root);
  try {
    for (const width of [390, 1280]) {
      const { page, context } = await openPage(browser, { width, height: 844 });
      await page.goto(ar.start);
      await page.getByRole('link', { name: 'Kreis Borken', exact: true }).click();
      await page.getByLabel('Programm', { exact: true }).scrollIntoViewIfNeeded();
      await shot(page, `ar-programm-${width}`);
      await context.close();
    }
  } finally {
    ar.server.kill();
    await writeFile(yaml, before);
  }
});
