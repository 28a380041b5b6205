// The benchmarks' static server: like harness.mjs's, but it answers as a typical static host
// does (GitHub Pages, Netlify): gzip when the browser accepts it, an ETag on every file (a
// matching If-None-Match gets 304), pages revalidated on every visit (`no-cache`) and other files
// cached for 10 minutes, so a return visit reloads the HTML but not the app. Only on 127.0.0.1.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { join, extname, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { requestPath } from '../harness.mjs';

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

/** Serves `dir` at the root of a free port on 127.0.0.1; resolves to { url, close }. */
export async function serveCompressed(dir) {
  const gzipped = new Map();
  const server = createServer(async (request, response) => {
    // An odd request (`//`, `%zz`) is answered 400 instead of taking the server down.
    const path = requestPath(request.url);
    if (path === null) {
      response.writeHead(400);
      return response.end();
    }
    let file = join(dir, path);
    let status = 200;
    try {
      if (normalize(path) !== path) throw new Error('not normal');
      if ((await stat(file)).isDirectory()) {
        if (!path.endsWith('/')) {
          response.writeHead(301, { Location: `${path}/` });
          return response.end();
        }
        file = join(file, 'index.html');
      }
      await stat(file);
    } catch {
      file = join(dir, '404.html');
      status = 404;
    }
    let body = await readFile(file).catch(() => Buffer.from('Not found'));
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
    const headers = { 'Content-Type': type, ETag: etag, 'Cache-Control': type.startsWith('text/html') ? 'no-cache' : 'max-age=600' };
    if (status === 200 && request.headers['if-none-match'] === etag) {
      response.writeHead(304, headers);
      return response.end();
    }
    if (/\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
      if (!gzipped.has(file)) gzipped.set(file, gzipSync(body, { level: 9 }));
      body = gzipped.get(file);
      headers['Content-Encoding'] = 'gzip';
      headers.Vary = 'Accept-Encoding';
    }
    headers['Content-Length'] = body.length;
    response.writeHead(status, headers);
    response.end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
