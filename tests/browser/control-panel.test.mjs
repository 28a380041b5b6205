// The Control Panel end to end: opening it from Program Manager, the Color dialog's preview,
// Cancel and OK, colours and patterns surviving a reload, the About box, keyboard use of the
// dialogs, and closing a window with a double-click on its control-menu box.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useSite, pageErrors, appReady, screenshots } from './harness.mjs';
import { approve } from './approval.mjs';

const VIEWPORT = { width: 1024, height: 700 };
const HOTDOG_YELLOW = 'rgb(255, 255, 0)';
let site;
let browser;
let index;

const started = useSite();
before(async () => {
  ({ site, browser, index } = await started);
});

/** A fresh browser context (empty storage) with the desktop loaded. */
async function openDesktop() {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const errors = pageErrors(page);
  await page.goto(site.url);
  await appReady(page);
  return { context, page, errors };
}

async function reload(page) {
  await page.reload();
  await appReady(page);
}

const background = (page, selector) =>
  page.locator(selector).evaluate((e) => getComputedStyle(e).backgroundColor);

async function openControlPanel(page) {
  await page.locator('#win-progman .icon.control-panel').dblclick();
  const panel = page.locator('#win-control-panel');
  await panel.waitFor();
  return panel;
}

async function openApplet(page, id) {
  await page.locator(`#${id}`).dblclick();
  await page.locator('.dialog').waitFor();
}

/** The id of the focused element, once it is `id` (focus moves after the next render), or as is after 3 s. */
async function focusedId(page, id) {
  await page
    .waitForFunction((want) => document.activeElement?.id === want, id, { timeout: 3000 })
    .catch(() => {});
  return page.evaluate(() => document.activeElement?.id ?? '');
}

/** Waits for the app's coalesced storage write (storage.rs writes within ~250 ms). */
const settle = (page) => page.waitForTimeout(400);

test('Program Manager has a Control Panel item that opens its window of applets', async () => {
  const { context, page, errors } = await openDesktop();
  const panel = await openControlPanel(page);
  assert.equal(await panel.locator('.title').textContent(), 'Control Panel');
  assert.match(await panel.getAttribute('class'), /\bactive\b/);
  assert.deepEqual(await panel.locator('.icon-label').allTextContents(), ['Color', 'Desktop']);
  // The first applet has the focus, and Enter opens it.
  assert.equal(await focusedId(page, 'cpl-color'), 'cpl-color');
  await page.keyboard.press('Enter');
  await page.locator('#dlg-color').waitFor();
  await page.keyboard.press('Escape');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the Color dialog previews a scheme before OK; Cancel keeps the desktop as it was', async () => {
  const { context, page, errors } = await openDesktop();
  await openControlPanel(page);
  const before = await background(page, '.desktop');
  await openApplet(page, 'cpl-color');
  const preview = page.locator('.dialog .scheme-preview');
  assert.equal(await preview.getAttribute('data-scheme'), 'windows-default');
  await page.locator('.dialog [role="option"]', { hasText: 'Hotdog Stand' }).click();
  assert.equal(await preview.getAttribute('data-scheme'), 'hotdog-stand');
  assert.equal(await background(page, '.dialog .scheme-preview'), HOTDOG_YELLOW);
  assert.equal(await background(page, '.desktop'), before, 'the desktop changes only on OK');
  await page.screenshot({ path: join(screenshots, 'panel-color.png') });
  await page.locator('.dialog').screenshot({ path: join(screenshots, 'panel-color-dialog.png') });
  await page.locator('.dialog button', { hasText: 'Cancel' }).click();
  assert.equal(await page.locator('.dialog').count(), 0);
  assert.equal(await background(page, '.desktop'), before);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.scheme), undefined);
  assert.equal(await focusedId(page, 'cpl-color'), 'cpl-color');
  assert.deepEqual(errors, []);
  await context.close();
});

test('OK on Hotdog Stand turns the desktop yellow, and it stays so after a reload', async () => {
  const { context, page, errors } = await openDesktop();
  await openControlPanel(page);
  await openApplet(page, 'cpl-color');
  await page.locator('.dialog [role="option"]', { hasText: 'Hotdog Stand' }).click();
  await page.locator('.dialog button', { hasText: 'OK' }).click();
  assert.equal(await background(page, '.desktop'), HOTDOG_YELLOW);
  await settle(page);
  await reload(page);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.scheme), 'hotdog-stand');
  assert.equal(await background(page, '.desktop'), HOTDOG_YELLOW);
  // The dialog opens on the scheme in force.
  await openControlPanel(page);
  await openApplet(page, 'cpl-color');
  const selected = page.locator('.dialog [aria-selected="true"]');
  assert.equal(await selected.textContent(), 'Hotdog Stand');
  await page.keyboard.press('Escape');
  await page.screenshot({ path: join(screenshots, 'panel-hotdog-desktop.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('the Color dialog works from the keyboard and keeps the focus inside', async () => {
  const { context, page, errors } = await openDesktop();
  await openControlPanel(page);
  await page.keyboard.press('Enter');
  const list = page.locator('#dlg-color-list');
  await list.waitFor();
  assert.equal(await focusedId(page, 'dlg-color-list'), 'dlg-color-list');
  // The dialog is the active window now: the Control Panel's title bar goes inactive.
  const panelClass = () => page.locator('#win-control-panel').getAttribute('class');
  assert.doesNotMatch(await panelClass(), /\bactive\b/);
  await page.keyboard.press('Home');
  assert.equal(await list.getAttribute('aria-activedescendant'), 'dlg-color-list-0');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.locator('#dlg-color-list [aria-selected="true"]').textContent(), 'Hotdog Stand');
  assert.equal(await page.locator('.dialog .scheme-preview').getAttribute('data-scheme'), 'hotdog-stand');
  // A letter selects the next item starting with it.
  await page.keyboard.press('o');
  assert.equal(await page.locator('#dlg-color-list [aria-selected="true"]').textContent(), 'Ocean');
  await page.keyboard.press('ArrowUp');
  // Tab cycles through the list, OK and Cancel, never leaving the dialog.
  const seen = [];
  for (let i = 0; i < 4; i += 1) {
    await page.keyboard.press('Tab');
    seen.push(await page.evaluate(() => document.activeElement.closest('.dialog') !== null));
  }
  assert.deepEqual(seen, [true, true, true, true]);
  // Desktop shortcuts are off while the dialog is open.
  await page.keyboard.press('Control+Escape');
  assert.equal(await page.locator('.task-list').count(), 0);
  // A click outside the dialog leaves it open.
  await page.mouse.click(5, VIEWPORT.height - 5);
  assert.equal(await page.locator('.dialog').count(), 1);
  await page.locator('#dlg-color-list').focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('.dialog').count(), 0);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.scheme), 'hotdog-stand');
  assert.equal(await focusedId(page, 'cpl-color'), 'cpl-color');
  assert.match(await panelClass(), /\bactive\b/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the arrow keys, Home and End move between the applets', async () => {
  const { context, page, errors } = await openDesktop();
  await openControlPanel(page);
  assert.equal(await focusedId(page, 'cpl-color'), 'cpl-color');
  await page.keyboard.press('ArrowRight');
  assert.equal(await focusedId(page, 'cpl-desktop'), 'cpl-desktop');
  await page.keyboard.press('Home');
  assert.equal(await focusedId(page, 'cpl-color'), 'cpl-color');
  await page.keyboard.press('End');
  assert.equal(await focusedId(page, 'cpl-desktop'), 'cpl-desktop');
  await page.keyboard.press('Enter');
  await page.locator('#dlg-desktop').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('on a phone one tap opens the Control Panel and one tap an applet; the Color preview fits', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  const errors = pageErrors(page);
  await page.goto(site.url);
  await appReady(page);
  await page.locator('#win-progman .icon.control-panel').tap();
  await page.locator('#win-control-panel').waitFor();
  await page.locator('#cpl-color').tap();
  await page.locator('#dlg-color').waitFor();
  // The preview is a picture of a desktop at desktop size: all of it shows in its box, though
  // the phone's own title bars and menu bars are finger-sized.
  const cut = await page.locator('.scheme-preview').evaluate((preview) => {
    const box = preview.getBoundingClientRect();
    return [...preview.querySelectorAll('.title, .menu-title, .preview-text, .button')]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.left < box.left || r.top < box.top || r.right > box.right || r.bottom > box.bottom;
      })
      .map((el) => el.textContent);
  });
  assert.deepEqual(cut, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a desktop pattern chosen in Desktop survives a reload', async () => {
  const { context, page, errors } = await openDesktop();
  await openControlPanel(page);
  await openApplet(page, 'cpl-desktop');
  assert.equal(await page.locator('.dialog [aria-selected="true"]').textContent(), '(None)');
  await page.locator('.dialog [role="option"]', { hasText: 'Weave' }).dblclick();
  assert.equal(await page.locator('.dialog').count(), 0);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.pattern), 'weave');
  const mask = () => page.locator('.desktop').evaluate((e) => getComputedStyle(e, '::before').maskImage);
  assert.match(await mask(), /svg/);
  await settle(page);
  await reload(page);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.pattern), 'weave');
  assert.match(await mask(), /svg/);
  await page.screenshot({ path: join(screenshots, 'panel-weave-desktop.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('Help > About Progman shows the site title, author and build', async () => {
  const { context, page, errors } = await openDesktop();
  await page.locator('#win-progman .menu-title', { hasText: 'Help' }).click();
  const about = page.locator('.menu-item', { hasText: 'About Progman' });
  assert.equal(await about.isDisabled(), false);
  await about.click();
  const dialog = page.locator('#dlg-about');
  await dialog.waitFor();
  assert.equal(await dialog.locator('.title').textContent(), 'About Progman');
  assert.equal(await dialog.locator('.about-title').textContent(), index.site_title);
  assert.equal(await dialog.locator('.about-author').textContent(), `by ${index.author}`);
  assert.match(await dialog.locator('.about-generator').textContent(), /^Progman \d+\.\d+\.\d+/);
  assert.equal(await focusedId(page, 'dlg-about-ok'), 'dlg-about-ok');
  await dialog.screenshot({ path: join(screenshots, 'panel-about.png') });
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('.dialog').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a double-click on the control-menu box closes the window', async () => {
  const { context, page, errors } = await openDesktop();
  const panel = await openControlPanel(page);
  await panel.locator('.control-box').dblclick();
  assert.equal(await page.locator('#win-control-panel').count(), 0);
  // Focus goes back to the item that opened it.
  await page.waitForFunction(() => document.activeElement?.matches('#win-progman .icon.control-panel'));
  const post = index.posts[0];
  await page.locator(`.icon[data-slug="${post.slug}"]`).dblclick();
  const win = page.locator(`#win-post-${post.slug}`);
  await win.waitFor();
  await win.locator('.control-box').dblclick();
  assert.equal(await win.count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

for (const scale of [1, 2]) {
  test(`the app's Color dialog matches its approved image at ${scale}x`, async () => {
    const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: scale });
    const page = await context.newPage();
    await page.goto(site.url);
    await appReady(page);
    await openControlPanel(page);
    await openApplet(page, 'cpl-color');
    await page.evaluate(() => document.fonts.ready);
    await approve(`app-color-dialog@${scale}x`, await page.locator('.dialog').screenshot());
    await context.close();
  });
}
