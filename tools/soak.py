#!/usr/bin/env python3
"""Soak test: the dashboard in a pseudo-terminal for a long time, with a key every second
and a resize every few seconds; resident memory (VmRSS) sampled throughout. The clock is
kept running: when the status line says it paused (at the horizon), Home and Space restart it.

    python3 tools/soak.py --minutes 10 -- .build/release/moneyloop --speed 64 --fps 60

Prints one JSON object (and a summary line on stderr). Exit 0 when the program stayed up
and its memory did not grow beyond noise (--allowed-growth-kib), 1 otherwise.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ttyprobe  # noqa: E402
from reliability_probe import parse_with_command  # noqa: E402

# Keys that move levers, focus and panels.
KEYS = ["<Right>", "<Right>", "<Left>", "<Tab>", "<Down>", "<Up>", "e", "e", "?", "?", "<S-Tab>",
        "]", "[", "u", "<C-r>"]
SIZES = [(120, 40), (80, 24), (200, 60), (100, 30), (160, 48), (60, 20)]


def rss_kib(pid: int) -> tuple[int, int]:
    st = ttyprobe.read_proc_status(pid)
    return st.get("VmRSS", 0), st.get("VmHWM", 0)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--minutes", type=float, default=10)
    ap.add_argument("--warmup", type=float, default=10, help="seconds before the first RSS sample")
    ap.add_argument("--key-every", type=float, default=0.5)
    ap.add_argument("--resize-every", type=float, default=7.0)
    ap.add_argument("--sample-every", type=float, default=10.0)
    ap.add_argument("--allowed-growth-kib", type=int, default=2048)
    ap.add_argument("--seed", type=int, default=1)
    ns, argv = parse_with_command(ap)
    rng = random.Random(ns.seed)
    duration = ns.minutes * 60
    s = ttyprobe.PtySession(argv, 120, 40, env={"SWIFT_BACKTRACE": "interactive=no"},
                            deadline=time.monotonic() + duration + ns.warmup + 60)
    samples = []
    keys = resizes = restarts = 0
    with s:
        s.wait_quiet(0.3, 10)
        s.sleep(ns.warmup)
        t0 = time.monotonic()
        cpu0 = ttyprobe.read_proc_stat(s.pid)
        next_key = next_resize = next_sample = t0
        while s.alive and time.monotonic() - t0 < duration:
            now = time.monotonic()
            if now >= next_sample:
                rss, hwm = rss_kib(s.pid)
                samples.append({"t_s": round(now - t0, 1), "rss_kib": rss, "hwm_kib": hwm})
                next_sample += ns.sample_every
            if now >= next_key:
                if "paused" in (s.screen_rows() or [""])[0]:
                    s.send_keys("<Home> ", key_delay=0)
                    restarts += 1
                else:
                    s.send_keys(rng.choice(KEYS), key_delay=0)
                keys += 1
                next_key += ns.key_every
            if now >= next_resize:
                s.resize(*rng.choice(SIZES))
                resizes += 1
                next_resize += ns.resize_every
            s.sleep(max(0.0, min(next_key, next_resize, next_sample) - time.monotonic()))
        alive = s.alive
        elapsed = time.monotonic() - t0
        if alive:
            rss, hwm = rss_kib(s.pid)
            samples.append({"t_s": round(elapsed, 1), "rss_kib": rss, "hwm_kib": hwm})
            cpu1 = ttyprobe.read_proc_stat(s.pid)
            cpu = (cpu1["utime"] + cpu1["stime"] - cpu0["utime"] - cpu0["stime"]) / ttyprobe.CLK_TCK
            s.resize(120, 40)
            s.send_keys("q", key_delay=0)
            if s.pump(time.monotonic() + 1.5) != "exit":
                s.send_keys("q", key_delay=0)   # "Unsaved what-if changes. Quit anyway? y/q yes"
                s.pump(time.monotonic() + 5)
        else:
            cpu = None
        exit_info = s.poll()
        start, end = samples[0]["rss_kib"], samples[-1]["rss_kib"]
        # Noise: compare the median of the first and last fifths, not two single samples.
        k = max(1, len(samples) // 5)
        first = sorted(x["rss_kib"] for x in samples[:k])[k // 2]
        last = sorted(x["rss_kib"] for x in samples[-k:])[k // 2]
        res = {
            "command": argv, "minutes": round(elapsed / 60, 2), "alive_until_end": alive,
            "keys": keys, "resizes": resizes, "clock_restarts": restarts, "bytes_written": s.bytes_total,
            "cpu_percent": round(100 * cpu / elapsed, 1) if cpu is not None else None,
            "rss_start_kib": start, "rss_end_kib": end, "rss_max_kib": max(x["rss_kib"] for x in samples),
            "hwm_end_kib": samples[-1]["hwm_kib"], "growth_kib": last - first,
            "exit": exit_info, "samples": samples,
        }
        res["passed"] = alive and res["growth_kib"] <= ns.allowed_growth_kib and (exit_info or {}).get("exit_code") == 0
    print(json.dumps(res))
    print(f"soak: {res['minutes']} min, {keys} keys ({restarts} clock restarts), {resizes} resizes, {s.bytes_total} bytes; RSS {start} KiB at start, {end} KiB at end "
          f"(max {res['rss_max_kib']}, growth {res['growth_kib']} KiB); CPU {res['cpu_percent']}%; "
          f"{'pass' if res['passed'] else 'FAIL'}", file=sys.stderr)
    return 0 if res["passed"] else 1


if __name__ == "__main__":
    sys.exit(main())
