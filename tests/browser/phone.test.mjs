// Single-window mode on a phone (390x844, touch): Program Manager as the home screen, one
// full-screen window at a time, Previous/Next, the browser's back button, rotation and a desktop
// width keeping the open posts, the saved desktop left alone, 48px targets, no sideways
// scrolling at 320px, and the static pages without JavaScript. Screenshots: phone-*.png.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useSite, pageErrors, appReady, screenshots } from './harness.mjs';

const PHONE = { width: 390, height: 844 };
const KEY = 'progman.desktop';
let site;
let browser;
let posts;
let index;

const started = useSite();
before(async () => {
  ({ site, browser, posts, index } = await started);
  assert.ok(posts.length >= 3, 'the demo site needs at least three posts');
});

async function phone(viewport = PHONE, options = {}) {
  const context = await browser.newContext({ viewport, hasTouch: true, isMobile: true, ...options });
  const page = await context.newPage();
  const errors = pageErrors(page);
  return { context, page, errors };
}

/** Ids of the windows actually showing, and whether each fills the viewport. */
function shown(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('.desktop > .window')]
      .filter((el) => getComputedStyle(el).display !== 'none')
      .map((el) => {
        const r = el.getBoundingClientRect();
        const full = r.x === 0 && r.y === 0 && r.width === innerWidth && r.height === innerHeight;
        return { id: el.id, full };
      }),
  );
}

const path = (page) => new URL(page.url()).pathname;
const postWindow = (slug) => `#win-post-${slug}`;

async function showsOnly(page, id) {
  await page.waitForFunction(
    (id) => {
      const visible = [...document.querySelectorAll('.desktop > .window')].filter(
        (el) => getComputedStyle(el).display !== 'none',
      );
      return visible.length === 1 && visible[0].id === id;
    },
    id,
    { timeout: 5000 },
  );
  assert.deepEqual(await shown(page), [{ id, full: true }]);
}

/** Every visible control (outside the article's text) smaller than 48x48 CSS pixels. */
function smallTargets(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('button, a[href], [role="menuitem"], select')]
      .filter((el) => !el.closest('.post') && el.getClientRects().length && getComputedStyle(el).visibility !== 'hidden')
      .filter((el) => !el.classList.contains('skip-link'))
      .map((el) => {
        const r = el.getBoundingClientRect();
        return { what: el.getAttribute('aria-label') || el.textContent.trim() || el.className, w: r.width, h: r.height };
      })
      .filter((t) => t.w < 48 || t.h < 48),
  );
}

test('Program Manager is the home screen; a tap opens a post full-screen; Next, Previous and back', async () => {
  const { context, page, errors } = await phone();
  await page.goto(site.url);
  await appReady(page);
  await showsOnly(page, 'win-progman');
  assert.deepEqual(await smallTargets(page), [], 'every target on the home screen is 48x48 or more');
  await page.screenshot({ path: join(screenshots, 'phone-home.png') });

  await page.locator(`.icon[data-slug="${posts[1].slug}"]`).tap();
  await showsOnly(page, `win-post-${posts[1].slug}`);
  const win = page.locator(postWindow(posts[1].slug));
  await win.locator('article h1').waitFor();
  assert.equal(path(page), `/posts/${posts[1].slug}/`);
  assert.deepEqual(await smallTargets(page), [], 'every target around a post is 48x48 or more');
  await page.screenshot({ path: join(screenshots, 'phone-post.png') });

  // Next goes to the icon after it in Program Manager, Previous back; each replaces the window.
  await win.locator('.button-bar a', { hasText: 'Next' }).tap();
  await showsOnly(page, `win-post-${posts[2].slug}`);
  assert.equal(path(page), `/posts/${posts[2].slug}/`);
  assert.equal(await page.locator(postWindow(posts[1].slug)).count(), 0, 'Next replaced the window');
  await page.locator(`${postWindow(posts[2].slug)} .button-bar a`, { hasText: 'Previous' }).tap();
  await showsOnly(page, `win-post-${posts[1].slug}`);

  // The first post has no Previous; the button bar's Program Manager goes home.
  await page.locator(`${postWindow(posts[1].slug)} .button-bar a`, { hasText: 'Previous' }).tap();
  await showsOnly(page, `win-post-${posts[0].slug}`);
  assert.equal(await page.locator(`${postWindow(posts[0].slug)} .button-bar a`, { hasText: 'Previous' }).count(), 0);
  await page.locator(`${postWindow(posts[0].slug)} .button-bar a`, { hasText: 'Program Manager' }).tap();
  await showsOnly(page, 'win-progman');
  assert.equal(path(page), '/');

  // The browser's back button: home, then the post again, then home.
  await page.locator(`.icon[data-slug="${posts[2].slug}"]`).tap();
  await showsOnly(page, `win-post-${posts[2].slug}`);
  await page.goBack();
  await showsOnly(page, 'win-progman');
  assert.equal(path(page), '/');
  await page.goForward();
  await showsOnly(page, `win-post-${posts[2].slug}`);
  // The title bar's Minimize is the other way home.
  await page.locator(`${postWindow(posts[2].slug)} .title-bar .minimize`).tap();
  await showsOnly(page, 'win-progman');

  // Nothing can be dragged: a swipe on the title bar leaves Program Manager where it is.
  const bar = await page.locator('#win-progman .title-bar .title').boundingBox();
  await page.mouse.move(bar.x + 40, bar.y + 10);
  await page.mouse.down();
  await page.mouse.move(bar.x + 140, bar.y + 200, { steps: 4 });
  await page.mouse.up();
  await showsOnly(page, 'win-progman');
  assert.deepEqual(errors, []);
  await context.close();
});

test('Back from the Control Panel goes to the home screen, not off the site', async () => {
  const { context, page, errors } = await phone();
  await page.goto(site.url);
  await appReady(page);
  await page.locator('#win-progman .icon.control-panel').tap();
  await showsOnly(page, 'win-control-panel');
  await page.goBack();
  await showsOnly(page, 'win-progman');
  assert.equal(path(page), '/');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a first visit to any page paints in the pixel fonts: nothing moves when the fonts or the app arrive', async () => {
  // The fonts are inlined in the stylesheet, but a browser decodes them only once layout needs
  // them; a heading that wraps differently in the fallback face would then jump.
  const moved = [];
  const tags = index.tags.map((tag) => tag.slug);
  const pages = ['', 'tags/', ...tags.map((tag) => `tags/${tag}/`), ...posts.map((post) => `posts/${post.slug}/`)];
  for (const path of pages) {
    const { context, page, errors } = await phone();
    await page.addInitScript(() => {
      window.__shifts = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.__shifts.push(entry.value);
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(site.url + path);
    await appReady(page);
    await page.evaluate(() => document.fonts.ready);
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const shifts = await page.evaluate(() => window.__shifts);
    if (shifts.length) moved.push(`/${path}: ${shifts.map((v) => v.toFixed(4)).join(', ')}`);
    assert.deepEqual(errors, []);
    await context.close();
  }
  assert.deepEqual(moved, [], 'layout shifts on a first visit');
});

test('rotating and widening keep the open posts; the saved desktop layout is not overwritten', async () => {
  // A desktop saved on a big screen: a post window far to the right and low down.
  const saved = JSON.stringify({
    version: 1,
    windows: [
      { id: { kind: 'program_manager' }, rect: { x: 16, y: 16, width: 560, height: 360 }, state: 'normal', icon: null },
      { id: { kind: 'post', slug: posts[1].slug }, rect: { x: 900, y: 500, width: 300, height: 200 }, state: 'normal', icon: null },
    ],
    stack: [{ kind: 'program_manager' }, { kind: 'post', slug: posts[1].slug }],
    scheme: null,
  });
  const { context, page, errors } = await phone();
  await page.addInitScript(([key, value]) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem(key, value);
      sessionStorage.setItem('seeded', '1');
    }
  }, [KEY, saved]);
  await page.goto(`${site.url}posts/${posts[0].slug}/`);
  await appReady(page);
  await showsOnly(page, `win-post-${posts[0].slug}`);
  await page.locator(`${postWindow(posts[0].slug)} .title-bar .minimize`).tap();
  await page.locator(`.icon[data-slug="${posts[2].slug}"]`).tap();
  await showsOnly(page, `win-post-${posts[2].slug}`);
  await page.waitForTimeout(600); // longer than the app's save delay
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), KEY), saved, 'a phone saves nothing');

  const open = () => page.evaluate(() => [...document.querySelectorAll('.desktop > .window')].map((el) => el.id).sort());
  const expected = ['win-progman', ...[0, 1, 2].map((i) => `win-post-${posts[i].slug}`)].sort();
  assert.deepEqual(await open(), expected);

  // Landscape: still a phone (coarse pointer), still the same post, nothing lost.
  await page.setViewportSize({ width: 844, height: 390 });
  await showsOnly(page, `win-post-${posts[2].slug}`);
  assert.deepEqual(await open(), expected);
  await page.screenshot({ path: join(screenshots, 'phone-landscape.png') });

  // A desktop-sized screen with a mouse: the desktop comes back with every window in place.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: false });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.waitForFunction(() => [...document.querySelectorAll('.desktop > .window')].filter((el) => getComputedStyle(el).display !== 'none').length > 1);
  assert.deepEqual(await open(), expected);
  const far = await page.locator(postWindow(posts[1].slug)).boundingBox();
  assert.deepEqual([far.x, far.y, far.width, far.height], [900, 500, 300, 200], 'the saved rectangle survived the phone');
  const manager = await page.locator('#win-progman').boundingBox();
  assert.equal(manager.width, 560, 'Program Manager is a window again, not the whole screen');
  assert.equal(await page.locator('.button-bar:visible').count(), 0, 'the phone button bar is gone');
  assert.ok(await page.locator(`${postWindow(posts[2].slug)} .title-bar .maximize`).isVisible(), 'Maximize is back');
  await page.screenshot({ path: join(screenshots, 'phone-then-desktop.png') });

  // And back to a phone: single-window mode again, the active post in front.
  await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true });
  await page.setViewportSize(PHONE);
  await showsOnly(page, `win-post-${posts[2].slug}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('at 320px nothing scrolls sideways and every post reads without zooming', async () => {
  const { context, page } = await phone({ width: 320, height: 640 });
  await page.goto(site.url);
  await appReady(page);
  await showsOnly(page, 'win-progman');
  await page.screenshot({ path: join(screenshots, 'phone-320-home.png') });
  for (const post of posts) {
    await page.locator(`.icon[data-slug="${post.slug}"]`).tap();
    const win = page.locator(postWindow(post.slug));
    await win.locator('article h1').waitFor();
    const overflow = await win.evaluate((el) => {
      const body = el.querySelector('.window-body');
      const article = body.querySelector('article');
      return {
        page: document.documentElement.scrollWidth - innerWidth,
        body: body.scrollWidth - body.clientWidth,
        article: article.scrollWidth - article.clientWidth,
        font: parseFloat(getComputedStyle(article).fontSize),
      };
    });
    assert.deepEqual({ ...overflow, font: overflow.font >= 16 }, { page: 0, body: 0, article: 0, font: true }, post.slug);
    if (post === posts[0]) await page.screenshot({ path: join(screenshots, 'phone-320-post.png') });
    await page.keyboard.press('Alt+F4');
    await showsOnly(page, 'win-progman');
  }
  // Pinch zoom stays available.
  const viewportMeta = await page.locator('meta[name=viewport]').getAttribute('content');
  assert.doesNotMatch(viewportMeta, /user-scalable\s*=\s*no|maximum-scale\s*=\s*1(\.0)?\b/);
  await context.close();
});

test('without JavaScript the static pages use the same single-window layout', async () => {
  const { context, page } = await phone(PHONE, { javaScriptEnabled: false });
  await page.goto(`${site.url}posts/${posts[0].slug}/`);
  await showsOnly(page, `win-post-${posts[0].slug}`);
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), PHONE.width);
  await page.screenshot({ path: join(screenshots, 'phone-static-post.png') });
  await page.goto(site.url);
  await showsOnly(page, 'win-progman');
  await page.locator(`.icon[data-slug="${posts[1].slug}"]`).tap();
  await page.waitForURL(`**/posts/${posts[1].slug}/`);
  await showsOnly(page, `win-post-${posts[1].slug}`);
  await context.close();
});
