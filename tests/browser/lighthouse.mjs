// Lighthouse 12 accessibility scores of the built site, desktop and mobile emulation, for the
// desktop page and a post page. Prints each score and any failing audit; exits 1 below 100.
// Usage (after building the site, see README): node tests/browser/lighthouse.mjs
// It takes a minute or more, so scripts/test.sh does not run it.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import * as chromeLauncher from 'chrome-launcher';
import { serveSite, siteDir } from './harness.mjs';

const site = await serveSite();
const posts = JSON.parse(await readFile(join(siteDir, 'posts.json'), 'utf8')).posts;
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
});
let worst = 100;
try {
  for (const [formFactor, config] of [['desktop', desktopConfig], ['mobile', undefined]]) {
    for (const path of ['', `posts/${posts[0].slug}/`]) {
      const url = `${site.url}${path}`;
      const started = Date.now();
      const { lhr } = await lighthouse(
        url,
        { port: chrome.port, onlyCategories: ['accessibility'], logLevel: 'error', output: 'json' },
        config,
      );
      const score = Math.round((lhr.categories.accessibility.score ?? 0) * 100);
      worst = Math.min(worst, score);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      console.log(`accessibility ${score} (${formFactor}) ${url} [${seconds}s]`);
      for (const ref of lhr.categories.accessibility.auditRefs) {
        const audit = lhr.audits[ref.id];
        if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
          console.log(`  failing: ${ref.id}: ${audit.title}`);
        }
      }
    }
  }
} finally {
  await chrome.kill();
  await site.close();
}
process.exit(worst === 100 ? 0 : 1);
