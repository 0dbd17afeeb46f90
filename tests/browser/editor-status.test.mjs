// Where a page stands, as a first-time editor sees it in headless
// Chromium on a copy of tests/fixtures/editor-pages (not in Git): a new
// page says it is a draft until it is published, and the list follows
// without a reload; a page whose links lead nowhere shows why its preview
// is missing; and while the whole handbook does not build, every page of
// the Redaktion says that the website preview is behind, and which pages
// to mend, until it builds again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { launch, openPage, copyFixture, serveEditor } from './lib/harness.mjs';

let root, server, start, browser;
const shots = process.env.HANDBOOK_SHOTS;

before(async () => {
  root = await copyFixture('editor-pages');
  ({ start, server } = await serveEditor(root));
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.kill();
});

const shot = async (page, name) => {
  if (shots) await page.screenshot({ path: path.join(shots, name), fullPage: false });
};

test('a new page says it is a draft until „Entwurf“ is „nein“, and the list follows without a reload', async () => {
  const { page, context } = await openPage(browser);
  await page.goto(start);
  await page.getByRole('button', { name: 'Neue Seite' }).click();
  const dialog = page.getByRole('dialog', { name: 'Neue Seite' });
  await dialog.getByLabel('Seitenart').selectOption('concept');
  await dialog.getByLabel('Titel').fill('Abendtreff');
  await dialog.getByRole('button', { name: 'Seite anlegen' }).click();
  await page.getByText('Die Seite ist als Entwurf angelegt').waitFor();
  // the preview says so, not only a missing link
  const marker = page.locator('#preview-draft');
  await marker.getByText('Entwurf – nicht veröffentlicht').waitFor();
  assert.match(await marker.innerText(), /„Entwurf \(nicht veröffentlicht\)“ auf „nein“/);
  await shot(page, 'status-draft-1280.png');

  await page.getByLabel('Beschreibung').fill('Ein Treff am Abend.');
  await page.getByRole('button', { name: 'Speichern' }).click();
  const status = page.locator('#status');
  await page.getByText('Als Entwurf gespeichert, nicht veröffentlicht').waitFor();
  assert.match(await status.innerText(), /Zum Veröffentlichen stellen Sie „Entwurf \(nicht veröffentlicht\)“ auf „nein“ und speichern\./);
  const entry = page.locator('#page-list li', { hasText: 'Abendtreff' });
  assert.match(await entry.innerText(), /Entwurf/);

  await page.getByLabel('Entwurf (nicht veröffentlicht)').selectOption('false');
  await page.getByRole('button', { name: 'Speichern' }).click();
  await page.getByText('Gespeichert und veröffentlicht').waitFor();
  assert.equal(await marker.isHidden(), true);
  // the list entry loses „Entwurf“ once the site is rebuilt, no reload
  await page.waitForFunction(() => {
    const li = [...document.querySelectorAll('#page-list li')].find((l) => l.textContent.includes('Abendtreff'));
    return li && !li.textContent.includes('Entwurf');
  });
  const titles = await page.locator('#page-list li > a').allTextContents();
  assert.deepEqual(titles, [...titles].sort((a, b) => a.localeCompare(b, 'de')));
  assert.equal(titles[0], 'Abendtreff');
  // and one page found is one „Seite“
  await page.getByLabel('In Titeln suchen').fill('Abendtreff');
  assert.equal(await page.locator('#count').innerText(), '1 Seite angezeigt');
  await context.close();
});

test('deleting a page others name: every page says the website preview is behind, and which pages to mend', async () => {
  const { page, context } = await openPage(browser);
  await page.goto(start);
  const kept = await readFile(path.join(root, 'content/konzepte/elterncafe.md'), 'utf8');
  await page.getByRole('link', { name: 'Elterncafé' }).click();
  await page.getByRole('button', { name: 'Löschen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Löschen' });
  await dialog.getByText('lässt sich im Browser nicht rückgängig machen').waitFor();
  await dialog.getByRole('button', { name: 'Trotzdem löschen' }).click();

  // the notice stays, on the start page and on every page opened after it
  const notice = page.locator('#site-status');
  await notice.getByText('Die Website-Vorschau ist nicht aktuell').waitFor();
  await shot(page, 'status-stale-1280.png');
  const named = await notice.locator('li > a').allTextContents();
  assert.ok(named.includes('Kreis Borken'), named.join(', '));
  await page.getByRole('link', { name: 'Alleinerziehende' }).first().click();
  await page.getByRole('heading', { name: 'Alleinerziehende' }).waitFor();
  assert.equal(await notice.isVisible(), true);

  // a save that cannot reach the website preview does not just say „Gespeichert.“
  await page.getByLabel('Beschreibung').fill('Für Eltern, die allein erziehen.');
  await page.getByRole('button', { name: 'Speichern' }).click();
  await page.getByText('Gespeichert, aber noch nicht auf der Website-Vorschau').waitFor();

  // a page to mend opens from the notice, and its empty preview says why
  await notice.getByRole('link', { name: 'Kreis Borken' }).click();
  await page.getByRole('heading', { name: 'Kreis Borken' }).waitFor();
  const note = page.locator('#preview-note');
  await note.getByText('Die Vorschau erscheint, sobald diese Fehler behoben sind:').waitFor();
  assert.match(await note.innerText(), /elterncafe/);
  assert.equal(await page.locator('#preview').isHidden(), true);
  await shot(page, 'status-preview-blocked-1280.png');

  // mended (here: the file put back), the notice goes and the save is said to be there
  await page.getByRole('link', { name: 'Alle Seiten' }).click();
  await page.getByRole('link', { name: 'Alleinerziehende' }).first().click();
  await page.getByLabel('Beschreibung').fill('Für Eltern, die allein erziehen, auch abends.');
  await page.getByRole('button', { name: 'Speichern' }).click();
  await page.getByText('Gespeichert, aber noch nicht auf der Website-Vorschau').waitFor();
  await writeFile(path.join(root, 'content/konzepte/elterncafe.md'), kept);
  await notice.waitFor({ state: 'hidden' });
  await page.getByText('Die Website-Vorschau ist wieder aktuell.').waitFor();
  await context.close();
});

test('at 390 px the notices fit the screen', async () => {
  const { page, context } = await openPage(browser, { width: 390, height: 844 });
  await page.goto(start);
  await page.getByRole('link', { name: 'Abendtreff' }).click();
  await page.getByLabel('Entwurf (nicht veröffentlicht)').selectOption('true');
  await page.locator('#preview-draft').getByText('Entwurf – nicht veröffentlicht').waitFor();
  await page.locator('#preview-draft').scrollIntoViewIfNeeded();
  await shot(page, 'status-draft-390.png');
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 390);
  await context.close();
});

test('an Arabic handbook: the Redaktion speaks German, and Arabic typed runs right to left', async () => {
  const arRoot = await copyFixture('editor-pages');
  const yaml = path.join(arRoot, 'handbook.yaml');
  await writeFile(yaml, (await readFile(yaml, 'utf8')).replace('language: de', 'language: ar'));
  const ar = await serveEditor(arRoot);
  try {
    for (const width of [1280, 390]) {
      const { page, context } = await openPage(browser, { width, height: width === 390 ? 844 : 900 });
      await page.goto(ar.start);
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'de');
      await page.getByRole('link', { name: 'Kreis Borken' }).click();
      const description = page.getByLabel('Beschreibung');
      await description.fill('مقهى للآباء والأمهات في المدينة الكبيرة.');
      assert.equal(await description.getAttribute('dir'), 'auto');
      // the text editor: each line in its own direction
      await page.locator('.cm-content').click();
      await page.keyboard.press('Control+End');
      await page.keyboard.press('Enter');
      await page.keyboard.type('مرحبا بكم في مركز الأسرة.');
      const line = page.locator('.cm-line', { hasText: 'مرحبا' });
      // its text stands at the right edge of the line, its full stop at its end (left)
      const edges = await line.evaluate((l) => {
        const r = document.createRange();
        r.selectNodeContents(l);
        const text = r.getBoundingClientRect();
        const box = l.getBoundingClientRect();
        return { gapRight: box.right - text.right, gapLeft: text.left - box.left };
      });
      assert.ok(edges.gapRight < 12 && edges.gapLeft > 40, JSON.stringify(edges));
      assert.equal(await description.evaluate((d) => d.matches(':dir(rtl)')), true);
      await page.getByRole('button', { name: 'Speichern' }).waitFor();
      await description.scrollIntoViewIfNeeded();
      await shot(page, `status-ar-${width}.png`);
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), width);
      await context.close();
    }
  } finally {
    ar.server.kill();
  }
});
