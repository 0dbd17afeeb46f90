// `handbook serve` tried as an editor would, in headless Chromium: the open
// page updates itself on save, a broken front matter shows an overlay that
// names the file and line, and fixing it makes the overlay go.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cp, readFile, writeFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { repo, binary, launch, openPage, tempFolder } from './lib/harness.mjs';

let root, server, url, browser;

before(async () => {
  root = await tempFolder('handbook-serve-');
  await cp(path.join(repo, 'content'), path.join(root, 'content'), { recursive: true });
  await cp(path.join(repo, 'handbook.yaml'), path.join(root, 'handbook.yaml'));
  // as the README starts it: inside the handbook, no --root; the handbook
  // is German, so the server says „Vorschau auf …“
  server = spawn(binary, ['serve', '--port', '0'], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  url = await new Promise((resolve, reject) => {
    let buf = '';
    // a line we do not recognise must fail the run, not hang it
    const timer = setTimeout(() => reject(new Error(`serve printed no address in 60 s: ${buf}`)), 60000);
    server.stderr.on('data', (d) => {
      buf += d;
      const m = buf.match(/(?:Vorschau auf|serving) (http:\/\/\S+)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    server.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${buf}`)));
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.kill();
});

// editors often save by writing a temp file and renaming it over the original
async function save(file, text) {
  await writeFile(file + '.tmp~', text);
  await rename(file + '.tmp~', file);
}

test('the open page reloads itself after a save and keeps its scroll position', async () => {
  const { page, context, problems } = await openPage(browser, { width: 1000, height: 500 });
  await page.goto(url + 'konzepte/elterncafe/');
  await page.evaluate(() => window.scrollTo(0, 400));
  const file = path.join(root, 'content/konzepte/elterncafe.md');
  const text = await readFile(file, 'utf8');
  await save(file, text.replace('Die Idee', 'Die Idee (neu gespeichert)'));
  await page.waitForSelector('h2:has-text("Die Idee (neu gespeichert)")', { timeout: 20000 });
  await page.waitForFunction(() => window.scrollY > 300, null, { timeout: 5000 });
  assert.deepEqual(problems.foreign, []);
  await context.close();
});

test('a broken front matter shows an overlay with file and line; fixing it removes the overlay', async () => {
  const { page, context } = await openPage(browser);
  await page.goto(url + 'regionen/hamm/');
  const file = path.join(root, 'content/regionen/hamm.md');
  const good = await readFile(file, 'utf8');
  await save(file, good.replace('title: "Hamm"', 'title: Hamm: Modellregion'));
  const overlay = page.locator('#handbook-overlay');
  await overlay.waitFor({ timeout: 20000 });
  const message = await overlay.textContent();
  // the message is German since the diagnostics were translated; file and line are what matter here
  assert.match(message, /content\/regionen\/hamm\.md:2:\d+: (error|Fehler): /);
  // the error that stopped the build comes first, before the handbook's warnings
  assert.match(await overlay.locator('li').first().textContent(), /^content\/regionen\/hamm\.md:2:\d+: Fehler: /);
  assert.equal(await page.textContent('h1'), 'Hamm', 'the last good page stays visible');
  await save(file, good);
  await overlay.waitFor({ state: 'detached', timeout: 20000 });
  await context.close();
});
