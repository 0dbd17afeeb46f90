// A hostile page (script tags, event handlers, javascript: and data: URLs,
// outside iframes, markup in titles and front-matter values) is published
// harmless: no dialog ever opens, the DOM has no script but the theme's,
// no event-handler attribute, no javascript: URL and no iframe, and the
// search box shows the hostile title as text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, readdir } from 'node:fs/promises';
import path from 'node:path';
import { buildSite, serve, launch, openPage, repo, tempFolder } from './lib/harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function htmlPages(dir, rel = '') {
  const out = [];
  for (const e of await readdir(path.join(dir, rel), { withFileTypes: true })) {
    const r = path.join(rel, e.name);
    if (e.isDirectory()) out.push(...await htmlPages(dir, r));
    else if (e.name.endsWith('.html')) out.push(r);
  }
  return out;
}

const domAudit = () => {
  const bad = [];
  for (const s of document.querySelectorAll('script')) {
    if (!s.src || new URL(s.src).origin !== location.origin) bad.push(`script: ${s.outerHTML.slice(0, 80)}`);
  }
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      if (/^on/i.test(a.name)) bad.push(`${el.tagName} ${a.name}`);
      if (/^(href|src|action|formaction|xlink:href)$/i.test(a.name) && /^\s*(javascript|vbscript|data):/i.test(a.value)) bad.push(`${el.tagName} ${a.name}=${a.value}`);
    }
  }
  for (const f of document.querySelectorAll('iframe, object, embed')) bad.push(f.outerHTML.slice(0, 80));
  return bad;
};

test('hostile content is published harmless on every page', async () => {
  // a copy: the build writes its search index into the handbook root
  const root = await tempFolder('handbook-hostile-');
  await cp(path.join(repo, 'tests/fixtures/hostile'), root, { recursive: true });
  const site = await buildSite({ root });
  const server = await serve(site);
  const { page, problems } = await openPage(browser);
  const dialogs = [];
  page.on('dialog', async (d) => { dialogs.push(d.message()); await d.dismiss(); });
  const pages = await htmlPages(site);
  assert.ok(pages.length >= 5, pages.join(', '));
  for (const rel of pages) {
    await page.goto(server.url(rel.replace(/index\.html$/, '')));
    assert.deepEqual(await page.evaluate(domAudit), [], rel);
  }
  // the title is shown as text, markup and all
  await page.goto(server.url('konzepte/feindselig/'));
  const h1 = await page.locator('h1').innerText();
  assert.match(h1, /<script>alert\('titel'\)<\/script>/);
  // links with refused schemes keep their text, lose their link
  assert.equal(await page.locator('a', { hasText: 'js-link' }).count(), 0);
  assert.ok((await page.locator('main').innerText()).includes('js-link'));
  assert.equal(await page.locator('a[href="https://example.org/"]').count(), 1);
  // allowed markup survives sanitising
  assert.equal(await page.locator('main details summary').count(), 1);

  // the search box inserts results as text
  await page.fill('#search-input', 'Hinterhaltsprobe');
  await page.waitForSelector('#search-results a');
  const results = await page.locator('#search-results').innerText();
  assert.match(results, /<script>alert\('titel'\)<\/script>/);
  assert.deepEqual(await page.evaluate(domAudit), []);

  assert.deepEqual(dialogs, [], 'no script ran');
  assert.deepEqual(problems.foreign, [], 'no outside request (the iframe is gone)');
  await server.close();
});
