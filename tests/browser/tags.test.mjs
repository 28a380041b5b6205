// Tags on the live desktop: Program Manager's group icons, a group window per tag, the Tags
// window, their URLs, and taking over a static tag page without anything moving.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { useSite, pageErrors, appReady, screenshots } from './harness.mjs';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let site;
let browser;
let index;
let tag; // the demo tag carried by the most posts
let tagged; // its posts, newest first

const started = useSite();
before(async () => {
  ({ site, browser, index } = await started);
  const counts = new Map();
  for (const post of index.posts) for (const t of tagSlugs(post)) counts.set(t, (counts.get(t) ?? 0) + 1);
  [tag] = [...counts].sort((a, b) => b[1] - a[1])[0];
  assert.equal(index.tags.find((t) => t.slug === tag).name, tag, 'the demo tag is its own slug');
  tagged = index.posts.filter((post) => tagSlugs(post).includes(tag));
  assert.ok(tagged.length >= 2, 'the demo site needs a tag on at least two posts');
});

/** The slugs of a post's tags: the index numbers them in its list of tags. */
const tagSlugs = (post) => (post.tags ?? []).map((number) => index.tags[number].slug);

async function open(path = '', { ready = true } = {}) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = pageErrors(page);
  await page.goto(site.url + path);
  if (ready) await appReady(page);
  return { page, errors };
}

const path = (page) => new URL(page.url()).pathname;
const isActive = async (locator) => /\bactive\b/.test(await locator.getAttribute('class'));
const focusedData = (page) =>
  page.evaluate(() => ({ ...document.activeElement?.dataset, window: document.activeElement?.closest('.window')?.id }));

test('Program Manager shows a group icon per tag; a double-click opens the group, its posts open from it', async () => {
  const { page, errors } = await open();
  const manager = page.locator('#win-progman');
  const groups = await manager.locator('.icons.groups .icon.group').evaluateAll((els) => els.map((el) => el.dataset.tag));
  const expected = [...new Set(index.posts.flatMap(tagSlugs))].sort();
  assert.deepEqual(groups, expected);

  await manager.locator(`.icon[data-tag="${tag}"]`).dblclick();
  const group = page.locator(`#win-tag-${tag}`);
  await group.waitFor();
  assert.match(await group.getAttribute('class'), /\bwindow group-window\b/);
  assert.ok(await isActive(group));
  assert.equal(await group.locator('.title-bar .title').textContent(), tag);
  const labels = await group.locator('.icon[data-slug] .icon-label').allTextContents();
  assert.deepEqual(labels, tagged.map((post) => post.title));
  assert.equal(path(page), `/tags/${tag}/`);
  assert.equal(await page.title(), `Posts tagged “${tag}” — ${index.site_title}`);
  await page.screenshot({ path: join(screenshots, 'tag-window.png') });

  // A single click only selects, as in Program Manager; a double-click opens the post.
  const post = tagged[1];
  await group.locator(`.icon[data-slug="${post.slug}"]`).click();
  assert.equal(path(page), `/tags/${tag}/`);
  await group.locator(`.icon[data-slug="${post.slug}"]`).dblclick();
  await page.locator(`#win-post-${post.slug} article h1`).waitFor();
  assert.equal(path(page), `/posts/${post.slug}/`);

  // Back and forward walk the windows the address bar named.
  await page.goBack();
  await page.waitForFunction((id) => document.getElementById(id)?.classList.contains('active'), `win-tag-${tag}`);
  assert.equal(path(page), `/tags/${tag}/`);
  await page.goBack();
  await page.waitForFunction(() => document.getElementById('win-progman').classList.contains('active'));
  assert.equal(path(page), '/');
  // Focus moves on the frame after the window is painted active, so wait for it.
  await page
    .waitForFunction((t) => document.activeElement?.dataset.tag === t, tag, { timeout: 3000 })
    .catch(() => {});
  assert.equal((await focusedData(page)).tag, tag, 'back from a group lands on its icon');
  await page.goForward();
  await page.waitForFunction((id) => document.getElementById(id)?.classList.contains('active'), `win-tag-${tag}`);
  await page.goForward();
  await page.waitForFunction((id) => document.getElementById(id)?.classList.contains('active'), `win-post-${post.slug}`);
  assert.equal(path(page), `/posts/${post.slug}/`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the keyboard opens a group and a post in it; closing the group returns to its icon', async () => {
  const { page, errors } = await open();
  await page.locator(`#win-progman .icon[data-tag="${tag}"]`).focus();
  await page.keyboard.press('Enter');
  const group = page.locator(`#win-tag-${tag}`);
  await group.waitFor();
  // The group's first icon is selected, so Enter opens the newest post carrying the tag.
  await page.waitForFunction((id) => document.activeElement?.closest('.window')?.id === id, `win-tag-${tag}`);
  assert.equal((await focusedData(page)).slug, tagged[0].slug);
  await page.keyboard.press('Enter');
  await page.locator(`#win-post-${tagged[0].slug} article h1`).waitFor();
  assert.equal(path(page), `/posts/${tagged[0].slug}/`);
  await page.keyboard.press('Alt+F4');
  await page.locator(`#win-post-${tagged[0].slug}`).waitFor({ state: 'detached' });
  // The group was under the post; close it too (Ctrl+F4 closes a group in Windows 3.1; Alt+F4 here).
  await page.waitForFunction((id) => document.getElementById(id)?.classList.contains('active'), `win-tag-${tag}`);
  await page.locator(`#win-tag-${tag} .icon`).first().focus();
  await page.keyboard.press('Alt+F4');
  await group.waitFor({ state: 'detached' });
  await page.waitForFunction((t) => document.activeElement?.dataset.tag === t, tag);
  assert.equal(path(page), '/');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a group window moves, minimizes to a group icon and comes back', async () => {
  const { page } = await open(`tags/${tag}/`);
  const group = page.locator(`#win-tag-${tag}`);
  const before = await group.boundingBox();
  const title = await group.locator('.title-bar .title').boundingBox();
  await page.mouse.move(title.x + title.width / 2, title.y + title.height / 2);
  await page.mouse.down();
  await page.mouse.move(title.x + title.width / 2 + 80, title.y + title.height / 2 + 40, { steps: 4 });
  await page.mouse.up();
  const moved = await group.boundingBox();
  assert.deepEqual([Math.round(moved.x - before.x), Math.round(moved.y - before.y)], [80, 40]);
  await group.locator('.title-bar .minimize').click();
  const icon = page.locator(`#win-tag-${tag}-icon`);
  await icon.waitFor();
  const image = await icon.locator('.icon-image').evaluate((el) => getComputedStyle(el).backgroundImage);
  const groupImage = await page.locator(`#win-progman .icon[data-tag="${tag}"] .icon-image`)
    .evaluate((el) => getComputedStyle(el).backgroundImage);
  assert.equal(image, groupImage, 'a minimized group shows the group icon');
  await page.screenshot({ path: join(screenshots, 'tag-window-minimized.png') });
  await icon.dblclick();
  await page.waitForFunction((id) => document.getElementById(id)?.classList.contains('active'), `win-tag-${tag}`);
  assert.deepEqual(await group.boundingBox(), moved);
  await page.close();
});

test('loading a tag URL takes over the static page with every window where it was', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = pageErrors(page);
  // Record where the static page put the windows, and its icons, before the app took over.
  // (The page's Content-Security-Policy forbids eval, so each snapshot is written out.)
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      window.__static = [...document.querySelectorAll('.window')].map((el) => {
        const r = el.getBoundingClientRect();
        return { id: el.id, x: r.x, y: r.y, w: r.width, h: r.height };
      });
      window.__staticIcons = [...document.querySelectorAll('.window .icon')].map((el) => el.outerHTML);
    });
  });
  await page.goto(`${site.url}tags/${tag}/`);
  await appReady(page);
  const group = page.locator(`#win-tag-${tag}`);
  assert.ok(await isActive(group));
  const [staticRects, liveRects, staticIcons, liveIcons] = await page.evaluate(() => [
    window.__static,
    [...document.querySelectorAll('.window')].map((el) => {
      const r = el.getBoundingClientRect();
      return { id: el.id, x: r.x, y: r.y, w: r.width, h: r.height };
    }),
    window.__staticIcons,
    [...document.querySelectorAll('.window .icon')].map((el) => el.outerHTML),
  ]);
  assert.ok(staticRects.length === 2, 'the static page has Program Manager and the group');
  assert.deepEqual(liveRects, staticRects);
  // Same icons, in the same order, in both windows (the app adds only the Control Panel item).
  const withoutControlPanel = liveIcons.filter((html) => !html.includes('control-panel'));
  assert.deepEqual(withoutControlPanel.map(strip), staticIcons.map(strip));
  assert.equal(path(page), `/tags/${tag}/`);
  assert.deepEqual(errors, []);
  await page.close();
});

/** An icon's markup without the attributes only the app sets (selection state). */
function strip(html) {
  return html.replace(/ class="icon( selected)?"/, ' class="icon"');
}

test('the tag index is the Tags window; All tags reaches it from a group', async () => {
  const { page, errors } = await open('tags/');
  const tags = page.locator('#win-tags');
  assert.ok(await isActive(tags));
  assert.equal(await page.title(), `Tags — ${index.site_title}`);
  await tags.locator(`.icon[data-tag="${tag}"]`).dblclick();
  const group = page.locator(`#win-tag-${tag}`);
  await group.waitFor();
  assert.equal(path(page), `/tags/${tag}/`);
  await group.locator('.window-note a').click();
  await page.waitForFunction(() => document.getElementById('win-tags').classList.contains('active'));
  assert.equal(path(page), '/tags/');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a URL naming no tag keeps the not-found page and says why', async () => {
  const { page, errors } = await open('tags/no-such-tag/', { ready: false });
  const warnings = [];
  page.on('console', (message) => warnings.push(message.text()));
  await page.reload();
  await page.waitForFunction(() => window.wasmBindings !== undefined, null, { timeout: 15000 });
  await page.waitForFunction(() => true);
  await page.waitForTimeout(300);
  assert.equal(await page.locator('html[data-progman-app]').count(), 0);
  assert.ok(await page.locator('#win-not-found').isVisible());
  assert.ok(warnings.some((text) => text.includes('no post is tagged `no-such-tag`')), warnings.join('\n'));
  assert.deepEqual(errors, []);
  await page.close();
});

test('an open group window is remembered with the desktop', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${site.url}tags/${tag}/`);
  await appReady(page);
  await page.waitForTimeout(400); // the desktop is saved a moment after it changes
  await page.goto(site.url);
  await appReady(page);
  const group = page.locator(`#win-tag-${tag}`);
  await group.waitFor();
  assert.ok(await isActive(page.locator('#win-progman')));
  await context.close();
});

test('axe finds no violations with group windows open, live and static', async () => {
  const violations = async (page) => {
    await page.addScriptTag({ path: axePath });
    return page.evaluate(async () => {
      const result = await window.axe.run(document, { resultTypes: ['violations'] });
      return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    });
  };
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${site.url}tags/${tag}/`);
  await appReady(page);
  assert.deepEqual(await violations(page), [], 'tag window');
  await page.locator(`#win-tag-${tag} .window-note a`).click();
  await page.locator('#win-tags').waitFor();
  assert.deepEqual(await violations(page), [], 'Tags window');
  await context.close();
  // The static pages, the app's code kept out (as with JavaScript off; axe can still be injected).
  const plain = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 800 } });
  const staticPage = await plain.newPage();
  await staticPage.route(/\.(js|wasm)$/, (route) => route.abort());
  for (const path of [`tags/${tag}/`, 'tags/']) {
    await staticPage.goto(`${site.url}${path}`);
    assert.equal(await staticPage.locator('html[data-progman-app]').count(), 0, 'the app stayed out');
    assert.deepEqual(await violations(staticPage), [], `static /${path}`);
  }
  await plain.close();
});
