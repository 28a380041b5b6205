// Shared set-up for the browser tests: a static file server for the built site (as any static
// host would serve it) and headless Chromium from Debian's package, driven by playwright-core.
import { createServer } from 'node:http';
import { before, after } from 'node:test';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { join, extname, normalize } from 'node:path';
import { chromium } from 'playwright-core';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain',
};

/** The built site to test: PROGMAN_SITE, or target/test-site. */
export const siteDir = process.env.PROGMAN_SITE ?? new URL('../../target/test-site', import.meta.url).pathname;

/** Serves `dir` under `basePath` on 127.0.0.1 at a free port; resolves to { url, close }. */
export async function serveSite(dir = siteDir, basePath = '/') {
  const server = createServer(async (request, response) => {
    // An odd request (`//`, `%zz`) is answered 400 instead of taking the server down.
    const path = requestPath(request.url);
    if (path === null) {
      response.writeHead(400);
      return response.end();
    }
    if (!path.startsWith(basePath) || normalize(path) !== path) {
      return send(response, 404, await notFound(dir), '.html');
    }
    let file = join(dir, path.slice(basePath.length));
    try {
      if ((await stat(file)).isDirectory()) {
        if (!path.endsWith('/')) {
          response.writeHead(301, { Location: `${path}/` });
          return response.end();
        }
        file = join(file, 'index.html');
      }
      send(response, 200, await readFile(file), extname(file));
    } catch {
      send(response, 404, await notFound(dir), '.html');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${basePath}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

function send(response, status, body, extension) {
  response.writeHead(status, { 'Content-Type': TYPES[extension] ?? 'application/octet-stream' });
  response.end(body);
}

async function notFound(dir) {
  return readFile(join(dir, '404.html')).catch(() => 'Not found');
}

/** Launches Debian's Chromium headless with a fresh profile. */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
    // Playwright gives every launch a fresh, empty user data directory of its own.
  });
}

/** Waits until the app has taken over the static desktop. */
export async function appReady(page) {
  await page.waitForSelector('html[data-progman-app]', { state: 'attached', timeout: 15000 });
}

/** Where the browser tests write the screenshots a person looks at. */
export const screenshots = new URL('../../target/screenshots/', import.meta.url).pathname;

/**
 * The set-up every browser test file shares: registers hooks that serve the built site `dir`
 * (under `basePath`), launch Chromium, read the posts index, and close it all at the end.
 * Resolves, once started, to `{ site, browser, index, posts }`; with `skip` nothing is started.
 * (Node 20 does not wait for one root `before` hook before starting the next, so a test file
 * awaits this promise in its own hook instead of reading the values directly.)
 */
export function useSite({ dir = siteDir, basePath = '/', skip = false } = {}) {
  const shared = {};
  const settle = {};
  const ready = new Promise((resolve, reject) => Object.assign(settle, { resolve, reject }));
  before(async () => {
    try {
      if (!skip) {
        shared.site = await serveSite(dir, basePath);
        shared.browser = await launchBrowser();
        shared.index = JSON.parse(await readFile(join(dir, 'posts.json'), 'utf8'));
        shared.posts = shared.index.posts;
        await mkdir(screenshots, { recursive: true });
      }
      settle.resolve(shared);
    } catch (error) {
      settle.reject(error);
    }
  });
  after(async () => {
    await shared.browser?.close();
    await shared.site?.close();
  });
  return ready;
}

/** Collects the page's uncaught errors; the array fills as they happen. */
export function pageErrors(page) {
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** The decoded path of a request's URL, or null when it is not a path (`//`, `%zz`). */
export function requestPath(url) {
  try {
    return decodeURIComponent(new URL(`http://x${url}`).pathname);
  } catch {
    return null;
  }
}
