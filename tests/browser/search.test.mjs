// The search box in headless Chromium ranks exactly like `handbook search`
// on the German query set, fetches only a few small files per query, works
// under a sub-path, and can be used with the keyboard alone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { buildSite, serve, launch, openPage, repo, binary } from './lib/harness.mjs';

const QUERIES = [
  'muetter', 'Mütter', 'Vereinbarung', 'Vereinbarungen', 'Zentrum', 'Elterncafe', 'Elterncafé',
  'Alleinerziehende', 'Steuerungsgruppe', 'Regionen-Check', 'Kreis Borken', 'Stille Reserve',
  'Marxloh', 'Betreuung Jugendamt', 'Fortbildungen', 'Wiedereinstieg', 'Koordinierungsstelle',
  'Leichte Sprache', 'xyzzyplugh',
];

function cli(query) {
  const r = spawnSync(binary, ['search', query, '--root', repo, '--json', '--limit', '10'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

for (const basePath of ['/', '/handbuch/']) {
  test(`browser results equal handbook search on the query set (hosted at ${basePath})`, async () => {
    // the build also writes the CLI's index, with the same base path
    const site = await buildSite({ baseUrl: basePath });
    const server = await serve(site, basePath);
    const { page, context, problems } = await openPage(browser);
    await page.goto(server.url(''));
    for (const q of QUERIES) {
      const expected = cli(q).map((h) => [h.url, h.title, h.kind, h.score]);
      const actual = await page.evaluate(async (q) =>
        (await window.HandbookSearch.search(q, { limit: 10 })).map((h) => [h.url, h.title, h.kind, h.score]), q);
      assert.deepEqual(actual, expected, `query "${q}"`);
      if (basePath !== '/') assert.ok(actual.every(([u]) => u.startsWith(basePath)), q);
    }
    assert.deepEqual(problems.foreign, []);
    assert.deepEqual(problems.failed, []);
    await context.close();
    await server.close();
  });
}

test('one query fetches only its shards and the shown documents', async () => {
  const site = await buildSite();
  const server = await serve(site);
  const { page, context } = await openPage(browser);
  await page.goto(server.url(''));
  server.log.length = 0;
  await page.evaluate(() => window.HandbookSearch.search('Vereinbarung'));
  const fetched = server.log.filter((l) => l.path.startsWith('/suche/'));
  const shards = fetched.filter((l) => l.path.startsWith('/suche/t/'));
  assert.equal(shards.length, 1, JSON.stringify(fetched));
  const bytes = fetched.reduce((s, l) => s + l.bytes, 0);
  assert.ok(bytes < 200_000, `${bytes} bytes for one query`);
  await context.close();
  await server.close();
});

test('typing shows results as you type; arrows, Enter and Escape work; results are text, not HTML', async () => {
  const site = await buildSite();
  const server = await serve(site);
  const { page, context } = await openPage(browser);
  await page.goto(server.url('projekt/'));
  await page.fill('#search-input', 'Elterncafe');
  const first = page.locator('#search-results a').first();
  await first.waitFor();
  assert.match(await first.textContent(), /Elterncafé/);
  assert.ok((await page.locator('#search-results mark').count()) > 0, 'matches highlighted');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement.closest('#search-results') !== null), true);
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('#search-results').isHidden(), true);
  await page.fill('#search-input', 'Elterncafe');
  await first.waitFor();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.waitForURL(/konzepte\/elterncafe/);
  // the kind filter narrows to one kind
  await page.goto(server.url(''));
  await page.selectOption('#search-kind', 'region');
  await page.fill('#search-input', 'Elterncafé');
  await page.locator('#search-results a').first().waitFor();
  const kinds = await page.$$eval('#search-results .badge', (b) => b.map((x) => x.textContent));
  assert.ok(kinds.length > 0 && kinds.every((k) => k === 'Region'), kinds.join());
  // the search page reads ?q= from the URL
  await page.goto(server.url('suche/?q=Marxloh'));
  await page.locator('#search-results a').first().waitFor();
  assert.match(await page.locator('#search-results a').first().textContent(), /Marxloh/);
  await context.close();
  await server.close();
});
