// The site deployed under a sub-path (as on a GitHub Pages project site): built with
// --base-url https://example.org/blog/ and served under /blog/, every asset, fetch and link must
// stay under /blog/. scripts/test.sh builds that site and names it in PROGMAN_SUBPATH_SITE.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, appReady } from './harness.mjs';

const siteDir = process.env.PROGMAN_SUBPATH_SITE;
const skip = siteDir ? false : 'PROGMAN_SUBPATH_SITE is not set (scripts/test.sh sets it)';
let site;
let browser;
let posts;

const started = useSite({ dir: siteDir, basePath: '/blog/', skip: Boolean(skip) });
before(async () => {
  ({ site, browser, posts } = await started);
});

/** Opens a page and records every same-origin response that was not a success, and every error
 * the console shows (the browser's own requests, such as the site icon's, log theirs there). */
async function open(path, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  const page = await context.newPage();
  const failures = [];
  page.on('response', (response) => {
    if (response.url().startsWith('http://127.0.0.1') && response.status() >= 400) {
      failures.push(`${response.status()} ${new URL(response.url()).pathname}`);
    }
  });
  page.on('pageerror', (error) => failures.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') failures.push(`console: ${message.text()}`);
  });
  await page.goto(site.url.replace(/\/blog\/$/, '') + path);
  return { context, page, failures };
}

test('the desktop works under /blog/: assets, posts index, post fragments, address bar', { skip }, async () => {
  const { context, page, failures } = await open('/blog/');
  await appReady(page);
  const post = posts[0];
  await page.locator(`.icon[data-slug="${post.slug}"]`).dblclick();
  await page.locator(`#win-post-${post.slug} article h1`).waitFor();
  assert.equal(new URL(page.url()).pathname, `/blog/posts/${post.slug}/`);
  assert.deepEqual(failures, []);
  await context.close();
});

test('the site icon is linked under /blog/ and is an SVG the browser can fetch', { skip }, async () => {
  const { context, page, failures } = await open('/blog/');
  const href = await page.locator('link[rel="icon"]').getAttribute('href');
  assert.equal(href, '/blog/favicon.svg');
  const icon = await page.evaluate(async (url) => {
    const response = await fetch(url);
    return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
  }, href);
  assert.equal(icon.status, 200);
  assert.match(icon.type, /^image\/svg\+xml/);
  assert.match(icon.text, /^<svg [^>]*width="16" height="16"/);
  await page.waitForTimeout(300);
  assert.deepEqual(failures, []);
  await context.close();
});

test('a post URL under /blog/ opens its window, and its images load', { skip }, async () => {
  const withImage = posts.find((p) => p.slug === 'every-markdown-feature');
  assert.ok(withImage, 'the demo site has the post that shows every markdown feature');
  const { context, page, failures } = await open(`/blog/posts/${withImage.slug}/`);
  await appReady(page);
  await page.locator(`#win-post-${withImage.slug} article h1`).waitFor();
  const images = await page.locator('article img').evaluateAll((imgs) =>
    imgs.map((img) => ({ src: new URL(img.src).pathname, loaded: img.complete && img.naturalWidth > 0 })));
  assert.ok(images.length > 0, 'that post shows at least one image');
  for (const image of images) {
    assert.ok(image.src.startsWith('/blog/'), image.src);
    assert.ok(image.loaded, `${image.src} did not load`);
  }
  assert.deepEqual(failures, []);
  await context.close();
});

test('without JavaScript the links under /blog/ lead from the desktop to a post and back', { skip }, async () => {
  const { context, page, failures } = await open('/blog/', { javaScriptEnabled: false });
  await page.locator(`.icon[data-slug="${posts[1].slug}"]`).click();
  await page.locator('article h1').waitFor();
  assert.equal(new URL(page.url()).pathname, `/blog/posts/${posts[1].slug}/`);
  const feed = await (await page.request.get(site.url + 'feed.xml')).text();
  assert.match(feed, /https:\/\/example\.org\/blog\/posts\//);
  assert.deepEqual(failures, []);
  await context.close();
});
