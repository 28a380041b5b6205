// Benchmark (prints figures, asserts nothing): Lighthouse 12 performance of a built site with
// the default mobile configuration (Moto G Power emulation, simulated slow 4G and 4x CPU
// slowdown), for the desktop page, a post page and a tag's page, on a first visit (empty profile) and on a
// return visit (a profile where the app itself saved a desktop with post windows open, a colour
// scheme and a pattern; Lighthouse keeps storage and cache). Median of LH_RUNS runs (default 3).
// The site is served gzipped with a 10-minute cache lifetime, as a typical static host does.
//
// Usage: node tests/browser/bench/lighthouse.mjs [SITE_DIR]   (default: PROGMAN_SITE or target/test-site)
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { chromium } from 'playwright-core';
import { siteDir as defaultSiteDir, appReady } from '../harness.mjs';
import { serveCompressed } from './server.mjs';

const siteDir = process.argv[2] ?? defaultSiteDir;
const runs = Number(process.env.LH_RUNS ?? 3);
const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const chromeFlags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'];

/** The issue's targets: [audit id, label, unit, limit, lower is better]. */
const METRICS = [
  ['first-contentful-paint', 'FCP', 'ms', null],
  ['largest-contentful-paint', 'LCP', 'ms', 1500],
  ['total-blocking-time', 'TBT', 'ms', 50],
  ['cumulative-layout-shift', 'CLS', '', 0.02],
  ['speed-index', 'SI', 'ms', null],
];

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];

/** One Lighthouse performance run of `url` against the Chrome on `port`. */
async function measure(port, url, keepStorage) {
  const { lhr } = await lighthouse(url, {
    port,
    onlyCategories: ['performance'],
    logLevel: 'error',
    disableStorageReset: keepStorage,
  });
  const figures = { score: Math.round((lhr.categories.performance.score ?? 0) * 100) };
  for (const [id] of METRICS) figures[id] = lhr.audits[id].numericValue;
  const blocking = lhr.audits['render-blocking-resources'];
  figures.renderBlocking = blocking?.details?.overallSavingsMs ?? 0;
  figures.lcpElement = lhr.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node?.snippet ?? '';
  figures.shifts = (lhr.audits['layout-shifts']?.details?.items ?? []).map(
    (item) => `${item.score.toFixed(3)} ${item.node?.snippet ?? ''}`.slice(0, 120),
  );
  const observed = lhr.audits.metrics.details.items[0];
  figures.observed = `observed unthrottled: FCP ${Math.round(observed.observedFirstContentfulPaint)} ms, LCP ${Math.round(observed.observedLargestContentfulPaint)} ms, load ${Math.round(observed.observedLoad)} ms`;
  // Lantern counts every high-priority download that ended before the observed LCP as needed
  // for it: when the page's first paint is shown late (a loaded machine), the app's files are.
  const lcpAt = observed.observedLargestContentfulPaint;
  figures.appBeforeLcp = (lhr.audits['network-requests']?.details?.items ?? [])
    .filter((r) => /\.(js|wasm)$|posts\.json$/.test(r.url) && r.networkEndTime <= lcpAt)
    .map((r) => r.url.replace(/^https?:\/\/[^/]+\//, '').replace(/-[0-9a-f]{16}/, ''));
  figures.longTasks = (lhr.audits['long-tasks']?.details?.items ?? []).map(
    (task) => `${Math.round(task.duration)} ms at ${Math.round(task.startTime)} ms (${task.url.replace(/^https?:\/\/[^/]+/, '')})`,
  );
  if (process.env.LH_JSON) await import('node:fs').then((fs) => fs.writeFileSync(`${process.env.LH_JSON}-${url.replace(/\W+/g, '_')}-${keepStorage}.json`, JSON.stringify(lhr)));
  return figures;
}

/** Median of `runs` Lighthouse runs, with the details of the median-scoring run. */
async function medianOf(port, url, keepStorage) {
  const all = [];
  for (let i = 0; i < runs; i += 1) all.push(await measure(port, url, keepStorage));
  const result = { ...all.sort((a, b) => a.score - b.score)[Math.floor((all.length - 1) / 2)] };
  for (const [id] of METRICS) result[id] = median(all.map((run) => run[id]));
  result.scores = all.map((run) => run.score);
  return result;
}

function report(label, result) {
  const ok = (value, limit) => (limit === null ? '' : value <= limit ? ' ok' : ' MISSED');
  console.log(`  ${label}`);
  console.log(`    performance ${result.score} (target >= 98${result.score >= 98 ? ' ok' : ' MISSED'}; runs: ${result.scores.join(', ')})`);
  for (const [id, name, unit, limit] of METRICS) {
    const value = result[id];
    const shown = unit === 'ms' ? `${Math.round(value)} ms` : value.toFixed(3);
    const target = limit === null ? '' : ` (target <= ${unit === 'ms' ? `${limit} ms` : limit}${ok(value, limit)})`;
    console.log(`    ${name.padEnd(4)} ${shown}${target}`);
  }
  console.log(`    render-blocking resources: ${Math.round(result.renderBlocking)} ms potential saving`);
  console.log(`    LCP element: ${result.lcpElement.slice(0, 100)}`);
  for (const shift of result.shifts) console.log(`    layout shift: ${shift}`);
  for (const task of result.longTasks) console.log(`    long task (simulated): ${task}`);
  console.log(`    ${result.observed}`);
  const counted = result.appBeforeLcp.length ? result.appBeforeLcp.join(', ') : 'none';
  console.log(`    app files done before the observed LCP (so counted in it): ${counted}`);
}

/** Opens post windows, the Hotdog Stand scheme and the Weave pattern through the app, in
 *  the profile of the Chrome on `port`, at a desktop-sized viewport, and lets the app save. */
async function saveDesktop(port, url, slugs) {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  const page = await browser.contexts()[0].newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  // Each post page opens its window on the saved desktop; the desktop page then brings
  // Program Manager to the front.
  for (const path of [...slugs.map((slug) => `posts/${slug}/`), '']) {
    await page.goto(`${url}${path}`);
    await appReady(page);
    await page.waitForTimeout(400); // storage.rs coalesces writes (250 ms)
  }
  await page.locator('#win-progman .icon.control-panel').dblclick();
  await page.locator('#cpl-color').dblclick();
  await page.locator('.dialog [role="option"]', { hasText: 'Hotdog Stand' }).click();
  await page.locator('.dialog button', { hasText: 'OK' }).click();
  await page.locator('#cpl-desktop').dblclick();
  await page.locator('.dialog [role="option"]', { hasText: 'Weave' }).dblclick();
  await page.locator('#win-control-panel .control-box').dblclick();
  await page.waitForTimeout(600); // storage.rs coalesces writes (250 ms)
  const saved = await page.evaluate(() => localStorage.getItem('progman.desktop'));
  await page.close();
  await browser.close();
  return JSON.parse(saved);
}

const site = await serveCompressed(siteDir);
const index = JSON.parse(await readFile(join(siteDir, 'posts.json'), 'utf8'));
const posts = index.posts;
const post = `posts/${posts[0].slug}/`;
const pages = [['desktop /', ''], [`post /${post}`, post]];
// And the page of the newest post's first tag (the index numbers each post's tags).
const tag = index.tags?.[posts[0].tags?.[0]]?.slug;
if (tag) pages.push([`tag /tags/${tag}/`, `tags/${tag}/`]);
console.log(`Lighthouse ${(await import('lighthouse/package.json', { with: { type: 'json' } })).default.version}, mobile emulation, simulated throttling; median of ${runs}; ${posts.length} posts`);

try {
  const fresh = await chromeLauncher.launch({ chromePath, chromeFlags });
  try {
    console.log('first visit (empty profile, cold cache):');
    for (const [label, path] of pages) report(label, await medianOf(fresh.port, `${site.url}${path}`, false));
  } finally {
    await fresh.kill();
  }
  const profile = await mkdtemp(join(tmpdir(), 'progman-lh-'));
  const returning = await chromeLauncher.launch({ chromePath, chromeFlags, userDataDir: profile });
  try {
    const saved = await saveDesktop(returning.port, site.url, posts.slice(0, 2).map((p) => p.slug));
    const windows = saved.windows.map((w) => JSON.stringify(w.id)).join(' ');
    console.log(`return visit (saved desktop: scheme ${saved.scheme}, pattern ${saved.pattern}, windows ${windows}; warm cache):`);
    for (const [label, path] of pages) report(label, await medianOf(returning.port, `${site.url}${path}`, true));
  } finally {
    await returning.kill();
    await rm(profile, { recursive: true, force: true });
  }
} finally {
  await site.close();
}
