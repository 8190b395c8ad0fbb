#!/usr/bin/env python3
"""Lecture-hall benchmark of `moneyloop serve --follow` (issue 19), run by Scripts/bench-serve.sh.

Starts the server (temporary host key, authorized_keys and relay socket) and a presenter
(`moneyloop --share --paused`) in a pty, then N real OpenSSH viewers (`ssh -tt` with a key),
each in its own pty with a pyte screen. Viewers join at --rate per second; the presenter
then starts the clock, and during a window of --measure seconds it moves the utilization
lever every --every seconds (→ then ←). Reported:

- memory: PSS (and RSS) of the server and every process under it, summed; the peak of
  samples taken through the run;
- CPU: % of one core used by the server and everything under it while the clock runs;
- bytes per viewer per second over the window (what the viewers' terminals receive);
- time to first screen: `ssh` started → the viewer's screen shows the dashboard;
- follow latency: presenter's key press → each viewer's screen showing the new value
  (median, p95, max over every viewer and change).

Then, as separate lines, the budgets the unit tests check only functionally
(Tests/ServeTests): a viewer logs in and sees the dashboard while 60 silent TCP
connections are open (≤ 5 s); keyboard-interactive and password attempts are answered
(≤ 1 s) when passcodes are off; 20 followers get a relay line (≤ 1 s). Prints a table, and
one JSON object with --json FILE. Linux only (/proc); needs ssh, ssh-keygen, pyte;
paramiko for the login-method line.
"""
import argparse, fcntl, json, os, re, selectors, shutil, signal, socket, struct, subprocess
import shlex, sys, tempfile, termios, time

import pyte

LEVER = re.compile(r"GPU utilization\s+(\d+)%")
# Sizes, TERMs and colour settings of a mixed room (--mix): each viewer takes the next.
MIX = [(120, 40, "xterm-256color", {}), (80, 24, "xterm-256color", {}), (200, 60, "xterm-256color", {}),
       (100, 30, "xterm", {}), (120, 40, "xterm-256color", {"NO_COLOR": "1"}), (160, 48, "screen-256color", {})]


def pct(values, p):
    if not values:
        return None
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]


def ms(seconds):
    return None if seconds is None else round(seconds * 1000, 1)


class Tty:
    """A command on its own pty, its output fed to a pyte screen."""

    def __init__(self, argv, cols, rows, env, screen=True):
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.started = time.monotonic()
        self.proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, start_new_session=True, env=env)
        os.close(slave)
        os.set_blocking(self.master, False)
        self.screen = pyte.Screen(cols, rows) if screen else None
        self.stream = pyte.ByteStream(self.screen) if screen else None
        self.bytes, self.text, self.open = 0, bytearray(), True
        self.first_screen = None  # seconds from start to the dashboard on screen
        self.seen = None          # when the awaited lever value appeared

    def read(self):
        try:
            data = os.read(self.master, 65536)
        except OSError:
            data = b""
        if not data:
            self.open = False
            return b""
        self.bytes += len(data)
        if self.stream is not None:
            self.stream.feed(data)
        else:
            self.text += data
        return data

    def lever(self):
        """The utilization shown, reading only the rows that changed since the last look."""
        found = None
        for y in sorted(self.screen.dirty):
            if y < self.screen.lines:
                row = self.screen.buffer[y]
                m = LEVER.search("".join(row[x].data for x in range(self.screen.columns)))
                if m:
                    found = int(m.group(1))
        self.screen.dirty.clear()
        return found

    def send(self, data):
        os.write(self.master, data)

    def close(self):
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        self.proc.wait()
        os.close(self.master)


class Pump:
    def __init__(self):
        self.sel = selectors.DefaultSelector()

    def add(self, tty):
        self.sel.register(tty.master, selectors.EVENT_READ, tty)

    def run(self, seconds, on_read=None):
        end = time.monotonic() + seconds
        while True:
            left = end - time.monotonic()
            if left <= 0:
                return
            for key, _ in self.sel.select(min(left, 0.05)):
                tty = key.data
                if not tty.read():
                    self.sel.unregister(key.fd)
                elif on_read:
                    on_read(tty)


def tree(root):
    """The pid `root` and every process under it."""
    children = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
                children.setdefault(ppid, []).append(int(name))
            except (OSError, IndexError, ValueError):
                pass
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo += children.get(pid, [])
    return out


def cpu_ticks(pids):
    out = {}
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            out[pid] = int(fields[11]) + int(fields[12])
        except (OSError, IndexError):
            pass
    return out


def memory_kb(pids):
    pss = rss = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/smaps_rollup") as f:
                for line in f:
                    if line.startswith("Pss:"):
                        pss += int(line.split()[1])
                    elif line.startswith("Rss:"):
                        rss += int(line.split()[1])
        except OSError:
            pass
    return pss, rss


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Bench:
    def __init__(self, a):
        self.a = a
        self.tmp = tempfile.mkdtemp(prefix="bench-serve-", dir="/tmp")
        self.key = os.path.join(self.tmp, "viewer")
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", self.key], check=True)
        shutil.copy(self.key + ".pub", os.path.join(self.tmp, "authorized_keys"))
        self.env = dict(os.environ, XDG_STATE_HOME=os.path.join(self.tmp, "state"), XDG_RUNTIME_DIR=self.tmp,
                        SWIFT_BACKTRACE="interactive=no", LANG=os.environ.get("LANG") or "C.UTF-8")
        self.env.pop("MONEYLOOP_SHARE_SOCKET", None)
        self.server = None

    def start_server(self, extra):
        self.port = free_port()
        cmd = [self.a.moneyloop, "serve", "--listen", f"127.0.0.1:{self.port}", "--authorized-keys",
               os.path.join(self.tmp, "authorized_keys"), "--host-key", os.path.join(self.tmp, "host_key"),
               "--max-sessions", str(self.a.viewers + 30), "--follow"] + shlex.split(self.a.server_args) + extra
        self.log = open(os.path.join(self.tmp, f"server-{self.port}.log"), "w+")
        self.server = subprocess.Popen(cmd, stdout=self.log, stderr=self.log, env=self.env)
        deadline = time.monotonic() + 20
        while "listening on" not in open(self.log.name).read():
            if time.monotonic() > deadline or self.server.poll() is not None:
                sys.exit("bench-serve: the server did not start:\n" + open(self.log.name).read())
            time.sleep(0.02)

    def stop_server(self):
        if self.server and self.server.poll() is None:
            self.server.send_signal(signal.SIGTERM)
            try:
                self.server.wait(15)
            except subprocess.TimeoutExpired:
                self.server.kill()
                self.server.wait()

    def ssh(self, term, extra_env=None, screen=True, cols=120, rows=40):
        argv = ["ssh", "-F", "/dev/null", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
                "-o", "LogLevel=ERROR", "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes", "-o", "IdentityAgent=none",
                "-o", "SendEnv=LANG LC_* NO_COLOR COLORTERM", "-i", self.key, "-x", "-tt", "-p", str(self.port),
                "viewer@127.0.0.1"]
        env = dict(self.env, TERM=term, **(extra_env or {}))
        return Tty(argv, cols, rows, env, screen=screen)

    # The room: presenter, N followers, the clock running, the lever moved.
    def room(self):
        a = self.a
        self.start_server([])
        presenter = Tty([a.moneyloop, "--share", "--paused"], 120, 40, dict(self.env, TERM="xterm-256color"))
        pump = Pump()
        pump.add(presenter)
        deadline = time.monotonic() + 15
        initial = None
        while initial is None and time.monotonic() < deadline:
            pump.run(0.1)
            initial = presenter.lever()
        if presenter.proc.poll() is not None or time.monotonic() >= deadline:
            sys.exit("bench-serve: the presenter did not start:\n" + "\n".join(presenter.screen.display).rstrip())
        viewers, peak = [], [0, 0]

        def sample_memory():
            pss, rss = memory_kb(tree(self.server.pid))
            peak[0], peak[1] = max(peak[0], pss), max(peak[1], rss)

        def on_read(tty):
            if tty.first_screen is None and tty is not presenter and tty.lever() is not None:
                tty.first_screen = time.monotonic() - tty.started

        joined = time.monotonic()
        for i in range(a.viewers):
            cols, rows, term, extra = MIX[i % len(MIX)] if a.mix else (120, 40, "xterm-256color", {})
            v = self.ssh(term, extra, cols=cols, rows=rows)
            viewers.append(v)
            pump.add(v)
            pump.run(1.0 / a.rate, on_read)
            if i % 20 == 19:
                sample_memory()
        deadline = time.monotonic() + 30
        while any(v.first_screen is None for v in viewers) and time.monotonic() < deadline:
            pump.run(0.1, on_read)
        join_seconds = time.monotonic() - joined
        sample_memory()

        # The clock runs; the presenter moves the lever every --every seconds.
        presenter.send(b" ")
        pump.run(a.warmup)
        pids = tree(self.server.pid)
        t0, c0 = time.monotonic(), cpu_ticks(pids)
        b0 = {id(v): v.bytes for v in viewers}
        me0 = os.times()
        latencies, presenter_ms, missed = [], [], 0
        value = initial
        end = t0 + a.measure
        changes = 0
        while time.monotonic() < end - a.every / 2:
            key, value = (b"\x1bOC", value + 1) if changes % 2 == 0 else (b"\x1bOD", value - 1)
            changes += 1
            for v in viewers + [presenter]:
                v.seen = None
                v.lever()
            sent = time.monotonic()
            presenter.send(key)
            want = value

            def watch(tty):
                shown = tty.lever()
                if shown is not None and tty.first_screen is None and tty is not presenter:
                    tty.first_screen = time.monotonic() - tty.started
                if tty.seen is None and shown == want:
                    tty.seen = time.monotonic()
            stop = min(end, sent + a.every)
            pump.run(stop - time.monotonic(), watch)
            presenter_ms.append(ms(presenter.seen - sent) if presenter.seen else None)
            for v in viewers:
                if v.seen is None:
                    missed += 1
                else:
                    latencies.append(v.seen - sent)
            sample_memory()
        pump.run(end - time.monotonic(), on_read)
        t1 = time.monotonic()
        c1 = cpu_ticks(tree(self.server.pid))
        me1 = os.times()
        ticks = sum(c1[p] - c0.get(p, 0) for p in c1)
        cpu = 100 * ticks / os.sysconf("SC_CLK_TCK") / (t1 - t0)
        per_viewer = [(v.bytes - b0[id(v)]) / (t1 - t0) for v in viewers]
        sample_memory()
        alive = sum(1 for v in viewers if v.proc.poll() is None)
        firsts = [v.first_screen for v in viewers if v.first_screen is not None]
        server_pss, _ = memory_kb([self.server.pid])
        result = {
            "viewers": a.viewers, "mix": a.mix, "alive_at_end": alive, "processes": len(tree(self.server.pid)),
            "memory_pss_mib": round(peak[0] / 1024, 1), "memory_rss_mib": round(peak[1] / 1024, 1),
            "server_process_pss_mib": round(server_pss / 1024, 1),
            "cpu_percent_of_a_core": round(cpu, 1), "measure_s": round(t1 - t0, 1),
            "bytes_per_viewer_per_s": {"median": round(pct(per_viewer, 50) or 0), "max": round(max(per_viewer, default=0))},
            "first_screen_ms": {"median": ms(pct(firsts, 50)), "p95": ms(pct(firsts, 95)), "max": ms(max(firsts, default=None)),
                                "missing": a.viewers - len(firsts)},
            "join_s": round(join_seconds, 1),
            "follow_ms": {"median": ms(pct(latencies, 50)), "p95": ms(pct(latencies, 95)), "max": ms(max(latencies, default=None)),
                          "samples": len(latencies), "missed": missed, "changes": changes},
            "presenter_key_to_screen_ms": presenter_ms,
            "harness_cpu_percent": round(100 * ((me1.user - me0.user) + (me1.system - me0.system)) / (t1 - t0), 1),
        }
        for v in viewers:
            v.close()
        presenter.close()
        self.stop_server()
        return result

    # A viewer logs in while 60 silent TCP connections are open.
    def silent_connections(self):
        self.start_server([])
        silent = []
        for i in range(60):
            s = socket.socket()
            s.bind((f"127.0.0.{2 + i // 10}", 0))
            s.connect(("127.0.0.1", self.port))
            silent.append(s)
        time.sleep(0.5)
        v = self.ssh("xterm-256color")
        pump = Pump()
        pump.add(v)
        deadline = time.monotonic() + 15
        while v.first_screen is None and time.monotonic() < deadline:
            pump.run(0.05, lambda t: t.lever() is not None and setattr(t, "first_screen", time.monotonic() - t.started))
        v.close()
        for s in silent:
            s.close()
        self.stop_server()
        return {"viewer_first_screen_ms": ms(v.first_screen), "silent_connections": 60}

    # Keyboard-interactive and password attempts, passcodes off.
    def unasked_logins(self):
        try:
            import paramiko  # noqa: F401
        except ImportError:
            return {"skipped": "paramiko is not installed"}
        self.start_server([])
        script = r"""
import paramiko, sys, time
t = paramiko.Transport(("127.0.0.1", int(sys.argv[1])))
t.start_client(timeout=10)
start = time.time()
try:
    if sys.argv[2] == "kbd":
        t.auth_interactive("guest", lambda title, instructions, prompts: ["x" for _ in prompts])
    else:
        t.auth_password("guest", "x")
    print("AUTHENTICATED")
except Exception as e:
    print("REFUSED", type(e).__name__)
print("AFTER %.4f" % (time.time() - start))
"""
        out = {}
        for method in ("kbd", "password"):
            r = subprocess.run([sys.executable, "-c", script, str(self.port), method], capture_output=True, text=True, timeout=60)
            m = re.search(r"AFTER ([0-9.]+)", r.stdout)
            out[method + "_answered_ms"] = ms(float(m.group(1))) if m else None
            out[method + "_refused"] = "REFUSED" in r.stdout
        self.stop_server()
        return out

    # 20 followers (a stand-in that prints each relay line) get a published line.
    def relay_followers(self, n=20):
        follower = ("import os, socket, sys\n"
                    "s = socket.socket(socket.AF_UNIX); s.connect(os.environ['MONEYLOOP_SHARE_SOCKET'])\n"
                    "s.sendall(b'moneyloop-share 1 subscribe\\n'); f = s.makefile('rb')\n"
                    "assert f.readline() == b'ok\\n'\nsys.stdout.write('FOLLOWING\\n'); sys.stdout.flush()\n"
                    "for line in f:\n    sys.stdout.write('LINE ' + line.decode()); sys.stdout.flush()\n")
        self.start_server(["--session-command", sys.executable, "-u", "-c", follower])
        clients = [self.ssh("xterm-256color", screen=False) for _ in range(n)]
        pump = Pump()
        for c in clients:
            pump.add(c)
        deadline = time.monotonic() + 30
        while not all(b"FOLLOWING" in c.text for c in clients) and time.monotonic() < deadline:
            pump.run(0.05)
        sock = socket.socket(socket.AF_UNIX)
        sock.connect(os.path.join(self.tmp, "moneyloop", "share.sock"))
        sock.sendall(b"moneyloop-share 1 publish\n")
        assert sock.recv(16).startswith(b"ok")
        pump.run(0.3)
        arrived = {}
        sent = time.monotonic()
        sock.sendall(b'{"month":42}\n')
        deadline = sent + 10
        while len(arrived) < n and time.monotonic() < deadline:
            pump.run(0.01, lambda c: b'LINE {"month":42}' in c.text and arrived.setdefault(id(c), time.monotonic() - sent))
        sock.close()
        for c in clients:
            c.close()
        self.stop_server()
        times = list(arrived.values())
        return {"followers": n, "got_line": len(times), "median_ms": ms(pct(times, 50)), "max_ms": ms(max(times, default=None))}

    def cleanup(self):
        self.stop_server()
        shutil.rmtree(self.tmp, ignore_errors=True)


def table(r):
    room = r["room"]
    rows = [
        ("viewers (alive at end)", f'{room["viewers"]} ({room["alive_at_end"]}){" mixed sizes/TERMs" if room["mix"] else ", 120x40 xterm-256color"}'),
        ("memory, server + all under it (PSS / RSS, peak)", f'{room["memory_pss_mib"]} MiB / {room["memory_rss_mib"]} MiB  (≤ 1024 MiB)'),
        ("CPU while the clock runs", f'{room["cpu_percent_of_a_core"]}% of a core  (≤ 50%)'),
        ("bytes per viewer per second (median / max)", f'{room["bytes_per_viewer_per_s"]["median"]} / {room["bytes_per_viewer_per_s"]["max"]}  (≤ 3072)'),
        ("first screen (median / p95 / max)", "{median} / {p95} / {max} ms, {missing} missing  (≤ 1000)".format(**room["first_screen_ms"])),
        ("follow latency (median / p95 / max)", "{median} / {p95} / {max} ms, {samples} samples, {missed} missed  (≤ 1000)".format(**room["follow_ms"])),
        ("login with 60 silent connections open", f'{r["silent"]["viewer_first_screen_ms"]} ms to the dashboard  (≤ 5000)'),
        ("keyboard-interactive / password answered", f'{r["logins"].get("kbd_answered_ms")} / {r["logins"].get("password_answered_ms")} ms  (≤ 1000)'),
        ("20 followers get a relay line (median / max)", f'{r["relay"]["median_ms"]} / {r["relay"]["max_ms"]} ms, {r["relay"]["got_line"]}/20  (≤ 1000)'),
        ("harness CPU (clients, pyte) during the window", f'{room["harness_cpu_percent"]}% of a core'),
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
    ap.add_argument("--mix", action="store_true", help="viewers at mixed sizes, TERMs and colour settings")
    ap.add_argument("--only-room", action="store_true", help="skip the login and relay lines")
    ap.add_argument("--server-args", default="", help="more options for moneyloop serve, e.g. '--viewers-per-host 0'")
    ap.add_argument("--json")
    a = ap.parse_args()
    b = Bench(a)
    try:
        r = {"room": b.room()}
        if a.only_room:
            r.update(silent={"viewer_first_screen_ms": None}, logins={}, relay={"median_ms": None, "max_ms": None, "got_line": 0})
        else:
            r.update(silent=b.silent_connections(), logins=b.unasked_logins(), relay=b.relay_followers())
    finally:
        b.cleanup()
    print(table(r))
    if a.json:
        with open(a.json, "w") as f:
            json.dump(r, f, indent=1)


if __name__ == "__main__":
    main()
