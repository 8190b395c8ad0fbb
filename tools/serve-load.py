#!/usr/bin/env python3
"""Load test for `moneyloop serve`: N real OpenSSH viewers, each on its own pty.

Starts the server (with a temporary host key and authorized_keys) on a free loopback
port, connects N `ssh -tt` clients one after another, records each session's set-up time
(ssh started -> first byte of the session's output), then measures the server process
alone (not its sessions) over a window: CPU % of one core, RSS, fds, threads. Prints one
JSON object.

    python3 tools/serve-load.py --bin .build/release/moneyloop --sessions 20 --measure 20
    python3 tools/serve-load.py --bin .build/release/moneyloop --sessions 20 \
        -- python3 /work/shared/tools/demo_curses.py --hz 10

Without a command after `--`, sessions run the dashboard itself (`moneyloop` with no
subcommand). Needs ssh and ssh-keygen. Linux only (/proc).
"""
import argparse, fcntl, json, os, re, selectors, shutil, signal, socket, struct, subprocess
import sys, tempfile, termios, time


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def proc_stat(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime (ticks), children excluded


def proc_status(pid):
    out = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM", "Threads"):
                out[key] = int(value.split()[0])
    out["fds"] = len(os.listdir(f"/proc/{pid}/fd"))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--sessions", type=int, default=20)
    ap.add_argument("--warmup", type=float, default=2)
    ap.add_argument("--measure", type=float, default=20)
    ap.add_argument("--size", default="120x40")
    ap.add_argument("command", nargs="*")
    a = ap.parse_args()
    cols, rows = (int(v) for v in a.size.split("x"))
    tmp = tempfile.mkdtemp(prefix="serve-load-")
    key = os.path.join(tmp, "viewer")
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key], check=True)
    shutil.copy(key + ".pub", os.path.join(tmp, "authorized_keys"))
    port = free_port()
    env = dict(os.environ, XDG_STATE_HOME=os.path.join(tmp, "state"), XDG_RUNTIME_DIR=tmp)
    cmd = [a.bin, "serve", "--listen", f"127.0.0.1:{port}", "--authorized-keys",
           os.path.join(tmp, "authorized_keys"), "--max-sessions", str(max(a.sessions, 1))]
    if a.command:
        cmd += ["--session-command"] + a.command
    log = open(os.path.join(tmp, "server.log"), "w+")
    server = subprocess.Popen(cmd, stdout=log, stderr=log, env=env)
    deadline = time.time() + 10
    while "listening on" not in open(log.name).read():
        if time.time() > deadline or server.poll() is not None:
            sys.exit("server did not start:\n" + open(log.name).read())
        time.sleep(0.02)
    idle = proc_status(server.pid)

    try:
        run(a, server, key, port, cols, rows, idle, log, tmp)
    finally:
        if server.poll() is None:
            server.kill()
        shutil.rmtree(tmp, ignore_errors=True)


def run(a, server, key, port, cols, rows, idle, log, tmp):
    sel = selectors.DefaultSelector()
    clients, setup_ms = [], []
    total_bytes = [0]

    def drain(timeout):
        for k, _ in sel.select(timeout):
            try:
                data = os.read(k.fd, 65536)
            except OSError:
                data = b""
            if not data:
                sel.unregister(k.fd)
                continue
            c = k.data
            total_bytes[0] += len(data)
            if c["first"] is None:
                c["first"] = time.monotonic()

    ssh = ["ssh", "-F", "/dev/null", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
           "-o", "LogLevel=ERROR", "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes", "-o", "IdentityAgent=none",
           "-i", key, "-x", "-tt", "-p", str(port), "viewer@127.0.0.1"]
    for _ in range(a.sessions):
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        start = time.monotonic()
        p = subprocess.Popen(ssh, stdin=slave, stdout=slave, stderr=slave, start_new_session=True,
                             env=dict(os.environ, TERM="xterm-256color"))
        os.close(slave)
        c = {"proc": p, "master": master, "start": start, "first": None}
        clients.append(c)
        sel.register(master, selectors.EVENT_READ, c)
        until = time.monotonic() + 10
        while c["first"] is None and time.monotonic() < until:
            drain(0.05)
        setup_ms.append(round((c["first"] - start) * 1000, 1) if c["first"] else None)

    end = time.monotonic() + a.warmup
    while time.monotonic() < end:
        drain(0.05)
    tick = os.sysconf("SC_CLK_TCK")
    t0, c0, b0 = time.monotonic(), proc_stat(server.pid), total_bytes[0]
    hwm = 0
    end = t0 + a.measure
    while time.monotonic() < end:
        drain(0.05)
    t1, c1 = time.monotonic(), proc_stat(server.pid)
    busy = proc_status(server.pid)
    sessions_alive = sum(1 for c in clients if c["proc"].poll() is None)

    for c in clients:
        if c["proc"].poll() is None:
            os.killpg(c["proc"].pid, signal.SIGKILL)
        c["proc"].wait()
        os.close(c["master"])
    server.send_signal(signal.SIGTERM)
    try:
        server.wait(10)
    except subprocess.TimeoutExpired:
        server.kill()
    ok = [m for m in setup_ms if m is not None]
    ok_sorted = sorted(ok)
    print(json.dumps({
        "sessions": a.sessions,
        "sessions_alive_at_end": sessions_alive,
        "setup_ms": {"min": min(ok, default=None), "median": ok_sorted[len(ok) // 2] if ok else None,
                     "max": max(ok, default=None), "failed": len(setup_ms) - len(ok)},
        "server_cpu_percent": round(100 * (c1 - c0) / tick / (t1 - t0), 2),
        "server_rss_kb": busy["VmRSS"], "server_rss_peak_kb": busy["VmHWM"],
        "server_fds": busy["fds"], "server_threads": busy["Threads"],
        "server_idle_before": idle,
        "relayed_bytes_per_second": round((total_bytes[0] - b0) / (t1 - t0)),
        "server_exit_status": server.returncode,
    }, indent=1))
    if sessions_alive < a.sessions:
        sys.stderr.write(open(log.name).read()[-3000:])


if __name__ == "__main__":
    main()
