// Screenshots for the README: start, region and concept pages at desktop
// and phone width, from the built bundled handbook in Debian's Chromium.
//   cd tests/browser && node screenshots.mjs
import path from 'node:path';
import { mkdir } from 'node:fs/promises';
import { buildSite, serve, launch, openPage, repo } from './lib/harness.mjs';

const PAGES = { start: '/', region: '/regionen/kreis-borken/', concept: '/konzepte/elterncafe/' };
const WIDTHS = { desktop: [1280, 900], phone: [390, 844] };

const out = path.join(repo, 'docs/screenshots');
await mkdir(out, { recursive: true });
const site = await serve(await buildSite());
const browser = await launch();
for (const [wname, [width, height]] of Object.entries(WIDTHS)) {
  for (const [pname, url] of Object.entries(PAGES)) {
    const { page, context } = await openPage(browser, { width, height });
    await page.goto(site.url(url), { waitUntil: 'networkidle' });
    const file = path.join(out, `${pname}-${wname}.png`);
    await page.screenshot({ path: file, fullPage: false });
    console.log(file);
    await context.close();
  }
}
await browser.close();
await site.close();
