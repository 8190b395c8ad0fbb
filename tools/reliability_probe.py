#!/usr/bin/env python3
"""Reliability checks of a full-screen terminal program in a pseudo-terminal.

Built on ttyprobe.py (beside this file). Every subcommand runs the command after `--` in
a fresh pty (pyte emulates the screen), prints ONE JSON object of facts, and exits 0; the
caller (the Swift end-to-end tests) decides what passes. A harness problem exits 3.

    restore   --how q|INT|TERM|HUP|QUIT|crash     quit, signal or crash; how the terminal is left
    suspend   --marker TEXT                        Ctrl-Z under `sh -i`, then `fg`, then q
    resize    --n 200 --final 120x40 --small 60x20 a resize storm, then two settled sizes
    keystorm  --n 10000                            random keys and bytes, then Esc ? q
    hangup                                         the pty's master closes (an SSH link drops)
    screen    [--keys SPEC]                        one screen, the exit, escapes in the output

Sizes are COLSxROWS. Times are bounded: every subcommand ends within --timeout seconds.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import select
import shlex
import signal
import subprocess
import sys
import termios
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ttyprobe  # noqa: E402

SGR = re.compile(rb"\x1b\[([0-9;:]*)m")


def colours_reset(log: bytes) -> dict:
    """Follows every SGR sequence in the output; reports whether the pen ends at defaults."""
    fg = bg = None
    attrs: set[int] = set()
    last = None
    for m in SGR.finditer(log):
        last = m.group(1).decode()
        ps = [int(p) if p.isdigit() else 0 for p in re.split(r"[;:]", last)] if last else [0]
        i = 0
        while i < len(ps):
            p = ps[i]
            if p == 0:
                fg = bg = None
                attrs.clear()
            elif 1 <= p <= 9:
                attrs.add(p)
            elif p in (21, 22):
                attrs.difference_update({1, 2})
            elif 23 <= p <= 29:
                attrs.discard(p - 20)
            elif 30 <= p <= 37 or 90 <= p <= 97:
                fg = p
            elif 40 <= p <= 47 or 100 <= p <= 107:
                bg = p
            elif p in (38, 48):
                kind = ps[i + 1] if i + 1 < len(ps) else 0
                value = tuple(ps[i + 1:i + (3 if kind == 5 else 5)])
                if p == 38:
                    fg = value
                else:
                    bg = value
                i += 2 if kind == 5 else 4
            elif p == 39:
                fg = None
            elif p == 49:
                bg = None
            i += 1
    return {"reset": fg is None and bg is None and not attrs, "last_sgr": last,
            "fg": repr(fg), "bg": repr(bg), "attrs": sorted(attrs)}


def terminal_state(s: ttyprobe.PtySession, before) -> dict:
    """Alternate screen, cursor, keypad, termios and pen as the program left them."""
    m = s.modes
    after = ttyprobe.termios_summary(s.slave_termios())
    b = ttyprobe.termios_summary(before)
    return {
        "alt_entered": any(x in m.ever_set for x in ttyprobe.ALT_SCREEN_MODES),
        "alt_active": any(m.get(x) for x in ttyprobe.ALT_SCREEN_MODES),
        "cursor_hidden_ever": 25 in m.ever_reset,
        "cursor_visible": m.get(25),
        "keypad_app": m.keypad_app,
        "mouse_entered": sorted(x for x in ttyprobe.MOUSE_MODES if x in m.ever_set),
        "mouse_left_on": [x for x in ttyprobe.MOUSE_MODES if m.get(x)],
        "icanon": [b["ICANON"], after["ICANON"]],
        "echo": [b["ECHO"], after["ECHO"]],
        "colours": colours_reset(bytes(s.log)),
    }


def exit_of(s: ttyprobe.PtySession) -> dict:
    e = s.poll() or {}
    return {"exited": bool(e), "exit_code": e.get("exit_code"), "exit_signal": e.get("exit_signal")}


def tail_text(s: ttyprobe.PtySession, n=2000) -> str:
    return bytes(s.log[-n:]).decode("utf-8", "replace")


def session(ns, argv, cols=None, rows=None, env=None):
    c, r = ttyprobe.parse_size(ns.size)
    e = dict(a.split("=", 1) for a in ns.env)
    e.update(env or {})
    e.setdefault("SWIFT_BACKTRACE", "interactive=no")
    return ttyprobe.PtySession(argv, cols or c, rows or r, ns.term, e, ns.cwd,
                               deadline=time.monotonic() + ns.timeout)


def wait_for(s, pred, seconds) -> bool:
    return s.pump(time.monotonic() + seconds, stop=pred) == "stop"


def screen_has(s, text):
    return lambda: any(text in row for row in s.screen_rows())


# --------------------------------------------------------------------------- subcommands
def cmd_restore(ns, argv) -> dict:
    with session(ns, argv) as s:
        first = wait_for(s, screen_has(s, ns.marker), 10)
        s.wait_quiet(0.2, 2)
        before = s.termios_initial
        during = ttyprobe.termios_summary(s.slave_termios())
        t = time.monotonic()
        if ns.how == "q":
            s.write(b"q")
        elif ns.how != "crash":
            s.signal_child(ttyprobe.parse_signal(ns.how))
        why = s.pump(t + ns.exit_within)
        res = {"first_frame": first, "exit_after_ms": round((time.monotonic() - t) * 1000, 1),
               "ended": why == "exit", "during": {"ICANON": during["ICANON"], "ECHO": during["ECHO"]},
               **exit_of(s), **terminal_state(s, before), "tail": tail_text(s)}
        return res


def cmd_suspend(ns, argv) -> dict:
    shell = ["sh", "-i"]
    with session(ns, shell, env={"PS1": "PROMPT$ ", "ENV": ""}) as s:
        wait_for(s, screen_has(s, "PROMPT$"), 5)
        s.wait_quiet(0.2, 2)
        shell_termios = s.slave_termios()
        s.write((shlex.join(argv) + "\n").encode())
        res = {"started": wait_for(s, screen_has(s, ns.marker), 10)}
        s.wait_quiet(0.3, 3)
        before = s.screen_rows()
        res["signals"] = job_signals(s.pid)
        s.write(b"\x1a")
        res["stopped_prompt"] = wait_for(
            s, lambda: sum("PROMPT$" in r for r in s.screen_rows()) >= 2 and not s.modes.get(1049), 5)
        s.wait_quiet(0.2, 2)
        res["while_stopped"] = terminal_state(s, shell_termios)
        res["while_stopped"]["rows"] = s.screen_rows()
        s.write(b"fg\n")
        wait_for(s, screen_has(s, ns.marker), 5)
        s.wait_quiet(0.3, 3)
        after = s.screen_rows()
        res["mouse_after_fg"] = [x for x in ttyprobe.MOUSE_MODES if s.modes.get(x)]
        res["rows_before"] = before
        res["rows_after_fg"] = after
        res["same_after_fg"] = before == after
        s.write(b"q")
        # Type only once the shell prompts again: earlier keys would go to the dashboard.
        wait_for(s, lambda: not s.modes.get(1049) and [r for r in s.screen_rows() if r][-1:] == ["PROMPT$"], 5)
        s.write(b'echo "status=$?"\n')
        res["status_line"] = wait_for(s, lambda: any(re.search(r"^status=\d+", r) for r in s.screen_rows()), 5)
        res["status"] = next((r for r in s.screen_rows() if r.startswith("status=")), None)
        s.wait_quiet(0.2, 2)
        res["after_quit"] = terminal_state(s, shell_termios)
        return res


def job_signals(shell_pid: int) -> dict:
    """Signal masks (blocked, ignored, caught) of the shell's children, for diagnosis."""
    out = {}
    for pid in ttyprobe.descendants_and_session(shell_pid):
        try:
            with open(f"/proc/{pid}/status") as f:
                fields = dict(line.rstrip("\n").split(":\t", 1) for line in f if ":\t" in line)
            out[str(pid)] = {k: fields.get(k) for k in ("Name", "State", "SigBlk", "SigIgn", "SigCgt")}
        except OSError:
            pass
    return out


def settled_rows(s, cols, rows, settle) -> list[str]:
    """Resizes to cols×rows; the emulator restarts empty, so what shows is what was drawn after."""
    s.resize(cols, rows)
    s.screen.reset()
    s.stream = ttyprobe.pyte.ByteStream(s.screen)
    b = s.bytes_total
    s.pump(time.monotonic() + settle, stop=lambda: s.bytes_total > b)
    s.wait_quiet(0.3, settle, require_output=False)
    return s.screen_rows()


def cmd_resize(ns, argv) -> dict:
    rng = random.Random(ns.seed)
    (fc, fr), (sc, sr) = ttyprobe.parse_size(ns.final), ttyprobe.parse_size(ns.small)
    with session(ns, argv) as s:
        first = wait_for(s, screen_has(s, ns.marker), 10)
        s.wait_quiet(0.2, 2)
        s.set_emulation(False, discard=True)
        t = time.monotonic()
        done, crash = 0, None
        for _ in range(ns.n):
            size = (rng.randint(10, 300), rng.randint(4, 100))
            s.resize(*size)
            done += 1
            s.sleep(ns.interval)
            if s.poll() is not None:
                crash = {"size": "%dx%d" % size, **exit_of(s)}
                break
        storm_s = time.monotonic() - t
        storm_bytes = s.bytes_total
        s.wait_quiet(0.2, 3, require_output=False)
        s.set_emulation(True)
        final = settled_rows(s, fc, fr, 3) if crash is None else []
        small = settled_rows(s, sc, sr, 3) if crash is None else []
        back = settled_rows(s, fc, fr, 3) if crash is None else []
        s.write(b"q")
        s.pump(time.monotonic() + 5)
        return {"first_frame": first, "resizes": done, "storm_s": round(storm_s, 2), "storm_bytes": storm_bytes,
                "crash": crash, "final_rows": final, "small_rows": small, "back_rows": back, **exit_of(s),
                "tail": tail_text(s) if crash else ""}


# Keys an xterm sends, without F10 (quit).
KEYS = [b"\x1b[A", b"\x1b[B", b"\x1b[C", b"\x1b[D", b"\x1bOA", b"\x1bOB", b"\x1bOC", b"\x1bOD",
        b"\x1b[H", b"\x1b[F", b"\x1b[1;2C", b"\x1b[1;2D", b"\x1b[1;5A", b"\x1b[5~", b"\x1b[6~", b"\x1b[2~",
        b"\x1b[3~", b"\x1b[Z", b"\x1bOP", b"\x1bOQ", b"\x1bOR", b"\x1bOS", b"\x1b[15~", b"\x1b[17~",
        b"\x1b[18~", b"\x1b[19~", b"\x1b[20~", b"\x1b[23~", b"\x1b[24~", b"\t", b"\r", b"\x7f", b" "]
BROKEN = [b"\x1b", b"\x1b[", b"\x1b[1;", b"\x1bO", b"\x1b[99999999999999999999~", b"\x1b[<0;1;1M",
          b"\x1b[M   ", b"\x1b]0;title\x07", b"\x1bP+r\x1b\\", b"\x1b[?1049h", b"\x1b[200~", b"\x1b[201~",
          b"\x1b\x1b\x1b", b"\x1b[1;2;3;4;5;6;7;8;9;10;11;12;13;14;15;16;17;18;19;20m", b"\x9b31m"]
BAD_UTF8 = [b"\xff", b"\xfe", b"\xc3", b"\xe2\x82", b"\xf0\x9f\x98", b"\xc0\xaf", b"\xed\xa0\x80",
            b"\xf4\x90\x80\x80", b"\x80", b"\xbf\xbf"]
GOOD_UTF8 = ["é", "€", "日本", "🙂", "e\u0301", "\u200b", "\ufeff", "👩‍👩‍👧"]
# Ctrl-C, Ctrl-Z and Ctrl-\ are signals, q/Q quit: they are sent on purpose at the end.
FORBIDDEN = {0x03, 0x1a, 0x1c, ord("q"), ord("Q")}
PRINTABLE = bytes(b for b in range(0x20, 0x7f) if b not in FORBIDDEN)


def storm_items(rng: random.Random, n: int, pastes: int) -> list[bytes]:
    items = []
    paste_at = set(rng.sample(range(n), pastes))
    for i in range(n):
        if i in paste_at:
            items.append(bytes(rng.choice(PRINTABLE) for _ in range(4096)))
            continue
        r = rng.random()
        if r < 0.35:
            items.append(bytes([rng.choice(PRINTABLE)]))
        elif r < 0.6:
            items.append(rng.choice(KEYS))
        elif r < 0.72:
            items.append(rng.choice(BROKEN))
        elif r < 0.84:
            items.append(rng.choice(BAD_UTF8))
        elif r < 0.92:
            items.append(bytes([rng.choice([b for b in range(0x20) if b not in FORBIDDEN] + [0x7f])]))
        else:
            items.append(rng.choice(GOOD_UTF8).encode())
    return items


def input_queued(s) -> int:
    import array
    import fcntl
    buf = array.array("i", [0])
    fcntl.ioctl(s.slave, termios.FIONREAD, buf)
    return buf[0]


def cmd_keystorm(ns, argv) -> dict:
    rng = random.Random(ns.seed)
    items = storm_items(rng, ns.n, ns.pastes)
    data = b"".join(items)
    with session(ns, argv) as s:
        first = wait_for(s, screen_has(s, ns.marker), 10)
        s.wait_quiet(0.2, 2)
        s.set_emulation(False, discard=True)
        t = time.monotonic()
        for i in range(0, len(data), 512):
            if not s.write(data[i:i + 512]):
                break
        write_s = time.monotonic() - t
        alive_after_storm = s.alive
        drained = wait_for(s, lambda: input_queued(s) == 0 or not s.alive, 20)
        drain_s = time.monotonic() - t
        s.wait_quiet(0.3, 10, require_output=False)
        s.set_emulation(True)
        s.screen.reset()
        s.stream = ttyprobe.pyte.ByteStream(s.screen)
        res = {"first_frame": first, "items": len(items), "bytes": len(data), "write_s": round(write_s, 2),
               "drained": drained, "drain_s": round(drain_s, 2), "alive_after_storm": alive_after_storm}
        # Responsive: Esc closes what the storm opened; `?` must change the screen soon.
        s.send_keys("<Esc><sleep:0.2><Esc><sleep:0.2>", key_delay=0)
        s.wait_quiet(0.2, 3, require_output=False)
        snap = s.screen_signature()
        b = s.bytes_total
        t = time.monotonic()
        s.write(b"?")
        res["help_responded"] = wait_for(s, lambda: s.bytes_total > b, 3)
        res["help_ms"] = round((time.monotonic() - t) * 1000, 1)
        s.wait_quiet(0.2, 3, require_output=False)
        res["screen_changed"] = s.screen_signature() != snap
        t = time.monotonic()
        s.write(b"q")
        ended = s.pump(t + 1.5) == "exit"
        # Unsaved what-if changes from the storm: q asks "Quit anyway? y/q yes"; q again says yes.
        res["asked_to_confirm"] = not ended and any("Quit anyway" in r for r in s.screen_rows())
        if res["asked_to_confirm"]:
            s.write(b"q")
        res["quit_ended"] = ended or s.pump(time.monotonic() + 5) == "exit"
        res["quit_ms"] = round((time.monotonic() - t) * 1000, 1)
        res.update(exit_of(s))
        res.update(terminal_state(s, s.termios_initial))
        res["tail"] = "" if res["exit_code"] == 0 else tail_text(s)
        return res


def cmd_hangup(ns, argv) -> dict:
    """Closes every fd of the pty's master side: the kernel hangs the terminal up."""
    c, r = ttyprobe.parse_size(ns.size)
    master, slave = os.openpty()
    ttyprobe._set_winsize(master, r, c)
    env = dict(os.environ, TERM=ns.term, LANG="C.UTF-8", LC_ALL="C.UTF-8", SWIFT_BACKTRACE="interactive=no")
    for k in ("COLUMNS", "LINES"):
        env.pop(k, None)
    p = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True,
                         preexec_fn=ttyprobe._child_preexec, close_fds=True)
    os.close(slave)
    got = 0
    end = time.monotonic() + 5
    while time.monotonic() < end and got < 2000:
        rl, _, _ = select.select([master], [], [], 0.1)
        if rl:
            try:
                got += len(os.read(master, 65536))
            except OSError:
                break
    time.sleep(0.3)
    os.close(master)
    t = time.monotonic()
    try:
        code = p.wait(timeout=ns.exit_within)
        ended = True
    except subprocess.TimeoutExpired:
        cpu = _cpu_seconds(p.pid)
        os.killpg(p.pid, signal.SIGKILL)
        p.wait(timeout=5)
        return {"output_before": got, "ended": False, "cpu_s_while_hung": cpu}
    return {"output_before": got, "ended": ended, "exit_code": code, "exit_after_ms": round((time.monotonic() - t) * 1000, 1)}


def _cpu_seconds(pid) -> float | None:
    try:
        st = ttyprobe.read_proc_stat(pid)
        return (st["utime"] + st["stime"]) / ttyprobe.CLK_TCK
    except Exception:
        return None


def cmd_screen(ns, argv) -> dict:
    with session(ns, argv) as s:
        s.wait_quiet(0.4, 8)
        if ns.keys:
            s.send_keys(ns.keys)
            s.wait_quiet(0.3, 3, require_output=False)
        rows = s.screen_rows()
        if ns.quit and s.alive:
            s.write(b"q")
        s.pump(time.monotonic() + ns.exit_within)
        log = bytes(s.log)
        return {"rows": rows, "escape_in_output": b"\x1b" in log, "non_ascii": any(ord(ch) > 126 for r in rows for ch in r),
                "output": log.decode("utf-8", "replace")[-3000:], **exit_of(s),
                **terminal_state(s, s.termios_initial)}


def parse_with_command(ap: argparse.ArgumentParser, args=None):
    """Options before `--`, the command after it: (namespace, argv)."""
    args = sys.argv[1:] if args is None else args
    if "--" not in args:
        ap.parse_args(args)  # answers --help and reports unknown options first
        ap.error("put the command after --")
    cut = args.index("--")
    return ap.parse_args(args[:cut]), args[cut + 1:]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sub", choices=["restore", "suspend", "resize", "keystorm", "hangup", "screen"])
    ap.add_argument("--size", default="100x30")
    ap.add_argument("--term", default="xterm-256color")
    ap.add_argument("--env", action="append", default=[])
    ap.add_argument("--cwd")
    ap.add_argument("--timeout", type=float, default=40)
    ap.add_argument("--marker", default="Funding graph", help="text that shows the first frame is drawn")
    ap.add_argument("--how", default="q")
    ap.add_argument("--exit-within", type=float, default=10)
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--pastes", type=int, default=5)
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--interval", type=float, default=0.01)
    ap.add_argument("--final", default="120x40")
    ap.add_argument("--small", default="60x20")
    ap.add_argument("--keys")
    ap.add_argument("--quit", action="store_true", help="screen: send q after the snapshot")
    ns, argv = parse_with_command(ap)
    return run_subcommand(ns, argv, {"restore": cmd_restore, "suspend": cmd_suspend, "resize": cmd_resize,
                                     "keystorm": cmd_keystorm, "hangup": cmd_hangup, "screen": cmd_screen}[ns.sub])


def run_subcommand(ns, argv, fn) -> int:
    """Runs fn(ns, argv) with a seed (random unless given); prints its one JSON object."""
    if ns.seed is None:
        ns.seed = random.SystemRandom().randrange(2 ** 32)
    t = time.monotonic()
    try:
        res = fn(ns, argv)
    except ttyprobe.HarnessError as e:
        print(json.dumps({"harness_error": str(e)}))
        return 3
    res["seed"] = ns.seed
    res["elapsed_s"] = round(time.monotonic() - t, 2)
    print(json.dumps(res))
    return 0


if __name__ == "__main__":
    sys.exit(main())
