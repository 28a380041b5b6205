// A big blog's Program Manager shows the posts 50 at a time: without JavaScript every page of
// icons is a desktop page (/, /page/2/, ...) linked by "Newer posts" and "Older posts" icons;
// the app takes such a page over as it is and turns pages in place, with the address bar, the
// title and the back button following; a tag's group window pages its posts alike.
// scripts/test.sh builds a 120-post corpus for it and
// names the site in PROGMAN_BIG_SITE.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useSite, appReady, pageErrors, screenshots } from './harness.mjs';

const PER_PAGE = 50;
const siteDir = process.env.PROGMAN_BIG_SITE;
const skip = siteDir ? false : 'PROGMAN_BIG_SITE is not set (scripts/test.sh sets it)';
let site;
let browser;
let posts;

const started = useSite({ dir: siteDir, skip: Boolean(skip) });
before(async () => {
  ({ site, browser, posts } = await started);
  assert.ok(posts.length > 2 * PER_PAGE && posts.length < 3 * PER_PAGE, 'three pages of posts');
});

/** Program Manager's items on the page: post slugs, and "<" / ">" for the pager icons. */
const shown = (page) =>
  page.locator('#win-progman .icons:not(.groups) .icon:not([data-open])').evaluateAll((icons) =>
    icons.map((icon) => icon.dataset.slug ?? (icon.textContent === 'Newer posts' ? '<' : '>')));

const slugs = (from, to) => posts.slice(from, to).map((post) => post.slug);
const path = (page) => new URL(page.url()).pathname;

async function open(url, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  const page = await context.newPage();
  const errors = pageErrors(page);
  await page.goto(site.url + url);
  return { page, errors, context };
}

test('without JavaScript, the pager icons lead through every page of posts', { skip }, async () => {
  const { page, context } = await open('', { javaScriptEnabled: false });
  assert.deepEqual(await shown(page), [...slugs(0, PER_PAGE), '>']);
  await page.locator('#win-progman .icon', { hasText: 'Older posts' }).click();
  assert.equal(path(page), '/page/2/');
  assert.deepEqual(await shown(page), ['<', ...slugs(PER_PAGE, 2 * PER_PAGE), '>']);
  assert.match(await page.title(), / — page 2$/);
  await page.locator('#win-progman .icon', { hasText: 'Older posts' }).click();
  assert.deepEqual(await shown(page), ['<', ...slugs(2 * PER_PAGE)]);
  await page.locator('#win-progman .icon', { hasText: 'Newer posts' }).click();
  await page.locator('#win-progman .icon', { hasText: 'Newer posts' }).click();
  assert.equal(path(page), '/');
  await context.close();
});

test('the app takes a later page over as it is, and its icons open their posts', { skip }, async () => {
  const { page, errors, context } = await open('page/2/');
  const before = await shown(page);
  await appReady(page);
  assert.deepEqual(await shown(page), before);
  assert.deepEqual(before, ['<', ...slugs(PER_PAGE, 2 * PER_PAGE), '>']);
  assert.equal(path(page), '/page/2/', 'the address stays');
  const post = posts[PER_PAGE + 1];
  await page.locator(`#win-progman .icon[data-slug="${post.slug}"]`).dblclick();
  assert.equal(path(page), `/posts/${post.slug}/`);
  await page.goBack();
  assert.equal(path(page), '/page/2/', 'back to the page the post was opened from');
  assert.deepEqual(await shown(page), before);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the app turns pages in place by double-click and Enter, and back turns them back', { skip }, async () => {
  const { page, errors, context } = await open('');
  await appReady(page);
  const documentBefore = await page.evaluate(() => (window.__same = 'yes'));
  await page.locator('#win-progman .icon', { hasText: 'Older posts' }).click();
  assert.deepEqual((await shown(page)).length, PER_PAGE + 1, 'a click only selects');
  await page.locator('#win-progman .icon', { hasText: 'Older posts' }).dblclick();
  assert.equal(path(page), '/page/2/');
  assert.match(await page.title(), / — page 2$/);
  assert.deepEqual(await shown(page), ['<', ...slugs(PER_PAGE, 2 * PER_PAGE), '>']);
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Newer posts', 'the first icon has the focus');
  await page.screenshot({ path: join(screenshots, 'program-manager-page-2.png') });
  await page.keyboard.press('Enter');
  assert.equal(path(page), '/');
  assert.deepEqual(await shown(page), [...slugs(0, PER_PAGE), '>']);
  await page.goBack();
  assert.equal(path(page), '/page/2/');
  assert.deepEqual(await shown(page), ['<', ...slugs(PER_PAGE, 2 * PER_PAGE), '>']);
  assert.equal(await page.evaluate(() => window.__same), documentBefore, 'no page load');
  assert.deepEqual(errors, []);
  await context.close();
});

test('on a phone a tap on a pager icon turns the page', { skip }, async () => {
  const { page, errors, context } = await open('', { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  await appReady(page);
  await page.locator('#win-progman .icon', { hasText: 'Older posts' }).tap();
  assert.equal(path(page), '/page/2/');
  assert.deepEqual((await shown(page))[1], posts[PER_PAGE].slug);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a page past the last is the "not found" page, and the app leaves it alone', { skip }, async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const kept = new Promise((resolve) => {
    page.on('console', (message) => {
      if (message.text().includes('keeps the static page')) resolve(message.text());
    });
  });
  const response = await page.goto(`${site.url}page/9/`);
  assert.equal(response.status(), 404);
  assert.match(await kept, /no such page of posts/);
  assert.equal(await page.locator('html[data-progman-app]').count(), 0);
  assert.equal(await page.locator('a', { hasText: 'Back to the desktop' }).count(), 1);
  await context.close();
});

/** A group window's items: post slugs, and "<" / ">" for its pager icons. */
const shownIn = (page, selector) =>
  page.locator(`${selector} .window-body .icon`).evaluateAll((icons) =>
    icons.map((icon) => icon.dataset.slug ?? (icon.textContent === 'Newer posts' ? '<' : '>')));

test('a tag with many posts pages its group window the same way, static and live', { skip }, async () => {
  // scripts/test.sh tags every post of this site "corpus".
  const win = '#win-tag-corpus';
  const { page: plain, context: plainContext } = await open('tags/corpus/', { javaScriptEnabled: false });
  assert.deepEqual(await shownIn(plain, win), [...slugs(0, PER_PAGE), '>']);
  await plain.locator(`${win} .icon`, { hasText: 'Older posts' }).click();
  assert.equal(path(plain), '/tags/corpus/page/2/');
  assert.deepEqual(await shownIn(plain, win), ['<', ...slugs(PER_PAGE, 2 * PER_PAGE), '>']);
  await plainContext.close();

  const { page, errors, context } = await open('tags/corpus/page/2/');
  await appReady(page);
  assert.equal(path(page), '/tags/corpus/page/2/', 'the address stays');
  assert.deepEqual(await shownIn(page, win), ['<', ...slugs(PER_PAGE, 2 * PER_PAGE), '>']);
  await page.locator(`${win} .icon`, { hasText: 'Older posts' }).dblclick();
  assert.equal(path(page), '/tags/corpus/page/3/');
  assert.match(await page.title(), /^Posts tagged “corpus” — page 3 — /);
  assert.deepEqual(await shownIn(page, win), ['<', ...slugs(2 * PER_PAGE)]);
  await page.keyboard.press('Enter'); // the focus is on the first icon: Newer posts
  assert.equal(path(page), '/tags/corpus/page/2/');
  await page.goBack();
  assert.equal(path(page), '/tags/corpus/page/3/');
  assert.deepEqual(await shownIn(page, win), ['<', ...slugs(2 * PER_PAGE)]);
  assert.deepEqual(await shown(page), [...slugs(0, PER_PAGE), '>'], 'Program Manager keeps its own page');
  assert.deepEqual(errors, []);
  await context.close();
});

test('closing a post whose icon is on another page leaves the focus in Program Manager', { skip }, async () => {
  const post = posts[PER_PAGE + 5]; // on page 2, while Program Manager shows page 1
  const { page, errors, context } = await open(`posts/${post.slug}/`);
  await appReady(page);
  await page.locator(`#win-post-${post.slug} .window-body`).focus();
  await page.keyboard.press('Alt+F4');
  await page.locator(`#win-post-${post.slug}`).waitFor({ state: 'detached' });
  await page.waitForTimeout(100);
  assert.ok(
    await page.evaluate(() => Boolean(document.activeElement?.closest('#win-progman'))),
    'the focus is in Program Manager, not lost to the page',
  );
  assert.deepEqual(errors, []);
  await context.close();
});
