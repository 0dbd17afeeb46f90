// Screenshots for the README: start, region and concept pages at desktop
// and phone width, and on the phone the open menu and the Regionen-Check
// without JavaScript and a long German title, from the built bundled
// handbook in Debian's Chromium; and the Redaktion (`serve --edit`) with
// a concept's form, its text and preview, at both widths.
//   cd tests/browser && node screenshots.mjs
import path from 'node:path';
import { mkdir } from 'node:fs/promises';
import { buildSite, serve, launch, repo, bundledHandbook, serveEditor } from './lib/harness.mjs';

const PAGES = { start: '/', region: '/regionen/kreis-borken/', concept: '/konzepte/elterncafe/' };
const WIDTHS = { desktop: [1280, 900], phone: [390, 844] };
// phone-only views: [file name, url, JavaScript on, what to do first]
const PHONE_EXTRAS = [
  ['menu-phone', '/konzepte/', false, (page) => page.click('.menu-phone summary')],
  ['agreement-phone', '/vereinbarungen/kooperationsvereinbarung-familienzentrum/', true, null],
  ['check-phone-nojs', '/regionen-check/', false, (page) => page.locator('.js-off-note').scrollIntoViewIfNeeded()],
];

const out = path.join(repo, 'docs/screenshots');
await mkdir(out, { recursive: true });
const site = await serve(await buildSite());
const browser = await launch();

async function shoot(name, url, [width, height], js, before) {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'de-DE', javaScriptEnabled: js });
  const page = await context.newPage();
  await page.goto(site.url(url), { waitUntil: 'networkidle' });
  if (before) await before(page);
  const file = path.join(out, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  console.log(file);
  await context.close();
}

for (const [wname, size] of Object.entries(WIDTHS)) {
  for (const [pname, url] of Object.entries(PAGES)) await shoot(`${pname}-${wname}`, url, size, true, null);
}
for (const [name, url, js, before] of PHONE_EXTRAS) await shoot(name, url, WIDTHS.phone, js, before);

// the Redaktion on a copy of the bundled handbook, a concept opened and a
// reference field's picker showing titles found as one types
const editor = await serveEditor(await bundledHandbook());
for (const [wname, [width, height]] of Object.entries(WIDTHS)) {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'de-DE' });
  const page = await context.newPage();
  await page.goto(editor.start);
  await page.getByRole('link', { name: 'Elterncafé', exact: true }).click();
  await page.locator('#preview').waitFor();
  await page.waitForTimeout(1500); // the preview frame's first draft
  const file = path.join(out, `redaktion-${wname}.png`);
  await page.screenshot({ path: file, fullPage: false });
  console.log(file);
  await context.close();
}
editor.server.kill();
await browser.close();
await site.close();
