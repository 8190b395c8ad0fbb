#!/usr/bin/env python3
"""Input that arrives in pieces, storms of bytes and paste floods, against a full-screen
terminal program in a pseudo-terminal (ttyprobe.py, beside this file, with pyte).

    split  --plan JSON        keys written in pieces with pauses; the screen after each step
    storm  --bytes N          random bytes in random pieces and pauses; then Esc Esc q
    flood  --bytes N --then q a paste of N bytes written as fast as the program reads, then a key

A plan is {"steps": [{"key": K, "split": true, "pause": seconds}], "settle": s} where K
is a terminfo key name ("kf1", "kLFT") or "hex:…" bytes. `split` runs the plan twice, in
CWD/whole and CWD/split: a key with "split" is sent once per byte boundary (cut there)
and once cut at every boundary, `pause` between pieces; the whole run sends it as often,
whole ("cuts": [offsets] sends it once, cut there; "runs": ["split"] skips the whole run).
The screen is recorded after every send; Esc Esc q ends each run that is still alive.
Each subcommand prints ONE JSON object of facts and exits 0; a harness problem exits 3.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reliability_probe as rp  # noqa: E402
import ttyprobe  # noqa: E402

_CAP_SCRIPT = r"""
import curses, json, os, sys
curses.setupterm(sys.argv[1], os.open(os.devnull, os.O_RDWR))
print(json.dumps({c: (curses.tigetstr(c) or b"").hex() for c in sys.argv[2].split(",")}))
"""

# Ctrl-C, Ctrl-Z and Ctrl-\ raise signals; q and Q quit. Every other byte may appear.
SIGNAL_BYTES = {0x03, 0x1a, 0x1c}
QUIT_BYTES = {ord("q"), ord("Q")}


def key_bytes(s: ttyprobe.PtySession, key: str, caps: dict) -> bytes:
    if key.startswith("hex:"):
        return bytes.fromhex(key[4:])
    if key in s.caps:
        return s.key_bytes(("cap", key))
    if caps.get(key):
        return caps[key]
    raise ttyprobe.HarnessError(f"TERM={s.term} has no {key}")


def terminfo(term: str, names: list[str]) -> dict:
    if not names:
        return {}
    r = subprocess.run([sys.executable, "-c", _CAP_SCRIPT, term, ",".join(names)],
                       capture_output=True, text=True, timeout=10, stdin=subprocess.DEVNULL)
    if r.returncode != 0:
        raise ttyprobe.HarnessError(f"terminfo lookup failed: {r.stderr.strip()}")
    return {k: bytes.fromhex(v) for k, v in json.loads(r.stdout).items()}


def pieces(data: bytes, cuts: list[int]) -> list[bytes]:
    edges = [0] + sorted(c for c in cuts if 0 < c < len(data)) + [len(data)]
    return [data[a:b] for a, b in zip(edges, edges[1:])]


def variants(data: bytes, split: bool) -> list[list[int]]:
    """The cut lists a key is sent with: each single byte boundary, then every boundary."""
    if not split or len(data) < 2:
        return [[]]
    singles = [[c] for c in range(1, len(data))]
    return singles + ([list(range(1, len(data)))] if len(data) > 2 else [])


def run_plan(ns, argv, plan: dict, cwd: str, split: bool) -> dict:
    settle = float(plan.get("settle", 0.25))
    os.makedirs(cwd, exist_ok=True)
    ns.cwd = cwd
    with rp.session(ns, argv) as s:
        names = sorted({st["key"] for st in plan["steps"] if not st["key"].startswith("hex:")} - set(s.caps))
        caps = terminfo(s.term, names)
        first = rp.wait_for(s, rp.screen_has(s, ns.marker), 15)
        s.wait_quiet(settle, 5)
        screens, sent = [], []
        for st in plan["steps"]:
            data = key_bytes(s, st["key"], caps)
            cut_lists = [st["cuts"]] if "cuts" in st else variants(data, st.get("split", False))
            for cuts in cut_lists:
                if not s.alive:
                    break
                for i, p in enumerate(pieces(data, cuts if split else [])):
                    if i:
                        s.sleep(float(st.get("pause", 0.02)))
                    s.write(p)
                    sent.append(p.hex())
                s.wait_quiet(settle, 5, require_output=False)
                screens.append(s.screen_rows())
        res = {"first_frame": first, "alive_after_steps": s.alive, "writes": sent, "screens": screens}
        if s.alive:
            quit_after(s, res)
        else:
            s.pump(time.monotonic() + 5)
        res.update(rp.exit_of(s))
        res["tail"] = "" if res.get("exit_code") == 0 else rp.tail_text(s)
        return res


def cmd_split(ns, argv) -> dict:
    """The plan twice: every key whole (in CWD/whole), then split (in CWD/split)."""
    plan = json.loads(ns.plan)
    base = ns.cwd or "."
    return {run: run_plan(ns, argv, plan, os.path.join(base, run), run == "split")
            for run in plan.get("runs", ["whole", "split"])}


def quit_after(s, res: dict, key: bytes = b"q") -> None:
    """Esc twice closes what input opened; q quits, and q again answers "Quit anyway?"."""
    s.send_keys("<Esc><sleep:0.3><Esc><sleep:0.3>", key_delay=0)
    t = time.monotonic()
    s.write(key)
    ended = s.pump(t + 2) == "exit"
    if not ended and any("Quit anyway" in r for r in s.screen_rows()):
        s.write(key)
    res["quit_ended"] = ended or s.pump(time.monotonic() + 5) == "exit"
    res["quit_s"] = round(time.monotonic() - t, 2)
    if not res["quit_ended"]:
        res["screen_at_quit"] = s.screen_rows()


def cmd_storm(ns, argv) -> dict:
    rng = random.Random(ns.seed)
    allowed = [b for b in range(256) if b not in SIGNAL_BYTES | QUIT_BYTES]
    with rp.session(ns, argv) as s:
        first = rp.wait_for(s, rp.screen_has(s, ns.marker), 15)
        s.wait_quiet(0.2, 3)
        s.set_emulation(False, discard=True)
        sent, writes, controls = 0, 0, set()
        while sent < ns.bytes and s.alive:
            n = rng.choice([1, 1, 2, 3, rng.randint(1, 64), rng.randint(1, 600)])
            chunk = bytes(rng.choice(allowed) for _ in range(n))
            controls.update(b for b in chunk if b < 0x20 or b == 0x7f)
            s.write(chunk)
            sent, writes = sent + n, writes + 1
            if rng.random() < 0.3:
                s.sleep(rng.choice([0.001, 0.01, 0.05, 0.3]))
        alive = s.alive
        s.wait_quiet(0.5, 10, require_output=False)
        s.set_emulation(True)
        s.screen.reset()
        s.stream = ttyprobe.pyte.ByteStream(s.screen)
        res = {"first_frame": first, "bytes": sent, "writes": writes, "alive_after_storm": alive,
               "control_bytes": sorted(controls)}
        if alive:
            quit_after(s, res)
        res.update(rp.exit_of(s))
        res.update(rp.terminal_state(s, s.termios_initial))
        res["tail"] = "" if res.get("exit_code") == 0 else rp.tail_text(s)
        return res


def asks(s) -> bool:
    return any("Quit anyway" in r for r in s.screen_rows())


def cmd_flood(ns, argv) -> dict:
    rng = random.Random(ns.seed)
    words = ["money", "loop", "gpu", "capex", "lender", "vast", "data", "debt", "runway", "xyz"]
    text = bytearray()
    while len(text) < ns.bytes:
        text += (rng.choice(words) + rng.choice([" ", " ", " ", ", ", ".\n"])).encode()
    text = bytes(text[:ns.bytes])
    then = {"q": b"q", "ctrl-c": b"\x03"}[ns.then]
    with rp.session(ns, argv) as s:
        first = rp.wait_for(s, rp.screen_has(s, ns.marker), 15)
        s.wait_quiet(0.2, 3)
        s.set_emulation(False, discard=True)
        t = time.monotonic()
        stalled = None
        try:
            for i in range(0, len(text), 4096):
                if not s.write(text[i:i + 4096]):
                    break
        except ttyprobe.HarnessError as e:
            stalled = str(e)
        write_s = time.monotonic() - t
        alive = s.alive
        s.set_emulation(True)
        s.screen.reset()
        s.stream = ttyprobe.pyte.ByteStream(s.screen)
        t_key = time.monotonic()
        s.write(then)
        ended = s.pump(t_key + ns.exit_within, stop=lambda: asks(s)) == "exit"
        # What-if changes made by the first keys of the paste: q asks "Quit anyway?"; q again is yes.
        asked = not ended and asks(s)
        if asked:
            s.write(then)
            ended = s.pump(time.monotonic() + ns.exit_within) == "exit"
        res = {"first_frame": first, "bytes": len(text), "write_s": round(write_s, 2), "stalled": stalled,
               "alive_after_paste": alive, "asked_to_confirm": asked, "ended_after_key": ended,
               "key_to_exit_s": round(time.monotonic() - t_key, 2)}
        if not ended:
            res["rows"] = s.screen_rows()
        res.update(rp.exit_of(s))
        return res


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sub", choices=["split", "storm", "flood"])
    ap.add_argument("--size", default="120x40")
    ap.add_argument("--term", default="xterm-256color")
    ap.add_argument("--env", action="append", default=[])
    ap.add_argument("--cwd")
    ap.add_argument("--timeout", type=float, default=120)
    ap.add_argument("--marker", default="Funding graph")
    ap.add_argument("--plan")
    ap.add_argument("--bytes", type=int, default=20000)
    ap.add_argument("--then", choices=["q", "ctrl-c"], default="q")
    ap.add_argument("--exit-within", type=float, default=10)
    ap.add_argument("--seed", type=int, default=None)
    ns, argv = rp.parse_with_command(ap)
    return rp.run_subcommand(ns, argv, {"split": cmd_split, "storm": cmd_storm, "flood": cmd_flood}[ns.sub])

if __name__ == "__main__":
    sys.exit(main())
