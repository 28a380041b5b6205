// The colour schemes, checked from the CSS source alone (no browser): every scheme sets every
// colour token tokens.css lists, nothing outside schemes/ writes a colour value, and every text
// colour reaches WCAG AA contrast (4.5:1) on the background it is drawn on, in every scheme.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';

const style = new URL('../../style/', import.meta.url).pathname;
const read = (path) => readFile(join(style, path), 'utf8');
const stripComments = (css) => css.replace(/\/\*[\s\S]*?\*\//g, '');

/** Text colour token → the background tokens it is drawn on (see the style files). */
const TEXT_ON = {
  WindowText: ['Window'],            // articles, message boxes
  LinkText: ['Window'],              // links in articles
  IconText: ['AppWorkspace'],        // icon captions in Program Manager
  DesktopText: ['Background'],       // icon captions on the desktop
  MenuText: ['Menu'],                // menu bars and drop-down menus
  TitleText: ['ActiveTitle'],        // active title bar
  InactiveTitleText: ['InactiveTitle'],
  ButtonText: ['ButtonFace'],        // push buttons, dialogs, tags, group boxes
  HighlightText: ['Highlight'],      // selected menu items, list box items, icon captions
};
// Highlighted code is drawn on the window background.
for (const token of ['Keyword', 'String', 'Comment', 'Number', 'Literal', 'Type', 'Function', 'Key',
  'Variable', 'Tag', 'Attribute', 'Meta']) {
  TEXT_ON[`Code${token}`] = ['Window'];
}
// --GrayText is left out on purpose: WCAG exempts the text of disabled controls.

/** Colour tokens as documented in tokens.css ("--Name   description" lines of its comment). */
async function tokenNames() {
  const css = await read('tokens.css');
  const comment = css.match(/\/\*[\s\S]*?\*\//)[0];
  return [...comment.matchAll(/^\s*\*\s+--([A-Za-z]+)\s{2,}/gm)].map((m) => m[1]);
}

/** Every rule of a scheme file: { selector, media, declarations: Map(name → value) }. */
function rules(css) {
  const out = [];
  const source = stripComments(css);
  const pattern = /(@media[^{]*)\{|([^{}]+)\{([^{}]*)\}|\}/g;
  let media = null;
  for (const m of source.matchAll(pattern)) {
    if (m[1]) media = m[1].trim();
    else if (m[2]) {
      const declarations = new Map();
      for (const d of m[3].split(';')) {
        const at = d.indexOf(':');
        if (at > 0) declarations.set(d.slice(0, at).trim(), d.slice(at + 1).trim());
      }
      out.push({ selector: m[2].trim().replace(/\s+/g, ' '), media, declarations });
    } else media = null;
  }
  return out;
}

async function schemes() {
  const files = (await readdir(join(style, 'schemes'))).filter((f) => f.endsWith('.css')).sort();
  const out = [];
  for (const file of files) out.push({ file, name: file.replace(/\.css$/, ''), rules: rules(await read(`schemes/${file}`)) });
  return out;
}

function luminance(hex) {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  assert.ok(m, `${hex} is not a #RRGGBB colour`);
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(m[1].slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

test('the contrast formula gives the WCAG reference figures', () => {
  assert.equal(contrast('#000000', '#FFFFFF').toFixed(1), '21.0');
  assert.equal(contrast('#FFFFFF', '#FFFFFF'), 1);
  assert.equal(contrast('#FFFFFF', '#FF0000').toFixed(2), '4.00');
});

test('tokens.css documents the colour tokens the styles use', async () => {
  const names = await tokenNames();
  assert.ok(names.length >= 24, `only ${names.length} tokens found`);
  for (const text of Object.keys(TEXT_ON)) assert.ok(names.includes(text), `--${text} is not documented`);
});

test('there is a Windows Default scheme, the six named ones, and a high-contrast scheme', async () => {
  const found = (await schemes()).map((s) => s.name);
  for (const name of ['windows-default', 'hotdog-stand', 'arizona', 'ocean', 'the-blues', 'valentine', 'high-contrast']) {
    assert.ok(found.includes(name), `schemes/${name}.css is missing`);
  }
});

test('each scheme is one block, selected by data-scheme, defining every colour token', async () => {
  const names = await tokenNames();
  for (const scheme of await schemes()) {
    const own = scheme.rules.filter((r) => !r.media);
    assert.equal(own.length, 1, `${scheme.file}: expected one block outside media rules`);
    const [block] = own;
    assert.ok(block.selector.split(',').map((s) => s.trim()).includes(`:root[data-scheme="${scheme.name}"]`),
      `${scheme.file}: selector is ${block.selector}`);
    for (const name of names) {
      assert.ok(block.declarations.has(`--${name}`), `${scheme.file} does not set --${name}`);
      luminance(block.declarations.get(`--${name}`));
    }
    const extra = [...block.declarations.keys()].filter((k) => k.startsWith('--') && !names.includes(k.slice(2)));
    assert.deepEqual(extra, [], `${scheme.file} sets tokens tokens.css does not document`);
  }
});

test('Windows Default also applies to a page without data-scheme', async () => {
  const [block] = (await schemes()).find((s) => s.name === 'windows-default').rules;
  assert.ok(block.selector.split(',').map((s) => s.trim()).includes(':root'));
  assert.equal(block.declarations.get('--Background'), '#C0C0C0');
  assert.equal(block.declarations.get('--ActiveTitle'), '#000080');
});

test('the high-contrast scheme is what prefers-contrast and forced-colors select', async () => {
  const { rules: all } = (await schemes()).find((s) => s.name === 'high-contrast');
  const block = all.find((r) => !r.media);
  const media = all.find((r) => r.media);
  assert.ok(media, 'no media rule');
  assert.match(media.media, /prefers-contrast:\s*more/);
  assert.match(media.media, /forced-colors:\s*active/);
  assert.equal(media.selector, ':root:not([data-scheme])');
  assert.deepEqual([...media.declarations], [...block.declarations], 'the media copy differs from the block');
  assert.equal(block.declarations.get('--Highlight'), '#FFFF00');
});

test('every text colour meets WCAG AA (4.5:1) on its background in every scheme', async () => {
  const failures = [];
  for (const scheme of await schemes()) {
    const values = scheme.rules.find((r) => !r.media).declarations;
    for (const [text, backgrounds] of Object.entries(TEXT_ON)) {
      for (const background of backgrounds) {
        const ratio = contrast(values.get(`--${text}`), values.get(`--${background}`));
        if (ratio < 4.5) failures.push(`${scheme.name}: --${text} on --${background} is ${ratio.toFixed(2)}:1`);
      }
    }
  }
  assert.deepEqual(failures, []);
});

test('no style file outside schemes/ writes a colour value', async () => {
  const offenders = [];
  const walk = async (dir) => {
    for (const entry of await readdir(join(style, dir), { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (path !== 'schemes') await walk(path);
      } else if (entry.name.endsWith('.css') && path !== join('fonts', 'fonts.css')) {
        // Data URIs are pictures (their palette is part of the drawing), not scheme colours.
        const css = stripComments(await read(path)).replace(/url\("data:[^"]*"\)/g, 'url()');
        for (const m of css.matchAll(/#[0-9a-f]{3,8}\b|\b(?:rgb|rgba|hsl|hsla)\(/gi)) offenders.push(`${path}: ${m[0]}`);
      }
    }
  };
  await walk('.');
  assert.deepEqual(offenders, []);
});

test('index.html links every scheme and style file, tokens first', async () => {
  const html = await readFile(new URL('../../index.html', import.meta.url), 'utf8');
  const linked = [...html.matchAll(/<link data-trunk rel="css" href="style\/([^"]+)"/g)].map((m) => m[1]);
  assert.equal(linked[0], 'tokens.css');
  for (const scheme of await schemes()) assert.ok(linked.includes(`schemes/${scheme.file}`), `${scheme.file} not linked`);
  assert.ok(linked.includes('fonts/fonts.css'), 'fonts.css not linked');
});
