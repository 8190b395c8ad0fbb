#!/usr/bin/env python3
"""Measures moneyloop and htop side by side in pseudo-terminals (with tools/ttyprobe.py)
and checks moneyloop against its budgets (DESIGN §6). Called by Scripts/bench-tty.sh.

Every measurement runs a fresh process, one at a time, moneyloop then htop:
  - CPU and peak memory while running (ttyprobe idle-cpu), and while paused (--paused);
  - bytes per second and per frame while running (ttyprobe bytes); bytes while paused,
    after the first second;
  - key -> changed screen (ttyprobe latency, <Right>/<Left>: with the levers panel focused,
    the default, they move the utilization lever), after the output went quiet;
  - moneyloop only: the same keys at random moments, with the clock frames still coming,
    timed to the change of the lever's own cells (so a clock frame cannot pass for the
    answer);
  - first output after start (startup_ms, the median over every run).

Prints a table (moneyloop, htop, ratio, budget, PASS/FAIL) and exits 1 when a budget fails.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import statistics
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ttyprobe  # noqa: E402

KB = 1000.0
# Peak resident memory of the dashboard at the measured size (DESIGN §6, issue 18).
MEMORY_BUDGET_MIB = 16


def cpu_model() -> str:
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def os_name() -> str:
    try:
        for line in open("/etc/os-release"):
            if line.startswith("PRETTY_NAME="):
                return line.split("=", 1)[1].strip().strip('"')
    except OSError:
        pass
    return platform.system()


def evict_from_page_cache(path: str) -> None:
    """Drops the file's pages from the page cache (only this file's), so every run starts
    from the same state: pages read back from disk. A binary just written or copied sits in
    the cache in larger pieces, and the kernel maps more of it at each fault (up to ~2 MiB
    more resident memory)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
    finally:
        os.close(fd)


def check(res: dict, what: str) -> dict:
    if res.get("status") == "fail":
        raise SystemExit(f"bench-tty: {what}: {'; '.join(res.get('problems', []))}")
    return res


def random_moment_latency(argv, cols, rows, n, env, seed, timeout) -> dict:
    """Keys sent at random moments while the clock keeps drawing; the time to the bytes
    that change the selected lever's row (the first row naming 'GPU utilization', from
    its column on, and the slider row under it)."""
    rnd = random.Random(seed)
    keys = ["<Right>", "<Left>"]
    samples = []
    deadline = time.monotonic() + timeout
    with ttyprobe.PtySession(argv, cols, rows, env=env, deadline=deadline) as s:
        s.wait_quiet(0.3, 5.0)
        s.sleep(1.0)
        screen = s.screen_rows(strip=False)
        where = [(y, line.find("GPU utilization")) for y, line in enumerate(screen) if "GPU utilization" in line]
        if not where:
            raise SystemExit("bench-tty: no 'GPU utilization' on moneyloop's screen")
        y0, x0 = where[0]
        x0 = max(0, x0 - 2)

        def region():
            lines = s.screen_rows(strip=False)
            return [lines[y][x0:] for y in (y0, y0 + 1) if y < len(lines)]

        for i in range(n):
            if time.monotonic() > deadline - 4:
                break
            s.sleep(rnd.uniform(0.0, 0.25))
            before = region()
            data = b"".join(s.key_bytes(it) for it in ttyprobe.parse_keys(keys[i % 2]))
            changed_at = None
            s.begin_capture()
            try:
                tk = time.monotonic()
                s.write(data)
                end = tk + 2.0

                def stop():
                    nonlocal changed_at
                    for t, chunk in s.take_captured():
                        s.feed_screen(chunk)
                        if changed_at is None and region() != before:
                            changed_at = t
                    return changed_at is not None

                s.pump(end, stop=stop)
            finally:
                s.end_capture()
            samples.append(None if changed_at is None else (changed_at - tk) * 1000)
    got = [x for x in samples if x is not None]
    return {"n": len(samples), "no_change": len(samples) - len(got), "change_ms": ttyprobe.summarize(got)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--moneyloop", required=True, help="the moneyloop binary (release build)")
    ap.add_argument("--htop", default="htop")
    ap.add_argument("--size", default="120x40")
    ap.add_argument("--term", default="xterm-256color")
    ap.add_argument("--measure", type=float, default=20.0, help="seconds of each CPU/bytes window (≤ 25)")
    ap.add_argument("--keys", type=int, default=40, help="keys per latency run")
    ap.add_argument("--json", help="also write every raw result to this file")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--memory", action="store_true",
                    help="only peak memory: moneyloop running and paused, htop (~1 minute)")
    a = ap.parse_args()
    cols, rows = ttyprobe.parse_size(a.size)
    # The default scenario runs 60 months at 2 months/s: a window must end before the horizon.
    if not 0 < a.measure <= 25:
        raise SystemExit("bench-tty: --measure must be in (0, 25] s (the simulation reaches its horizon at 30 s)")
    home = tempfile.mkdtemp(prefix="bench-tty-")
    # No user configuration for either program: a fresh HOME and XDG_CONFIG_HOME.
    env = {"HOME": home, "XDG_CONFIG_HOME": os.path.join(home, ".config"), "SWIFT_BACKTRACE": "interactive=no"}
    ml, ht = [a.moneyloop], [a.htop]
    for program in (a.moneyloop, shutil.which(a.htop) or a.htop):
        evict_from_page_cache(os.path.realpath(program))
    w, m = 2.0, a.measure
    tmo = w + m + 15
    common = dict(cols=cols, rows=rows, term=a.term, env=env)
    raw: dict = {}
    load0 = os.getloadavg()

    def run(name, fn, argv, **kw):
        print(f"bench-tty: {name} …", file=sys.stderr, flush=True)
        raw[name] = check(fn(argv, **common, **kw), name)
        return raw[name]

    ml_cpu = run("moneyloop cpu running", ttyprobe.measure_idle_cpu, ml, warmup=w, measure=m, timeout=tmo)
    ml_cpu_p = run("moneyloop cpu paused", ttyprobe.measure_idle_cpu, ml + ["--paused"], warmup=w, measure=m,
                   timeout=tmo)
    if a.memory:
        return memory_only(a, ml_cpu, ml_cpu_p, run("htop cpu", ttyprobe.measure_idle_cpu, ht, warmup=w,
                                                    measure=m, timeout=tmo), load0)
    ml_bytes = run("moneyloop bytes running", ttyprobe.measure_bytes, ml, warmup=w, measure=m, timeout=tmo)
    ml_bytes_p = run("moneyloop bytes paused", ttyprobe.measure_bytes, ml + ["--paused"], warmup=1.0,
                     measure=min(m, 10.0), timeout=tmo)
    lat_kw = dict(keys=("<Right>", "<Left>"), n=a.keys, expect_change=True, timeout=a.keys * 0.6 + 15)
    ml_lat = run("moneyloop key latency", ttyprobe.measure_latency, ml, **lat_kw)
    print("bench-tty: moneyloop key latency at random moments …", file=sys.stderr, flush=True)
    ml_rand = random_moment_latency(ml, cols, rows, a.keys, env, a.seed, timeout=a.keys * 0.6 + 15)
    raw["moneyloop key latency at random moments"] = ml_rand
    ht_cpu = run("htop cpu", ttyprobe.measure_idle_cpu, ht, warmup=w, measure=m, timeout=tmo)
    ht_bytes = run("htop bytes", ttyprobe.measure_bytes, ht, warmup=w, measure=m, timeout=tmo)
    ht_lat = run("htop key latency", ttyprobe.measure_latency, ht, **lat_kw)
    load1 = os.getloadavg()

    ml_start = statistics.median(r["startup_ms"] for k, r in raw.items()
                                 if k.startswith("moneyloop") and "startup_ms" in r)
    ht_start = statistics.median(r["startup_ms"] for k, r in raw.items() if k.startswith("htop"))
    ml_rss = max(ml_cpu["rss_max_kb"], ml_cpu_p["rss_max_kb"]) / 1024
    ht_rss = ht_cpu["rss_max_kb"] / 1024
    htop_idle = ht_cpu["cpu_percent"]
    rows_out = [
        # what, moneyloop, htop, unit, budget text, pass
        ("CPU, running (% of a core)", ml_cpu["cpu_percent"], htop_idle, "%", "< 2", ml_cpu["cpu_percent"] < 2),
        ("CPU, paused (% of a core)", ml_cpu_p["cpu_percent"], htop_idle, "%", "≤ htop idle",
         ml_cpu_p["cpu_percent"] <= htop_idle),
        ("bytes per frame, running (median)", ml_bytes["bursts"]["bytes_per_burst"]["median"],
         ht_bytes["bursts"]["bytes_per_burst"]["median"], "B", "≤ htop",
         (ml_bytes["bursts"]["bytes_per_burst"]["median"] or 0) <= (ht_bytes["bursts"]["bytes_per_burst"]["median"] or 0)),
        ("bytes per second, running", ml_bytes["bytes_per_second"], ht_bytes["bytes_per_second"], "B/s", "≤ 4000",
         ml_bytes["bytes_per_second"] <= 4 * KB),
        ("bytes per second, paused (after 1 s)", ml_bytes_p["bytes_per_second"], None, "B/s", "0",
         ml_bytes_p["bytes_per_second"] == 0),
        ("frames per second, running", ml_bytes["bursts"]["per_second"], ht_bytes["bursts"]["per_second"], "/s", "",
         None),
        ("key → changed screen, median", ml_lat["change_ms"]["median"], ht_lat["change_ms"]["median"], "ms", "≤ 5",
         ml_lat["change_ms"]["median"] is not None and ml_lat["change_ms"]["median"] <= 5),
        ("key → changed screen, p95", ml_lat["change_ms"]["p95"], ht_lat["change_ms"]["p95"], "ms", "≤ 20",
         ml_lat["change_ms"]["p95"] is not None and ml_lat["change_ms"]["p95"] <= 20),
        ("key at a random moment → lever redrawn, median", ml_rand["change_ms"]["median"], None, "ms", "≤ 5",
         ml_rand["change_ms"]["median"] is not None and ml_rand["change_ms"]["median"] <= 5),
        ("key at a random moment → lever redrawn, p95", ml_rand["change_ms"]["p95"], None, "ms", "≤ 20",
         ml_rand["change_ms"]["p95"] is not None and ml_rand["change_ms"]["p95"] <= 20),
        ("first output after start (median)", ml_start, ht_start, "ms", "≤ 150", ml_start <= 150),
        ("peak resident memory", ml_rss, ht_rss, "MiB", f"≤ {MEMORY_BUDGET_MIB}", ml_rss <= MEMORY_BUDGET_MIB),
    ]

    def fmt(v, unit):
        if v is None:
            return "—"
        if unit in ("B", "B/s"):
            return f"{v:,.0f}"
        return f"{v:.2f}" if unit in ("%", "ms", "/s") else f"{v:.1f}"

    print()
    print(f"moneyloop vs htop at {a.size}, TERM={a.term}, {a.measure:g} s windows, {a.keys} keys per latency run")
    print(f"machine: {os.cpu_count()} cores, {cpu_model()}, {os_name()}, kernel {platform.release()}; "
          f"load average {load0[0]:.2f} before, {load1[0]:.2f} after")
    print()
    print("| what | moneyloop | htop | moneyloop ÷ htop | budget | verdict |")
    print("|---|---:|---:|---:|---|---|")
    failed = 0
    for what, mv, hv, unit, budget, ok in rows_out:
        ratio = "—" if mv is None or not hv else f"{mv / hv:.2f}"
        verdict = "" if ok is None else ("PASS" if ok else "FAIL")
        failed += ok is False
        print(f"| {what} | {fmt(mv, unit)} {unit} | {fmt(hv, unit) + ' ' + unit if hv is not None else '—'} "
              f"| {ratio} | {budget} | {verdict} |")
    print()
    print(f"moneyloop: cpu (schedstat) running {ml_cpu['cpu_percent_main_schedstat']}%, paused "
          f"{ml_cpu_p['cpu_percent_main_schedstat']}%; threads {ml_cpu['threads']}; "
          f"key responses {ml_lat['response_bytes']['median']:.0f} B (median); "
          f"random-moment keys without a change: {ml_rand['no_change']}/{ml_rand['n']}")
    print(f"htop: cpu (schedstat) {ht_cpu['cpu_percent_main_schedstat']}%; "
          f"key responses {ht_lat['response_bytes']['median']:.0f} B (median)")
    if a.json:
        with open(a.json, "w") as f:
            json.dump(raw, f, indent=1)
    print(f"\n{len([r for r in rows_out if r[5] is not None]) - failed} passed, {failed} failed")
    return 1 if failed else 0


def memory_only(a, ml_cpu: dict, ml_cpu_p: dict, ht_cpu: dict, load0) -> int:
    """The peak-memory row alone (--memory): both moneyloop runs' VmHWM and htop's."""
    ml_rss = max(ml_cpu["rss_max_kb"], ml_cpu_p["rss_max_kb"]) / 1024
    ht_rss = ht_cpu["rss_max_kb"] / 1024
    ok = ml_rss <= MEMORY_BUDGET_MIB
    print()
    print(f"moneyloop vs htop at {a.size}, TERM={a.term}, {a.measure:g} s windows; "
          f"load average {load0[0]:.2f} before, {os.getloadavg()[0]:.2f} after")
    print(f"moneyloop: {a.moneyloop}")
    print()
    print("| what | moneyloop | htop | moneyloop ÷ htop | budget | verdict |")
    print("|---|---:|---:|---:|---|---|")
    print(f"| peak resident memory | {ml_rss:.1f} MiB | {ht_rss:.1f} MiB | {ml_rss / ht_rss:.2f} "
          f"| ≤ {MEMORY_BUDGET_MIB} | {'PASS' if ok else 'FAIL'} |")
    print(f"\nmoneyloop running {ml_cpu['rss_max_kb'] / 1024:.1f} MiB, paused {ml_cpu_p['rss_max_kb'] / 1024:.1f} MiB")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
