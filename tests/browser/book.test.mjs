// A book of many chapters (tests/fixtures/long-book, laid out as mdBook
// lays one out) as its readers meet it: on a wide screen the chapters
// stand at the side with the reader's chapter open, and the heading is on
// the first screen; on a phone, without JavaScript, the menu button opens
// the same tree; in Arabic the tree stands on the right. No axe finding.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildSite, copyFixture, serve, launch, openPage, axe } from './lib/harness.mjs';

const PAGE = 'zustaendigkeiten/datenschutz/';
let browser, german, arabic;

before(async () => {
  const root = await copyFixture('long-book');
  german = await serve(await buildSite({ root }));
  const config = path.join(root, 'handbook.yaml');
  await writeFile(config, (await readFile(config, 'utf8')).replace('language: de', 'language: ar'));
  arabic = await serve(await buildSite({ root }));
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await german?.close();
  await arabic?.close();
});

test('wide screen: the chapters stand at the side, the page heading on the first screen', async () => {
  const { page, context, problems } = await openPage(browser, { width: 1280, height: 900 });
  await page.goto(german.url(PAGE));
  const side = page.locator('nav.sidebar');
  assert.equal(await side.isVisible(), true);
  assert.equal(await page.locator('.menu-phone').isVisible(), false, 'no menu button beside the tree');
  const here = side.locator('a[aria-current="page"]');
  assert.equal(await here.textContent(), 'Datenschutz bei der Zusammenarbeit');
  assert.equal(await here.isVisible(), true);
  const chapters = await side.locator(':scope > ul > li > a').allTextContents();
  assert.equal(chapters.length, 11, chapters.join(' | '));
  // the other chapters' pages are not listed, this chapter's are
  assert.equal(await side.locator('ul ul a').count(), 3);

  const heading = await page.locator('h1').boundingBox();
  const menu = await side.boundingBox();
  assert.ok(heading.y < 250, `the heading starts at ${heading.y}px`);
  assert.ok(menu.x + menu.width <= heading.x, 'the tree is left of the text');
  await side.locator('a', { hasText: 'Glossar der Fachbegriffe' }).click();
  assert.match(page.url(), /glossar\/$/);
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(problems, { console: [], failed: [], foreign: [] });
  await context.close();
});

test('phone without JavaScript: the menu button opens the same tree', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'de-DE', javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(german.url(PAGE));
  assert.equal(await page.locator('nav.sidebar').isVisible(), false, 'no tree beside the text on a phone');
  const heading = await page.locator('h1').boundingBox();
  assert.ok(heading.y < 300, `the heading starts at ${heading.y}px`);
  const menu = page.locator('.menu-phone nav');
  await page.locator('.menu-phone summary').click();
  assert.equal(await menu.isVisible(), true);
  assert.equal(await menu.locator('a[aria-current="page"]').textContent(), 'Datenschutz bei der Zusammenarbeit');
  await menu.locator('a', { hasText: 'Wirkung messen und berichten' }).click();
  assert.match(page.url(), /wirkung\/$/);
  await context.close();
});

test('phone with JavaScript: no axe finding with the menu open', async () => {
  const { page, context } = await openPage(browser, { width: 390, height: 844 });
  await page.goto(german.url(PAGE));
  await page.locator('.menu-phone summary').click();
  assert.deepEqual(await axe(page), []);
  await context.close();
});

test('Arabic: the tree stands on the right, the text on its left', async () => {
  const { page, context } = await openPage(browser, { width: 1280, height: 900 });
  await page.goto(arabic.url(PAGE));
  const menu = await page.locator('nav.sidebar').boundingBox();
  const heading = await page.locator('h1').boundingBox();
  assert.ok(menu.x >= heading.x + heading.width, `tree at ${menu.x}px, heading ends at ${heading.x + heading.width}px`);
  assert.deepEqual(await axe(page), []);
  await context.close();
});
