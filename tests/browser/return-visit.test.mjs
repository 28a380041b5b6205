// A return visit shows the saved colour scheme and pattern from the very first paint: the static
// pages put them on <html> themselves (src/site/saved_look.rs), before any WebAssembly loads,
// under the Content-Security-Policy; a corrupt or unknown saved value is ignored.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, appReady } from './harness.mjs';

const HOTDOG_YELLOW = 'rgb(255, 255, 0)';
let site;
let browser;

const started = useSite();
before(async () => {
  ({ site, browser } = await started);
});

/** A page of a fresh context whose storage holds `saved` (a string) under progman.desktop, with
 *  the app's WebAssembly blocked unless `app`: what shows is the static page alone. */
async function visit(saved, { app = false, path = '' } = {}) {
  const context = await browser.newContext({ viewport: { width: 1024, height: 700 } });
  const page = await context.newPage();
  const problems = [];
  // (The blocked WebAssembly fetch rejects in the loader: expected, not a problem.)
  page.on('pageerror', (error) => app || !/Failed to fetch/.test(error.message) ? problems.push(error.message) : null);
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) problems.push(message.text());
  });
  if (!app) await page.route('**/*.wasm', (route) => route.abort());
  await page.goto(site.url);
  await page.evaluate((value) => localStorage.setItem('progman.desktop', value), saved);
  await page.goto(site.url + path);
  return { context, page, problems };
}

const looks = (page) =>
  page.evaluate(() => ({
    scheme: document.documentElement.dataset.scheme ?? null,
    pattern: document.documentElement.dataset.pattern ?? null,
    desktop: getComputedStyle(document.querySelector('.desktop')).backgroundColor,
  }));

const saved = (fields) => JSON.stringify({ version: 1, windows: [], stack: [], ...fields });

test('the static page shows the saved scheme and pattern without the app', async () => {
  for (const path of ['', 'posts/every-markdown-feature/']) {
    const { context, page, problems } = await visit(saved({ scheme: 'hotdog-stand', pattern: 'Weave ' }), { path });
    assert.deepEqual(await looks(page), { scheme: 'hotdog-stand', pattern: 'weave', desktop: HOTDOG_YELLOW }, path);
    assert.equal(await page.locator('html[data-progman-app]').count(), 0, 'the app did not run');
    assert.deepEqual(problems, [], path);
    await context.close();
  }
});

test('a corrupt, unknown or other-version saved desktop leaves the default colours', async () => {
  const defaults = await (async () => {
    const { context, page } = await visit('');
    const found = await looks(page);
    await context.close();
    return found;
  })();
  assert.equal(defaults.scheme, null);
  for (const value of ['{not json', '42', 'null', saved({ scheme: '"><script>', pattern: 7 }),
    saved({ scheme: 'ocean', version: 2 })]) {
    const { context, page, problems } = await visit(value);
    assert.deepEqual(await looks(page), defaults, value);
    assert.deepEqual(problems, [], value);
    await context.close();
  }
});

test('the app keeps the colours the page started with', async () => {
  const { context, page, problems } = await visit(saved({ scheme: 'ocean', pattern: 'boxes' }), { app: true });
  await appReady(page);
  const { scheme, pattern } = await looks(page);
  assert.deepEqual({ scheme, pattern }, { scheme: 'ocean', pattern: 'boxes' });
  assert.deepEqual(problems, []);
  await context.close();
});
