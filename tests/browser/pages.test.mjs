// Every page kind of the bundled handbook in headless Chromium: loads
// without console errors or requests to other hosts, passes axe-core
// (no serious or critical violation, light and dark), fits a 320 px screen,
// and labels every form field.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtHandbook, axe, openPage, buildSite, serve, repo } from './lib/harness.mjs';
import path from 'node:path';

const PAGES = {
  start: '',
  section: 'konzepte/',
  region: 'regionen/kreis-borken/',
  regions: 'regionen/',
  concept: 'konzepte/elterncafe/',
  agreement: 'vereinbarungen/kooperationsvereinbarung-familienzentrum/',
  check: 'regionen-check/',
  page: 'projekt/organisation/',
  taxonomy: 'zielgruppen/alleinerziehende/',
  leichte_sprache: 'leichte-sprache/',
  print: 'druckfassung/',
  print_part: 'druckfassung/projekt/',
  not_found: 'gibt-es-nicht/',
};

const handbook = builtHandbook();

for (const [kind, path] of Object.entries(PAGES)) {
  test(`${kind} page loads cleanly and passes axe-core in light and dark mode`, async () => {
    const { page, context, problems } = await openPage(handbook.browser);
    const response = await page.goto(handbook.server.url(path));
    assert.equal(response.status(), kind === 'not_found' ? 404 : 200);
    assert.equal(await page.getAttribute('html', 'lang'), 'de');
    assert.ok((await page.title()).length > 0);
    for (const scheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme: scheme });
      assert.deepEqual(await axe(page), [], `${scheme} mode`);
    }
    // the 404 page reports its own status as a failed resource
    const consoleErrors = problems.console.filter((m) => kind !== 'not_found' || !m.includes('404'));
    assert.deepEqual(consoleErrors, [], 'console errors');
    assert.deepEqual(problems.foreign, [], 'requests to other hosts');
    assert.deepEqual(problems.failed, [], 'failed requests');
    await context.close();
  });
}

test('every page fits a 320 px wide screen', async () => {
  const { page, context } = await openPage(handbook.browser, { width: 320, height: 640 });
  for (const [kind, path] of Object.entries(PAGES)) {
    if (kind === 'print_part') continue; // printed on paper, not read on a phone
    await page.goto(handbook.server.url(path));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
    if (overflow > 320) {
      const wide = await page.evaluate(() => [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > 321).map((e) => e.tagName + '.' + e.className).slice(0, 5));
      assert.fail(`${kind}: page is ${overflow}px wide: ${wide.join(', ')}`);
    }
  }
  await context.close();
});

test('a long line of code wraps on a phone, and a MyST page passes axe there', async () => {
  // a handbook brought from other tools: code blocks with long commands,
  // boxes and figures made from MyST
  const site = await buildSite({ root: path.join(repo, 'tests/fixtures/foreign-docs') });
  const server = await serve(site);
  const { page, context } = await openPage(handbook.browser, { width: 320, height: 640 });
  for (const url of ['vitepress/', 'myst/']) {
    await page.goto(server.url(url));
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 320, url);
  }
  assert.deepEqual(await axe(page), [], 'the MyST page at 320 px');
  await context.close();
  await server.close();
});

test('the first Tab focuses the skip link, which jumps to the content', async () => {
  const { page, context } = await openPage(handbook.browser);
  await page.goto(handbook.server.url(PAGES.region));
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip-link');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'inhalt');
  await context.close();
});

// Titles carry soft hyphens (U+00AD) for line breaks in long German words.
const heading = async (page) => (await page.textContent('h1')).replaceAll('\u00ad', '');

test('navigation: main menu, breadcrumbs, next page and a backlink lead to the right pages', async () => {
  const { page, context } = await openPage(handbook.browser);
  await page.goto(handbook.server.url(''));
  await page.click('.main-nav >> text=Konzepte');
  assert.equal(await page.textContent('h1'), 'Konzepte');
  await page.click('.cards >> text=Elterncafé');
  assert.equal(await page.textContent('h1'), 'Elterncafé');
  await page.click('.breadcrumbs >> text=Konzepte');
  assert.match(page.url(), /\/konzepte\/$/);
  await page.goto(handbook.server.url(PAGES.concept));
  await page.click('a[rel="next"]');
  assert.equal(await heading(page), 'Themenveranstaltung Information');
  await page.goto(handbook.server.url(PAGES.taxonomy));
  await page.click('.backlinks >> text=Kreis Mettmann');
  assert.equal(await page.textContent('h1'), 'Kreis Mettmann');
  await context.close();
});

test('the print edition holds every page in reading order, in parts linked from its index', async () => {
  const { page, context } = await openPage(handbook.browser);
  await page.goto(handbook.server.url(PAGES.print));
  const parts = await page.$$eval('a.print-part-title', (as) => as.map((a) => a.href));
  assert.ok(parts.length >= 10, `${parts.length} parts`);
  const chapters = [];
  for (const part of parts) {
    await page.goto(part);
    chapters.push(...(await page.$$eval('.chapter-title', (hs) => hs.map((h) => h.textContent.trim()))));
    const ids = await page.$$eval('[id]', (els) => els.map((e) => e.id));
    assert.equal(new Set(ids).size, ids.length, `ids are unique in ${part}`);
  }
  assert.ok(chapters.length >= 60, `only ${chapters.length} chapters`);
  assert.equal(new Set(chapters).size, chapters.length, 'each page once');
  assert.equal(chapters[0], 'Neue Wege NRW – das Transferhandbuch');
  const i = (t) => chapters.indexOf(t);
  assert.ok(i('Das Projekt') < i('Eckdaten und Förderung') && i('Regionen') < i('Düsseldorf'), 'sections before their pages');
  await context.close();
});

test('every form field on the site has a real label', async () => {
  const { page, context } = await openPage(handbook.browser);
  for (const path of Object.values(PAGES)) {
    await page.goto(handbook.server.url(path));
    const unlabelled = await page.$$eval('input, select, textarea', (fields) =>
      fields
        .filter((f) => !['hidden', 'submit', 'button', 'reset'].includes(f.type))
        .filter((f) => !(f.labels && f.labels.length) && !f.getAttribute('aria-labelledby'))
        .map((f) => f.outerHTML.slice(0, 120)));
    assert.deepEqual(unlabelled, [], path);
  }
  await context.close();
});
