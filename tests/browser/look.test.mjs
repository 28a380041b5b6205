// The look, pixel for pixel: static fixture pages (tests/browser/fixtures/) that link the style
// files in index.html's order are photographed in headless Chromium at 1x and 2x and compared
// with the approved images in tests/browser/approved/. Any visible change to the look fails
// until the approved images are deliberately updated (approval.mjs says how).
//
// Needs no built site: it serves the repository itself. The fixtures use only the bundled pixel
// fonts, so the images do not depend on the machine's fonts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { PNG } from 'pngjs';
import { serveSite } from './harness.mjs';
import { approve } from './approval.mjs';

const root = new URL('../../', import.meta.url).pathname;
const outDir = join(root, 'target/look');

let site;
let browser;

before(async () => {
  site = await serveSite(root, '/');
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--font-render-hinting=none'],
    // Playwright hides scroll bars in headless mode; the look includes them.
    ignoreDefaultArgs: ['--hide-scrollbars'],
  });
  await mkdir(outDir, { recursive: true });
});

after(async () => {
  await browser?.close();
  await site?.close();
});

/** Opens a fixture at 800x600 (SVGA; 640 px wide would be single-window mode) and waits until the pixel fonts are in use. */
async function open(fixture, { scale = 1, scheme, pattern } = {}) {
  const page = await browser.newPage({ viewport: { width: 800, height: 600 }, deviceScaleFactor: scale });
  await page.goto(`${site.url}tests/browser/fixtures/${fixture}.html`);
  await page.evaluate(({ scheme, pattern }) => {
    if (scheme) document.documentElement.dataset.scheme = scheme;
    if (pattern) document.documentElement.dataset.pattern = pattern;
  }, { scheme, pattern });
  const loaded = await page.evaluate(async () => {
    const faces = ['700 12px "Progman System"', '400 11px "Progman Sans"', '700 11px "Progman Sans"'];
    await Promise.all(faces.map((face) => document.fonts.load(face)));
    await document.fonts.ready;
    return faces.map((face) => document.fonts.check(face));
  });
  assert.deepEqual(loaded, [true, true, true], 'the bundled pixel fonts did not load');
  return page;
}

/** The distinct colours of a region of a PNG, as #RRGGBB. */
function colours(png, { x, y, width, height }) {
  const image = PNG.sync.read(png);
  const found = new Set();
  for (let row = y; row < y + height; row++) {
    for (let col = x; col < x + width; col++) {
      const i = (row * image.width + col) * 4;
      found.add('#' + [0, 1, 2].map((c) => image.data[i + c].toString(16).padStart(2, '0')).join('').toUpperCase());
    }
  }
  return [...found].sort();
}

test('the fixtures link the style files in index.html order', async () => {
  const hrefs = (html, pattern) => [...html.matchAll(pattern)].map((m) => m[1]);
  const index = hrefs(await readFile(join(root, 'index.html'), 'utf8'), /<link data-trunk rel="css" href="(style\/[^"]+)"/g);
  for (const fixture of ['desktop', 'dialog']) {
    const html = await readFile(join(root, `tests/browser/fixtures/${fixture}.html`), 'utf8');
    assert.deepEqual(hrefs(html, /<link rel="stylesheet" href="\.\.\/\.\.\/\.\.\/(style\/[^"]+)"/g), index, fixture);
  }
});

for (const scale of [1, 2]) {
  test(`desktop, active and inactive windows at ${scale}x`, async () => {
    const page = await open('desktop', { scale });
    await approve(`desktop@${scale}x`, await page.screenshot());
    await approve(`active-window@${scale}x`, await page.locator('#win-progman').screenshot());
    await approve(`inactive-window@${scale}x`, await page.locator('#win-post-hello').screenshot());
    await page.close();
  });

  test(`control menu open at ${scale}x`, async () => {
    const page = await open('desktop', { scale });
    await page.evaluate(() => document.querySelector('.control-menu').removeAttribute('hidden'));
    await page.locator('.control-menu .menu-item').nth(1).focus();
    await approve(`control-menu@${scale}x`, await page.screenshot({ clip: { x: 0, y: 0, width: 320, height: 280 } }));
    await page.close();
  });

  test(`Color dialog at ${scale}x`, async () => {
    const page = await open('dialog', { scale });
    await approve(`dialog@${scale}x`, await page.locator('.dialog').screenshot());
    await page.close();
  });
}

for (const [scheme, pattern] of [['hotdog-stand', 'critters'], ['arizona', 'boxes'], ['ocean', 'weave'],
  ['the-blues', 'diamonds'], ['valentine', 'none'], ['high-contrast', undefined]]) {
  test(`the ${scheme} scheme${pattern ? ` with the ${pattern} pattern` : ''}`, async () => {
    const page = await open('desktop', { scheme, pattern });
    await approve(`scheme-${scheme}`, await page.screenshot());
    await page.close();
  });
}

test('title bar and menu text is drawn without anti-aliasing, at 1x and 2x', async () => {
  for (const scale of [1, 2]) {
    const page = await open('desktop', { scale });
    // The part of an element's box not covered by Program Manager (which overlaps the post window).
    const manager = await page.locator('#win-progman').boundingBox();
    const box = async (selector) => {
      const b = await page.locator(selector).boundingBox();
      const left = selector.startsWith('#win-progman') ? b.x : Math.max(b.x, manager.x + manager.width);
      const right = b.x + b.width;
      return { x: Math.round(left * scale), y: Math.round(b.y * scale), width: Math.floor((right - left) * scale), height: Math.floor(b.height * scale) };
    };
    const shot = await page.screenshot();
    assert.deepEqual(colours(shot, await box('#win-progman .title')), ['#000080', '#FFFFFF'], `active title at ${scale}x`);
    assert.deepEqual(colours(shot, await box('#win-post-hello .title')), ['#000000', '#FFFFFF'], `inactive title at ${scale}x`);
    assert.deepEqual(colours(shot, await box('#win-progman .menu-bar')), ['#000000', '#FFFFFF'], `menu at ${scale}x`);
    await page.close();
  }
});

test('a scheme previewed in the Color dialog does not change the page around it', async () => {
  const page = await open('dialog');
  const colour = (selector) => page.locator(selector).evaluate((e) => getComputedStyle(e).backgroundColor);
  assert.equal(await colour('.scheme-preview'), 'rgb(0, 128, 128)'); // Ocean's desktop
  assert.equal(await colour('.dialog > .title-bar'), 'rgb(0, 0, 128)'); // the page's Windows Default
  assert.equal(await colour('.scheme-preview .window.active > .title-bar'), 'rgb(0, 64, 128)'); // Ocean's
  await page.close();
});

test('asking the system for more contrast, or forcing colours, selects the high-contrast scheme', async () => {
  const page = await open('desktop');
  const desktop = () => page.locator('.desktop').evaluate((e) => getComputedStyle(e).backgroundColor);
  assert.equal(await desktop(), 'rgb(192, 192, 192)');
  await page.emulateMedia({ contrast: 'more' });
  assert.equal(await desktop(), 'rgb(0, 0, 0)');
  await page.emulateMedia({ contrast: 'no-preference', forcedColors: 'active' });
  assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--Highlight').trim()), '#FFFF00');
  // A scheme the reader picked explicitly still wins.
  await page.emulateMedia({ contrast: 'more', forcedColors: 'none' });
  await page.evaluate(() => { document.documentElement.dataset.scheme = 'arizona'; });
  assert.equal(await desktop(), 'rgb(0, 64, 128)');
  await page.close();
});
