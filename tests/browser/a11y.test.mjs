// Accessibility: axe-core finds nothing on the desktop, a post window, single-window mode and the
// static pages without JavaScript (also with more contrast and forced colours); windows, icons
// and title-bar buttons are named; opening and closing is announced; and a post can be read from
// start to finish with the keyboard alone.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { useSite, appReady } from './harness.mjs';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
let site;
let browser;
let posts;

const started = useSite();
before(async () => {
  ({ site, browser, posts } = await started);
});

/** axe-core's violations on the page as it is now, one line each. */
async function violations(page) {
  await page.addScriptTag({ path: axePath });
  const found = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  });
  return found;
}

async function context(kind, options = {}) {
  const device = kind === 'phone' ? { viewport: PHONE, hasTouch: true, isMobile: true } : { viewport: DESKTOP };
  const ctx = await browser.newContext({ bypassCSP: true, ...device, ...options });
  return { ctx, page: await ctx.newPage() };
}

test('axe finds no violations on the desktop and in a post window', async () => {
  const { ctx, page } = await context('desktop');
  await page.goto(site.url);
  await appReady(page);
  assert.deepEqual(await violations(page), [], 'desktop');
  await page.locator(`.icon[data-slug="${posts[0].slug}"]`).dblclick();
  await page.locator(`#win-post-${posts[0].slug} article h1`).waitFor();
  assert.deepEqual(await violations(page), [], 'post window');
  await page.locator(`#win-post-${posts[0].slug} .control-box`).click();
  assert.deepEqual(await violations(page), [], 'control menu open');
  await ctx.close();
});

test('axe finds no violations in single-window mode', async () => {
  const { ctx, page } = await context('phone');
  await page.goto(site.url);
  await appReady(page);
  assert.deepEqual(await violations(page), [], 'home screen');
  await page.locator(`.icon[data-slug="${posts[1].slug}"]`).tap();
  await page.locator(`#win-post-${posts[1].slug} article h1`).waitFor();
  assert.deepEqual(await violations(page), [], 'post');
  await ctx.close();
});

for (const [name, media] of [
  ['default colours', {}],
  ['more contrast', { contrast: 'more' }],
  ['forced colours', { forcedColors: 'active' }],
]) {
  test(`axe finds no violations on static pages without JavaScript (${name})`, async () => {
    for (const kind of ['desktop', 'phone']) {
      // The app's code never loads (as with JavaScript off), yet axe can still be injected.
      const { ctx, page } = await context(kind);
      await page.route(/\.(js|wasm)$/, (route) => route.abort());
      await page.emulateMedia(media);
      for (const path of [`posts/${posts[0].slug}/`, '']) {
        await page.goto(`${site.url}${path}`);
        assert.equal(await page.locator('html[data-progman-app]').count(), 0, 'the app stayed out');
        assert.deepEqual(await violations(page), [], `${kind} /${path}`);
      }
      await ctx.close();
    }
  });
}

test('windows, icons and title-bar buttons have names; changes are announced', async () => {
  const { ctx, page } = await context('desktop');
  await page.goto(site.url);
  await appReady(page);
  const manager = page.getByRole('region', { name: 'Program Manager' });
  await manager.waitFor();
  for (const name of ['Control menu', 'Minimize', 'Maximize']) {
    assert.equal(await manager.getByRole('button', { name, exact: true }).count(), 1, name);
  }
  for (const post of posts) {
    assert.equal(await manager.getByRole('link', { name: post.title, exact: true }).count(), 1, post.title);
  }
  await manager.getByRole('link', { name: posts[0].title }).dblclick();
  const win = page.getByRole('region', { name: posts[0].title });
  await win.waitFor();
  const status = page.getByRole('status');
  await page.waitForFunction((t) => document.querySelector('[role=status]')?.textContent === `${t} opened.`, posts[0].title);
  assert.equal(await status.getAttribute('aria-live') ?? 'polite', 'polite');
  await win.getByRole('button', { name: 'Maximize' }).click();
  assert.equal(await win.getByRole('button', { name: 'Restore' }).count(), 1);
  // A skip link leads to the active post.
  const skip = page.getByRole('link', { name: 'Skip to post' });
  assert.equal(await skip.getAttribute('href'), `#win-post-${posts[0].slug}`);
  await page.keyboard.press('Alt+F4');
  await page.waitForFunction(
    (t) => document.querySelector('[role=status]')?.textContent === `${t} closed. Program Manager is active.`,
    posts[0].title,
  );
  await ctx.close();
});

test('keyboard only: Tab to an icon, Enter, read to the end, Alt+F4, back on the icon', async () => {
  const { ctx, page } = await context('desktop', { reducedMotion: 'reduce' });
  // The longest post, so reading it takes real scrolling.
  const post = posts.find((p) => p.slug === 'every-markdown-feature') ?? posts[0];
  await page.goto(site.url);
  await appReady(page);
  const focusedSlug = () => page.evaluate(() => document.activeElement?.dataset?.slug ?? null);
  for (let i = 0; i < 40 && (await focusedSlug()) !== post.slug; i += 1) {
    await page.keyboard.press('Tab');
  }
  assert.equal(await focusedSlug(), post.slug, 'Tab reaches the icon');
  const ring = await page.evaluate(() => getComputedStyle(document.activeElement.querySelector('.icon-label')).outlineStyle);
  assert.equal(ring, 'dotted', 'Windows 3.1 dotted focus ring');
  await page.keyboard.press('Enter');
  const body = page.locator(`#win-post-${post.slug} > .window-body`);
  await body.locator('article h1').waitFor();
  await page.waitForFunction(() => document.activeElement?.classList.contains('window-body'));
  assert.equal(await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle), 'dotted');

  const atEnd = () =>
    body.evaluate((el) => {
      const last = el.querySelector('article').lastElementChild.lastElementChild ?? el.querySelector('article');
      const r = last.getBoundingClientRect();
      const b = el.getBoundingClientRect();
      return el.scrollTop + el.clientHeight >= el.scrollHeight - 1 && r.bottom <= b.bottom;
    });
  const scrollTop = () => body.evaluate((el) => el.scrollTop);
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction((sel) => document.querySelector(sel).scrollTop > 0, `#win-post-${post.slug} > .window-body`);
  const afterArrow = await scrollTop();
  await page.keyboard.press('Space');
  await page.waitForFunction(([sel, top]) => document.querySelector(sel).scrollTop > top, [`#win-post-${post.slug} > .window-body`, afterArrow]);
  let presses = 0;
  while (!(await atEnd()) && presses < 60) {
    await page.keyboard.press('PageDown');
    presses += 1;
  }
  assert.ok(await atEnd(), `the end of the post is visible after ${presses} PageDown presses`);
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).transitionDuration), '0s');

  await page.keyboard.press('Alt+F4');
  await body.waitFor({ state: 'detached' });
  await page.waitForFunction((slug) => document.activeElement?.dataset?.slug === slug, post.slug);
  await ctx.close();
});
