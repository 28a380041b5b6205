// Publishing features in headless Chromium: the app still starts under the pages'
// Content-Security-Policy (no violations anywhere), highlighted code, heading links and tag pages.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useSite, appReady, screenshots } from './harness.mjs';

let site;
let browser;

const started = useSite();
before(async () => {
  ({ site, browser } = await started);
});

/** Opens `path`, recording CSP violations and page errors. */
async function open(path) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const problems = [];
  page.on('pageerror', (error) => problems.push(`error: ${error.message}`));
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) problems.push(`console: ${message.text()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  await page.goto(site.url + path);
  return { page, problems };
}

/** Waits until Trunk's inline loader has run and the WebAssembly module is instantiated. */
async function wasmLoaded(page) {
  await page.waitForFunction(() => window.wasmBindings !== undefined, null, { timeout: 15000 });
}

test('the app starts under the Content-Security-Policy on every kind of page', async () => {
  // The desktop takes over the desktop, post and tag pages; it leaves pages it has no route for
  // (404) static, but its loader and WebAssembly still run there.
  const pages = [['', true], ['posts/every-markdown-feature/', true], ['tags/', true], ['404.html', false]];
  for (const [path, takesOver] of pages) {
    const { page, problems } = await open(path);
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.match(policy, /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
    await wasmLoaded(page);
    if (takesOver) await appReady(page);
    await page.waitForTimeout(300);
    assert.deepEqual(problems, [], path);
    await page.close();
  }
});

test('code is highlighted at build time and section headings link to themselves', async () => {
  const { page, problems } = await open('posts/every-markdown-feature/');
  await appReady(page);
  const win = page.locator('.post-window.active');
  const keyword = win.locator('pre .tok-kw').first();
  await keyword.waitFor();
  const color = await keyword.evaluate((element) => getComputedStyle(element).color);
  assert.equal(color, 'rgb(0, 0, 128)', 'keywords take the scheme colour');
  const anchor = win.locator('h2 .anchor').first();
  const id = await anchor.evaluate((element) => element.closest('h2').id);
  assert.equal(await anchor.getAttribute('href'), `#${id}`);
  await win.locator('pre').first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(screenshots, 'highlighted-code.png') });
  assert.deepEqual(problems, []);
  await page.close();
});

test('an old address of a post sends the visitor on to the post, which the app opens', async () => {
  // content/posts/deploying-progman.md lists /deploy/ in its `aliases`.
  const { page, problems } = await open('deploy/');
  await page.waitForURL(`${site.url}posts/deploying-progman/`);
  await appReady(page);
  const title = page.locator('.post-window.active article h1');
  assert.equal(await title.textContent(), 'Deploying Progman');
  assert.deepEqual(problems, []);
  await page.close();
});

test('a tag page is a desktop with the tag window listing its posts', async () => {
  const { page, problems } = await open('tags/');
  const first = page.locator('#win-tags .icon').first();
  const href = await first.getAttribute('href');
  await page.goto(new URL(href, site.url).href);
  await wasmLoaded(page);
  const window = page.locator('.group-window.active');
  await window.waitFor();
  assert.ok((await window.locator('.icon[data-slug]').count()) >= 1);
  await page.screenshot({ path: join(screenshots, 'tag-page.png') });
  assert.deepEqual(problems, []);
  await page.close();
});
