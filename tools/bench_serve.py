#!/usr/bin/env python3
"""Lecture-hall benchmark of `moneyloop serve --follow` (issue 19), run by Scripts/bench-serve.sh.

Starts the server (temporary host key, authorized_keys and relay socket) and a presenter
(`moneyloop --share --paused`) in a pty, then N real OpenSSH viewers (`ssh -tt` with a key),
each in its own pty with a pyte screen (bench_serve_room.py). Reported:

- memory: PSS (and RSS) of the server and every process under it, summed; the peak of
  samples taken through the run;
- CPU: % of one core used by the server and everything under it while the clock runs;
- bytes per viewer per second over the window (what the viewers' terminals receive);
- time to first screen: `ssh` started → the viewer's screen shows the dashboard;
- follow latency: presenter's key press → each viewer's screen showing the new value
  (median, p95, max over every watched viewer and change);
- own screens: each viewer's screen at its own size, colour tier and theme (with --mix:
  six sizes, four TERM/colour settings, six themes).

Then, as separate lines, the budgets the unit tests check only functionally
(Tests/ServeTests, bench_serve_budgets.py): a viewer logs in and sees the dashboard while
60 silent TCP connections are open (≤ 5 s); keyboard-interactive and password attempts are
answered (≤ 1 s) when passcodes are off; 20 followers get a relay line (≤ 1 s). Prints a
table, and one JSON object with --json FILE. Linux only (/proc); needs ssh, ssh-keygen,
pyte; paramiko for the login-method line.
"""
import argparse, json, os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_serve_budgets import relay_followers, silent_connections, unasked_logins  # noqa: E402
from bench_serve_room import Room  # noqa: E402
from bench_serve_server import Server  # noqa: E402


def table(r):
    room, own = r["room"], r["room"]["own_screens"]
    rows = [
        ("viewers (alive at end)", f'{room["viewers"]} ({room["alive_at_end"]}){", mixed" if room["mix"] else ", 120x40 xterm-256color"}'),
        ("their own screens: size / colour tier / theme", f'{own["laid_out_at_own_size"]} / {own["own_colour_tier"]} of {own["viewers"]} / '
         f'{own["theme_shown"]} of {own["theme_checkable"]} with room to name it; themes {", ".join(own["themes"])}; '
         f'sizes {", ".join(own["sizes"])}; {", ".join(own["terms"])}'),
        ("memory, server + all under it (PSS / RSS, peak)", f'{room["memory_pss_mib"]} MiB / {room["memory_rss_mib"]} MiB  (≤ 1024 MiB)'),
        ("CPU while the clock runs", f'{room["cpu_percent_of_a_core"]}% of a core, the SSH server {room["server_process_cpu_percent"]}%  (≤ 50%)'),
        ("processes (server and all under it)", f'{room["processes"]}'),
        ("bytes per viewer per second (median / max)", f'{room["bytes_per_viewer_per_s"]["median"]} / {room["bytes_per_viewer_per_s"]["max"]}  (≤ 3072)'),
        ("first screen (median / p95 / max)", "{median} / {p95} / {max} ms, {missing} missing  (≤ 1000)".format(**room["first_screen_ms"])),
        ("follow latency (median / p95 / max)", "{median} / {p95} / {max} ms, {samples} samples of {watched} viewers, {missed} missed  (≤ 1000)".format(**room["follow_ms"])),
        ("login with 60 silent connections open", f'{r["silent"]["viewer_first_screen_ms"]} ms to the dashboard  (≤ 5000)'),
        ("keyboard-interactive / password answered", f'{r["logins"].get("kbd_answered_ms")} / {r["logins"].get("password_answered_ms")} ms  (≤ 1000)'),
        ("20 followers get a relay line (median / max)", f'{r["relay"]["median_ms"]} / {r["relay"]["max_ms"]} ms, {r["relay"]["got_line"]}/20  (≤ 1000)'),
        ("harness CPU (clients, pyte) during the window", f'{room["harness_cpu_percent"]}% of a core'),
        ("machine load average (1, 5, 15 min) at the end", f'{room["load_average"]}, benchmark at nice {room["nice"]}'),
    ]
    w = max(len(k) for k, _ in rows)
    return "\n".join(f"{k.ljust(w)}  {v}" for k, v in rows)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--moneyloop", required=True)
    ap.add_argument("--viewers", type=int, default=10)
    ap.add_argument("--rate", type=float, default=5, help="viewers joining per second")
    ap.add_argument("--warmup", type=float, default=2)
    ap.add_argument("--measure", type=float, default=20)
    ap.add_argument("--every", type=float, default=2.5, help="seconds between lever changes")
    ap.add_argument("--watch", type=int, default=50, help="viewers whose screens are read for follow latency (spread over the room)")
    ap.add_argument("--mix", action="store_true", help="viewers at mixed sizes, TERMs, colour settings and themes")
    ap.add_argument("--only-room", action="store_true", help="skip the login and relay lines")
    ap.add_argument("--server-args", default="", help="more options for moneyloop serve, e.g. '--viewers-per-host 0'")
    ap.add_argument("--nice", type=int, default=0,
                    help="run the whole benchmark (server, presenter, clients, harness) at this nice value, "
                         "e.g. -10 on a machine busy with other work (needs the privilege)")
    ap.add_argument("--json")
    a = ap.parse_args()
    if a.nice:
        os.nice(a.nice)  # inherited by every process the benchmark starts
    server = Server(a.moneyloop, a.viewers + 30, a.server_args)
    try:
        r = {"room": Room(server, a).run()}
        if a.only_room:
            r.update(silent={"viewer_first_screen_ms": None}, logins={}, relay={"median_ms": None, "max_ms": None, "got_line": 0})
        else:
            r.update(silent=silent_connections(server), logins=unasked_logins(server), relay=relay_followers(server))
    finally:
        server.cleanup()
    print(table(r))
    if a.json:
        with open(a.json, "w") as f:
            json.dump(r, f, indent=1)


if __name__ == "__main__":
    main()
