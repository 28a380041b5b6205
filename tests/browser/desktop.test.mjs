// The desktop end to end, in headless Chromium against the built site served on 127.0.0.1.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useSite, pageErrors, appReady, screenshots } from './harness.mjs';

let site;
let browser;
let index;
let posts;

const started = useSite();
before(async () => {
  ({ site, browser, index, posts } = await started);
  assert.ok(posts.length >= 2, 'the demo site needs at least two posts');
});

async function openDesktop(path = '') {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = pageErrors(page);
  await page.goto(site.url + path);
  await appReady(page);
  return { page, errors };
}

const windowOf = (page, slug) => page.locator(`#win-post-${slug}`);

async function openPost(page, post) {
  // As a visitor would: bring Program Manager to the front, then double-click the icon.
  await page.locator('#win-progman .title-bar .title').click();
  await page.locator(`.icon[data-slug="${post.slug}"]`).dblclick();
  const win = windowOf(page, post.slug);
  await win.locator('article h1').waitFor();
  return win;
}

test('Program Manager shows an icon for every post, newest first', async () => {
  const { page, errors } = await openDesktop();
  const manager = page.locator('#win-progman');
  await manager.waitFor();
  assert.equal(await manager.locator('.title').textContent(), 'Program Manager');
  const labels = await manager.locator('.icon[data-slug] .icon-label').allTextContents();
  assert.deepEqual(labels, posts.map((post) => post.title));
  assert.match(await manager.getAttribute('class'), /\bactive\b/);
  await page.screenshot({ path: join(screenshots, 'desktop.png') });
  assert.deepEqual(errors, []);
  await page.close();
});

test('double-clicking an icon opens the post in its own window and the address follows', async () => {
  const { page, errors } = await openDesktop();
  const post = posts[0];
  const win = await openPost(page, post);
  assert.equal(await win.locator('.title-bar .title').textContent(), post.title);
  assert.equal(await win.locator('article h1').textContent(), post.title);
  assert.match(await win.getAttribute('class'), /\bactive\b/);
  assert.equal(new URL(page.url()).pathname, `/posts/${post.slug}/`);
  assert.equal(await page.title(), `${post.title} — ${index.site_title}`);
  await page.screenshot({ path: join(screenshots, 'post-window.png') });
  assert.deepEqual(errors, []);
  await page.close();
});

test('Enter on a focused icon opens the post', async () => {
  const { page } = await openDesktop();
  const post = posts[1];
  await page.locator(`.icon[data-slug="${post.slug}"]`).focus();
  await page.keyboard.press('Enter');
  await windowOf(page, post.slug).locator('article h1').waitFor();
  await page.close();
});

test('the arrow keys, Home and End move between the icons, by rows for up and down', async () => {
  const { page, errors } = await openDesktop();
  const focused = () =>
    page.evaluate(() => {
      const icon = document.activeElement;
      const all = [...icon.closest('.window-body').querySelectorAll('.icon')];
      return { index: all.indexOf(icon), count: all.length, left: icon.offsetLeft, top: icon.offsetTop };
    });
  await page.locator(`#win-progman .icon[data-slug="${posts[0].slug}"]`).focus();
  const first = await focused();
  assert.equal(first.index, 0);
  await page.keyboard.press('ArrowRight');
  assert.equal((await focused()).index, 1);
  await page.keyboard.press('ArrowLeft');
  assert.equal((await focused()).index, 0);
  await page.keyboard.press('ArrowDown');
  const below = await focused();
  assert.ok(below.top > first.top, 'a row lower');
  assert.equal(below.left, first.left, 'in the same column');
  await page.keyboard.press('ArrowUp');
  assert.equal((await focused()).index, 0);
  await page.keyboard.press('End');
  assert.equal((await focused()).index, first.count - 1, 'the last icon (the last tag group)');
  await page.keyboard.press('Home');
  assert.equal((await focused()).index, 0);
  await page.keyboard.press('ArrowLeft');
  assert.equal((await focused()).index, 0, 'nothing left of the first icon');
  assert.deepEqual(errors, []);
  await page.close();
});

test('dragging the title bar moves the window by the dragged distance', async () => {
  const { page } = await openDesktop();
  const win = await openPost(page, posts[0]);
  const before = await win.boundingBox();
  const title = await win.locator('.title-bar .title').boundingBox();
  const start = { x: title.x + title.width / 2, y: title.y + title.height / 2 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 60, start.y + 20, { steps: 3 });
  await page.mouse.move(start.x + 130, start.y + 70, { steps: 5 });
  await page.mouse.up();
  const after = await win.boundingBox();
  assert.equal(Math.round(after.x - before.x), 130);
  assert.equal(Math.round(after.y - before.y), 70);
  assert.equal(after.width, before.width);
  await page.close();
});

test('a second post stacks on top and only the active title bar is coloured', async () => {
  const { page } = await openDesktop();
  const first = await openPost(page, posts[0]);
  const second = await openPost(page, posts[1]);
  const z = async (win) => Number(await win.evaluate((el) => getComputedStyle(el).zIndex));
  assert.ok((await z(second)) > (await z(first)), 'the newer window is on top');
  assert.match(await second.getAttribute('class'), /\bactive\b/);
  assert.doesNotMatch(await first.getAttribute('class'), /\bactive\b/);
  const titleColour = (win) =>
    win.locator('.title-bar').evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.equal(await titleColour(second), 'rgb(0, 0, 128)');
  assert.notEqual(await titleColour(first), 'rgb(0, 0, 128)');
  // Pressing anywhere in the lower window brings it to the front.
  await pressUncoveredCorner(page, first);
  assert.ok((await z(first)) > (await z(second)));
  assert.match(await first.getAttribute('class'), /\bactive\b/);
  await page.screenshot({ path: join(screenshots, 'two-windows.png') });
  await page.close();
});

test('Alt+F4 and the control menu close windows', async () => {
  const { page } = await openDesktop();
  const first = await openPost(page, posts[0]);
  const second = await openPost(page, posts[1]);
  await page.keyboard.press('Alt+F4');
  await second.waitFor({ state: 'detached' });
  // Program Manager was brought forward to open the second post, so it is active again.
  assert.match(await page.locator('#win-progman').getAttribute('class'), /\bactive\b/);
  await pressUncoveredCorner(page, first);
  await first.locator('.control-box').click();
  const close = page.locator('.control-menu .menu-item', { hasText: 'Close' });
  await page.screenshot({ path: join(screenshots, 'control-menu.png') });
  await close.click();
  await first.waitFor({ state: 'detached' });
  assert.equal(new URL(page.url()).pathname, '/');
  await page.close();
});

test('a post URL opens the desktop with that post active, without anything jumping', async () => {
  const post = posts[posts.length - 1];
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  // Record where the static page put the windows before the app took over.
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      window.__static = [...document.querySelectorAll('.window')].map((el) => {
        const r = el.getBoundingClientRect();
        return { id: el.id, x: r.x, y: r.y, w: r.width, h: r.height };
      });
    });
  });
  await page.goto(`${site.url}posts/${post.slug}/`);
  await appReady(page);
  const win = windowOf(page, post.slug);
  assert.equal(await win.locator('article h1').textContent(), post.title);
  assert.match(await win.getAttribute('class'), /\bactive\b/);
  const [staticRects, liveRects] = await page.evaluate(() => [
    window.__static,
    [...document.querySelectorAll('.window')].map((el) => {
      const r = el.getBoundingClientRect();
      return { id: el.id, x: r.x, y: r.y, w: r.width, h: r.height };
    }),
  ]);
  assert.deepEqual(liveRects, staticRects);
  await page.close();
});

test('on the desktop the keys work at once: the first icon is selected, arrows and Enter open posts', async () => {
  const { page, errors } = await openDesktop();
  const first = page.locator('#win-progman .icon[data-slug]').first();
  await page.waitForFunction(() => document.activeElement?.matches('#win-progman .icon'), null, { timeout: 3000 });
  assert.ok(await first.evaluate((el) => el === document.activeElement));
  assert.match(await first.getAttribute('class'), /\bselected\b/);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await windowOf(page, posts[1].slug).locator('article h1').waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test('on a post page the keys read on in the post: Space and PageDown scroll it', async () => {
  const post = posts.find((p) => p.slug === 'every-markdown-feature') ?? posts[0];
  const { page, errors } = await openDesktop(`posts/${post.slug}/`);
  const body = windowOf(page, post.slug).locator('.window-body');
  await page.waitForFunction((id) => document.querySelector(`#${id} > .window-body`) === document.activeElement, `win-post-${post.slug}`, { timeout: 3000 });
  await page.keyboard.press('PageDown');
  await page.waitForFunction((id) => document.querySelector(`#${id} > .window-body`).scrollTop > 0, `win-post-${post.slug}`);
  assert.ok((await body.evaluate((el) => el.scrollTop)) > 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a URL naming no post keeps the not-found page and says why', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = pageErrors(page);
  const warnings = [];
  page.on('console', (message) => warnings.push(message.text()));
  const response = await page.goto(`${site.url}posts/no-such-post/`);
  assert.equal(response.status(), 404);
  await page.waitForFunction(() => window.wasmBindings !== undefined, null, { timeout: 15000 });
  await page.waitForTimeout(300);
  assert.equal(await page.locator('html[data-progman-app]').count(), 0, 'the app leaves the page alone');
  assert.ok(await page.locator('#win-not-found').isVisible());
  assert.equal(new URL(page.url()).pathname, '/posts/no-such-post/', 'the address stays');
  assert.ok(warnings.some((text) => text.includes('no post is called `no-such-post`')), warnings.join('\n'));
  assert.deepEqual(errors, []);
  await page.close();
});

test('taking over a post page keeps the article the page painted, in the same place', async () => {
  const post = posts[0];
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  // Mark the static page's first paragraph and record where its body and paragraph are.
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      const body = document.querySelector('.post-window > .window-body');
      const paragraph = body.querySelector('.post-content p');
      paragraph.dataset.staticMark = 'painted before the app';
      window.__staticParagraph = paragraph;
      window.__staticBoxes = [body, paragraph].map((el) => JSON.stringify(el.getBoundingClientRect()));
    });
  });
  await page.goto(`${site.url}posts/${post.slug}/`);
  await appReady(page);
  const result = await page.evaluate((slug) => {
    const body = document.querySelector(`#win-post-${slug} > .window-body`);
    const paragraph = body.querySelector('.post-content p');
    return {
      same: paragraph === window.__staticParagraph && paragraph.isConnected,
      mark: paragraph.dataset.staticMark,
      before: window.__staticBoxes,
      after: [body, paragraph].map((el) => JSON.stringify(el.getBoundingClientRect())),
    };
  }, post.slug);
  assert.equal(result.mark, 'painted before the app', 'the live window shows the static paragraph');
  assert.ok(result.same, 'the static paragraph element is the one on the page');
  assert.deepEqual(result.after, result.before, 'the window body and paragraph did not move');
  await page.close();
});

test('a post read before the app arrives stays where the visitor scrolled it', async () => {
  const post = posts.find((p) => p.slug === 'every-markdown-feature') ?? posts[0];
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  // Hold the app back until the visitor has scrolled the static article.
  let release;
  const scrolled = new Promise((resolve) => { release = resolve; });
  await page.route('**/*.wasm', async (route) => { await scrolled; await route.continue(); });
  await page.goto(`${site.url}posts/${post.slug}/`);
  const body = page.locator(`#win-post-${post.slug} > .window-body`);
  await body.evaluate((el) => { el.scrollTop = 400; });
  const before = await body.evaluate((el) => [el.scrollTop, el.querySelector('h2').getBoundingClientRect().y]);
  assert.ok(before[0] > 0, 'the static article scrolls');
  release();
  await appReady(page);
  const after = await body.evaluate((el) => [el.scrollTop, el.querySelector('h2').getBoundingClientRect().y]);
  assert.deepEqual(after, before);
  await page.close();
});

test('taking over the desktop keeps the Program Manager window and icons the page painted', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      window.__staticWindow = document.getElementById('win-progman');
      window.__staticIcon = window.__staticWindow.querySelector('.icon[data-slug]');
      // Where the first frame drew it (items off screen are sized only once a frame shows
      // them), and that this was still the static page.
      requestAnimationFrame(() => requestAnimationFrame(() => {
        window.__staticBox = JSON.stringify(window.__staticIcon.getBoundingClientRect());
        window.__staticThen = !document.documentElement.hasAttribute('data-progman-app');
      }));
    });
  });
  await page.goto(site.url);
  await appReady(page);
  assert.equal(await page.evaluate(() => window.__staticThen), true, 'measured on the static page');
  const result = await page.evaluate(() => {
    const win = document.getElementById('win-progman');
    const icon = win.querySelector('.icon[data-slug]');
    return {
      sameWindow: win === window.__staticWindow,
      sameIcon: icon === window.__staticIcon,
      moved: JSON.stringify(icon.getBoundingClientRect()) !== window.__staticBox,
      live: !!win.querySelector(':scope > .resize-handle') && !!win.querySelector('.icon.control-panel'),
    };
  });
  assert.deepEqual(result, { sameWindow: true, sameIcon: true, moved: false, live: true });
  // The adopted window behaves as a live one: its icons open posts, its menus open.
  await page.locator(`.icon[data-slug="${posts[1].slug}"]`).dblclick();
  await windowOf(page, posts[1].slug).locator('article h1').waitFor();
  // The page reads in the live desktop's order: the skip link first, then the windows.
  const order = await page.evaluate(() => [...document.querySelectorAll('#desktop > .skip-link, #desktop > section')].map((el) => el.className.split(' ')[0]));
  assert.deepEqual(order, ['skip-link', 'window', 'window']);
  await page.locator('#win-progman .title-bar .title').click();
  await page.locator('#win-progman .menu-title').first().click();
  await page.locator('#win-progman .menu [role="menuitem"]').first().waitFor();
  await page.close();
});

test('a post whose body cannot be fetched says so in its window, and the desktop goes on', async () => {
  const { page, errors } = await openDesktop();
  const [lost, fine] = [posts[2], posts[3]];
  await page.route(`**/posts/${lost.slug}/fragment.html`, (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.locator(`.icon[data-slug="${lost.slug}"]`).dblclick();
  const alert = windowOf(page, lost.slug).locator('.window-body [role="alert"]');
  await alert.waitFor();
  assert.match(await alert.innerText(), /could not be loaded: .*answered 404/);
  // The failed window closes, and another post still opens with its article.
  await page.keyboard.press('Alt+F4');
  await windowOf(page, lost.slug).waitFor({ state: 'detached' });
  await openPost(page, fine);
  assert.deepEqual(errors, []);
  await page.close();
});

test('without JavaScript a post page is a readable article with links home', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const post = posts[0];
  await page.goto(`${site.url}posts/${post.slug}/`);
  assert.equal(await page.locator('article h1').textContent(), post.title);
  assert.ok((await page.locator('article .post-content').innerText()).length > 100);
  assert.ok(await page.locator('article time[datetime]').count());
  await page.goto(site.url);
  const links = await page.locator('.icon[data-slug]').evaluateAll((els) => els.map((el) => el.getAttribute('href')));
  assert.equal(links.length, posts.length);
  await page.locator(`.icon[data-slug="${posts[1].slug}"]`).click();
  assert.equal(await page.locator('article h1').textContent(), posts[1].title);
  await context.close();
});

test('without JavaScript, Skip to post puts the keys in the article: PageDown scrolls it', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const post = posts.find((p) => p.slug === 'every-markdown-feature') ?? posts[0];
  await page.goto(`${site.url}posts/${post.slug}/`);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip-link');
  await page.keyboard.press('Enter');
  const body = page.locator(`#win-post-${post.slug} > .window-body`);
  assert.ok(await body.evaluate((el) => el === document.activeElement), 'the post body has the focus');
  await page.keyboard.press('PageDown');
  // waitForFunction needs the page's own scripts; give the scroll a moment instead.
  await page.waitForTimeout(300);
  assert.ok((await body.evaluate((el) => el.scrollTop)) > 0, 'PageDown scrolled the article');
  await context.close();
});

/** Presses the bottom-left corner of a window's body, which cascaded windows leave uncovered. */
async function pressUncoveredCorner(page, win) {
  const box = await win.boundingBox();
  await page.mouse.click(box.x + 12, box.y + box.height - 30);
}
