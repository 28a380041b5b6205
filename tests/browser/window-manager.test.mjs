// The window manager end to end: sizing, minimizing to desktop icons, maximizing, the menu bar,
// the Task List, keyboard-only use, keyboard Move, persistence across reloads and bad storage.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useSite, pageErrors, appReady, screenshots } from './harness.mjs';

const VIEWPORT = { width: 1280, height: 800 };
const MIN = { width: 160, height: 100 }; // model::layout::MIN_WINDOW
let site;
let browser;
let posts;

const started = useSite();
before(async () => {
  ({ site, browser, posts } = await started);
  assert.ok(posts.length >= 3, 'the demo site needs at least three posts');
});

async function openDesktop(viewport = VIEWPORT) {
  const page = await browser.newPage({ viewport });
  const errors = pageErrors(page);
  await page.goto(site.url);
  await appReady(page);
  return { page, errors };
}

const windowOf = (page, slug) => page.locator(`#win-post-${slug}`);

async function openPost(page, post) {
  await page.locator('#win-progman .title-bar .title').click();
  await page.locator(`.icon[data-slug="${post.slug}"]`).dblclick();
  const win = windowOf(page, post.slug);
  await win.locator('article h1').waitFor();
  return win;
}

async function rect(locator) {
  const box = await locator.boundingBox();
  return { x: Math.round(box.x), y: Math.round(box.y), width: Math.round(box.width), height: Math.round(box.height) };
}

async function drag(page, from, dx, dy) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + dx / 2, from.y + dy / 2, { steps: 3 });
  await page.mouse.move(from.x + dx, from.y + dy, { steps: 4 });
  await page.mouse.up();
}

const classes = (locator) => locator.getAttribute('class');

/** Waits until the keyboard's focus is in the element with this id (it moves after a render). */
const focusWithin = (page, id) =>
  page.waitForFunction((id) => document.getElementById(id)?.contains(document.activeElement), id, { timeout: 3000 });
const activeClass = /\bactive\b/;

/** Every window's id, class list, rectangle and z-index, and every desktop icon's place. */
function layout(page) {
  return page.evaluate(() => ({
    windows: [...document.querySelectorAll('.desktop > .window')].map((el) => {
      const r = el.getBoundingClientRect();
      return { id: el.id, classes: el.className, z: getComputedStyle(el).zIndex, rect: [r.x, r.y, r.width, r.height] };
    }),
    icons: [...document.querySelectorAll('.desktop-icon')].map((el) => {
      const r = el.getBoundingClientRect();
      return { id: el.id, at: [r.x, r.y] };
    }),
  }));
}

test('a corner and an edge resize by the dragged distance, never below the minimum size', async () => {
  const { page, errors } = await openDesktop();
  const win = await openPost(page, posts[0]);
  const start = await rect(win);
  // The bottom-right corner, 2px in from the outside.
  const corner = { x: start.x + start.width - 2, y: start.y + start.height - 2 };
  assert.equal(
    await page.evaluate(({ x, y }) => getComputedStyle(document.elementFromPoint(x, y)).cursor, corner),
    'nwse-resize',
  );
  await drag(page, corner, 70, 40);
  let now = await rect(win);
  assert.deepEqual(now, { ...start, width: start.width + 70, height: start.height + 40 });
  // The left edge, halfway down: the right edge stays put.
  const left = { x: now.x + 2, y: now.y + now.height / 2 };
  assert.equal(
    await page.evaluate(({ x, y }) => getComputedStyle(document.elementFromPoint(x, y)).cursor, left),
    'ew-resize',
  );
  await drag(page, left, -50, 0);
  const wider = await rect(win);
  assert.deepEqual(wider, { ...now, x: now.x - 50, width: now.width + 50 });
  // Far past the minimum, then back a little: the frame follows the pointer without drifting.
  const top = { x: wider.x + wider.width / 2, y: wider.y + 2 };
  await page.mouse.move(top.x, top.y);
  await page.mouse.down();
  await page.mouse.move(top.x, top.y + 2000, { steps: 5 });
  assert.equal((await rect(win)).height, MIN.height);
  await page.mouse.move(top.x, top.y + wider.height - MIN.height - 30, { steps: 3 });
  await page.mouse.up();
  now = await rect(win);
  assert.equal(now.height, MIN.height + 30);
  assert.equal(now.y + now.height, wider.y + wider.height);
  // And the same with the top-left corner in both directions.
  await drag(page, { x: now.x + 2, y: now.y + 2 }, 3000, 3000);
  now = await rect(win);
  assert.equal(now.width, MIN.width);
  assert.equal(now.height, MIN.height);
  assert.deepEqual(errors, []);
  await page.close();
});

test('minimize makes a desktop icon at the bottom; double-click and Enter restore; icons drag', async () => {
  const { page, errors } = await openDesktop();
  const post = posts[0];
  const win = await openPost(page, post);
  const before = await rect(win);
  await win.locator('.title-bar .minimize').click();
  await assert.rejects(win.waitFor({ state: 'visible', timeout: 300 }));
  const icon = page.locator(`#win-post-${post.slug}-icon`);
  assert.equal(await icon.locator('.icon-label').textContent(), post.title);
  const at = await rect(icon);
  assert.equal(at.y + at.height, VIEWPORT.height, 'the icon sits on the bottom edge');
  assert.equal(at.x, 0);
  assert.equal((await icon.locator('.icon-image').boundingBox()).width, 32);
  // Program Manager is active again; minimize it too so two icons line up.
  await page.locator('#win-progman .title-bar .minimize').click();
  const manager = page.locator('#win-progman-icon');
  const row = [await rect(manager), await rect(icon)];
  assert.deepEqual(row.map((r) => r.x).sort((a, b) => a - b), [0, 76], 'icons line up side by side');
  assert.deepEqual(row.map((r) => r.y + r.height), [VIEWPORT.height, VIEWPORT.height]);
  await manager.focus();
  await page.screenshot({ path: join(screenshots, 'wm-icons.png') });
  await icon.dblclick();
  await win.waitFor({ state: 'visible' });
  assert.deepEqual(await rect(win), before);
  assert.match(await classes(win), activeClass);
  // Enter on a focused icon restores too. With every window minimized the app puts the focus on
  // the first desktop icon (Program Manager's) after the next frame: wait for that, or it could
  // land after the test's own focus and Enter would restore Program Manager instead.
  await win.locator('.title-bar .minimize').click();
  await page.waitForFunction(() => document.activeElement?.id === 'win-progman-icon', null, { timeout: 3000 });
  await icon.focus();
  await page.keyboard.press('Enter');
  await win.waitFor({ state: 'visible' });
  assert.match(await classes(win), activeClass);
  // Dragging an icon moves it by the dragged distance.
  const managerAt = await rect(manager);
  await drag(page, { x: managerAt.x + 38, y: managerAt.y + 20 }, 200, -300);
  assert.deepEqual(await rect(manager), { ...managerAt, x: managerAt.x + 200, y: managerAt.y - 300 });
  assert.deepEqual(errors, []);
  await page.close();
});

test('double-clicking the title bar maximizes and restores, and the button shows Restore; minimized, it keeps that', async () => {
  const { page } = await openDesktop();
  const win = await openPost(page, posts[1]);
  const before = await rect(win);
  await win.locator('.title-bar .title').dblclick();
  assert.deepEqual(await rect(win), { x: 0, y: 0, ...VIEWPORT });
  assert.match(await classes(win), /\bmaximized\b/);
  const maximize = win.locator('.title-bar .maximize');
  assert.equal(await maximize.getAttribute('aria-label'), 'Restore');
  // The restore glyph is taller than the maximize triangle.
  assert.equal(await maximize.evaluate((el) => getComputedStyle(el, '::before').height), '9px');
  await page.screenshot({ path: join(screenshots, 'wm-maximized.png'), clip: { x: VIEWPORT.width - 400, y: 0, width: 400, height: 60 } });
  // Minimized while maximized, it comes back maximized, and a reload remembers that.
  await win.locator('.title-bar .minimize').click();
  await page.waitForTimeout(400); // the desktop is saved a moment after it changes
  await page.reload();
  await appReady(page);
  await page.locator(`#win-post-${posts[1].slug}-icon`).dblclick();
  await win.waitFor({ state: 'visible' });
  assert.deepEqual(await rect(win), { x: 0, y: 0, ...VIEWPORT });
  await win.locator('.title-bar .title').dblclick();
  assert.deepEqual(await rect(win), before);
  assert.equal(await maximize.getAttribute('aria-label'), 'Maximize');
  await page.close();
});

test('Window > Cascade and Window > Tile arrange the open windows', async () => {
  const { page, errors } = await openDesktop();
  await openPost(page, posts[0]);
  await openPost(page, posts[1]);
  await page.locator('#win-progman .menu-title', { hasText: 'Window' }).click();
  const menu = page.locator('#win-progman .bar-menu');
  await menu.waitFor();
  const entries = await menu.locator('.menu-item').allInnerTexts();
  assert.ok(entries.some((text) => text.includes(posts[0].title)), 'the menu lists the open windows');
  await page.screenshot({ path: join(screenshots, 'wm-window-menu.png') });
  await menu.locator('.menu-item', { hasText: 'Cascade' }).click();
  const stacked = async () =>
    (await layout(page)).windows.sort((a, b) => Number(a.z) - Number(b.z)).map((w) => w.rect);
  const cascaded = await stacked();
  assert.equal(cascaded.length, 3);
  cascaded.forEach(([x, y, w, h], index) => {
    assert.deepEqual([x, y], [index * 24, index * 24]);
    assert.deepEqual([w, h], cascaded[0].slice(2));
  });
  await page.locator('#win-progman .menu-title', { hasText: 'Window' }).click();
  await menu.locator('.menu-item', { hasText: 'Tile' }).click();
  const tiled = await stacked();
  const area = tiled.reduce((sum, [, , w, h]) => sum + w * h, 0);
  assert.equal(area, VIEWPORT.width * VIEWPORT.height, 'the tiles cover the desktop');
  for (const [x, y, w, h] of tiled) {
    assert.ok(x >= 0 && y >= 0 && x + w <= VIEWPORT.width && y + h <= VIEWPORT.height);
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('the Window menu numbers nine windows; More Windows... lists them all in the Task List', async () => {
  const { page, errors } = await openDesktop();
  for (const post of posts) await openPost(page, post);
  const groups = page.locator('#win-progman .icon[data-tag]');
  for (let i = 0; (await page.locator('.desktop > .window').count()) < 11; i++) {
    await page.locator('#win-progman .title-bar .title').click();
    await groups.nth(i).dblclick();
  }
  await page.locator('#win-progman .menu-title', { hasText: 'Window' }).click();
  const menu = page.locator('#win-progman .bar-menu');
  const numbered = await menu.locator('.menu-item u').allInnerTexts();
  assert.deepEqual(numbered.filter((key) => /^\d+$/.test(key)), ['1', '2', '3', '4', '5', '6', '7', '8', '9']);
  await menu.locator('.menu-item', { hasText: 'More Windows...' }).click();
  const options = page.locator('#task-list-windows option');
  await options.first().waitFor();
  assert.equal(await options.count(), 11, 'the Task List lists every open window');
  assert.deepEqual(errors, []);
  await page.close();
});

test('File > Open opens the selected icon: a post, a group, the Control Panel', async () => {
  const { page, errors } = await openDesktop();
  const fileOpen = async () => {
    await page.locator('#win-progman .menu-title', { hasText: 'File' }).click();
    await page.locator('#win-progman .bar-menu .menu-item', { hasText: 'Open' }).click();
  };
  // A click only selects an icon, as in Windows 3.1; File > Open then opens it.
  const post = page.locator(`#win-progman .icon[data-slug="${posts[0].slug}"]`);
  await post.click();
  assert.match(await classes(post), /\bselected\b/);
  assert.equal(await windowOf(page, posts[0].slug).count(), 0, 'a click alone opens nothing');
  await fileOpen();
  await windowOf(page, posts[0].slug).locator('article h1').waitFor();

  const group = page.locator('#win-progman .icon[data-tag]').first();
  const tag = await group.getAttribute('data-tag');
  await page.locator('#win-progman .title-bar .title').click();
  await group.click();
  assert.match(await classes(group), /\bselected\b/);
  assert.doesNotMatch(await classes(post), /\bselected\b/, 'one icon is selected at a time');
  await fileOpen();
  await page.locator(`#win-tag-${tag}`).waitFor();
  await page.waitForFunction((id) => document.getElementById(id)?.classList.contains('active'), `win-tag-${tag}`);

  // From the keyboard: focus selects, Alt+F opens the File menu, O chooses Open.
  await page.locator('#win-progman .title-bar .title').click();
  await page.locator('#win-progman .icon.control-panel').focus();
  await page.keyboard.press('Alt+F');
  await page.waitForFunction(() => document.activeElement?.closest('.bar-menu'));
  await page.keyboard.press('o');
  await page.locator('#win-control-panel').waitFor();
  await page.waitForFunction(() => document.activeElement?.closest('.window')?.id === 'win-control-panel');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a keyboard-only session: open two posts, cycle, close, switch with the Task List', async () => {
  const { page, errors } = await openDesktop();
  const focused = () => page.evaluate(() => document.activeElement?.closest('[id]')?.id ?? '');
  // Focus moves after the browser renders the change: wait for it, then report where it is.
  const focusedOn = async (id) => {
    await page
      .waitForFunction((want) => document.activeElement?.closest('[id]')?.id === want, id, { timeout: 3000 })
      .catch(() => {});
    return focused();
  };
  const tabTo = async (selector) => {
    for (let i = 0; i < 40; i += 1) {
      if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return;
      await page.keyboard.press('Tab');
    }
    assert.fail(`Tab never reached ${selector}`);
  };
  await tabTo(`.icon[data-slug="${posts[0].slug}"]`);
  await page.keyboard.press('Enter');
  await windowOf(page, posts[0].slug).locator('article h1').waitFor();
  assert.equal(await focusedOn(`win-post-${posts[0].slug}`), `win-post-${posts[0].slug}`, 'focus moves into the new window');
  await page.keyboard.press('Control+F6');
  assert.match(await classes(page.locator('#win-progman')), activeClass);
  await tabTo(`.icon[data-slug="${posts[1].slug}"]`);
  await page.keyboard.press('Enter');
  const second = windowOf(page, posts[1].slug);
  await second.locator('article h1').waitFor();
  // Ctrl+F6 brings the bottom window (the first post) forward.
  await page.keyboard.press('Control+F6');
  assert.match(await classes(windowOf(page, posts[0].slug)), activeClass);
  await page.keyboard.press('Alt+F4');
  await windowOf(page, posts[0].slug).waitFor({ state: 'detached' });
  assert.match(await classes(second), activeClass);
  assert.equal(await focusedOn(`win-post-${posts[1].slug}`), `win-post-${posts[1].slug}`);
  // Alt+Esc sends it back: Program Manager comes forward.
  await page.keyboard.press('Alt+Escape');
  assert.match(await classes(page.locator('#win-progman')), activeClass);
  // Ctrl+Esc: the Task List, with the active window selected; Down then Enter switches.
  await page.keyboard.press('Control+Escape');
  const dialog = page.locator('.task-list[role="dialog"]');
  await dialog.waitFor();
  assert.deepEqual(await dialog.locator('option').allTextContents(), ['Program Manager', posts[1].title]);
  await page.screenshot({ path: join(screenshots, 'wm-task-list.png') });
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await dialog.waitFor({ state: 'detached' });
  assert.match(await classes(second), activeClass);
  assert.equal(await focusedOn(`win-post-${posts[1].slug}`), `win-post-${posts[1].slug}`);
  // Closing the post returns focus to its icon in Program Manager.
  await page.keyboard.press('Alt+F4');
  await second.waitFor({ state: 'detached' });
  await page.waitForFunction((slug) => document.activeElement?.dataset?.slug === slug, posts[1].slug);
  // Alt+W opens the Window menu; arrows and Enter choose; Esc closes.
  await page.keyboard.press('Alt+w');
  const menu = page.locator('#win-progman .bar-menu');
  await menu.waitFor();
  await page.keyboard.press('Escape');
  await menu.waitFor({ state: 'detached' });
  assert.deepEqual(errors, []);
  await page.close();
});

test('the keys follow the window in front: a title-bar press and Tab into a window activate it', async () => {
  const { page, errors } = await openDesktop();
  const [first, second] = [await openPost(page, posts[0]), await openPost(page, posts[1])];
  await focusWithin(page, 'win-post-' + posts[1].slug);
  // The second window sits lower than the first, and Program Manager ends left of the first's
  // buttons: that end of the first's title bar is uncovered.
  const bar = await first.locator('.title-bar').boundingBox();
  await page.mouse.click(bar.x + bar.width - 80, bar.y + 6);
  assert.match(await classes(first), activeClass);
  await focusWithin(page, 'win-post-' + posts[0].slug);
  await page.keyboard.press('PageDown');
  await page.waitForFunction((id) => document.querySelector(`#${id} > .window-body`).scrollTop > 0, 'win-post-' + posts[0].slug);
  assert.equal(await second.locator('.window-body').evaluate((el) => el.scrollTop), 0, 'the window behind did not scroll');
  // Tab past the first window's last control goes into the second window, which comes forward.
  let inSecond = false;
  for (let i = 0; i < 80 && !inSecond; i++) {
    await page.keyboard.press('Tab');
    inSecond = await second.evaluate((el) => el.contains(document.activeElement));
  }
  assert.ok(inSecond, 'Tab reaches the second window');
  await page.waitForFunction((id) => document.getElementById(id).classList.contains('active'), 'win-post-' + posts[1].slug);
  assert.doesNotMatch(await classes(first), activeClass);
  assert.deepEqual(errors, []);
  await page.close();
});

test('F10 and Alt go to the menu bar; Esc out of it gives the keys back to the window they came from', async () => {
  const { page, errors } = await openDesktop();
  const post = posts[0];
  const win = await openPost(page, post);
  const focusInPost = () => focusWithin(page, `win-post-${post.slug}`);
  await focusInPost();
  // Alt+F opens Program Manager's File menu, bringing it to the front; Esc closes the menu to
  // its title, and Esc again leaves the menu bar for the post.
  await page.keyboard.press('Alt+F');
  await page.locator('#win-progman .menu-bar .menu').waitFor();
  assert.match(await classes(page.locator('#win-progman')), activeClass);
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.activeElement?.id === 'progman-menu-0');
  await page.keyboard.press('Escape');
  await focusInPost();
  assert.match(await classes(win), activeClass);
  // Alt alone goes to the menu bar, and so does F10; Esc comes back from either.
  for (const key of ['Alt', 'F10']) {
    await page.keyboard.press(key);
    await page.waitForFunction(() => document.activeElement?.id === 'progman-menu-0');
    await page.keyboard.press('Escape');
    await focusInPost();
    assert.match(await classes(win), activeClass, key);
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('Move and Size from the control menu work with the arrow keys; Esc cancels', async () => {
  const { page } = await openDesktop();
  const win = await openPost(page, posts[2]);
  const before = await rect(win);
  await page.keyboard.press('Alt+Space');
  await win.locator('.control-menu').waitFor();
  // The menu takes the focus after it renders; its access keys work from then on.
  await page.waitForFunction(() => document.activeElement?.closest('.control-menu'));
  await page.keyboard.press('m');
  for (const key of ['ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowDown', 'ArrowDown']) {
    await page.keyboard.press(key);
  }
  await page.keyboard.press('Enter');
  const moved = await rect(win);
  assert.deepEqual(moved, { ...before, x: before.x + 24, y: before.y + 16 });
  // Size: Right picks the right edge; Esc puts everything back.
  await win.locator('.control-box').click();
  await win.locator('.control-menu .menu-item', { hasText: 'Size' }).click();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  assert.equal((await rect(win)).width, before.width + 16);
  await page.keyboard.press('Escape');
  assert.deepEqual(await rect(win), moved);
  await page.close();
});

test('the desktop comes back after a reload: rects, states, z-order, active window, icons', async () => {
  const { page, errors } = await openDesktop();
  const first = await openPost(page, posts[0]);
  const second = await openPost(page, posts[1]);
  const title = await second.locator('.title-bar .title').boundingBox();
  await drag(page, { x: title.x + 40, y: title.y + 8 }, 90, 60);
  await page.locator('#win-progman .title-bar .title').click();
  await page.locator('#win-progman .title-bar .minimize').click();
  await first.locator('.title-bar .title').dblclick();
  const saved = await layout(page);
  assert.equal(saved.icons.length, 1);
  await page.reload();
  await appReady(page);
  await first.waitFor();
  assert.deepEqual(await layout(page), saved);
  assert.match(await classes(first), /\bactive\b.*\bmaximized\b|\bmaximized\b.*\bactive\b/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('bad saved state gives the default desktop without a page error', async () => {
  const { page, errors } = await openDesktop();
  const fresh = await layout(page);
  for (const value of ['{not json', '{"version":1,"windows":[{"id":7,"rect":{"x":"a"}}],"stack":5}', 'null', '[]']) {
    await page.evaluate((v) => localStorage.setItem('progman.desktop', v), value);
    await page.reload();
    await appReady(page);
    assert.deepEqual(await layout(page), fresh, `after storing ${value}`);
  }
  await openPost(page, posts[0]);
  // Options > Reset Desktop brings the default layout back.
  await page.locator('#win-progman .menu-title', { hasText: 'Options' }).click();
  await page.locator('#win-progman .bar-menu .menu-item', { hasText: 'Reset Desktop' }).click();
  await windowOf(page, posts[0].slug).waitFor({ state: 'detached' });
  assert.deepEqual(await layout(page), fresh);
  assert.deepEqual(errors, []);
  await page.close();
});

test('title bars stay reachable when the browser window shrinks and after a reload there', async () => {
  const { page } = await openDesktop();
  const win = await openPost(page, posts[0]);
  const title = await win.locator('.title-bar .title').boundingBox();
  await drag(page, { x: title.x + 20, y: title.y + 8 }, 1100, 700);
  // Small, but wider than 640px: narrower screens get single-window mode (phone.test.mjs).
  const small = { width: 700, height: 360 };
  const reachable = async () => {
    for (const bar of await page.locator('.desktop > .window > .title-bar').all()) {
      const box = await bar.boundingBox();
      // The model keeps the frame's top 20px on screen: most of the title bar, enough to grab.
      assert.ok(box.y >= 0 && box.y + 12 <= small.height, `title bar top ${box.y} on screen`);
      const visible = Math.min(box.x + box.width, small.width) - Math.max(box.x, 0);
      assert.ok(visible >= 40, `${visible}px of the title bar visible`);
    }
  };
  await page.setViewportSize(small);
  await page.waitForFunction(() => document.documentElement.clientWidth === 700);
  await reachable();
  await page.reload();
  await appReady(page);
  await reachable();
  await page.close();
});
