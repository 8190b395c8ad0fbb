#!/usr/bin/env python3
# Copied unchanged (apart from this line) from shared/tools/ttyprobe.py, version 1.0.0; README beside it there.
"""ttyprobe -- a measurement harness for full-screen terminal (curses) programs.

Runs an arbitrary command inside a pseudo-terminal of a given size, feeds what
it writes through a pyte terminal emulator and measures / checks it.  Usable as
a CLI (every subcommand prints one JSON object on stdout) and as a module.

    ttyprobe.py screen       --size 120x40 [--keys "..."] [--wait 1.5] [--ansi] -- CMD...
    ttyprobe.py bytes        --size 120x40 --warmup 2 --measure 10 -- CMD...
    ttyprobe.py idle-cpu     --size 120x40 --warmup 2 --measure 10 [--keys ...] -- CMD...
    ttyprobe.py latency      --size 120x40 --key "<Right>" [--key "<Left>"] --expect-change --n 20 -- CMD...
    ttyprobe.py resize-storm --size 120x40 --n 200 --min 10x4 --max 300x100 -- CMD...
    ttyprobe.py restore      --size 80x24 --signal TERM --after 1.5 -- CMD...

SIZE is COLSxROWS (width x height, like 80x24).

Exit status: 0 = ran and the target passed; 1 = ran, but the target failed a
check (crash, terminal not restored, died during a measurement, ...);
2 = usage error; 3 = harness error (command could not be started, --timeout
exceeded, internal error).  On exit status 2/3 the JSON object has
"ok": false and "error"; the message is also written to stderr.

Module use:
    import ttyprobe
    res = ttyprobe.measure_idle_cpu(["htop"], 120, 40, warmup=2, measure=10)
    with ttyprobe.PtySession(["less", "/etc/services"], 80, 24) as s:
        s.wait_quiet(0.3, 5)
        s.send_keys("<PgDn>")
        s.wait_quiet(0.3, 5)
        print(s.screen_rows())
"""
from __future__ import annotations

import argparse
import array
import atexit
import bisect
import errno
import fcntl
import json
import math
import os
import random
import re
import resource
import select
import signal
import statistics
import struct
import subprocess
import sys
import termios
import time
import weakref

try:
    import pyte
except ImportError:  # pragma: no cover - reported at runtime
    pyte = None

__version__ = "1.0.0"

DEFAULT_TERM = "xterm-256color"
DEFAULT_TIMEOUT = 20.0
CLK_TCK = os.sysconf("SC_CLK_TCK")
POLL_INTERVAL = 0.02          # max sleep of the event loop (s)
EXIT_DRAIN_QUIET = 0.05       # after the child exited: drain until this long without output
READ_CHUNK = 65536
READS_CAP = 4_000_000         # max (t, n) read records kept per session (16 bytes each)
PENDING_CAP = 32 << 20        # max bytes buffered while emulation is paused
WRITE_TIMEOUT = 5.0           # max time to get our input into the pty

EXIT_OK, EXIT_CHECK_FAILED, EXIT_USAGE, EXIT_HARNESS = 0, 1, 2, 3


# --------------------------------------------------------------------------- errors
class HarnessError(Exception):
    """The harness could not do its job (not a verdict about the target)."""
    exit_code = EXIT_HARNESS


class UsageError(HarnessError):
    exit_code = EXIT_USAGE


class HarnessTimeout(HarnessError):
    pass


class HarnessInterrupted(HarnessError):
    pass


# --------------------------------------------------------------------------- small helpers
def parse_size(text: str) -> tuple[int, int]:
    """'120x40' -> (cols=120, rows=40)."""
    m = re.fullmatch(r"\s*(\d+)\s*[xX*]\s*(\d+)\s*", str(text))
    if not m:
        raise UsageError(f"bad size {text!r}: expected COLSxROWS, e.g. 120x40")
    cols, rows = int(m.group(1)), int(m.group(2))
    if not (1 <= cols <= 2000 and 1 <= rows <= 2000):
        raise UsageError(f"bad size {text!r}: cols and rows must be within 1..2000")
    return cols, rows


def parse_signal(text) -> signal.Signals:
    s = str(text).strip().upper()
    if s.isdigit():
        try:
            return signal.Signals(int(s))
        except ValueError:
            raise UsageError(f"unknown signal number {text!r}") from None
    if not s.startswith("SIG"):
        s = "SIG" + s
    try:
        return signal.Signals[s]
    except KeyError:
        raise UsageError(f"unknown signal {text!r}") from None


def _r(x, nd=3):
    return None if x is None else round(x, nd)


def summarize(values, nd=3):
    """min/median/p95/max/mean of a list (p95 = nearest-rank)."""
    if not values:
        return None
    v = sorted(values)
    n = len(v)

    def pct(p):
        return v[max(0, math.ceil(p / 100.0 * n) - 1)]

    return {"n": n, "min": _r(v[0], nd), "median": _r(statistics.median(v), nd),
            "p95": _r(pct(95), nd), "max": _r(v[-1], nd), "mean": _r(statistics.fmean(v), nd)}


def _set_winsize(fd, rows, cols):
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))


def _get_winsize(fd):
    rows, cols, _, _ = struct.unpack("HHHH", fcntl.ioctl(fd, termios.TIOCGWINSZ, b"\0" * 8))
    return cols, rows


# --------------------------------------------------------------------------- terminfo
_TI_CAPS = ("kcuu1", "kcud1", "kcuf1", "kcub1", "khome", "kend", "kbs", "kdch1", "kich1",
            "kpp", "knp", "kcbt", *[f"kf{i}" for i in range(1, 13)],
            "smcup", "rmcup", "civis", "cnorm", "cvvis", "smkx", "rmkx")
_KEY_CAPS = {c for c in _TI_CAPS if c.startswith("k")}
_CURSOR_CAPS = {"kcuu1", "kcud1", "kcuf1", "kcub1", "khome", "kend"}
# What xterm sends (keypad-transmit / application-cursor mode), used when terminfo is unusable.
_XTERM_FALLBACK = {
    "kcuu1": b"\x1bOA", "kcud1": b"\x1bOB", "kcuf1": b"\x1bOC", "kcub1": b"\x1bOD",
    "khome": b"\x1bOH", "kend": b"\x1bOF", "kbs": b"\x7f", "kdch1": b"\x1b[3~",
    "kich1": b"\x1b[2~", "kpp": b"\x1b[5~", "knp": b"\x1b[6~", "kcbt": b"\x1b[Z",
    "kf1": b"\x1bOP", "kf2": b"\x1bOQ", "kf3": b"\x1bOR", "kf4": b"\x1bOS",
    "kf5": b"\x1b[15~", "kf6": b"\x1b[17~", "kf7": b"\x1b[18~", "kf8": b"\x1b[19~",
    "kf9": b"\x1b[20~", "kf10": b"\x1b[21~", "kf11": b"\x1b[23~", "kf12": b"\x1b[24~",
    "smcup": b"\x1b[?1049h\x1b[22;0;0t", "rmcup": b"\x1b[?1049l\x1b[23;0;0t",
    "civis": b"\x1b[?25l", "cnorm": b"\x1b[?12l\x1b[?25h", "cvvis": b"\x1b[?12;25h",
    "smkx": b"\x1b[?1h\x1b=", "rmkx": b"\x1b[?1l\x1b>",
}
_TI_SCRIPT = r"""
import curses, json, os, sys
term, caps = sys.argv[1], sys.argv[2].split(",")
curses.setupterm(term, os.open(os.devnull, os.O_RDWR))
out = {}
for c in caps:
    v = curses.tigetstr(c)
    if v:
        out[c] = v.hex()
print(json.dumps(out))
"""
_ti_cache: dict[str, tuple[dict, str | None]] = {}


def terminfo_caps(term: str) -> tuple[dict, str | None]:
    """Key/mode strings for TERM from the system terminfo (queried in a subprocess,
    because curses.setupterm() only works once per process).  Returns (caps, warning)."""
    if term in _ti_cache:
        return _ti_cache[term]
    caps, warning = None, None
    try:
        r = subprocess.run([sys.executable, "-c", _TI_SCRIPT, term, ",".join(_TI_CAPS)],
                           capture_output=True, text=True, timeout=10, stdin=subprocess.DEVNULL)
        if r.returncode == 0:
            caps = {k: bytes.fromhex(v) for k, v in json.loads(r.stdout).items()}
        else:
            last = (r.stderr.strip().splitlines() or ["?"])[-1]
            warning = f"terminfo lookup for TERM={term!r} failed ({last}); using xterm key sequences"
    except (OSError, subprocess.SubprocessError, ValueError) as e:
        warning = f"terminfo lookup for TERM={term!r} failed ({e}); using xterm key sequences"
    if caps is None:
        caps = dict(_XTERM_FALLBACK)
    else:
        for k in _KEY_CAPS:            # a key the TERM does not describe: send what xterm would
            caps.setdefault(k, _XTERM_FALLBACK[k])
    _ti_cache[term] = (caps, warning)
    return caps, warning


# --------------------------------------------------------------------------- key syntax
_TOKEN_RE = re.compile(r"<([^<>\s]+)>")
_NAMED = {
    "enter": ("raw", b"\r"), "return": ("raw", b"\r"), "cr": ("raw", b"\r"),
    "lf": ("raw", b"\n"), "nl": ("raw", b"\n"),
    "esc": ("raw", b"\x1b"), "escape": ("raw", b"\x1b"), "tab": ("raw", b"\t"),
    "space": ("raw", b" "), "lt": ("raw", b"<"), "gt": ("raw", b">"),
    "up": ("cap", "kcuu1"), "down": ("cap", "kcud1"), "right": ("cap", "kcuf1"),
    "left": ("cap", "kcub1"), "home": ("cap", "khome"), "end": ("cap", "kend"),
    "bs": ("cap", "kbs"), "backspace": ("cap", "kbs"), "del": ("cap", "kdch1"),
    "delete": ("cap", "kdch1"), "ins": ("cap", "kich1"), "insert": ("cap", "kich1"),
    "pgup": ("cap", "kpp"), "pageup": ("cap", "kpp"), "ppage": ("cap", "kpp"),
    "pgdn": ("cap", "knp"), "pagedown": ("cap", "knp"), "npage": ("cap", "knp"),
    "s-tab": ("cap", "kcbt"), "btab": ("cap", "kcbt"), "backtab": ("cap", "kcbt"),
    **{f"f{i}": ("cap", f"kf{i}") for i in range(1, 13)},
}
_CTRL_SPECIAL = {"@": 0, "space": 0, " ": 0, "[": 27, "\\": 28, "]": 29, "^": 30, "_": 31, "?": 127}
KEY_SYNTAX_HELP = (
    "literal text plus tokens: <Enter> <Esc> <Tab> <S-Tab> <Space> <BS> <Del> <Ins> <Up> <Down> "
    "<Left> <Right> <Home> <End> <PgUp> <PgDn> <F1>..<F12> <C-x> (control) <M-x> (ESC x) "
    "<lt> <gt> <hex:1b5b41> <sleep:0.3>; names are case-insensitive")


def parse_keys(spec: str) -> list[tuple]:
    """Parse the key syntax into items: ('raw', bytes) | ('cap', terminfo-name) | ('sleep', s)."""
    items: list[tuple] = []
    pos = 0
    for m in _TOKEN_RE.finditer(spec):
        if m.start() > pos:
            items.append(("raw", spec[pos:m.start()].encode("utf-8")))
        items.append(_parse_token(m.group(1)))
        pos = m.end()
    if pos < len(spec):
        items.append(("raw", spec[pos:].encode("utf-8")))
    return items


def _parse_token(tok: str) -> tuple:
    low = tok.lower()
    if low in _NAMED:
        return _NAMED[low]
    if low.startswith("sleep:"):
        try:
            s = float(tok[6:])
        except ValueError:
            raise UsageError(f"bad key token <{tok}>: sleep needs seconds, e.g. <sleep:0.3>") from None
        if not 0 <= s <= 60:
            raise UsageError(f"bad key token <{tok}>: sleep must be within 0..60 s")
        return ("sleep", s)
    if low.startswith("hex:"):
        try:
            return ("raw", bytes.fromhex(tok[4:]))
        except ValueError:
            raise UsageError(f"bad key token <{tok}>: invalid hex") from None
    if low.startswith(("c-", "ctrl-")) and len(tok) > 2:
        ch = tok.split("-", 1)[1]
        if ch.lower() in _CTRL_SPECIAL:
            return ("raw", bytes([_CTRL_SPECIAL[ch.lower()]]))
        if len(ch) == 1 and ch.isascii() and ch.isalpha():
            return ("raw", bytes([ord(ch.lower()) & 0x1F]))
        raise UsageError(f"bad key token <{tok}>: control key must be a letter or one of @[\\]^_?")
    if low.startswith(("m-", "a-", "alt-", "meta-")) and len(tok) > 2:
        ch = tok.split("-", 1)[1]
        if len(ch) == 1:
            return ("raw", b"\x1b" + ch.encode("utf-8"))
        if ch.lower() in _NAMED and _NAMED[ch.lower()][0] == "raw":
            return ("raw", b"\x1b" + _NAMED[ch.lower()][1])
        raise UsageError(f"bad key token <{tok}>: meta key must be a single character")
    raise UsageError(f"unknown key token <{tok}> (use <lt> for a literal '<'); syntax: {KEY_SYNTAX_HELP}")


# --------------------------------------------------------------------------- DEC private mode tracking
DEC_MODE_NAMES = {
    1: "DECCKM application cursor keys", 7: "DECAWM autowrap", 12: "cursor blink",
    25: "DECTCEM cursor visible", 47: "alternate screen (47)", 1047: "alternate screen (1047)",
    1048: "save cursor (1048)", 1049: "alternate screen (1049)", 1000: "mouse X11",
    1002: "mouse button-event", 1003: "mouse any-event", 1004: "focus events",
    1005: "mouse UTF-8", 1006: "mouse SGR", 1015: "mouse urxvt", 2004: "bracketed paste",
}
DEC_DEFAULTS = {7: True, 25: True}
ALT_SCREEN_MODES = (47, 1047, 1049)
MOUSE_MODES = (1000, 1002, 1003, 1005, 1006, 1015)


class ModeTracker:
    """Follows DEC private modes (CSI ? Pm h/l), keypad mode (ESC = / ESC >), RIS and DECSTR
    in a byte stream that may be split anywhere.  Events carry the stream offset."""
    _RE = re.compile(rb"\x1b(?:\[\?(?P<priv>[0-9;]*)(?P<act>[hl])|(?P<kp>[=>])|(?P<ris>c)|(?P<str>\[!p))")
    EVENTS_CAP = 100_000

    def __init__(self):
        self.state: dict[int, bool] = {}
        self.keypad_app = False
        self.ever_set: set[int] = set()
        self.ever_reset: set[int] = set()
        self.events: list[tuple[int, str, object]] = []
        self._tail = b""

    def get(self, mode: int) -> bool:
        return self.state.get(mode, DEC_DEFAULTS.get(mode, False))

    def feed(self, data: bytes, offset: int) -> None:
        buf = self._tail + data
        base = offset - len(self._tail)
        pos = 0
        for m in self._RE.finditer(buf):
            off = base + m.start()
            if m.group("act"):
                on = m.group("act") == b"h"
                for p in m.group("priv").split(b";"):
                    if p:
                        mode = int(p)
                        self.state[mode] = on
                        (self.ever_set if on else self.ever_reset).add(mode)
                        self._event(off, mode, on)
            elif m.group("kp"):
                self.keypad_app = m.group("kp") == b"="
                self._event(off, "keypad", self.keypad_app)
            else:  # RIS or DECSTR: back to defaults
                self.state.clear()
                self.keypad_app = False
                self._event(off, "reset", True)
            pos = m.end()
        i = buf.rfind(b"\x1b", pos)
        self._tail = buf[i:] if (i >= 0 and len(buf) - i <= 64) else b""

    def _event(self, off, what, val):
        if len(self.events) < self.EVENTS_CAP:
            self.events.append((off, what, val))

    def non_default(self) -> dict:
        out = {}
        for mode, on in sorted(self.state.items()):
            if on != DEC_DEFAULTS.get(mode, False):
                out[str(mode)] = {"set": on, "name": DEC_MODE_NAMES.get(mode, "")}
        return out


# --------------------------------------------------------------------------- /proc helpers
def read_proc_stat(pid: int) -> dict:
    with open(f"/proc/{pid}/stat", "rb") as f:
        s = f.read().decode("utf-8", "replace")
    lpar, rpar = s.find("("), s.rfind(")")
    rest = s[rpar + 2:].split()
    ut, st, cut, cst = (int(x) for x in rest[11:15])
    return {"pid": pid, "comm": s[lpar + 1:rpar], "state": rest[0], "ppid": int(rest[1]),
            "pgrp": int(rest[2]), "session": int(rest[3]), "utime": ut, "stime": st,
            "cutime": cut, "cstime": cst, "ticks": ut + st + cut + cst,
            "starttime": int(rest[19])}


def session_procs(sid: int) -> dict:
    """{(pid, starttime): stat} for every process whose session id is `sid`."""
    out = {}
    try:
        names = os.listdir("/proc")
    except OSError:
        return out
    for name in names:
        if not name.isdigit():
            continue
        try:
            st = read_proc_stat(int(name))
        except (OSError, ValueError, IndexError):
            continue
        if st["session"] == sid:
            out[(st["pid"], st["starttime"])] = st
    return out


def descendants_and_session(pid: int) -> dict:
    """{pid: stat} of every process in session `pid` plus every descendant of `pid` (by the
    ppid chain, which also catches descendants that moved to another session)."""
    procs = {}
    try:
        names = os.listdir("/proc")
    except OSError:
        return {}
    for name in names:
        if name.isdigit():
            try:
                st = read_proc_stat(int(name))
            except (OSError, ValueError, IndexError):
                continue
            procs[st["pid"]] = st
    out = {p: st for p, st in procs.items() if st["session"] == pid}
    children: dict[int, list[int]] = {}
    for p, st in procs.items():
        children.setdefault(st["ppid"], []).append(p)
    seen, stack = {pid}, [pid]
    while stack:
        for c in children.get(stack.pop(), []):
            if c not in seen:
                seen.add(c)
                out.setdefault(c, procs[c])
                stack.append(c)
    out.pop(pid, None)
    return out


def read_proc_status(pid: int) -> dict:
    out = {}
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                k, _, v = line.partition(":")
                if k in ("VmHWM", "VmRSS", "VmPeak", "VmSize", "Threads", "State"):
                    v = v.strip()
                    out[k] = int(v.split()[0]) if v.endswith("kB") or v.isdigit() else v
    except OSError:
        pass
    return out


def schedstat_ns(pid: int) -> int | None:
    """Sum of on-CPU ns of all live threads of pid (/proc/PID/task/*/schedstat)."""
    total, found = 0, False
    try:
        tids = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return None
    for tid in tids:
        try:
            with open(f"/proc/{pid}/task/{tid}/schedstat") as f:
                total += int(f.read().split()[0])
                found = True
        except (OSError, ValueError, IndexError):
            pass
    return total if found else None


class CpuTracker:
    """CPU ticks used by a session (the child + all descendants that stayed in its session)
    over a window.  Sums utime+stime+cutime+cstime of the members.  A member that vanished
    was reaped by its parent; if an ancestor (along the recorded ppid chain) is still a live
    member, that ancestor's cutime/cstime now carry the vanished one's whole lifetime, so only
    its pre-window part is subtracted.  Otherwise (orphan reaped by init) its last sample counts."""

    def __init__(self, sid: int):
        self.sid = sid
        self.base: dict = {}
        self.last: dict = {}
        self.info: dict = {}
        self.gone: set = set()
        self.samples = 0

    def start(self):
        procs = session_procs(self.sid)
        self.base = {k: p["ticks"] for k, p in procs.items()}
        self.last = dict(self.base)
        self.info = dict(procs)
        self.gone = set()
        self.samples = 1

    def _absorbed(self, key, live: set) -> bool:
        by_pid = {k[0]: v for k, v in self.info.items()}
        p, seen = self.info[key]["ppid"], set()
        while p not in seen:
            seen.add(p)
            if p in live:
                return True
            if p not in by_pid:
                return False
            p = by_pid[p]["ppid"]
        return False

    def sample(self):
        procs = session_procs(self.sid)
        live = {k[0] for k in procs}
        for k in list(self.last):
            if k not in procs and k not in self.gone:
                self.gone.add(k)
                if self._absorbed(k, live):
                    self.last[k] = 0
        for k, p in procs.items():
            self.base.setdefault(k, 0)
            self.last[k] = p["ticks"]
            self.info[k] = p
        self.samples += 1

    def delta_ticks(self) -> int:
        return sum(self.last[k] - self.base.get(k, 0) for k in self.last)

    def per_process(self) -> list:
        out = []
        for k in sorted(self.last):
            p = self.info[k]
            out.append({"pid": k[0], "comm": p["comm"], "cpu_ticks": self.last[k] - self.base.get(k, 0),
                        "alive_at_end": k not in self.gone})
        return out


# --------------------------------------------------------------------------- the session
_live_sessions: "weakref.WeakSet[PtySession]" = weakref.WeakSet()
_cleanup_depth = 0


def _child_preexec():  # runs in the child between fork and exec (after setsid)
    for s in (signal.SIGINT, signal.SIGQUIT, signal.SIGTERM, signal.SIGHUP, signal.SIGPIPE,
              signal.SIGTSTP, signal.SIGTTIN, signal.SIGTTOU, signal.SIGCHLD, signal.SIGWINCH,
              signal.SIGALRM, signal.SIGUSR1, signal.SIGUSR2):
        signal.signal(s, signal.SIG_DFL)          # do not leak ignored dispositions into the target
    signal.pthread_sigmask(signal.SIG_SETMASK, [])
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)          # the pty becomes the controlling terminal


if pyte is not None:
    class _Screen(pyte.Screen):
        """pyte screen that hands terminal replies (DA, DSR/CPR) to the session and keeps a
        separate alternate screen (modes 47/1047/1049), which pyte itself ignores."""

        def __init__(self, cols, rows, sink):
            self._sink = sink
            self._saved_main = None
            super().__init__(cols, rows)

        def write_process_input(self, data):
            if self._sink is not None:
                self._sink(data)

        def reset(self):
            self._saved_main = None
            super().reset()

        def _alt_filter(self, modes, kwargs, enter):
            if not kwargs.get("private"):
                return modes
            alt = [m for m in modes if m in ALT_SCREEN_MODES]
            if alt:
                if enter and self._saved_main is None:
                    if 1049 in alt:
                        self.save_cursor()
                    self._saved_main = {y: line.copy() for y, line in self.buffer.items()}
                    self.erase_in_display(2)
                elif not enter and self._saved_main is not None:
                    self.buffer.clear()
                    for y, line in self._saved_main.items():
                        self.buffer[y].update(line)
                    self._saved_main = None
                    self.dirty.update(range(self.lines))
                    if 1049 in alt:
                        self.restore_cursor()
            return [m for m in modes if m not in ALT_SCREEN_MODES]

        def set_mode(self, *modes, **kwargs):
            modes = self._alt_filter(modes, kwargs, True)
            if modes:
                super().set_mode(*modes, **kwargs)

        def reset_mode(self, *modes, **kwargs):
            modes = self._alt_filter(modes, kwargs, False)
            if modes:
                super().reset_mode(*modes, **kwargs)


class PtySession:
    """One command running in its own session on a fresh pty, with a pyte screen.

    Never reaps the child before close(): exit status is read with waitid(WNOWAIT), so the
    pid -- and with it the process group id -- cannot be recycled while we may still signal
    it.  close() terminates the whole process group (and stragglers of the session, by pid).
    """

    def __init__(self, argv, cols=80, rows=24, term=DEFAULT_TERM, env=None, cwd=None,
                 answer_queries=True, deadline=None, log_limit=8 << 20):
        if pyte is None:
            raise HarnessError("the 'pyte' module is required: pip install pyte")
        if not argv:
            raise UsageError("no command given (put it after '--')")
        self.argv = [str(a) for a in argv]
        self.cols, self.rows = int(cols), int(rows)
        self.orig_size = (self.cols, self.rows)
        self.term = term
        self.extra_env = dict(env or {})
        self.cwd = cwd
        self.answer_queries = answer_queries
        self.deadline = deadline
        self.log_limit = log_limit
        self.master = self.slave = None
        self.proc = None
        self.pid = None
        self.t_start = None
        self.exit_info = None
        self.exit_t = None
        self._reaped = False
        self._closed = False
        self._pidfd = None
        self._eof = False
        self.bytes_total = 0
        self._read_t = array.array("d")      # per read(): monotonic time ...
        self._read_n = array.array("q")      # ... and byte count
        self.reads_truncated = False
        self.first_output_t = None
        self.last_output_t = None
        self.modes = ModeTracker()
        self.log = bytearray()
        self.log_base = 0
        self.hooks = []
        self.warnings: list[str] = []
        self.emulator_errors = 0
        self.emulate = True
        self._discard = False
        self._pending = bytearray()
        self._pending_overflow = False
        self._capture = None
        self._answers: list[str] = []
        self._outq = bytearray()
        self.screen = _Screen(self.cols, self.rows, self._answers.append)
        self.stream = pyte.ByteStream(self.screen)
        self.caps, w = terminfo_caps(term)
        if w:
            self.warnings.append(w)
        self.termios_initial = None
        self.cleanup_report = None

    # ----- lifecycle
    def __enter__(self):
        if self.proc is None:
            self.start()
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def _build_env(self):
        env = dict(os.environ)
        for k in ("COLUMNS", "LINES", "TERMCAP"):   # would override the pty size in curses
            env.pop(k, None)
        env.update(TERM=self.term, LANG="C.UTF-8", LC_ALL="C.UTF-8")
        env.update(self.extra_env)
        return env

    def start(self):
        if self.proc is not None:
            raise HarnessError("session already started")
        master, slave = os.openpty()
        try:
            _set_winsize(master, self.rows, self.cols)
            self.termios_initial = termios.tcgetattr(slave)
            os.set_blocking(master, False)
            self.proc = subprocess.Popen(
                self.argv, stdin=slave, stdout=slave, stderr=slave, env=self._build_env(),
                cwd=self.cwd, start_new_session=True, preexec_fn=_child_preexec, close_fds=True)
        except FileNotFoundError as e:
            os.close(master), os.close(slave)
            what = e.filename if e.filename else self.argv[0]
            raise HarnessError(f"cannot start command: {what!r} not found") from None
        except PermissionError as e:
            os.close(master), os.close(slave)
            raise HarnessError(f"cannot start command {self.argv[0]!r}: permission denied ({e})") from None
        except (OSError, subprocess.SubprocessError) as e:
            os.close(master), os.close(slave)
            raise HarnessError(f"cannot start command {self.argv[0]!r}: {e}") from None
        self.master, self.slave = master, slave
        self.pid = self.proc.pid
        self.t_start = time.monotonic()
        try:        # becomes readable when the child exits: prompt exit detection
            self._pidfd = os.pidfd_open(self.pid)
        except (AttributeError, OSError):
            self._pidfd = None
        _live_sessions.add(self)
        return self

    # ----- child state
    def poll(self):
        """Exit info dict once the child has exited (it stays unreaped), else None."""
        if self.exit_info is not None or self.pid is None:
            return self.exit_info
        try:
            r = os.waitid(os.P_PID, self.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT)
        except ChildProcessError:
            self._set_exit(None, None, note="exit status unavailable (child reaped elsewhere)")
            self._reaped = True
            return self.exit_info
        if r is None or r.si_pid == 0:
            return None
        if r.si_code == os.CLD_EXITED:
            self._set_exit(r.si_status, None)
        else:
            self._set_exit(-r.si_status, r.si_status, core=(r.si_code == os.CLD_DUMPED))
        return self.exit_info

    def _set_exit(self, code, sig, core=False, note=None):
        self.exit_t = time.monotonic()
        info = {"exit_code": code, "exit_signal": None, "core_dumped": core,
                "after_s": _r(self.exit_t - self.t_start)}
        if sig:
            try:
                info["exit_signal"] = signal.Signals(sig).name
            except ValueError:
                info["exit_signal"] = str(sig)
        if note:
            info["note"] = note
        self.exit_info = info

    @property
    def alive(self) -> bool:
        return self.proc is not None and self.poll() is None

    def child_status(self) -> dict:
        e = self.poll()
        d = {"pid": self.pid, "alive": e is None, "exit_code": None, "exit_signal": None}
        if e:
            d.update(e)
        return d

    # ----- I/O core
    def _check_deadline(self, now=None):
        if self.deadline is not None and (now or time.monotonic()) > self.deadline:
            raise HarnessTimeout("operation exceeded its time budget (--timeout)")

    def _process(self, data: bytes):
        t = time.monotonic()
        off = self.bytes_total
        self.bytes_total += len(data)
        if self.first_output_t is None:
            self.first_output_t = t
        self.last_output_t = t
        if len(self._read_t) < READS_CAP:
            self._read_t.append(t)
            self._read_n.append(len(data))
        else:
            self.reads_truncated = True
        self.modes.feed(data, off)
        self.log += data
        if len(self.log) > self.log_limit:
            cut = len(self.log) - self.log_limit
            del self.log[:cut]
            self.log_base += cut
        if self._capture is not None:
            self._capture.append((t, data))
        elif self.emulate:
            self._feed_screen(data)
        elif not self._discard:
            if len(self._pending) + len(data) <= PENDING_CAP:
                self._pending += data
            else:
                self._pending_overflow = True
        for h in list(self.hooks):
            h(t, data)

    def _feed_screen(self, data: bytes):
        try:
            self.stream.feed(data)
        except Exception as e:  # pyte bug on odd input: keep going with a fresh parser
            self.emulator_errors += 1
            if self.emulator_errors == 1:
                self.warnings.append(f"terminal emulator (pyte) error, parser reset: {e!r}")
            self.stream = pyte.ByteStream(self.screen)
        if self._answers:
            data = "".join(self._answers).encode("utf-8")
            self._answers.clear()
            if self.answer_queries:
                self._outq += data
                self._flush_out()

    def set_emulation(self, on: bool, discard: bool = False):
        """Pause/resume feeding the emulator (pausing keeps harness CPU out of measurements).
        While paused the bytes are kept (up to 32 MiB) unless discard=True; on resume after a
        discard the parser restarts, so the screen is only right after the next full redraw."""
        if on and not self.emulate:
            self.emulate = True
            if self._discard or self._pending_overflow:
                self.stream = pyte.ByteStream(self.screen)
                if self._pending_overflow:
                    self.warnings.append("output buffered while emulation was paused overflowed; "
                                         "screen may be incomplete")
            elif self._pending:
                pending = bytes(self._pending)
                self._pending.clear()
                self._feed_screen(pending)
            self._pending.clear()
            self._discard = self._pending_overflow = False
        elif not on:
            self.emulate = False
            self._discard = discard

    def begin_capture(self):
        """Stop feeding the emulator and collect (read_time, bytes) chunks instead: reading stays
        prompt, so read timestamps are not delayed by emulator work (used for latency)."""
        self._capture = []

    def take_captured(self) -> list:
        """Chunks collected since begin_capture()/the last call (capture continues).  The caller
        must feed them, in order, with feed_screen()."""
        chunks, self._capture = self._capture or [], [] if self._capture is not None else None
        return chunks

    def end_capture(self):
        """Stop capturing; chunks not yet taken are fed to the emulator."""
        rest, self._capture = self._capture or [], None
        for _, data in rest:
            self._feed_screen(data)

    def feed_screen(self, data: bytes):
        self._feed_screen(data)

    def _flush_out(self):
        if not self._outq or self.master is None:
            return
        try:
            n = os.write(self.master, self._outq)
            del self._outq[:n]
        except BlockingIOError:
            pass
        except OSError as e:
            if e.errno in (errno.EIO, errno.EBADF):
                self._outq.clear()
            else:
                raise

    def _drain(self, max_reads=64) -> int:
        got = 0
        for _ in range(max_reads):
            try:
                data = os.read(self.master, READ_CHUNK)
            except BlockingIOError:
                break
            except OSError as e:
                if e.errno == errno.EIO:
                    self._eof = True
                    break
                raise
            if not data:
                self._eof = True
                break
            self._process(data)
            got += len(data)
        return got

    def reads_since(self, t: float) -> list[tuple[float, int]]:
        """[(time, nbytes)] of the read() calls at or after monotonic time t."""
        i = bisect.bisect_left(self._read_t, t)
        return list(zip(self._read_t[i:], self._read_n[i:]))

    def pump(self, until: float, stop=None) -> str:
        """Service the pty (read output, feed the emulator, write queued input) until the
        monotonic time `until`, until stop() is true, or until the child has exited and its
        output is drained.  Returns 'stop', 'time' or 'exit'."""
        if self.master is None:
            raise HarnessError("session not started")
        quiet_since = None
        while True:
            if stop is not None and stop():
                return "stop"
            now = time.monotonic()
            self._check_deadline(now)
            if now >= until:
                return "time"
            exited = self.poll() is not None
            wait = min(until - now, EXIT_DRAIN_QUIET if exited else POLL_INTERVAL)
            wlist = [self.master] if self._outq else []
            rlist = [self.master] if exited or self._pidfd is None else [self.master, self._pidfd]
            try:
                r, w, _ = select.select(rlist, wlist, [], max(0.0, wait))
            except InterruptedError:
                continue
            if w:
                self._flush_out()
            got = self._drain() if self.master in r else 0
            if not exited and self._pidfd in r:
                if self.poll() is None:        # should not happen; fall back to polling
                    os.close(self._pidfd)
                    self._pidfd = None
                continue
            if exited:
                if got:
                    quiet_since = None
                elif quiet_since is None:
                    quiet_since = time.monotonic()
                if self._eof or (not got and time.monotonic() - quiet_since >= EXIT_DRAIN_QUIET):
                    return "exit"
            elif self._eof:
                time.sleep(min(POLL_INTERVAL, max(0.0, until - time.monotonic())))

    def sleep(self, seconds: float) -> str:
        """Wait while servicing the pty."""
        return self.pump(time.monotonic() + max(0.0, seconds))

    def wait_quiet(self, quiet: float, max_wait: float, require_output: bool = True) -> bool:
        """Wait until no output arrived for `quiet` s (and, with require_output, at least one byte
        was ever written).  Gives up after max_wait s (capped to leave 1 s of the deadline) or
        when the child exits.  True if quiet."""
        start = time.monotonic()
        if self.deadline is not None:
            max_wait = min(max_wait, max(0.0, self.deadline - start - 1.0))

        def is_quiet():
            if require_output and self.first_output_t is None:
                return False
            ref = max(self.last_output_t or start, start)
            return time.monotonic() - ref >= quiet

        return self.pump(start + max_wait, stop=is_quiet) == "stop"

    def write(self, data: bytes) -> bool:
        """Write input for the child (bounded; keeps draining its output meanwhile)."""
        if not data:
            return True
        self._outq += data
        self._flush_out()
        end = time.monotonic() + WRITE_TIMEOUT
        while self._outq:
            if self.poll() is not None:
                self._outq.clear()
                return False
            if time.monotonic() > end:
                self._outq.clear()
                raise HarnessError("the command is not reading its input (pty input buffer stays full)")
            self.pump(time.monotonic() + POLL_INTERVAL, stop=lambda: not self._outq)
        return True

    # ----- keys
    def key_bytes(self, item: tuple) -> bytes:
        kind, val = item
        if kind == "raw":
            return val
        if kind == "cap":
            seq = self.caps.get(val) or _XTERM_FALLBACK[val]
            # like xterm: cursor keys send CSI x unless the program enabled DECCKM (smkx)
            if val in _CURSOR_CAPS and not self.modes.get(1) and seq.startswith(b"\x1bO"):
                seq = b"\x1b[" + seq[2:]
            return seq
        raise ValueError(f"not a key item: {item!r}")

    def send_keys(self, spec, key_delay: float = 0.05):
        """Send keys in the key syntax (str) or pre-parsed items; each token is its own write,
        followed by key_delay seconds of servicing the pty; <sleep:s> waits."""
        items = parse_keys(spec) if isinstance(spec, str) else list(spec)
        for item in items:
            if self.poll() is not None:
                self.warnings.append("command exited before all keys were sent")
                return False
            if item[0] == "sleep":
                self.sleep(item[1])
                continue
            self.write(self.key_bytes(item))
            if key_delay > 0:
                self.sleep(key_delay)
        return True

    # ----- pty control
    def resize(self, cols: int, rows: int, sigwinch: bool = True):
        """TIOCSWINSZ on the pty (the kernel signals the foreground group if the size changed)
        plus, by default, an explicit SIGWINCH to the child's process group."""
        _set_winsize(self.master, rows, cols)
        self.cols, self.rows = cols, rows
        self.screen.resize(rows, cols)
        if sigwinch and self.poll() is None:
            self.signal_group(signal.SIGWINCH)

    def signal_group(self, sig):
        if self._reaped or self.pid is None:
            return False
        try:
            os.killpg(self.pid, sig)
            return True
        except ProcessLookupError:
            return False

    def signal_child(self, sig):
        if self._reaped or self.pid is None:
            return False
        try:
            os.kill(self.pid, sig)
            return True
        except ProcessLookupError:
            return False

    def slave_termios(self):
        return termios.tcgetattr(self.slave)

    # ----- screen access
    def screen_rows(self, strip=True) -> list[str]:
        try:
            rows = self.screen.display
        except Exception:  # pyte's wide-char assertion on odd input
            rows = ["".join(self.screen.buffer[y][x].data for x in range(self.screen.columns))
                    for y in range(self.screen.lines)]
        return [r.rstrip() for r in rows] if strip else rows

    def cursor(self) -> dict:
        c = self.screen.cursor
        return {"x": c.x, "y": c.y, "hidden": bool(c.hidden)}

    def _line_sig(self, y):
        line = self.screen.buffer[y]
        return tuple(line[x] for x in range(self.screen.columns))

    def screen_signature(self) -> list:
        return [self._line_sig(y) for y in range(self.screen.lines)]

    def changed_since(self, snap) -> bool:
        dirty = self.screen.dirty
        if not dirty:
            return False
        changed = any(y >= len(snap) or self._line_sig(y) != snap[y]
                      for y in list(dirty) if y < self.screen.lines)
        dirty.clear()
        return changed

    def attr_spans(self) -> list:
        """Per row: [[x, length, fg, bg, flags], ...] for runs that are not default-styled.
        flags: b=bold i=italics u=underscore s=strikethrough r=reverse k=blink."""
        out = []
        for y in range(self.screen.lines):
            line = self.screen.buffer[y]
            spans, cur, start = [], None, 0
            for x in range(self.screen.columns + 1):
                if x < self.screen.columns:
                    c = line[x]
                    flags = "".join(f for f, on in (("b", c.bold), ("i", c.italics), ("u", c.underscore),
                                                    ("s", c.strikethrough), ("r", c.reverse),
                                                    ("k", c.blink)) if on)
                    key = (c.fg, c.bg, flags)
                else:
                    key = None
                if key != cur:
                    if cur is not None and cur != ("default", "default", ""):
                        spans.append([start, x - start, cur[0], cur[1], cur[2]])
                    cur, start = key, x
            out.append(spans)
        return out

    # ----- cleanup
    def close(self, grace: float = 1.0) -> dict:
        """Terminate the child's process group (SIGTERM+SIGCONT, then SIGKILL after `grace`),
        SIGKILL any remaining members of its session by pid, reap, close the pty.  Idempotent."""
        global _cleanup_depth
        if self._closed:
            return self.cleanup_report or {}
        _cleanup_depth += 1
        rep = {"killed": False, "stragglers_killed": 0, "reaped": False}
        try:
            if self.proc is not None and not self._reaped:
                # remember the whole tree now: once the child dies its orphans are reparented
                tree = descendants_and_session(self.pid)
                if self.poll() is None:
                    rep["killed"] = True
                    self.signal_group(signal.SIGTERM)
                    self.signal_group(signal.SIGCONT)
                    end = time.monotonic() + grace
                    while self.poll() is None and time.monotonic() < end:
                        time.sleep(0.01)
                # pid (hence pgid) is still ours here: the child is not reaped yet
                self.signal_group(signal.SIGKILL)
                tree.update({p: st for p, st in descendants_and_session(self.pid).items() if p not in tree})
                for pid, st in tree.items():
                    if pid == self.pid or st["state"] == "Z":
                        continue
                    try:   # same process as recorded (pid not recycled)? then kill it by pid
                        if read_proc_stat(pid)["starttime"] != st["starttime"]:
                            continue
                        os.kill(pid, signal.SIGKILL)
                        rep["stragglers_killed"] += 1
                    except (OSError, ValueError, IndexError):
                        pass
                self.poll()
                end = time.monotonic() + 5.0
                while True:
                    try:
                        pid, status = os.waitpid(self.pid, os.WNOHANG)
                    except ChildProcessError:
                        rep["reaped"] = True
                        break
                    if pid == self.pid:
                        rep["reaped"] = True
                        self.proc.returncode = (os.waitstatus_to_exitcode(status))
                        break
                    if time.monotonic() > end:
                        self.warnings.append(f"child {self.pid} could not be reaped within 5 s")
                        break
                    time.sleep(0.01)
                self._reaped = rep["reaped"]
                if self._reaped and self.proc.returncode is None:
                    self.proc.returncode = -1
        finally:
            for fd in (self.master, self.slave, self._pidfd):
                if fd is not None:
                    try:
                        os.close(fd)
                    except OSError:
                        pass
            self.master = self.slave = self._pidfd = None
            self._closed = True
            _cleanup_depth -= 1
            _live_sessions.discard(self)
        self.cleanup_report = rep
        return rep


@atexit.register
def _close_all_sessions():
    for s in list(_live_sessions):
        try:
            s.close(grace=0.2)
        except Exception:
            pass


# --------------------------------------------------------------------------- shared pieces
TERMIOS_FLAGS = {
    "lflag": ("ICANON", "ECHO", "ISIG", "IEXTEN", "ECHOE", "ECHOK", "ECHONL", "ECHOCTL", "ECHOKE",
              "NOFLSH", "TOSTOP"),
    "iflag": ("ICRNL", "INLCR", "IGNCR", "IXON", "IXOFF", "ISTRIP", "BRKINT", "INPCK"),
    "oflag": ("OPOST", "ONLCR"),
}
TERMIOS_CC = ("VINTR", "VQUIT", "VERASE", "VKILL", "VEOF", "VSUSP", "VMIN", "VTIME")


def termios_summary(attrs) -> dict:
    iflag, oflag, _cflag, lflag, _isp, _osp, cc = attrs
    words = {"lflag": lflag, "iflag": iflag, "oflag": oflag}
    out = {}
    for word, names in TERMIOS_FLAGS.items():
        for n in names:
            if hasattr(termios, n):
                out[n] = bool(words[word] & getattr(termios, n))
    for n in TERMIOS_CC:
        v = cc[getattr(termios, n)]
        out[n] = v if isinstance(v, int) else v[0]
    return out


def _validate_common(cols, rows, timeout):
    if not (1 <= cols <= 2000 and 1 <= rows <= 2000):
        raise UsageError("size out of range")
    if not (0 < timeout <= 24 * 3600):
        raise UsageError("--timeout must be > 0")


def _need(planned: float, timeout: float, what: str):
    if planned > timeout:
        raise UsageError(f"{what} needs about {planned:.1f} s but --timeout is {timeout:g} s; "
                         f"raise --timeout (e.g. --timeout {math.ceil(planned + 5)})")


_ANSI_RE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[PX^_][^\x1b]*(?:\x1b\\)?|[()*+][0-9A-Za-z]|.)", re.S)


def output_tail_text(sess: PtySession, max_bytes=8192, max_lines=15) -> list[str]:
    """Last lines the command wrote, escape sequences stripped (e.g. a traceback printed after
    endwin(), which the emulated screen may not show)."""
    raw = bytes(sess.log[-max_bytes:]).decode("utf-8", "replace")
    text = _ANSI_RE.sub("", raw).replace("\r\n", "\n").replace("\r", "\n")
    lines = [ln.rstrip() for ln in text.split("\n")]
    return [ln for ln in lines if ln.strip()][-max_lines:]


def _header(sub, sess: PtySession):
    return {"ok": True, "tool": "ttyprobe", "version": __version__, "subcommand": sub,
            "argv": sess.argv, "size": f"{sess.orig_size[0]}x{sess.orig_size[1]}", "term": sess.term}


def _footer(res: dict, sess: PtySession, t0: float):
    res["child"] = sess.child_status()
    res["bytes_total"] = sess.bytes_total
    res["startup_ms"] = (_r((sess.first_output_t - sess.t_start) * 1000, 1)
                         if sess.first_output_t and sess.t_start else None)
    res["elapsed_s"] = _r(time.monotonic() - t0)
    if sess.emulator_errors:
        res["emulator_errors"] = sess.emulator_errors
    res["warnings"] = sess.warnings
    return res


def _start_and_prime(sess: PtySession, keys, key_delay, settle_max=5.0):
    """Start; if keys are given, wait for the first screen to settle and send them."""
    sess.start()
    if keys:
        sess.wait_quiet(0.3, settle_max, require_output=True)
        sess.send_keys(keys, key_delay)


def bursts_from_reads(reads, gap: float):
    """Group (t, n) reads into bursts: consecutive reads less than `gap` s apart."""
    bursts = []
    for t, n in reads:
        if bursts and t - bursts[-1][1] < gap:
            b = bursts[-1]
            b[1] = t
            b[2] += n
            b[3] += 1
        else:
            bursts.append([t, t, n, 1])
    return bursts   # [start_t, end_t, bytes, reads]


# --------------------------------------------------------------------------- subcommands (API)
def run_screen(argv, cols=80, rows=24, *, keys=None, wait=None, wait_after=None, quiet=0.3,
               settle_max=5.0, key_delay=0.05, ansi=False, timeout=DEFAULT_TIMEOUT,
               term=DEFAULT_TERM, env=None, cwd=None, answer_queries=True) -> dict:
    """Start, wait until output is quiet (or `wait` s), send keys, snapshot the screen."""
    _validate_common(cols, rows, timeout)
    key_sleep = sum(i[1] for i in parse_keys(keys) if i[0] == "sleep") if keys else 0.0
    after = ((wait_after if wait_after is not None else wait) or 0) if keys else 0
    _need((wait or 0) + after + key_sleep + 1.0, timeout, "screen")
    t0 = time.monotonic()
    sess = PtySession(argv, cols, rows, term, env, cwd, answer_queries, deadline=t0 + timeout)
    try:
        sess.start()
        res = _header("screen", sess)
        if wait is not None:
            sess.sleep(wait)
            settled = None
        else:
            settled = sess.wait_quiet(quiet, settle_max, require_output=True)
        if keys:
            if sess.alive:
                sess.send_keys(keys, key_delay)
                wa = wait_after if wait_after is not None else wait
                if wa is not None:
                    sess.sleep(wa)
                else:
                    settled = sess.wait_quiet(quiet, settle_max, require_output=False)
            else:
                sess.warnings.append("command exited before the keys could be sent")
        res["rows"] = sess.screen_rows()
        res["cursor"] = sess.cursor()
        if ansi:
            res["ansi"] = {"format": "per row: [x, length, fg, bg, flags]; only non-default runs; "
                                     "flags b=bold i=italics u=underscore s=strike r=reverse k=blink",
                           "rows": sess.attr_spans()}
        res["title"] = sess.screen.title
        res["settled"] = settled
        res["modes"] = sess.modes.non_default()
        st = sess.child_status()
        res["alive"] = st["alive"]
        res["exit_code"] = st["exit_code"]
        res["exit_signal"] = st["exit_signal"]
        res["status"] = "ok"
        return _footer(res, sess, t0)
    finally:
        sess.close()


def measure_bytes(argv, cols=80, rows=24, *, warmup=2.0, measure=10.0, gap=0.02, keys=None,
                  key_delay=0.05, emulate=False, timeout=DEFAULT_TIMEOUT, term=DEFAULT_TERM,
                  env=None, cwd=None, answer_queries=True) -> dict:
    """Bytes written to the terminal during [warmup, warmup+measure], plus output bursts
    ("frames": reads less than `gap` s apart)."""
    _validate_common(cols, rows, timeout)
    if measure <= 0 or warmup < 0 or gap <= 0:
        raise UsageError("--measure and --gap must be > 0, --warmup >= 0")
    _need(warmup + measure + 1.5 + (6 if keys else 0), timeout, "bytes")
    t0 = time.monotonic()
    sess = PtySession(argv, cols, rows, term, env, cwd, answer_queries, deadline=t0 + timeout)
    try:
        _start_and_prime(sess, keys, key_delay)
        res = _header("bytes", sess)
        sess.sleep(warmup)
        problems = []
        if not sess.alive:
            return _died(sess, res, "command exited during warmup", t0)
        sess.set_emulation(emulate, discard=True)
        ws = time.monotonic()
        b0 = sess.bytes_total
        why = sess.pump(ws + measure)
        we = min(time.monotonic(), ws + measure)
        if why == "exit":
            problems.append("command exited during the measurement window")
        # let the last burst complete (bounded)
        if why != "exit":
            sess.wait_quiet(gap, min(1.0, max(0.0, sess.deadline - time.monotonic() - 0.5)),
                            require_output=False)
        reads = sess.reads_since(ws - 1.0)
        win_bytes = sum(n for t, n in reads if ws <= t < we)
        win_reads = sum(1 for t, n in reads if ws <= t < we)
        bursts = [b for b in bursts_from_reads(reads, gap) if ws <= b[0] < we]
        window = we - ws
        starts = [b[0] for b in bursts]
        bursts_info = {
            "gap_ms": gap * 1000,
            "count": len(bursts),
            "per_second": _r(len(bursts) / window if window > 0 else 0.0),
            "bytes_per_burst": summarize([b[2] for b in bursts], 1),
            "duration_ms": summarize([(b[1] - b[0]) * 1000 for b in bursts], 2),
            "interval_ms": summarize([(b - a) * 1000 for a, b in zip(starts, starts[1:])], 1),
        }
        if win_bytes and len(bursts) <= 1:
            bursts_info["note"] = ("output was (nearly) continuous: no silences >= gap_ms, "
                                   "so bursts/frames cannot be separated")
        res.update({
            "window_s": _r(window),
            "warmup_s": warmup,
            "bytes": win_bytes,
            "bytes_per_second": _r(win_bytes / window if window > 0 else 0.0, 1),
            "reads": win_reads,
            "bursts": bursts_info,
            "bytes_before_window": b0,
        })
        res["status"] = "fail" if problems else "ok"
        res["problems"] = problems
        return _footer(res, sess, t0)
    finally:
        sess.close()


def _died(sess, res, msg, t0):
    """Result for a command that exited too early (a verdict about the target, exit status 1)."""
    res["status"] = "fail"
    res["problems"] = [msg]
    res["output_tail"] = output_tail_text(sess)
    return _footer(res, sess, t0)


def measure_idle_cpu(argv, cols=80, rows=24, *, warmup=2.0, measure=10.0, keys=None,
                     key_delay=0.05, sample_interval=0.5, emulate=False, timeout=DEFAULT_TIMEOUT,
                     term=DEFAULT_TERM, env=None, cwd=None, answer_queries=True) -> dict:
    """CPU used by the command's session during the window, as % of one core, plus RSS."""
    _validate_common(cols, rows, timeout)
    if measure <= 0 or warmup < 0:
        raise UsageError("--measure must be > 0, --warmup >= 0")
    _need(warmup + measure + 1.5 + (6 if keys else 0), timeout, "idle-cpu")
    t0 = time.monotonic()
    sess = PtySession(argv, cols, rows, term, env, cwd, answer_queries, deadline=t0 + timeout)
    try:
        _start_and_prime(sess, keys, key_delay)
        res = _header("idle-cpu", sess)
        sess.sleep(warmup)
        if not sess.alive:
            return _died(sess, res, "command exited during warmup", t0)
        sess.set_emulation(emulate, discard=True)
        tracker = CpuTracker(sess.pid)
        ru0 = resource.getrusage(resource.RUSAGE_SELF)
        ws = time.monotonic()
        tracker.start()
        ss0 = schedstat_ns(sess.pid)
        b0 = sess.bytes_total
        problems = []
        end = ws + measure
        while True:
            why = sess.pump(min(end, time.monotonic() + sample_interval))
            if why == "exit":
                problems.append("command exited during the measurement window")
                break
            if time.monotonic() >= end:
                break
            tracker.sample()
        # final sample and memory while the process still exists
        status = read_proc_status(sess.pid)
        ss1 = schedstat_ns(sess.pid)
        tracker.sample()
        we = time.monotonic()
        ru1 = resource.getrusage(resource.RUSAGE_SELF)
        window = we - ws
        ticks = tracker.delta_ticks()
        procs = tracker.per_process()
        for p in procs:
            st = read_proc_status(p["pid"]) if p["alive_at_end"] else {}
            p["vmhwm_kb"], p["vmrss_kb"] = st.get("VmHWM"), st.get("VmRSS")
        wbytes = sess.bytes_total - b0
        res.update({
            "window_s": _r(window),
            "warmup_s": warmup,
            "cpu_seconds": _r(ticks / CLK_TCK),
            "cpu_percent": _r(100.0 * ticks / CLK_TCK / window, 2) if window > 0 else None,
            "cpu_ticks": ticks,
            "clk_tck": CLK_TCK,
            "resolution_percent": _r(100.0 / CLK_TCK / window, 3) if window > 0 else None,
            "cpu_percent_main_schedstat": (_r(100.0 * (ss1 - ss0) / 1e9 / window, 2)
                                           if ss0 is not None and ss1 is not None and window > 0 else None),
            "rss_max_kb": status.get("VmHWM"),
            "rss_kb": status.get("VmRSS"),
            "threads": status.get("Threads"),
            "session_rss_kb_sum": sum(p["vmrss_kb"] or 0 for p in procs) or None,
            "processes": procs,
            "bytes_in_window": wbytes,
            "bytes_per_second": _r(wbytes / window, 1) if window > 0 else None,
            "harness_cpu_percent": _r(100.0 * ((ru1.ru_utime + ru1.ru_stime) - (ru0.ru_utime + ru0.ru_stime))
                                      / window, 2) if window > 0 else None,
        })
        res["status"] = "fail" if problems else "ok"
        res["problems"] = problems
        return _footer(res, sess, t0)
    finally:
        sess.close()


def measure_latency(argv, cols=80, rows=24, *, keys=("<Right>",), n=20, expect_change=False,
                    interval=0.3, key_timeout=2.0, quiet=0.1, settle_max=1.0, warmup=1.0,
                    response_quiet=0.05, pre_keys=None, key_delay=0.05, timeout=DEFAULT_TIMEOUT, term=DEFAULT_TERM,
                    env=None, cwd=None, answer_queries=True) -> dict:
    """Send keys (cycling through `keys`) n times; time from the write to the first output
    byte, and (expect_change) to the arrival of the bytes that made the screen differ."""
    _validate_common(cols, rows, timeout)
    if n < 1 or interval < 0 or key_timeout <= 0 or response_quiet <= 0:
        raise UsageError("--n must be >= 1, --interval >= 0, --key-timeout and --response-quiet > 0")
    key_items = []
    for k in keys:
        items = parse_keys(k)
        if any(i[0] == "sleep" for i in items) or not items:
            raise UsageError(f"--key {k!r}: must be one or more keys without <sleep:...>")
        key_items.append((k, items))
    _need(warmup + n * (interval + 0.02) + 2.0 + (6 if pre_keys else 0), timeout, "latency")
    t0 = time.monotonic()
    sess = PtySession(argv, cols, rows, term, env, cwd, answer_queries, deadline=t0 + timeout)
    try:
        sess.start()
        res = _header("latency", sess)
        sess.wait_quiet(0.3, 5.0, require_output=True)
        if pre_keys:
            sess.send_keys(pre_keys, key_delay)
            sess.wait_quiet(0.3, 3.0, require_output=False)
        sess.sleep(warmup)
        if not sess.alive:
            return _died(sess, res, "command exited before the first key", t0)
        samples, problems = [], []
        truncated = False
        for i in range(n):
            if sess.deadline - time.monotonic() < settle_max + key_timeout + interval + 1.0:
                truncated = True
                sess.warnings.append(f"stopped after {i} of {n} keys to stay within --timeout")
                break
            label, items = key_items[i % len(key_items)]
            settled = sess.wait_quiet(quiet, settle_max, require_output=False)
            if not sess.alive:
                problems.append(f"command exited before key #{i + 1}")
                break
            snap = sess.screen_signature()
            sess.screen.dirty.clear()
            st = {"first": None, "change": None, "last": None, "bytes": 0}
            data = b"".join(sess.key_bytes(it) for it in items)
            # Capture raw chunks with their read times, and run the emulator only once the
            # response went quiet: emulator work then cannot delay the timestamps.
            sess.begin_capture()
            try:
                tk = time.monotonic()
                sess.write(data)
                end = tk + key_timeout
                while True:
                    seen = len(sess._capture)
                    if expect_change:
                        sess.pump(end, stop=lambda seen=seen: len(sess._capture) > seen and
                                  time.monotonic() - sess.last_output_t >= response_quiet)
                    else:
                        sess.pump(end, stop=lambda: bool(sess._capture))
                    for t, chunk in sess.take_captured():
                        if st["first"] is None:
                            st["first"] = t
                        st["last"] = t
                        st["bytes"] += len(chunk)
                        sess.feed_screen(chunk)
                        if expect_change and st["change"] is None and sess.changed_since(snap):
                            st["change"] = t
                    if (not expect_change or st["change"] is not None or time.monotonic() >= end
                            or not sess.alive):
                        break
            finally:
                sess.end_capture()
            smp = {"i": i + 1, "key": label, "settled_before": settled,
                   "first_byte_ms": _r((st["first"] - tk) * 1000) if st["first"] else None}
            if expect_change:
                smp["change_ms"] = _r((st["change"] - tk) * 1000) if st["change"] else None
                # end of the response burst (output went quiet for response_quiet s)
                smp["response_end_ms"] = _r((st["last"] - tk) * 1000) if st["last"] else None
                smp["response_bytes"] = st["bytes"]
            samples.append(smp)
            sess.sleep(interval)
        fb = [s["first_byte_ms"] for s in samples if s["first_byte_ms"] is not None]
        res["n_requested"] = n
        res["n_done"] = len(samples)
        res["truncated"] = truncated
        res["keys"] = [k for k, _ in key_items]
        res["first_byte_ms"] = summarize(fb)
        res["no_output"] = sum(1 for s in samples if s["first_byte_ms"] is None)
        if expect_change:
            ch = [s["change_ms"] for s in samples if s["change_ms"] is not None]
            res["change_ms"] = summarize(ch)
            res["response_end_ms"] = summarize([s["response_end_ms"] for s in samples
                                                if s["response_end_ms"] is not None])
            res["response_bytes"] = summarize([s["response_bytes"] for s in samples], 1)
            res["no_change"] = sum(1 for s in samples if s["change_ms"] is None)
            valid = len(ch)
        else:
            valid = len(fb)
        unsettled = sum(1 for s in samples if not s["settled_before"])
        res["unsettled"] = unsettled
        if unsettled:
            sess.warnings.append(f"{unsettled} key(s) were sent while the program was still writing "
                                 "(not quiet); their latencies may be confounded by unrelated output")
        res["samples"] = samples
        if valid == 0:
            problems.append("no key produced a response" + (" (screen change)" if expect_change else ""))
        res["status"] = "fail" if problems else "ok"
        res["problems"] = problems
        return _footer(res, sess, t0)
    finally:
        sess.close()


def resize_storm(argv, cols=80, rows=24, *, n=200, min_size=(10, 4), max_size=(300, 100),
                 interval=0.02, seed=None, settle_max=3.0, sigwinch=True, emulate=False, keys=None,
                 key_delay=0.05, timeout=DEFAULT_TIMEOUT, term=DEFAULT_TERM, env=None, cwd=None,
                 answer_queries=True) -> dict:
    """Resize randomly n times, then back to the original size: the command must survive and
    render a non-empty screen after the final resize."""
    _validate_common(cols, rows, timeout)
    (minc, minr), (maxc, maxr) = min_size, max_size
    if not (1 <= minc <= maxc and 1 <= minr <= maxr):
        raise UsageError("--min must be <= --max in both dimensions (COLSxROWS)")
    if n < 1 or interval < 0:
        raise UsageError("--n must be >= 1 and --interval >= 0")
    _need(n * interval + 4 * settle_max + 2.0, timeout, "resize-storm")
    if seed is None:
        seed = random.SystemRandom().randrange(2 ** 32)
    rng = random.Random(seed)
    t0 = time.monotonic()
    sess = PtySession(argv, cols, rows, term, env, cwd, answer_queries, deadline=t0 + timeout)
    try:
        _start_and_prime(sess, keys, key_delay)
        res = _header("resize-storm", sess)
        res["seed"] = seed
        sess.wait_quiet(0.3, settle_max, require_output=True)
        nonblank_before = sum(1 for r in sess.screen_rows() if r.strip())
        sess.set_emulation(emulate, discard=True)
        crash = None
        done = 0
        b0 = sess.bytes_total
        ts = time.monotonic()
        size = (cols, rows)
        for i in range(n):
            if sess.deadline - time.monotonic() < 3 * settle_max + 1.5:
                sess.warnings.append(f"storm stopped after {i} of {n} resizes to stay within --timeout")
                break
            size = (rng.randint(minc, maxc), rng.randint(minr, maxr))
            sess.resize(*size, sigwinch=sigwinch)
            done += 1
            sess.sleep(interval)
            if sess.poll() is not None:
                crash = {"at_resize": i + 1, "size": f"{size[0]}x{size[1]}", **sess.poll()}
                break
        storm_s = time.monotonic() - ts
        storm_bytes = sess.bytes_total - b0
        res.update({"resizes_requested": n, "resizes_done": done, "storm_s": _r(storm_s),
                    "storm_bytes": storm_bytes, "explicit_sigwinch": sigwinch,
                    "min": f"{minc}x{minr}", "max": f"{maxc}x{maxr}"})
        problems = []
        final = {}
        if crash is None:
            caught_up = sess.wait_quiet(0.2, settle_max, require_output=False)
            sess.set_emulation(True)
            sess.resize(cols, rows, sigwinch=sigwinch)
            sess.screen.reset()                  # forget pre-storm content: what we see is new
            tf = time.monotonic()
            bf = sess.bytes_total
            sess.pump(tf + settle_max, stop=lambda: sess.bytes_total > bf)
            first = (sess.last_output_t - tf) if sess.bytes_total > bf else None
            sess.wait_quiet(0.3, settle_max, require_output=False)
            rows_after = sess.screen_rows()
            nonblank = sum(1 for r in rows_after if r.strip())
            final = {"caught_up_before_final": caught_up,
                     "output_after_final_resize_bytes": sess.bytes_total - bf,
                     "first_output_after_final_resize_ms": _r(first * 1000, 1) if first is not None else None,
                     "pty_size_after": "%dx%d" % _get_winsize(sess.slave),
                     "nonblank_rows_before_storm": nonblank_before,
                     "nonblank_rows_after": nonblank,
                     "rows_after": rows_after}
            if sess.poll() is not None:
                crash = {"at_resize": "after final resize", **sess.poll()}
            elif nonblank == 0:
                problems.append("screen is empty after the final resize (no redraw)")
        if crash is not None:
            problems.insert(0, f"command died during the resize storm: {crash}")
            final["output_tail"] = output_tail_text(sess)
        res["crashed"] = crash is not None
        res["crash"] = crash
        res["final"] = final
        res["alive_after"] = sess.alive
        res["status"] = "fail" if problems else "ok"
        res["passed"] = not problems
        res["problems"] = problems
        return _footer(res, sess, t0)
    finally:
        sess.close()


def check_restore(argv, cols=80, rows=24, *, sig="TERM", after=1.5, target="pid",
                  exit_timeout=5.0, keys=None, key_delay=0.05, timeout=DEFAULT_TIMEOUT,
                  term=DEFAULT_TERM, env=None, cwd=None, answer_queries=True) -> dict:
    """Send a signal after `after` s; the command must exit, leave the alternate screen, show
    the cursor, and leave ICANON/ECHO as they were before it started."""
    _validate_common(cols, rows, timeout)
    signum = parse_signal(sig)
    if target not in ("pid", "group"):
        raise UsageError("--target must be 'pid' or 'group'")
    if after < 0 or exit_timeout <= 0:
        raise UsageError("--after must be >= 0 and --exit-timeout > 0")
    _need(after + exit_timeout + 2.5 + (6 if keys else 0), timeout, "restore")
    t0 = time.monotonic()
    sess = PtySession(argv, cols, rows, term, env, cwd, answer_queries, deadline=t0 + timeout)
    try:
        _start_and_prime(sess, keys, key_delay)
        res = _header("restore", sess)
        before = termios_summary(sess.termios_initial)
        sess.pump(sess.t_start + after)
        if not sess.alive:
            res["passed"] = False
            return _died(sess, res, "command exited before the signal was sent", t0)
        during = termios_summary(sess.slave_termios())
        modes_during = sess.modes.non_default()
        sig_off = sess.bytes_total
        ts = time.monotonic()
        (sess.signal_group if target == "group" else sess.signal_child)(signum)
        why = sess.pump(ts + exit_timeout)
        exited = why == "exit"
        after_t = termios_summary(sess.slave_termios())
        m = sess.modes
        # --- checks
        checks = {}
        alt_entered = any(x in m.ever_set for x in ALT_SCREEN_MODES)
        alt_active = any(m.get(x) for x in ALT_SCREEN_MODES)
        checks["alt_screen_left"] = {
            "status": "n/a" if not alt_entered else ("pass" if not alt_active else "fail"),
            "entered": alt_entered, "active_at_end": alt_active}
        cur_hidden_ever = 25 in m.ever_reset
        cur_visible = m.get(25)
        checks["cursor_visible"] = {
            "status": "n/a" if not cur_hidden_ever else ("pass" if cur_visible else "fail"),
            "hidden_at_some_point": cur_hidden_ever, "visible_at_end": cur_visible}
        for flag in ("ICANON", "ECHO"):
            checks[f"termios_{flag.lower()}"] = {
                "status": "pass" if after_t[flag] == before[flag] else "fail",
                "before": before[flag], "during": during[flag], "after": after_t[flag]}
        # --- informational
        tail = bytes(sess.log[max(0, sig_off - sess.log_base):])
        caps = sess.caps
        post_events = [(off, what, val) for off, what, val in m.events if off >= sig_off]
        info = {
            "emitted_after_signal": {
                "rmcup": bool(caps.get("rmcup")) and caps["rmcup"] in tail,
                "cnorm": bool(caps.get("cnorm")) and caps["cnorm"] in tail,
                "alt_screen_exit(?1049l/?1047l/?47l)": any(w in ALT_SCREEN_MODES and not v
                                                           for _, w, v in post_events),
                "cursor_show(?25h)": any(w == 25 and v for _, w, v in post_events),
                "bytes": sess.bytes_total - sig_off},
            "modes_before_signal": modes_during,
            "modes_left_non_default": m.non_default(),
            "keypad_transmit_left_on": m.keypad_app,
            "mouse_reporting_left_on": [x for x in MOUSE_MODES if m.get(x)],
            "bracketed_paste_left_on": m.get(2004),
            "termios_changed_by_program": {k: [before[k], during[k]] for k in before if before[k] != during[k]},
            "termios_diff_after_vs_before": {k: [before[k], after_t[k]] for k in before if before[k] != after_t[k]},
        }
        problems = []
        if not exited:
            problems.append(f"command did not exit within {exit_timeout:g} s after {signum.name} "
                            "(terminal checks not evaluated; state shown is while still running)")
            for c in checks.values():
                c["status"] = "not_exited"
        for name, c in checks.items():
            if c["status"] == "fail":
                problems.append(f"check failed: {name}")
        res.update({
            "signal": signum.name, "target": target, "signal_sent_after_s": _r(ts - sess.t_start),
            "exited": exited,
            "exit_latency_ms": _r((sess.exit_t - ts) * 1000, 1) if exited and sess.exit_t else None,
            "exit_code": (sess.exit_info or {}).get("exit_code"),
            "exit_signal": (sess.exit_info or {}).get("exit_signal"),
            "checks": checks, "info": info,
            "termios": {"before": before, "during": during, "after": after_t},
        })
        res["passed"] = not problems
        res["status"] = "ok" if not problems else "fail"
        res["problems"] = problems
        return _footer(res, sess, t0)
    finally:
        sess.close()


# --------------------------------------------------------------------------- CLI
class _ArgParser(argparse.ArgumentParser):
    def error(self, message):
        raise UsageError(f"{self.prog}: {message}")


def _size_arg(s):
    try:
        return parse_size(s)
    except UsageError as e:
        raise argparse.ArgumentTypeError(str(e)) from None


def _env_arg(s):
    if "=" not in s or s.startswith("="):
        raise argparse.ArgumentTypeError(f"--env expects KEY=VALUE, got {s!r}")
    return s


def build_parser():
    p = _ArgParser(prog="ttyprobe.py", description="Measure / check terminal (curses) programs "
                   "in a pseudo-terminal. The command goes after '--'. SIZE is COLSxROWS.",
                   epilog="Key syntax: " + KEY_SYNTAX_HELP)
    p.add_argument("--version", action="version", version=__version__)
    sub = p.add_subparsers(dest="sub", required=True, parser_class=_ArgParser)

    def common(sp, size="80x24", keys=True):
        sp.add_argument("--size", type=_size_arg, default=parse_size(size), metavar="COLSxROWS",
                        help=f"terminal size (default {size})")
        sp.add_argument("--term", default=DEFAULT_TERM, help=f"TERM for the command (default {DEFAULT_TERM})")
        sp.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT,
                        help="hard limit for the whole run in seconds (default 20)")
        sp.add_argument("--env", action="append", type=_env_arg, default=[], metavar="KEY=VALUE",
                        help="extra environment variable for the command (repeatable)")
        sp.add_argument("--cwd", default=None, help="working directory for the command")
        sp.add_argument("--no-answer-queries", action="store_true",
                        help="do not answer terminal queries (DA, cursor position report)")
        sp.add_argument("--key-delay", type=float, default=0.05,
                        help="pause after each key token in --keys (default 0.05 s)")
        sp.add_argument("--compact", action="store_true", help="one-line JSON")
        if keys:
            sp.add_argument("--keys", default=None, help="keys to send after the first screen settled")

    sp = sub.add_parser("screen", help="snapshot the screen (after optional keys)")
    common(sp)
    sp.add_argument("--wait", type=float, default=None,
                    help="fixed wait in seconds instead of waiting until output is quiet")
    sp.add_argument("--wait-after", type=float, default=None, help="fixed wait after the keys")
    sp.add_argument("--quiet", type=float, default=0.3, help="quiet period that counts as settled (s)")
    sp.add_argument("--settle-max", type=float, default=5.0, help="max wait for quiet (s)")
    sp.add_argument("--ansi", action="store_true", help="include per-cell colours/attributes (run-length)")

    sp = sub.add_parser("bytes", help="bytes/second written to the terminal, and bursts (frames)")
    common(sp)
    sp.add_argument("--warmup", type=float, default=2.0, help="seconds before the window (default 2)")
    sp.add_argument("--measure", type=float, default=10.0, help="window length in seconds (default 10)")
    sp.add_argument("--gap", type=float, default=0.02,
                    help="silence (s) that separates two bursts of output (default 0.02)")
    sp.add_argument("--emulate", action="store_true",
                    help="keep the emulator running during the window (default: paused)")

    sp = sub.add_parser("idle-cpu", help="CPU%% (of one core) and RSS of the command while idle")
    common(sp)
    sp.add_argument("--warmup", type=float, default=2.0, help="seconds before the window (default 2)")
    sp.add_argument("--measure", type=float, default=10.0, help="window length in seconds (default 10)")
    sp.add_argument("--sample-interval", type=float, default=0.5,
                    help="how often the session's processes are sampled in the window (s)")
    sp.add_argument("--emulate", action="store_true",
                    help="keep the emulator running during the window (default: paused)")

    sp = sub.add_parser("latency", help="key-to-output and key-to-screen-change latency")
    common(sp, keys=False)
    sp.add_argument("--key", action="append", default=None,
                    help="key to send (repeatable: the keys are cycled); default <Right>")
    sp.add_argument("--keys", default=None, help="keys to send once before measuring")
    sp.add_argument("--n", type=int, default=20, help="number of keys to send (default 20)")
    sp.add_argument("--expect-change", action="store_true",
                    help="also time until the screen differs (and count keys that changed nothing)")
    sp.add_argument("--interval", type=float, default=0.3, help="pause after each key (s)")
    sp.add_argument("--key-timeout", type=float, default=2.0, help="max wait for a response (s)")
    sp.add_argument("--quiet", type=float, default=0.1,
                    help="before each key, wait for this much output silence (s)")
    sp.add_argument("--settle-max", type=float, default=1.0, help="max wait for that silence (s)")
    sp.add_argument("--response-quiet", type=float, default=0.05,
                    help="with --expect-change: a response burst ends after this much silence (s)")
    sp.add_argument("--warmup", type=float, default=1.0,
                    help="seconds after the first screen settled, before the first key")

    sp = sub.add_parser("resize-storm", help="many random resizes; must survive and redraw")
    common(sp)
    sp.add_argument("--n", type=int, default=200, help="number of random resizes (default 200)")
    sp.add_argument("--min", type=_size_arg, default=(10, 4), metavar="COLSxROWS",
                    help="smallest random size (default 10x4)")
    sp.add_argument("--max", type=_size_arg, default=(300, 100), metavar="COLSxROWS",
                    help="largest random size (default 300x100)")
    sp.add_argument("--interval", type=float, default=0.02, help="pause between resizes (s)")
    sp.add_argument("--seed", type=int, default=None, help="random seed (reported in the output)")
    sp.add_argument("--settle-max", type=float, default=3.0,
                    help="max wait for the redraw after the storm / final resize (s)")
    sp.add_argument("--no-sigwinch", action="store_true",
                    help="rely on the kernel's SIGWINCH only (no explicit killpg)")
    sp.add_argument("--emulate", action="store_true", help="emulate during the storm too")

    sp = sub.add_parser("restore", help="signal the command; terminal state must be restored")
    common(sp)
    sp.add_argument("--signal", default="TERM", help="TERM, INT, HUP, ... (default TERM)")
    sp.add_argument("--after", type=float, default=1.5, help="seconds after start (default 1.5)")
    sp.add_argument("--target", choices=("pid", "group"), default="pid",
                    help="signal the child pid (default) or its process group")
    sp.add_argument("--exit-timeout", type=float, default=5.0,
                    help="how long to wait for the exit after the signal (s)")
    return p


def _dispatch(ns, cmd):
    cols, rows = ns.size
    env = dict(e.split("=", 1) for e in ns.env)
    kw = dict(timeout=ns.timeout, term=ns.term, env=env, cwd=ns.cwd,
              answer_queries=not ns.no_answer_queries, key_delay=ns.key_delay)
    if ns.sub == "screen":
        return run_screen(cmd, cols, rows, keys=ns.keys, wait=ns.wait, wait_after=ns.wait_after,
                          quiet=ns.quiet, settle_max=ns.settle_max, ansi=ns.ansi, **kw)
    if ns.sub == "bytes":
        return measure_bytes(cmd, cols, rows, warmup=ns.warmup, measure=ns.measure, gap=ns.gap,
                             keys=ns.keys, emulate=ns.emulate, **kw)
    if ns.sub == "idle-cpu":
        return measure_idle_cpu(cmd, cols, rows, warmup=ns.warmup, measure=ns.measure, keys=ns.keys,
                                sample_interval=ns.sample_interval, emulate=ns.emulate, **kw)
    if ns.sub == "latency":
        return measure_latency(cmd, cols, rows, keys=ns.key or ["<Right>"], n=ns.n,
                               expect_change=ns.expect_change, interval=ns.interval,
                               key_timeout=ns.key_timeout, quiet=ns.quiet, settle_max=ns.settle_max,
                               warmup=ns.warmup, response_quiet=ns.response_quiet,
                               pre_keys=ns.keys, **kw)
    if ns.sub == "resize-storm":
        return resize_storm(cmd, cols, rows, n=ns.n, min_size=ns.min, max_size=ns.max,
                            interval=ns.interval, seed=ns.seed, settle_max=ns.settle_max,
                            sigwinch=not ns.no_sigwinch, emulate=ns.emulate, keys=ns.keys, **kw)
    if ns.sub == "restore":
        return check_restore(cmd, cols, rows, sig=ns.signal, after=ns.after, target=ns.target,
                             exit_timeout=ns.exit_timeout, keys=ns.keys, **kw)
    raise UsageError(f"unknown subcommand {ns.sub!r}")


def _emit(obj, compact):
    text = json.dumps(obj, ensure_ascii=False, indent=None if compact else 2)
    try:
        sys.stdout.buffer.write(text.encode("utf-8") + b"\n")
        sys.stdout.flush()
    except BrokenPipeError:
        pass


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if "--" in argv:
        i = argv.index("--")
        opts, cmd = argv[:i], argv[i + 1:]
    else:
        opts, cmd = argv, []
    compact = "--compact" in opts
    t_begin = time.monotonic()

    def on_signal(signum, _frame):
        if _cleanup_depth > 0:          # a cleanup is running: let it finish (it is bounded)
            return
        raise HarnessInterrupted(f"harness interrupted by {signal.Signals(signum).name}")

    def on_alarm(_signum, _frame):
        if _cleanup_depth > 0:          # never abort a cleanup half-way
            signal.setitimer(signal.ITIMER_REAL, 1.0)
            return
        raise HarnessTimeout("watchdog: the harness exceeded --timeout")

    try:
        ns = build_parser().parse_args(opts)
        if not cmd:
            raise UsageError("missing command: put it after '--', e.g. ttyprobe.py screen -- top")
        for s in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
            signal.signal(s, on_signal)
        signal.signal(signal.SIGALRM, on_alarm)
        signal.setitimer(signal.ITIMER_REAL, ns.timeout + 5.0)
        try:
            res = _dispatch(ns, cmd)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        _emit(res, compact)
        return EXIT_CHECK_FAILED if res.get("status") == "fail" else EXIT_OK
    except HarnessError as e:
        print(f"ttyprobe: error: {e}", file=sys.stderr)
        _emit({"ok": False, "error": str(e), "error_type": type(e).__name__,
               "elapsed_s": _r(time.monotonic() - t_begin)}, compact)
        return e.exit_code
    except Exception as e:  # internal bug: still a clear message and a JSON object
        import traceback
        traceback.print_exc()
        print(f"ttyprobe: internal error: {e!r}", file=sys.stderr)
        _emit({"ok": False, "error": f"internal error: {e!r}", "error_type": type(e).__name__}, compact)
        return EXIT_HARNESS
    finally:
        _close_all_sessions()


if __name__ == "__main__":
    sys.exit(main())
