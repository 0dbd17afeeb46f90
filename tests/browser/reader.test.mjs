// The public site as a reader meets it (issue 16): on a 390 × 844 phone,
// without JavaScript, in German typography. Every page kind: the header
// leaves the first screen to the content, the menu opens without
// JavaScript, long words break with a hyphen, nothing the theme writes is
// wrong, and no button is shown that does nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { builtHandbook, buildSite, serve, axe, openPage } from './lib/harness.mjs';

const PAGES = {
  start: '',
  concepts: 'konzepte/',
  regions: 'regionen/',
  region: 'regionen/kreis-borken/',
  concept: 'konzepte/elterncafe/',
  agreement: 'vereinbarungen/kooperationsvereinbarung-familienzentrum/',
  check: 'regionen-check/',
  page: 'projekt/organisation/',
  leichte_sprache: 'leichte-sprache/',
  search: 'suche/',
};
const PHONE = { width: 390, height: 844 };

const handbook = builtHandbook();

async function phone({ js = true } = {}) {
  const context = await handbook.browser.newContext({ viewport: PHONE, locale: 'de-DE', javaScriptEnabled: js });
  return { context, page: await context.newPage() };
}

// axe needs JavaScript (its timers do not run on a page with JavaScript
// switched off), so the page "without JavaScript" for axe is one whose own
// scripts are all answered empty: the same DOM a reader without JavaScript
// gets, except for <noscript> notes, which are plain paragraphs.
async function phoneWithoutScripts() {
  const context = await handbook.browser.newContext({ viewport: PHONE, locale: 'de-DE' });
  await context.route(/\/static\/.*\.js$/, (route) => route.fulfill({ contentType: 'text/javascript', body: '' }));
  return { context, page: await context.newPage() };
}

for (const js of [true, false]) {
  test(`phone ${js ? 'with' : 'without'} JavaScript: the header takes at most a quarter of the first screen, and the page passes axe`, async () => {
    const { page, context } = js ? await phone() : await phoneWithoutScripts();
    for (const [kind, path] of Object.entries(PAGES)) {
      await page.goto(handbook.server.url(path));
      const header = await page.locator('header.site-header').boundingBox();
      assert.ok(header.height <= PHONE.height / 4, `${kind}: header is ${header.height}px tall`);
      // the search field and its button sit in one row inside the screen
      const input = await page.locator('#search-input').boundingBox();
      const button = await page.locator('form.search button[type="submit"]').boundingBox();
      assert.ok(input.width >= 120, `${kind}: search field only ${input.width}px wide`);
      assert.ok(Math.abs(input.y - button.y) < 8 && button.x + button.width <= PHONE.width, `${kind}: search button wraps or is cut off`);
      // the content starts on the first screen
      const h1 = await page.locator('h1').boundingBox();
      assert.ok(h1.y < PHONE.height / 2, `${kind}: h1 starts at ${h1.y}px`);
      for (const scheme of ['light', 'dark']) {
        await page.emulateMedia({ colorScheme: scheme });
        assert.deepEqual(await axe(page), [], `${kind}, ${scheme}`);
      }
      await page.emulateMedia({ colorScheme: 'light' });
    }
    await context.close();
  });
}

test('wide screen without JavaScript: every page kind passes axe in light and dark mode', async () => {
  const context = await handbook.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' });
  await context.route(/\/static\/.*\.js$/, (route) => route.fulfill({ contentType: 'text/javascript', body: '' }));
  const page = await context.newPage();
  for (const [kind, path] of Object.entries({ ...PAGES, print: 'druckfassung/', print_part: 'druckfassung/konzepte/' })) {
    await page.goto(handbook.server.url(path));
    for (const scheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme: scheme });
      assert.deepEqual(await axe(page), [], `${kind}, ${scheme}`);
    }
    await page.emulateMedia({ colorScheme: 'light' });
  }
  await context.close();
});

test('phone without JavaScript: the menu button opens the whole navigation and closes it again', async () => {
  const { page, context } = await phone({ js: false });
  await page.goto(handbook.server.url(PAGES.concept));
  const menu = page.locator('.menu-phone nav');
  assert.equal(await menu.isVisible(), false, 'menu closed at first');
  assert.equal(await page.locator('.main-nav').isVisible(), false, 'the wide-screen menu row is not shown');
  await page.locator('.menu-phone summary').focus();
  await page.keyboard.press('Enter');
  assert.equal(await menu.isVisible(), true);
  const links = await menu.locator('a').allTextContents();
  assert.ok(links.includes('Konzepte') && links.includes('Das Projekt') && links.includes('Leichte Sprache'), links.join(', '));
  assert.equal(await menu.locator('a[aria-current]').textContent(), 'Konzepte');
  await menu.locator('a', { hasText: 'Regionen-Check' }).click();
  assert.match(page.url(), /regionen-check\/$/);
  await context.close();
});

test('wide screen: the menu is a row of links, no menu button', async () => {
  const { page, context } = await openPage(handbook.browser, { width: 1280, height: 900 });
  await page.goto(handbook.server.url(PAGES.concept));
  assert.equal(await page.locator('.menu-phone').isVisible(), false);
  assert.equal(await page.locator('.main-nav a', { hasText: 'Konzepte' }).isVisible(), true);
  const header = await page.locator('header.site-header').boundingBox();
  assert.ok(header.height <= 140, `header ${header.height}px`);
  await context.close();
});

test('the filter panel is collapsed on a phone and open on a wide screen', async () => {
  const { page, context } = await phone();
  await page.goto(handbook.server.url(PAGES.regions));
  const form = page.locator('form[data-filters]');
  const box = await form.boundingBox();
  assert.ok(box.height < 160, `filter panel is ${box.height}px tall on a phone`);
  await page.locator('form[data-filters] summary').click();
  assert.equal(await page.locator('input[name="rolle"][value="transferregion"]').isVisible(), true);
  await page.locator('input[name="rolle"][value="transferregion"]').check();
  // a shared filtered link opens the panel, so the reader sees why the list is short
  await page.reload();
  assert.equal(await page.locator('form[data-filters] details').getAttribute('open'), '');
  await context.close();
  const wide = await openPage(handbook.browser, { width: 1280, height: 900 });
  await wide.page.goto(handbook.server.url(PAGES.regions));
  assert.equal(await wide.page.locator('input[name="rolle"][value="transferregion"]').isVisible(), true);
  await wide.context.close();
});

test('German typography: 19 px body text, hyphenation, soft hyphens in long titles, larger Leichte Sprache', async () => {
  const { page, context } = await phone();
  await page.goto(handbook.server.url(PAGES.agreement));
  assert.equal(await page.getAttribute('html', 'lang'), 'de');
  const style = await page.evaluate(() => {
    const cs = (sel) => getComputedStyle(document.querySelector(sel));
    return { body: cs('body').fontSize, h1: cs('h1').hyphens, p: cs('main p').hyphens };
  });
  assert.equal(style.body, '19px');
  assert.equal(style.h1, 'auto');
  assert.equal(style.p, 'auto');
  const h1 = await page.textContent('h1');
  assert.match(h1, /Koope\u00adra\u00adti\u00adons\u00adver\u00adein/, 'soft hyphen inside Kooperationsvereinbarung');
  // the h1 fits the screen: no word is wider than the line
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390));
  await page.goto(handbook.server.url(PAGES.concept));
  assert.match(await page.textContent('a[rel="next"]'), /The\u00admen/);
  await page.goto(handbook.server.url(PAGES.leichte_sprache));
  const size = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('main .prose p')).fontSize));
  assert.ok(size >= 22, `Leichte Sprache text is ${size}px`);
  await context.close();
});

test('without JavaScript no button does nothing, and no promise is made that needs JavaScript', async () => {
  const { page, context } = await phone({ js: false });
  for (const [kind, path] of Object.entries(PAGES)) {
    await page.goto(handbook.server.url(path));
    // buttons that are visible must submit a form that has somewhere to go
    const dead = await page.$$eval('button, [role="button"], label.button', (els) => els
      .filter((b) => b.offsetParent !== null)
      .filter((b) => !(b.type === 'submit' && b.form && b.form.getAttribute('action')))
      .map((b) => b.outerHTML.slice(0, 80)));
    assert.deepEqual(dead, [], kind);
  }
  await page.goto(handbook.server.url(PAGES.check));
  const text = await page.locator('main').innerText();
  assert.doesNotMatch(text, /bleiben in diesem Browser gespeichert/);
  assert.match(text, /braucht|brauchen JavaScript/);
  await page.goto(handbook.server.url(PAGES.concepts));
  assert.match(await page.locator('main').innerText(), /JavaScript/);
  await page.goto(handbook.server.url(PAGES.agreement));
  assert.match(await page.locator('main').innerText(), /JavaScript/);
  await context.close();
});

test('with JavaScript the check promises local saving once, and the notes do not show', async () => {
  const { page, context } = await openPage(handbook.browser);
  await page.goto(handbook.server.url(PAGES.check));
  const text = await page.locator('main').innerText();
  assert.equal(text.match(/gespeichert/g).length, 1, 'the privacy sentence appears once');
  assert.doesNotMatch(text, /Ohne JavaScript/);
  await context.close();
});

test('the theme writes correct German: headings, footer, outline', async () => {
  const { page, context } = await openPage(handbook.browser);
  for (const path of [PAGES.concept, PAGES.agreement, PAGES.region]) {
    await page.goto(handbook.server.url(path));
    const headings = await page.$$eval('h2', (hs) => hs.map((h) => h.textContent.trim()));
    for (const h of headings) assert.doesNotMatch(h, /\bund verweise\b|\bseite\b/, `${path}: ${h}`);
    // no page listed twice: backlinks do not repeat the references above them
    const refs = await page.$$eval('.references a, section[aria-labelledby="applied-title"] a', (as) => as.map((a) => a.getAttribute('href')));
    const back = await page.$$eval('.backlinks a', (as) => as.map((a) => a.getAttribute('href')));
    assert.deepEqual(back.filter((b) => refs.includes(b)), [], path);
  }
  // the outline of an agreement is a navigation only when it has links
  await page.goto(handbook.server.url(PAGES.agreement));
  const outline = page.locator('nav[aria-labelledby="agreement-sections"] a');
  assert.equal(await outline.count(), 3);
  await outline.first().click();
  assert.match(page.url(), /#1-veranstaltungen$/);
  await context.close();
});

test('an edition: the header keeps the search in one row, the footer names the region once', async () => {
  const site = await buildSite({ edition: 'kreis-wesel' });
  const ed = await serve(site);
  const { page, context } = await openPage(handbook.browser);
  await page.goto(ed.url(''));
  // a longer edition title and its region badge still leave the search in one row
  const input = await page.locator('#search-input').boundingBox();
  const button = await page.locator('form.search button[type="submit"]').boundingBox();
  assert.ok(Math.abs(input.y - button.y) < 8 && input.width >= 150, `search field ${input.width}px, button at ${button.y} vs ${input.y}`);
  assert.ok((await page.locator('header.site-header').boundingBox()).height <= 120);
  const footer = await page.locator('.site-footer p').last().innerText();
  assert.equal(footer.split('Transferhandbuch').length - 1, 1, footer);
  assert.match(footer, /Kreis Wesel/);
  await context.close();
  await ed.close();
});

test('reading order: the pager follows the menu, the legal pages come last in print and are not in the pager', async () => {
  const { page, context } = await openPage(handbook.browser);
  await page.goto(handbook.server.url(''));
  const menu = await page.$$eval('.main-nav a', (as) => as.map((a) => a.textContent.trim()));
  assert.equal(menu[0], 'Das Projekt');
  // the start page's „Weiter“ leads to the first menu entry
  await page.click('a[rel="next"]');
  assert.match(page.url(), /\/projekt\/$/);
  // walking „Weiter“ to the end meets the menu's entries in menu order
  const seen = [];
  for (let i = 0; i < 80; i++) {
    seen.push(new URL(page.url()).pathname);
    const next = page.locator('a[rel="next"]');
    if (!(await next.count())) break;
    await next.click();
  }
  const menuUrls = await page.$$eval('.main-nav a', (as) => as.map((a) => a.getAttribute('href')));
  const order = menuUrls.map((u) => seen.indexOf(u));
  assert.ok(order.every((p) => p >= 0), `every menu entry is on the way: ${order}`);
  assert.deepEqual([...order].sort((a, b) => a - b), order, 'in menu order');
  for (const legal of ['/impressum/', '/datenschutz/', '/barrierefreiheit/']) {
    assert.ok(!seen.includes(legal), `${legal} is not in the pager`);
    await page.goto(handbook.server.url(legal));
    assert.equal(await page.locator('.pager').count(), 0, `${legal} has no pager`);
  }
  // the print edition: one part per menu entry between the start page and
  // the appendix; read one after the other, its chapters keep the pager's
  // order, the legal pages last
  await page.goto(handbook.server.url('druckfassung/'));
  const parts = await page.$$eval('.print-parts > li', (lis) => lis.map((li) => ({
    title: li.querySelector('.print-part-title').textContent.trim(),
    href: li.querySelector('a.print-part-title')?.getAttribute('href'),
  })));
  assert.deepEqual(parts.slice(1, -1).map((p) => p.title), menu, 'a part per menu entry, in menu order');
  assert.equal(parts.at(-1).title, 'Anhang');
  assert.ok(parts.every((p) => p.href), 'every part of the bundled handbook is printable');
  const chapters = [];
  const contents = {};
  for (const part of parts) {
    await page.goto(new URL(part.href, page.url()).href);
    chapters.push(...(await page.$$eval('.chapter-title', (hs) => hs.map((h) => h.textContent.trim()))));
    contents[part.title] = await page.$$eval('.print-contents > li', (lis) => lis.map((li) => ({
      title: li.querySelector('a').textContent.trim(),
      children: [...li.querySelectorAll(':scope ol a')].map((a) => a.textContent.trim()),
    })));
    // every link to a chapter stays on this page
    const missing = await page.$$eval('a[href^="#"]', (as) => as.map((a) => a.getAttribute('href').slice(1)).filter((id) => !document.getElementById(id)));
    assert.deepEqual(missing, [], part.title);
  }
  assert.equal(chapters[1], 'Das Projekt');
  assert.ok(chapters.length >= seen.length + 4, `${chapters.length} chapters: the start page, the pager's pages, the appendix`);
  assert.deepEqual(chapters.slice(-3), ['Erklärung zur Barrierefreiheit', 'Impressum', 'Datenschutzerklärung']);
  const konzepte = contents.Konzepte;
  assert.equal(konzepte.length, 1, 'the section heads its pages');
  assert.ok(konzepte[0].children.includes('Elterncafé'), JSON.stringify(konzepte));
  assert.ok(!contents.Anhang.some((e) => e.children.length), 'the appendix is a flat list');
  await context.close();
});

test('the print edition passes axe at 390 px, and its wide tables are reachable by keyboard', async () => {
  const { page, context } = await phone();
  await page.goto(handbook.server.url('druckfassung/'));
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    assert.deepEqual(await axe(page), [], `index, ${scheme}`);
  }
  await page.goto(handbook.server.url('druckfassung/programme/'));
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    assert.deepEqual(await axe(page), [], scheme);
  }
  const boxes = page.locator('.table-scroll');
  assert.ok(await boxes.count() >= 1);
  const attrs = await boxes.first().evaluate((b) => [b.getAttribute('tabindex'), b.getAttribute('role'), b.getAttribute('aria-label')]);
  assert.deepEqual(attrs.slice(0, 2), ['0', 'region']);
  assert.ok(attrs[2].length > 3);
  // a box that really scrolls takes the focus and scrolls with the arrow keys
  const wide = await page.$$eval('.table-scroll', (bs) => bs.findIndex((b) => b.scrollWidth > b.clientWidth));
  assert.ok(wide >= 0, 'some table is wider than a phone');
  const box = boxes.nth(wide);
  await box.focus();
  assert.equal(await box.evaluate((b) => document.activeElement === b), true);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  // keyboard scrolling is animated: wait for it rather than read at once
  await page.waitForFunction((b) => b.scrollLeft > 0, await box.elementHandle(), { timeout: 3000 });
  await context.close();
});

// The boxes of all map labels and points as the browser draws them.
const mapBoxes = (page) => page.$$eval('.region-map svg a', (as) => as.map((a) => {
  const t = a.querySelector('text').getBBox();
  const c = a.querySelector('circle.map-point').getBBox();
  return { name: a.querySelector('text').textContent, text: [t.x, t.y, t.x + t.width, t.y + t.height], dot: [c.x, c.y, c.x + c.width, c.y + c.height] };
}));
const overlap = (a, b) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

test('map: no label overlaps another label or a point; an edition highlights its own region', async () => {
  const { page, context } = await openPage(handbook.browser);
  await page.goto(handbook.server.url(PAGES.regions));
  const boxes = await mapBoxes(page);
  assert.ok(boxes.length >= 18, `${boxes.length} regions on the map`);
  const clashes = [];
  for (const a of boxes) {
    for (const b of boxes) {
      if (a !== b && a.name < b.name && overlap(a.text, b.text)) clashes.push(`${a.name} / ${b.name}`);
      if (a !== b && overlap(a.text, b.dot)) clashes.push(`${a.name} over the point of ${b.name}`);
    }
  }
  assert.deepEqual(clashes, []);
  assert.equal(await page.locator('.region-map .own-region').count(), 0, 'the base handbook has no own region');
  await context.close();

  const ed = await serve(await buildSite({ edition: 'kreis-wesel' }));
  const e = await openPage(handbook.browser);
  await e.page.goto(ed.url('regionen/'));
  const own = e.page.locator('.region-map a.own-region');
  assert.equal(await own.count(), 1);
  assert.match(await own.getAttribute('aria-label'), /Kreis Wesel.*Ihre Region/);
  assert.equal(await own.locator('.map-own-ring').count(), 1);
  assert.match(await e.page.locator('.region-map figcaption').innerText(), /Ihre Region: Kreis Wesel/);
  await e.context.close();
  await ed.close();
});

test('region fact boxes keep their own height; the start page lists the sections once', async () => {
  const { page, context } = await openPage(handbook.browser);
  await page.goto(handbook.server.url(PAGES.region));
  const heights = await page.$$eval('.facts > div', (ds) => ds.map((d) => d.getBoundingClientRect().height));
  assert.ok(Math.min(...heights) < Math.max(...heights) / 2, `fact boxes ${heights}`);
  await page.goto(handbook.server.url(''));
  // the start page's table introduces the sections; no second list of cards repeats them
  assert.ok(await page.locator('main table a[href$="/konzepte/"]').count() === 1);
  assert.equal(await page.locator('main .cards').count(), 0);
  await context.close();
});

test('forms do not lose work: erasing the agreement asks first; the printed check has region, date and participants', async () => {
  const { page, context } = await openPage(handbook.browser);
  await page.goto(handbook.server.url(PAGES.agreement));
  const field = page.getByLabel('Name des Familienzentrums');
  await field.fill('Familienzentrum Sonnenschein');
  let asked = '';
  page.once('dialog', (d) => { asked = d.message(); d.dismiss(); });
  await page.click('button[type="reset"]');
  assert.match(asked, /löschen/);
  assert.equal(await field.inputValue(), 'Familienzentrum Sonnenschein', 'cancelling keeps the entries');
  page.once('dialog', (d) => d.accept());
  await page.click('button[type="reset"]');
  assert.equal(await field.inputValue(), '');

  await page.goto(handbook.server.url(PAGES.check));
  await page.getByLabel('Region', { exact: true }).fill('Kreis Wesel');
  await page.getByLabel('Datum', { exact: true }).fill('27. August 2015');
  await page.getByLabel('Teilnehmende', { exact: true }).fill('Jobcenter\nJugendamt');
  await page.emulateMedia({ media: 'print' });
  const summary = await page.locator('#check-summary').innerText();
  assert.match(summary, /Region\s+Kreis Wesel/);
  assert.match(summary, /Datum\s+27\. August 2015/);
  assert.match(summary, /Teilnehmende\s+Jobcenter/);
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => localStorage.clear());
  await context.close();

  // without JavaScript the form itself prints, with its empty fields to write in
  const noJs = await phone({ js: false });
  await noJs.page.goto(handbook.server.url(PAGES.check));
  await noJs.page.emulateMedia({ media: 'print' });
  assert.equal(await noJs.page.locator('#check-form').isVisible(), true);
  assert.equal(await noJs.page.getByLabel('Teilnehmende', { exact: true }).isVisible(), true);
  assert.equal(await noJs.page.locator('#check-summary').isVisible(), false);
  await noJs.context.close();
});

// Reads a .docx with python-docx and an .odt with odfpy (both installed by
// scripts/test-all) and prints what a reader of the document would see.
function readDocuments(docxPath, odtPath) {
  const r = spawnSync('python3', ['-c', `
import json, sys, docx
from odf.opendocument import load
from odf import text, teletype
d = docx.Document(sys.argv[1])
W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
paras = [{'style': p.style.name, 'text': p.text, 'numbered': p._p.pPr is not None and p._p.pPr.numPr is not None,
          'breaks': len(p._p.findall('.//' + W + 'br')),
          'placeholders': [r.text for r in p.runs if r.style is not None and r.style.name == 'Platzhalter']} for p in d.paragraphs]
o = load(sys.argv[2])
odt = {'headings': [[h.getAttribute('outlinelevel'), teletype.extractText(h)] for h in o.getElementsByType(text.H)],
       'lists': len(o.getElementsByType(text.List)), 'line_breaks': len(o.getElementsByType(text.LineBreak)),
       'text': '\\n'.join(teletype.extractText(p) for p in o.getElementsByType(text.P)),
       'placeholders': [teletype.extractText(s) for s in o.getElementsByType(text.Span) if s.getAttribute('stylename') == 'Platzhalter']}
print(json.dumps({'docx': paras, 'header': d.sections[0].header.paragraphs[0].text, 'odt': odt}))
`, docxPath, odtPath], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

test('the agreement as .docx and .odt: heading styles, numbering, the handbook title, filled fields with their line breaks', async () => {
  // without JavaScript: the blank documents are plain links beside the page
  const noJs = await phone({ js: false });
  await noJs.page.goto(handbook.server.url('vereinbarungen/rahmenvereinbarung-arbeitsmarkt-jugendhilfe/'));
  const blank = [];
  for (const ext of ['.docx', '.odt']) {
    const link = noJs.page.locator(`.downloads a[href$="${ext}"]`);
    assert.equal(await link.isVisible(), true, `${ext} link without JavaScript`);
    const [dl] = await Promise.all([noJs.page.waitForEvent('download'), link.click()]);
    blank.push(await dl.path());
  }
  const empty = readDocuments(...blank);
  const headings = empty.docx.filter((p) => p.style === 'Heading 1');
  assert.deepEqual(headings.map((h) => h.text), ['Ziel der Kooperation', 'Austausch zwischen den Fachkräften',
    'Veranstaltungen in Familienzentren', 'Kindertagesbetreuung und Vermittlung in Arbeit']);
  assert.ok(headings.every((h) => h.numbered), 'the § numbers are Word numbering');
  assert.equal(empty.docx[0].style, 'Title');
  assert.equal(empty.docx[0].text, 'Rahmenvereinbarung Arbeitsmarkt/Jugendhilfe');
  assert.equal(empty.header, 'Neue Wege NRW – Transferhandbuch');
  const clauses = empty.docx.filter((p) => p.style === 'Normal' && p.numbered);
  assert.equal(clauses.length, 6, 'the (1), (2), (3) paragraphs are numbered');
  assert.ok(clauses.every((c) => !/^\(\d\)/.test(c.text)), 'typed numbers replaced by numbering');
  assert.ok(empty.docx.some((p) => p.placeholders.includes('[Ort und Datum]')));
  assert.deepEqual(empty.odt.headings.map((h) => h[0]), ['1', '1', '1', '1']);
  assert.ok(empty.odt.lists >= 3);
  assert.ok(empty.odt.placeholders.includes('[Ort und Datum]'));
  await noJs.context.close();

  // with JavaScript: the same documents, filled in
  const { page, context } = await openPage(handbook.browser);
  await page.goto(handbook.server.url(PAGES.agreement));
  await page.getByLabel('Name des Familienzentrums').fill('Familienzentrum Sonnenschein & Co');
  await page.getByLabel('Ansprechpersonen').fill('Frau Erika Beispiel\nHerr Max Muster');
  const files = [];
  for (const action of ['docx', 'odt']) {
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click(`[data-action="${action}"]`)]);
    assert.equal(dl.suggestedFilename(), `kooperationsvereinbarung-familienzentrum.${action}`);
    files.push(await dl.path());
  }
  const filled = readDocuments(...files);
  const all = filled.docx.map((p) => p.text).join('\n');
  assert.match(all, /Im Familienzentrum Familienzentrum Sonnenschein & Co finden/);
  const people = filled.docx.find((p) => p.text.includes('Frau Erika Beispiel'));
  assert.equal(people.breaks, 1, 'the line break typed into the field is kept');
  assert.match(people.text, /Frau Erika Beispiel\nHerr Max Muster/);
  assert.ok(!people.placeholders.length, 'a filled field is no longer highlighted');
  assert.ok(filled.docx.some((p) => p.placeholders.includes('[Ort und Datum]')), 'unfilled fields stay highlighted');
  assert.equal(filled.docx.filter((p) => p.style === 'Heading 1').length, 3);
  assert.match(filled.odt.text, /Familienzentrum Sonnenschein & Co/);
  assert.ok(filled.odt.line_breaks >= 1);
  assert.ok(filled.odt.placeholders.includes('[Ort und Datum]'));
  assert.ok(!filled.odt.placeholders.includes('[Ansprechpersonen]'));
  await page.evaluate(() => localStorage.clear());
  await context.close();
});
