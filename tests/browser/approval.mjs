// Approved images: a screenshot is compared with tests/browser/approved/<name>.png and fails
// when more than a stray pixel or two differ. To accept a deliberate change of the look:
//
//   UPDATE_APPROVED=1 node --test tests/browser/<file>.test.mjs
//
// then LOOK at the new images (git diff shows which changed) before committing them. On a
// failure, the actual image and a diff (changed pixels in red) are written to target/look/.
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

const root = new URL('../../', import.meta.url).pathname;
const approvedDir = join(root, 'tests/browser/approved');
const outDir = join(root, 'target/look');
const update = process.env.UPDATE_APPROVED === '1';
// Per-pixel colour tolerance (pixelmatch's 0..1 threshold) and how many pixels may differ:
// the fonts are bitmaps and nothing is anti-aliased, so runs are expected to match exactly;
// the slack only absorbs a stray pixel or two.
const THRESHOLD = 0.05;
const MAX_DIFF_PIXELS = 8;

/** Compares a screenshot with its approved image (or, when updating, replaces that image). */
export async function approve(name, png) {
  await mkdir(outDir, { recursive: true });
  const approvedPath = join(approvedDir, `${name}.png`);
  if (update) {
    await mkdir(approvedDir, { recursive: true });
    await writeFile(approvedPath, png);
    return;
  }
  assert.ok(existsSync(approvedPath), `no approved image ${name}.png: run with UPDATE_APPROVED=1, then look at it`);
  const actual = PNG.sync.read(png);
  const expected = PNG.sync.read(await readFile(approvedPath));
  const sameSize = actual.width === expected.width && actual.height === expected.height;
  let changed = Infinity;
  if (sameSize) {
    const diff = new PNG({ width: actual.width, height: actual.height });
    changed = pixelmatch(actual.data, expected.data, diff.data, actual.width, actual.height, { threshold: THRESHOLD });
    if (changed > MAX_DIFF_PIXELS) await writeFile(join(outDir, `${name}.diff.png`), PNG.sync.write(diff));
  }
  if (!sameSize || changed > MAX_DIFF_PIXELS) {
    await writeFile(join(outDir, `${name}.actual.png`), png);
    assert.fail(sameSize
      ? `${name}: ${changed} pixels differ from the approved image (see target/look/${name}.diff.png)`
      : `${name}: ${actual.width}x${actual.height}, approved is ${expected.width}x${expected.height}`);
  }
}

