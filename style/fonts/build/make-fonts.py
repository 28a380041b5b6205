#!/usr/bin/env python3
"""Builds Progman's pixel fonts: outline fonts whose every contour is a whole bitmap pixel.

Windows 3.1 drew its title bars and menus in the bitmap "System" font and its dialogs in the
bitmap "MS Sans Serif". Neither may be redistributed, so Progman ships look-alikes derived from
the Adobe Helvetica bitmaps of the X Window System (Debian packages xfonts-75dpi and
xfonts-100dpi, licence in ../LICENSE-adobe-x11-bitmaps.txt), which a web browser can load.

Each bitmap pixel becomes a square of UNITS_PER_PIXEL font units, and the em is the bitmap's
pixel size, so at `font-size: <pixel size>px` one font pixel is exactly one CSS pixel: every
edge lies on the pixel grid at 1x and 2x and nothing is anti-aliased. Only Latin-1 (plus a few
typographic marks assembled from Latin-1 glyphs) is kept, and the result is written as woff2.

Usage (see ../README.md):
    python3 make-fonts.py XFONTS_DIR OUT_DIR
where XFONTS_DIR holds helvB12 from 75dpi and helvR08/helvB08 from 100dpi (ISO8859-1 PCF).
Needs: pip install fonttools brotli pillow
"""

import base64
import gzip
import sys
from pathlib import Path

from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.subset import Options, Subsetter
from PIL import PcfFontFile

UNITS_PER_PIXEL = 128

# (source PCF, output file, family, style, weight)
FACES = [
    ("75dpi/helvB12-ISO8859-1.pcf.gz", "progman-system-bold.woff2", "Progman System", "Bold", 700),
    ("100dpi/helvR08-ISO8859-1.pcf.gz", "progman-sans-regular.woff2", "Progman Sans", "Regular", 400),
    ("100dpi/helvB08-ISO8859-1.pcf.gz", "progman-sans-bold.woff2", "Progman Sans", "Bold", 700),
]

# Marks outside Latin-1 that posts use often, drawn from a Latin-1 glyph: (code point, source
# code point, how many copies side by side, pixels from one copy to the next: "ink" = the
# glyph's inked width, so copies join into one longer stroke; "advance" = its advance width).
ASSEMBLED = [
    (0x2018, ord("`"), 1, "ink"),       # left single quote
    (0x2019, ord("'"), 1, "ink"),       # right single quote / apostrophe
    (0x201C, ord('"'), 1, "ink"),       # left double quote
    (0x201D, ord('"'), 1, "ink"),       # right double quote
    (0x2013, ord("-"), 2, "ink"),       # en dash: two hyphens joined
    (0x2014, ord("-"), 4, "ink"),       # em dash: four hyphens joined
    (0x2026, ord("."), 3, "advance"),   # ellipsis: three full stops
    (0x2022, 0xB7, 1, "ink"),           # bullet (middle dot)
]

COPYRIGHT = (
    "Copyright 1984-1989, 1994 Adobe Systems Incorporated. "
    "Copyright 1988, 1994 Digital Equipment Corporation. "
    "Converted to outlines for Progman; see LICENSE-adobe-x11-bitmaps.txt."
)


def read_bitmaps(path):
    """Yields (code point, advance, left, top, rows of booleans) for every glyph."""
    font = PcfFontFile.PcfFontFile(gzip.open(path))
    for code, glyph in enumerate(font.glyph):
        if not glyph:
            continue
        (advance, _), (left, top, right, bottom), _, image = glyph
        width, height = right - left, bottom - top
        pixels = image.load()
        rows = [[bool(pixels[x, y]) for x in range(width)] for y in range(height)]
        yield code, advance, left, top, rows, font.info


def rectangles(rows):
    """Runs of set pixels per row, merged with identical runs right below: (x, y, w, h)."""
    runs = {}
    for y, row in enumerate(rows):
        x = 0
        while x < len(row):
            if row[x]:
                start = x
                while x < len(row) and row[x]:
                    x += 1
                runs.setdefault((start, x), []).append(y)
            else:
                x += 1
    out = []
    for (x0, x1), ys in runs.items():
        first = previous = ys[0]
        for y in ys[1:] + [None]:
            if y is not None and y == previous + 1:
                previous = y
                continue
            out.append((x0, first, x1 - x0, previous - first + 1))
            if y is not None:
                first = previous = y
    return out


def draw(pen, boxes, left, top):
    """Draws pixel boxes (bitmap coordinates, y down) as clockwise TrueType contours."""
    u = UNITS_PER_PIXEL
    for x, y, w, h in boxes:
        x0 = (left + x) * u
        x1 = x0 + w * u
        y1 = -(top + y) * u  # top edge, y up
        y0 = y1 - h * u
        pen.moveTo((x0, y0))
        pen.lineTo((x0, y1))
        pen.lineTo((x1, y1))
        pen.lineTo((x1, y0))
        pen.closePath()


def build(source, target, family, style, weight):
    glyphs = {code: (advance, left, top, rows) for code, advance, left, top, rows, info in read_bitmaps(source)}
    info = PcfFontFile.PcfFontFile(gzip.open(source)).info
    pixel_size = info[b"PIXEL_SIZE"]
    ascent = max(-top for _, _, top, _ in glyphs.values())
    descent = max(top + len(rows) for _, _, top, rows in glyphs.values())
    u = UNITS_PER_PIXEL

    order = [".notdef"]
    cmap, outlines, metrics = {}, {}, {}

    def add(name, code, advance, parts):
        pen = TTGlyphPen(None)
        for dx, left, top, rows in parts:
            draw(pen, rectangles(rows), left + dx, top)
        outlines[name] = pen.glyph()
        metrics[name] = (advance * u, 0)
        order.append(name)
        cmap[code] = name

    pen = TTGlyphPen(None)
    outlines[".notdef"] = pen.glyph()
    metrics[".notdef"] = (glyphs[ord(" ")][0] * u, 0)
    for code in sorted(glyphs):
        if code < 0x20 or 0x7F <= code < 0xA0:
            continue
        advance, left, top, rows = glyphs[code]
        add(f"uni{code:04X}", code, advance, [(0, left, top, rows)])
    for code, source_code, copies, spacing in ASSEMBLED:
        advance, left, top, rows = glyphs[source_code]
        step = (len(rows[0]) if rows else 0) if spacing == "ink" else advance
        parts = [(i * step, left, top, rows) for i in range(copies)]
        add(f"uni{code:04X}", code, advance + (copies - 1) * step, parts)

    builder = FontBuilder(pixel_size * u, isTTF=True)
    builder.setupGlyphOrder(order)
    builder.setupCharacterMap(cmap)
    builder.setupGlyf(outlines)
    builder.setupHorizontalMetrics(metrics)
    builder.setupHorizontalHeader(ascent=ascent * u, descent=-descent * u, lineGap=0)
    builder.setupOS2(
        usWeightClass=weight,
        sTypoAscender=ascent * u,
        sTypoDescender=-descent * u,
        sTypoLineGap=0,
        usWinAscent=ascent * u,
        usWinDescent=descent * u,
        sxHeight=info.get(b"X_HEIGHT", 0) * u,
        sCapHeight=info.get(b"CAP_HEIGHT", 0) * u,
        fsSelection=0x20 if weight >= 700 else 0x40,
        fsType=0,
    )
    builder.setupNameTable(
        {
            "copyright": COPYRIGHT,
            "familyName": family,
            "styleName": style,
            "uniqueFontIdentifier": f"Progman: {family} {style}",
            "fullName": f"{family} {style}",
            "psName": f"{family.replace(' ', '')}-{style}",
            "version": "Version 1.000",
        }
    )
    builder.setupPost(isFixedPitch=0)
    # Fixed dates keep the output byte-for-byte reproducible (1 Jan 2025, seconds since 1904).
    builder.setupHead(unitsPerEm=pixel_size * u, macStyle=1 if weight >= 700 else 0,
                      created=3818534400, modified=3818534400)

    options = Options()
    options.flavor = "woff2"
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.drop_tables += ["DSIG"]
    subsetter = Subsetter(options=options)
    subsetter.populate(unicodes=list(cmap))
    subsetter.subset(builder.font)
    builder.font.flavor = "woff2"
    builder.font.save(target)
    print(f"{target.name}: {len(cmap)} glyphs, {pixel_size}px em, ascent {ascent}, descent {descent}, "
          f"{target.stat().st_size} bytes")


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    xfonts, out = Path(sys.argv[1]), Path(sys.argv[2])
    for source, target, family, style, weight in FACES:
        build(xfonts / source, out / target, family, style, weight)
    write_css(out)


def write_css(out):
    """Writes fonts.css: one @font-face per face, the woff2 inlined as a data URI so the font
    arrives with the stylesheet (no second request, no flash, no bundler path rewriting)."""
    lines = [
        "/*",
        " * GENERATED by fonts/build/make-fonts.py from the .woff2 files beside it: do not edit.",
        " * Pixel fonts for the System and MS Sans Serif look (licence: fonts/LICENSE-adobe-x11-bitmaps.txt).",
        " * font-display: swap; the fallback faces in tokens.css are size-adjusted to similar metrics.",
        " */",
        "",
    ]
    for _, target, family, _, weight in FACES:
        data = base64.b64encode((out / target).read_bytes()).decode("ascii")
        lines += [
            "@font-face {",
            f'  font-family: "{family}";',
            f"  font-weight: {weight};",
            "  font-style: normal;",
            "  font-display: swap;",
            f'  src: url("data:font/woff2;base64,{data}") format("woff2");',
            "}",
            "",
        ]
    (out / "fonts.css").write_text("\n".join(lines))


if __name__ == "__main__":
    main()
