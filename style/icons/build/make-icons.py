#!/usr/bin/env python3
"""Progman's own 32x32 pixel-art icons and 8x8 desktop patterns, drawn as text below.

Writes style/icons/<name>.svg (crispEdges SVG, one <path> per colour, every pixel a whole
unit square) and prints the CSS data URIs for controls/icon.css and controls/pattern.css, so the
pictures live in one place and the CSS copies are regenerated, never hand-edited:

    python3 style/icons/build/make-icons.py            # writes SVGs, prints CSS to paste
"""

import sys
from pathlib import Path
from urllib.parse import quote

PALETTE = {
    "k": "#000000", "w": "#FFFFFF", "s": "#C0C0C0", "g": "#808080", "y": "#FFFF00",
    "r": "#FF0000", "R": "#800000", "b": "#0000FF", "n": "#000080", "G": "#008000",
    "l": "#00FF00", "c": "#00FFFF", "t": "#008080", "m": "#FF00FF", "o": "#808000",
}

ICONS = {
    # A luggage label: yellow card, clipped corners, a reinforced hole and a string.
    "tags": (
        "Tags",
        """
................................
................................
...........kk...................
..........k..k..................
.........k....k.................
.........k....k.................
..........k..k..................
...........kk.kkkkkkkkkkkkkkk...
............kkyyyyyyyyyyyyyyk...
...........kyyyyyyyyyyyyyyyykg..
..........kyyyyyyyyyyyyyyyyykg..
.........kyyyyyyyyyyyyyyyyyykg..
........kyyyyykkkyyyyyyyyyyykg..
........kyyyykwwgkyyyyyyyyyykg..
........kyyyykwggkyyyyyyyyyykg..
........kyyyykkkkkyyyyyyyyyykg..
........kyyyyyyyyyyyyyyyyyyykg..
........kyyyyyyyyyyyyyyyyyyykg..
........kyykkkkkkkkkkkkkkyyykg..
........kyyyyyyyyyyyyyyyyyyykg..
........kyykkkkkkkkkkkyyyyyykg..
........kyyyyyyyyyyyyyyyyyyykg..
........kyykkkkkkkkkkkkkkyyykg..
........kyyyyyyyyyyyyyyyyyyykg..
........kyyyyyyyyyyyyyyyyyyykg..
........kkkkkkkkkkkkkkkkkkkkkg..
.........ggggggggggggggggggggg..
................................
................................
................................
................................
................................
""",
    ),
    # Control Panel: a grey cabinet with two sliders, a dial and a lamp.
    "control-panel": (
        "Control Panel",
        """
................................
................................
................................
..kkkkkkkkkkkkkkkkkkkkkkkkkkk...
..kwwwwwwwwwwwwwwwwwwwwwwwwwsk..
..kwssssssssssssssssssssssssgk..
..kwsskkkkkkkkkkksssssskkkssgk..
..kwsskttttttttttksssskrrrksgk..
..kwsskttttttttttksssskrrrksgk..
..kwsskttttttttttksssssskkssgk..
..kwsskkkkkkkkkkksssssssssssgk..
..kwssssssssssssssssssssssssgk..
..kwsssskssssssksssssskkksssgk..
..kwsssskssssssksssskkwwwkksgk..
..kwssskkkssssskssskwwwwwggkgk..
..kwssswwwgsssskssskwwkwwggkgk..
..kwsssggggsssskssskwwkwgggkgk..
..kwsssskssssskkkssskggggggkgk..
..kwsssskssssswwwgsssskkgggkgk..
..kwsssskssssssggggsssssskkkgk..
..kwssssksssssskssssssssssssgk..
..kwssssssssssssssssssssssssgk..
..kwgggggggggggggggggggggggggk..
..kkkkkkkkkkkkkkkkkkkkkkkkkkkk..
...kkkk..................kkkk...
................................
................................
................................
................................
................................
................................
................................
""",
    ),
    # Color: three crayons, red, yellow and blue.
    "color": (
        "Color",
        """
................................
................................
.......k........k........k......
......krk......kyk......kbk.....
......krk......kyk......kbk.....
.....krrrk....kyyyk....kbbbk....
.....kRrrk....koyyk....knbbk....
....kkkkkkk..kkkkkkk..kkkkkkk...
....krrrrrk..kyyyyyk..kbbbbbk...
....kRrrrrk..koyyyyk..knbbbbk...
....kRrrrrk..koyyyyk..knbbbbk...
....kkkkkkk..kkkkkkk..kkkkkkk...
....kRrrrrk..koyyyyk..knbbbbk...
....kRrwrrk..koywyyk..knbwbbk...
....kRrwrrk..koywyyk..knbwbbk...
....kRrwrrk..koywyyk..knbwbbk...
....kRrrrrk..koyyyyk..knbbbbk...
....kRrrrrk..koyyyyk..knbbbbk...
....kkkkkkk..kkkkkkk..kkkkkkk...
....kRrrrrk..koyyyyk..knbbbbk...
....kRrrrrk..koyyyyk..knbbbbk...
....kRrrrrk..koyyyyk..knbbbbk...
....kRrrrrk..koyyyyk..knbbbbk...
....kRrrrrk..koyyyyk..knbbbbk...
....kkkkkkk..kkkkkkk..kkkkkkk...
.....gggggg...gggggg...gggggg...
................................
................................
................................
................................
................................
................................
""",
    ),
    # Desktop: a monitor showing a desktop with a window on it, on a stand.
    # Named "desktop-applet": the class "desktop" is the desktop itself.
    "desktop-applet": (
        "Desktop",
        """
................................
................................
...kkkkkkkkkkkkkkkkkkkkkkkkkk...
...kwwwwwwwwwwwwwwwwwwwwwwwwkg..
...kwkkkkkkkkkkkkkkkkkkkkkkskg..
...kwkttttttttttttttttttttkskg..
...kwktttkkkkkkkkkkkktttttkskg..
...kwktttknnnnnnnnnnktttttkskg..
...kwktttkkkkkkkkkkkktttttkskg..
...kwktttkwwwwwwwwwwktttttkskg..
...kwktttkwgggggggwwktttttkskg..
...kwktttkwwwwwwwwwwktttttkskg..
...kwktttkwgggggwwwwktttttkskg..
...kwktttkwwwwwwwwwwktttttkskg..
...kwktttkkkkkkkkkkkktttttkskg..
...kwktwwtttttttttttttttttkskg..
...kwktwwtttttttttttttttttkskg..
...kwkkkkkkkkkkkkkkkkkkkkkkskg..
...kwssssssssssssssssssssssskg..
...kwsssssssssssssssssssslsskg..
...kkkkkkkkkkkkkkkkkkkkkkkkkkg..
....ggggggggksssssskgggggggggg..
............ksssssskg...........
.........kkkkkkkkkkkkkk.........
.........ksssssssssssskg........
.........kkkkkkkkkkkkkkg........
..........gggggggggggggg........
................................
................................
................................
................................
................................
""",
    ),
}

# 8x8 desktop patterns: "#" is drawn (in the scheme's pattern colour), "." shows the desktop.
PATTERNS = {
    "boxes": [
        "#######.",
        "#.....#.",
        "#.....#.",
        "#.....#.",
        "#.....#.",
        "#.....#.",
        "#######.",
        "........",
    ],
    "weave": [
        "#####.#.",
        "....#.#.",
        "#####.#.",
        "....#.#.",
        "#.#.####",
        "#.#.....",
        "#.#.####",
        "#.#.....",
    ],
    "diamonds": [
        "...#....",
        "..#.#...",
        ".#...#..",
        "#.....#.",
        ".#...#..",
        "..#.#...",
        "...#....",
        "........",
    ],
    "critters": [
        ".#...#..",
        "..#.#...",
        ".#####..",
        "##.#.##.",
        "#######.",
        "#.#.#.#.",
        ".#...#..",
        "........",
    ],
}


def runs(rows, wanted):
    """Horizontal runs of `wanted` characters as SVG path commands."""
    out = []
    for y, row in enumerate(rows):
        x = 0
        while x < len(row):
            if row[x] == wanted:
                start = x
                while x < len(row) and row[x] == wanted:
                    x += 1
                out.append(f"M{start} {y}h{x - start}v1h-{x - start}z")
            else:
                x += 1
    return "".join(out)


def svg(rows, size, title=None, colours=True):
    head = (f"<svg xmlns='http://www.w3.org/2000/svg' width='{size}' height='{size}' "
            f"viewBox='0 0 {size} {size}' shape-rendering='crispEdges'>")
    body = f"<title>{title}</title>" if title else ""
    if colours:
        for key, colour in PALETTE.items():
            d = runs(rows, key)
            if d:
                body += f"<path fill='{colour}' d='{d}'/>"
    else:
        body += f"<path d='{runs(rows, '#')}'/>"
    return head + body + "</svg>"


def data_uri(text):
    return 'url("data:image/svg+xml,' + quote(text, safe=" =:/'") + '")'


def grid(art, size):
    rows = [line for line in art.strip("\n").split("\n")]
    for i, row in enumerate(rows):
        if len(row) != size:
            sys.exit(f"row {i} is {len(row)} wide: {row!r}")
        for ch in row:
            if ch != "." and ch != "#" and ch not in PALETTE:
                sys.exit(f"unknown colour {ch!r} in row {i}")
    if len(rows) != size:
        sys.exit(f"{len(rows)} rows, not {size}")
    return rows


def main():
    icons = Path(__file__).resolve().parent.parent
    print("/* icon.css */")
    for name, (title, art) in ICONS.items():
        rows = grid(art, 32)
        (icons / f"{name}.svg").write_text(svg(rows, 32, title) + "\n")
        print(f"  --icon-{name}: {data_uri(svg(rows, 32))};")
    print("/* pattern.css */")
    for name, rows in PATTERNS.items():
        grid("\n".join(rows), 8)
        print(f"  --pattern-{name}: {data_uri(svg(rows, 8, colours=False))};")


if __name__ == "__main__":
    main()
