// Benchmark helper (prints figures, asserts nothing): where the main thread's time goes from
// navigation to the app's take-over of a page, from a Chrome trace: every task of 50 ms or more,
// and the self time of the browser's work inside them by kind (parsing HTML, style, layout,
// script, paint...).
//
// With RETURN=1 the page is first visited through the app to save a desktop like
// lighthouse.mjs's return visit (the two newest posts' windows open); CPU=4 slows the CPU 4x.
//
// Usage: node tests/browser/bench/trace-takeover.mjs SITE_DIR [PATH]   (PATH: default the desktop page)
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launchBrowser, appReady, siteDir as defaultSiteDir } from '../harness.mjs';
import { serveCompressed } from './server.mjs';

const siteDir = process.argv[2] ?? defaultSiteDir;
const path = process.argv[3] ?? '';
const site = await serveCompressed(siteDir);
const browser = await launchBrowser();
const CATEGORIES = ['toplevel', 'devtools.timeline', 'v8.execute', 'disabled-by-default-devtools.timeline'];

/** Self time (ms) by event name of the complete events inside [start, end] on one thread. */
function selfTimes(events, start, end) {
  const inside = events.filter((e) => e.ts >= start && e.ts + e.dur <= end && e.ph === 'X')
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const totals = new Map();
  const stack = [];
  for (const e of inside) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
    if (stack.length) stack.at(-1).self -= e.dur;
    const frame = { ...e, self: e.dur };
    stack.push(frame);
    frame.done = () => totals.set(e.name, (totals.get(e.name) ?? 0) + frame.self);
    e.frame = frame;
  }
  for (const e of inside) e.frame.done();
  return totals;
}

try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  if (process.env.RETURN === '1') {
    const posts = JSON.parse(await readFile(join(siteDir, 'posts.json'), 'utf8')).posts;
    for (const p of [...posts.slice(0, 2).map((post) => `posts/${post.slug}/`), '']) {
      await page.goto(`${site.url}${p}`);
      await appReady(page);
      await page.waitForTimeout(400);
    }
  }
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(process.env.CPU ?? 1) });
  await browser.startTracing(page, { categories: CATEGORIES });
  await page.goto(`${site.url}${path}`);
  await appReady(page);
  await page.waitForTimeout(500);
  const trace = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
  const names = trace.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const main = trace.filter((e) => names.some((n) => n.pid === e.pid && n.tid === e.tid));
  const tasks = main.filter((e) => e.name === 'RunTask' && e.dur >= Number(process.env.MIN_MS ?? 50) * 1000);
  const origin = Math.min(...main.filter((e) => e.ts > 0).map((e) => e.ts));
  console.log(`${path || '/'}: ${tasks.length} tasks of ${process.env.MIN_MS ?? 50} ms or more on the page's main thread`);
  for (const task of tasks) {
    const thread = main.filter((e) => e.pid === task.pid && e.tid === task.tid);
    const self = [...selfTimes(thread, task.ts, task.ts + task.dur)].filter(([name, us]) => us >= 5000 && name !== 'RunTask')
      .sort((a, b) => b[1] - a[1]).map(([name, us]) => `${name} ${Math.round(us / 1000)}`);
    const calls = thread.filter((e) => e.ts >= task.ts && e.ts < task.ts + task.dur && (e.name === 'FunctionCall' || e.name === 'TimerFire' || e.name === 'FireAnimationFrame' || e.name === 'EventDispatch'))
      .map((e) => `${e.name}:${e.args?.data?.functionName || e.args?.data?.type || ''}`);
    const what = [...new Set(calls)].slice(0, 4).join(' ');
    console.log(`  ${Math.round(task.dur / 1000)} ms at ${Math.round((task.ts - origin) / 1000)} ms: ${self.join(', ')}${what ? ` [${what}]` : ''}`);
  }
  await context.close();
} finally {
  await browser.close();
  await site.close();
}
