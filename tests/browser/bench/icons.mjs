// Benchmark (prints figures, asserts nothing): the desktop of a big site (10,000 posts for
// scripts/bench-browser.sh), whose Program Manager shows the first page of its post icons and
// every tag. Prints the size of what the desktop page
// downloads, the time from navigation to first paint, to the app's take-over and to the paint of
// the live desktop (the take-over's style and layout), the long tasks
// on the way, the time to open a post by double-clicking its icon, and frame intervals and long
// tasks while dragging Program Manager for 1 s.
//
// Usage: node tests/browser/bench/icons.mjs SITE_DIR
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadavg } from 'node:os';
import { launchBrowser, appReady, siteDir as defaultSiteDir } from '../harness.mjs';
import { serveCompressed } from './server.mjs';
import { gesture, report } from './probes.mjs';

const siteDir = process.argv[2] ?? defaultSiteDir;
const runs = Number(process.env.RUNS ?? 3);
const posts = JSON.parse(await readFile(join(siteDir, 'posts.json'), 'utf8')).posts;
const kb = async (file) => {
  const bytes = await readFile(join(siteDir, file));
  return `${Math.round((await stat(join(siteDir, file))).size / 1024)} KB (${Math.round(gzipSync(bytes, { level: 9 }).length / 1024)} KB gzip)`;
};
console.log(`${posts.length} posts: posts.json ${await kb('posts.json')}, index.html ${await kb('index.html')}; load: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);

const site = await serveCompressed(siteDir);
const browser = await launchBrowser();
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];

/** Records, from the first script on, long tasks and the moment the app marks <html>. */
const EARLY_PROBE = () => {
  window.__load = { longTasks: [], takeOver: null, painted: null };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__load.longTasks.push([Math.round(entry.startTime), Math.round(entry.duration)]);
  }).observe({ type: 'longtask', buffered: true });
  // (No <html> element yet when this runs: watch the document.)
  new MutationObserver(() => {
    if (window.__load.takeOver === null && document.documentElement?.hasAttribute('data-progman-app')) {
      window.__load.takeOver = performance.now();
      // The frame after the take-over's task: its style, layout and paint are done.
      requestAnimationFrame(() => setTimeout(() => { window.__load.painted = performance.now(); }));
    }
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-progman-app'] });
};

async function loadOnce() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(EARLY_PROBE);
  await page.goto(site.url);
  await appReady(page);
  await page.waitForFunction(() => window.__load.painted !== null, null, { timeout: 30000 });
  await page.waitForTimeout(500);
  const figures = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0,
    takeOver: window.__load.takeOver,
    painted: window.__load.painted,
    longTasks: window.__load.longTasks,
    icons: document.querySelectorAll('#win-progman .icon').length,
  }));
  return { context, page, figures };
}

try {
  const loads = [];
  let last;
  for (let i = 0; i < runs; i += 1) {
    if (last) await last.context.close();
    last = await loadOnce();
    loads.push(last.figures);
  }
  const { page } = last;
  console.log(`  desktop page, ${loads[0].icons} icons in Program Manager (median of ${runs} loads, fresh profile each):`);
  console.log(`    first contentful paint: ${Math.round(median(loads.map((l) => l.fcp)))} ms`);
  console.log(`    app take-over:          ${Math.round(median(loads.map((l) => l.takeOver)))} ms after navigation`);
  console.log(`    live desktop painted:   ${Math.round(median(loads.map((l) => l.painted)))} ms after navigation (take-over to paint: ${loads.map((l) => Math.round(l.painted - l.takeOver)).join(', ')} ms)`);
  for (const [i, load] of loads.entries()) {
    const tasks = load.longTasks.map(([at, ms]) => `${ms} ms at ${at}`).join(', ') || 'none';
    console.log(`    long tasks, load ${i + 1}: ${tasks}`);
  }

  // Double-click the last post icon of Program Manager's page (50 posts a page); time until
  // its window shows the article.
  const slug = posts[Math.min(posts.length, 50) - 1].slug;
  const icon = page.locator(`#win-progman .icon[data-slug="${slug}"]`);
  await icon.scrollIntoViewIfNeeded();
  await page.evaluate((wanted) => {
    window.__open = { longTasks: [] };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__open.longTasks.push(Math.round(entry.duration));
    }).observe({ type: 'longtask' });
    document.addEventListener('dblclick', () => { window.__open.clicked = performance.now(); }, { capture: true, once: true });
    new MutationObserver((_, observer) => {
      if (document.querySelector(`#win-post-${wanted} article.post`)) {
        window.__open.shown = performance.now();
        observer.disconnect();
        requestAnimationFrame(() => setTimeout(() => { window.__open.painted = performance.now(); }));
      }
    }).observe(document.getElementById('desktop'), { childList: true, subtree: true });
  }, slug);
  await icon.dblclick();
  await page.waitForFunction(() => window.__open.painted !== undefined, null, { timeout: 15000 });
  const open = await page.evaluate(() => window.__open);
  console.log(`  open a post by double-click (the last post icon of the page: post ${Math.min(posts.length, 50)} of ${posts.length}): article in the DOM ${Math.round(open.shown - open.clicked)} ms, painted ${Math.round(open.painted - open.clicked)} ms after the double-click; long tasks: ${open.longTasks.join(', ') || 'none'}`);

  // Responsiveness with that many icons: drag Program Manager for 1 s.
  await page.locator('#win-progman .title-bar').click({ position: { x: 60, y: 8 } });
  const box = await page.locator('#win-progman .title').boundingBox();
  report('drag Program Manager', await gesture(page, box.x + 10, box.y + box.height / 2, 1000));
  await last.context.close();
} finally {
  await browser.close();
  await site.close();
}
