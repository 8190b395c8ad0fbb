"""The lecture hall of the serve benchmark (tools/bench_serve.py): a presenter and N real
OpenSSH followers of `moneyloop serve --follow`. Viewers join at --rate per second, each at
its own size, TERM, colour setting and theme (--mix), and each viewer's screen is checked to
be its own; the presenter then starts the clock and moves the utilization lever every
--every seconds (→ then ←) for --measure seconds, while memory, CPU, bytes and the time from
each key press to each watched viewer's screen are taken."""
import os, time

from bench_serve_procs import cpu_ticks, memory_kb, tree
from bench_serve_tty import Pump, ms, pct

# A viewer: columns, rows, TERM, extra environment, theme. A mixed room (--mix) gives each
# viewer the next of MIX; otherwise every viewer is UNIFORM.
MIX = [
    (120, 40, "xterm-256color", {}, "default"),
    (80, 24, "xterm-256color", {}, "light"),
    (200, 60, "xterm-256color", {}, "colorblind"),
    (100, 30, "xterm", {}, "projector"),
    (120, 40, "xterm-256color", {"NO_COLOR": "1"}, "mono"),
    (160, 48, "screen-256color", {}, "high-contrast"),
]
UNIFORM = (120, 40, "xterm-256color", {}, "default")


class Room:
    def __init__(self, server, a):
        self.server, self.a = server, a
        self.pump = Pump()
        self.viewers, self.profiles = [], []
        self.peak = [0, 0]

    def sample_memory(self):
        pss, rss = memory_kb(tree(self.server.pid))
        self.peak[0], self.peak[1] = max(self.peak[0], pss), max(self.peak[1], rss)

    def note_first_screen(self, tty):
        if tty.first_screen is None and tty is not self.presenter and tty.lever() is not None:
            tty.first_screen = time.monotonic() - tty.started

    def start_presenter(self):
        self.presenter = self.server.presenter()
        self.pump.add(self.presenter)
        deadline = time.monotonic() + 15
        self.initial = None
        while self.initial is None and time.monotonic() < deadline:
            self.pump.run(0.1)
            self.initial = self.presenter.lever()
        if self.initial is None:
            raise SystemExit("bench-serve: the presenter did not start:\n" + "\n".join(self.presenter.screen.display).rstrip())

    def join(self):
        """The viewers log in, --rate a second; returns the seconds until every first screen."""
        joined = time.monotonic()
        for i in range(self.a.viewers):
            profile = MIX[i % len(MIX)] if self.a.mix else UNIFORM
            cols, rows, term, extra, _ = profile
            v = self.server.ssh(term, extra, cols=cols, rows=rows)
            self.viewers.append(v)
            self.profiles.append(profile)
            self.pump.add(v)
            self.pump.run(1.0 / self.a.rate, self.note_first_screen)
            if i % 20 == 19:
                self.sample_memory()
        deadline = time.monotonic() + 30
        while any(v.first_screen is None for v in self.viewers) and time.monotonic() < deadline:
            self.pump.run(0.1, self.note_first_screen)
        self.sample_memory()
        return time.monotonic() - joined

    def own_screens(self):
        """Each viewer picks their theme (`:theme NAME`, typed), then every screen is checked
        to be that viewer's own: laid out at their size, in their colour tier (256-colour
        palette only for a 256-colour TERM without NO_COLOR), showing their theme (where the
        status line has room to name it)."""
        pickers = [(v, p[4]) for v, p in zip(self.viewers, self.profiles) if p[4] != "default"]
        self.pump.type([v for v, _ in pickers], [f":theme {t}\r".encode() for _, t in pickers])
        checkable = [(v, p[4]) for v, p in zip(self.viewers, self.profiles) if v.cols >= 100]
        # A new theme repaints the whole screen, status line first: wait for the last row too
        # (a 160x48 repaint in colour is ~100 KB, and the whole room repaints at once).
        deadline = time.monotonic() + 15
        while (any(v.theme() != t for v, t in checkable) or not all(v.fills_its_size() for v in self.viewers)) \
                and time.monotonic() < deadline:
            self.pump.run(0.1)
        self.pump.run(0.5)
        tier_ok = sum(v.saw_256 == (p[2].endswith("256color") and "NO_COLOR" not in p[3])
                      for v, p in zip(self.viewers, self.profiles))
        return {
            "viewers": len(self.viewers),
            "laid_out_at_own_size": sum(v.fills_its_size() for v in self.viewers),
            "own_colour_tier": tier_ok,
            "theme_shown": sum(v.theme() == t for v, t in checkable), "theme_checkable": len(checkable),
            "themes": sorted({p[4] for p in self.profiles}),
            "sizes": sorted({f"{p[0]}x{p[1]}" for p in self.profiles}),
            "terms": sorted({p[2] + (" NO_COLOR" if "NO_COLOR" in p[3] else "") for p in self.profiles}),
        }

    def watch_some(self):
        """Keeps reading the screens of --watch viewers spread over the room (and its viewer
        hosts); only counts the others' bytes, so the harness keeps up with a large room."""
        step = max(1, -(-len(self.viewers) // self.a.watch))
        for i, v in enumerate(self.viewers):
            if i % step:
                v.stream, v.count_only = None, True
        self.watched = [v for i, v in enumerate(self.viewers) if i % step == 0]

    def measure(self):
        """The clock runs; the presenter moves the lever every --every seconds."""
        a, presenter = self.a, self.presenter
        presenter.send(b" ")
        self.pump.run(a.warmup)
        t0, c0 = time.monotonic(), cpu_ticks(tree(self.server.pid))
        b0 = {id(v): v.bytes for v in self.viewers}
        me0 = os.times()
        latencies, presenter_ms, missed, changes = [], [], 0, 0
        value, end = self.initial, t0 + a.measure
        while time.monotonic() < end - a.every / 2:
            key, value = (b"\x1bOC", value + 1) if changes % 2 == 0 else (b"\x1bOD", value - 1)
            changes += 1
            for v in self.watched + [presenter]:
                v.seen = None
                v.lever()
            sent = time.monotonic()
            presenter.send(key)
            want = value

            def watch(tty):
                if tty.stream is None:
                    return
                shown = tty.lever()
                if tty.seen is None and shown == want:
                    tty.seen = time.monotonic()
            self.pump.run(min(end, sent + a.every) - time.monotonic(), watch)
            presenter_ms.append(ms(presenter.seen - sent) if presenter.seen else None)
            for v in self.watched:
                if v.seen is None:
                    missed += 1
                else:
                    latencies.append(v.seen - sent)
            self.sample_memory()
        self.pump.run(end - time.monotonic())
        t1, c1, me1 = time.monotonic(), cpu_ticks(tree(self.server.pid)), os.times()
        per_second = os.sysconf("SC_CLK_TCK") * (t1 - t0)
        cpu = 100 * sum(c1[p] - c0.get(p, 0) for p in c1) / per_second
        server_cpu = 100 * (c1.get(self.server.pid, 0) - c0.get(self.server.pid, 0)) / per_second
        per_viewer = [(v.bytes - b0[id(v)]) / (t1 - t0) for v in self.viewers]
        self.sample_memory()
        return {
            "cpu_percent_of_a_core": round(cpu, 1), "server_process_cpu_percent": round(server_cpu, 1),
            "measure_s": round(t1 - t0, 1),
            "bytes_per_viewer_per_s": {"median": round(pct(per_viewer, 50) or 0), "max": round(max(per_viewer, default=0))},
            "follow_ms": {"median": ms(pct(latencies, 50)), "p95": ms(pct(latencies, 95)), "max": ms(max(latencies, default=None)),
                          "samples": len(latencies), "missed": missed, "changes": changes, "watched": len(self.watched)},
            "presenter_key_to_screen_ms": presenter_ms,
            "harness_cpu_percent": round(100 * ((me1.user - me0.user) + (me1.system - me0.system)) / (t1 - t0), 1),
        }

    def run(self):
        a = self.a
        self.server.start()
        self.start_presenter()
        join_seconds = self.join()
        own = self.own_screens()
        self.watch_some()
        measured = self.measure()
        firsts = [v.first_screen for v in self.viewers if v.first_screen is not None]
        server_pss, _ = memory_kb([self.server.pid])
        result = {
            "nice": os.getpriority(os.PRIO_PROCESS, 0),
            "load_average": [round(x, 1) for x in os.getloadavg()],
            "viewers": a.viewers, "mix": a.mix, "alive_at_end": sum(1 for v in self.viewers if v.proc.poll() is None),
            "processes": len(tree(self.server.pid)),
            "memory_pss_mib": round(self.peak[0] / 1024, 1), "memory_rss_mib": round(self.peak[1] / 1024, 1),
            "server_process_pss_mib": round(server_pss / 1024, 1),
            "first_screen_ms": {"median": ms(pct(firsts, 50)), "p95": ms(pct(firsts, 95)), "max": ms(max(firsts, default=None)),
                                "missing": a.viewers - len(firsts)},
            "join_s": round(join_seconds, 1),
            "own_screens": own,
        }
        result.update(measured)
        for v in self.viewers:
            v.close()
        self.presenter.close()
        self.server.stop()
        return result
