// Lighthouse 12 accessibility scores of the built site, with desktop and with mobile emulation,
// for the desktop page and a post page: every one must be 100. Prints each score (and any
// failing audit). About 40 s; run alone with `node --test tests/browser/lighthouse.test.mjs`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import * as chromeLauncher from 'chrome-launcher';
import { serveSite, siteDir } from './harness.mjs';

let site;
let chrome;
let posts;

before(async () => {
  site = await serveSite();
  posts = JSON.parse(await readFile(join(siteDir, 'posts.json'), 'utf8')).posts;
  chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
  });
});

after(async () => {
  await chrome?.kill();
  await site?.close();
});

/** The accessibility score of `url` and the titles of its failing audits. */
async function accessibility(url, config) {
  const { lhr } = await lighthouse(url, { port: chrome.port, onlyCategories: ['accessibility'], logLevel: 'error' }, config);
  const category = lhr.categories.accessibility;
  const failing = category.auditRefs
    .map((ref) => lhr.audits[ref.id])
    .filter((audit) => audit.score !== null && audit.score < 1)
    .map((audit) => `${audit.id}: ${audit.title}`);
  return { score: Math.round((category.score ?? 0) * 100), failing };
}

for (const [formFactor, config] of [['desktop', desktopConfig], ['mobile', undefined]]) {
  test(`Lighthouse accessibility is 100 with ${formFactor} emulation`, async () => {
    for (const path of ['', `posts/${posts[0].slug}/`]) {
      const url = `${site.url}${path}`;
      const { score, failing } = await accessibility(url, config);
      console.log(`Lighthouse accessibility ${score} (${formFactor}) /${path}`);
      assert.deepEqual({ score, failing }, { score: 100, failing: [] }, `${formFactor} /${path}`);
    }
  });
}
