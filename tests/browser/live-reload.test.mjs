// `progman serve` end to end: saving a post updates the open page within a couple of seconds,
// and the desktop layout survives the reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cp, mkdtemp, appendFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, appReady } from './harness.mjs';

const root = new URL('../..', import.meta.url).pathname;
const progman = process.env.PROGMAN_BIN ?? join(root, 'target/release/progman');
const port = 20000 + Math.floor(Math.random() * 10000);
const url = `http://127.0.0.1:${port}/`;
let work;
let server;
let browser;

async function waitForServer(deadline) {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`progman serve did not answer on ${url}`);
}

before(async () => {
  work = await mkdtemp(join(tmpdir(), 'progman-serve-'));
  await cp(join(root, 'content'), join(work, 'content'), { recursive: true });
  server = spawn(progman, ['serve', '--content', join(work, 'content'), '--out', join(work, 'out'), '--port', String(port)], {
    cwd: root,
    stdio: 'ignore',
  });
  await waitForServer(Date.now() + 180_000);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  server?.kill();
  if (work) await rm(work, { recursive: true, force: true });
});

test('saving a post reloads the open page with the change, keeping the desktop layout', async () => {
  const slug = 'writing-a-post';
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${url}posts/${slug}/`);
  await appReady(page);
  const win = page.locator(`#win-post-${slug}`);
  const title = await win.locator('.title-bar .title').boundingBox();
  await page.mouse.move(title.x + title.width / 2, title.y + 5);
  await page.mouse.down();
  await page.mouse.move(title.x + title.width / 2 + 90, title.y + 45, { steps: 4 });
  await page.mouse.up();
  const moved = await win.boundingBox();
  await page.waitForTimeout(600); // the desktop is saved a moment after it changes

  const marker = `Live reload marker ${port}`;
  const saved = Date.now();
  await appendFile(join(work, 'content/posts', `${slug}.md`), `\n\n${marker}\n`);
  let seen = false;
  while (!seen && Date.now() - saved < 10_000) {
    seen = await page
      .evaluate((text) => document.body.innerText.includes(text), marker)
      .catch(() => false); // the page may be mid-reload
    if (!seen) await page.waitForTimeout(100);
  }
  const took = Date.now() - saved;
  assert.ok(seen, 'the edit never reached the open page');
  console.log(`live reload: edit visible in the open page after ${took} ms`);
  await appReady(page);
  assert.deepEqual(await win.boundingBox(), moved, 'the window stays where it was moved');
  await page.close();
});
