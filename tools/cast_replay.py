#!/usr/bin/env python3
"""Replays an asciicast v2 file (moneyloop --cast) into a pyte screen and prints the final
screen, one row per line, trailing spaces removed. It checks the format on the way: a v2
header with width and height, then events [time, code, data] with times never going
back and codes o (output), m (marker) or r (resize, "COLSxROWS"). With --markers it
prints the markers instead, one "time<TAB>label" per line.

usage: cast_replay.py FILE.cast [--markers]
Exit status 1 with a message on the first format problem."""
import json
import sys

import pyte


def fail(message):
    print(f"cast_replay: {message}", file=sys.stderr)
    sys.exit(1)


def main():
    args = sys.argv[1:]
    if not args:
        fail("usage: cast_replay.py FILE.cast [--markers]")
    with open(args[0], encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines:
        fail("empty file")
    header = json.loads(lines[0])
    if header.get("version") != 2:
        fail(f"header: version {header.get('version')!r}, expected 2")
    width, height = header.get("width"), header.get("height")
    if not (isinstance(width, int) and isinstance(height, int) and width > 0 and height > 0):
        fail("header: width and height must be positive integers")
    screen = pyte.Screen(width, height)
    stream = pyte.Stream(screen)
    markers = []
    last = 0.0
    for n, line in enumerate(lines[1:], start=2):
        event = json.loads(line)
        if not (isinstance(event, list) and len(event) == 3 and isinstance(event[0], (int, float))
                and isinstance(event[1], str) and isinstance(event[2], str)):
            fail(f"line {n}: expected [time, code, data]")
        time, code, data = event
        if time < last:
            fail(f"line {n}: time {time} goes back from {last}")
        last = time
        if code == "o":
            stream.feed(data)
        elif code == "m":
            markers.append((time, data))
        elif code == "r":
            cols, rows = (int(v) for v in data.split("x"))
            screen.resize(rows, cols)
        else:
            fail(f"line {n}: unknown event code {code!r}")
    if "--markers" in args:
        for time, label in markers:
            print(f"{time:.6f}\t{label}")
    else:
        for row in screen.display:
            print(row.rstrip())


if __name__ == "__main__":
    main()
