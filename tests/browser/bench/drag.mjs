// Benchmark (prints figures, asserts nothing): dragging and resizing a window with 20 windows of
// long posts open. Counts DOM mutations per pointer move (a MutationObserver on #desktop) and
// what they touched, and reports frame intervals (requestAnimationFrame timestamps) and long
// tasks (PerformanceObserver 'longtask') over 2 s of pointer moves. Targets (issue #7): one
// mutation per move, 95th percentile frame interval <= 17 ms, no long task.
//
// Usage: node tests/browser/bench/drag.mjs SITE_DIR   (a site built from examples/corpus.rs)
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launchBrowser, appReady, siteDir as defaultSiteDir } from '../harness.mjs';
import { serveCompressed } from './server.mjs';
import { gesture, report } from './probes.mjs';

const siteDir = process.argv[2] ?? defaultSiteDir;
const WINDOWS = 20;
const DURATION_MS = 2000;

const posts = JSON.parse(await readFile(join(siteDir, 'posts.json'), 'utf8')).posts;
const site = await serveCompressed(siteDir);
const browser = await launchBrowser();

/** Opens WINDOWS post windows through the app (each post page opens its window on the saved
 *  desktop) and returns the page, showing the last one active on top. */
async function openWindows(page) {
  const slugs = posts.slice(0, WINDOWS).map((post) => post.slug);
  for (const slug of slugs) {
    await page.goto(`${site.url}posts/${slug}/`);
    await appReady(page);
    await page.waitForTimeout(350); // storage.rs saves within 250 ms
  }
  await page.waitForFunction((n) => document.querySelectorAll('.post-window article.post').length >= n, WINDOWS, { timeout: 30000 });
  return slugs.at(-1);
}

try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const top = await openWindows(page);
  const open = await page.locator('.post-window').count();
  const words = await page.locator(`#win-post-${top} .post-content`).evaluate((e) => e.textContent.split(/\s+/).length);
  console.log(`${open} post windows open (${words} words in the dragged one), ${posts.length} posts, Chromium ${browser.version()}; load: ${(await import('node:os')).loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const win = page.locator(`#win-post-${top}`);
  // Move it to a known place first, so both gestures have room.
  let box = await win.locator('.title-bar').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(300, 100, { steps: 5 });
  await page.mouse.up();
  box = await win.locator('.title').boundingBox();
  report('drag by the title bar', await gesture(page, box.x + 10, box.y + box.height / 2, DURATION_MS));
  box = await win.boundingBox();
  report('resize from the bottom-right corner', await gesture(page, box.x + box.width - 2, box.y + box.height - 2, DURATION_MS));
  await context.close();
} finally {
  await browser.close();
  await site.close();
}
