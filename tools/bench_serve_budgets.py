"""The budgets the serve tests check only functionally (Tests/ServeTests), measured by the
serve benchmark (tools/bench_serve.py) on its own server: a login while 60 silent TCP
connections are open, answers to unasked login methods, and relay lines to 20 followers."""
import os, re, socket, subprocess, sys, time

from bench_serve_tty import Pump, ms, pct


def silent_connections(server):
    """A viewer logs in while 60 silent TCP connections (from six addresses) are open."""
    server.start()
    silent = []
    for i in range(60):
        s = socket.socket()
        s.bind((f"127.0.0.{2 + i // 10}", 0))
        try:
            s.connect(("127.0.0.1", server.port))
        except OSError as e:
            sys.exit(f"bench-serve: silent connection {i}: {e}; server: {server.process.poll()}\n" + server.log_text()[-2000:])
        silent.append(s)
    time.sleep(0.5)
    v = server.ssh("xterm-256color")
    pump = Pump()
    pump.add(v)
    deadline = time.monotonic() + 15
    while v.first_screen is None and time.monotonic() < deadline:
        pump.run(0.05, lambda t: t.lever() is not None and setattr(t, "first_screen", time.monotonic() - t.started))
    v.close()
    for s in silent:
        s.close()
    server.stop()
    return {"viewer_first_screen_ms": ms(v.first_screen), "silent_connections": 60}


UNASKED_LOGIN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "unasked_login.py")


def unasked_logins(server):
    """Keyboard-interactive and password attempts (paramiko sends them unasked), passcodes off."""
    try:
        import paramiko  # noqa: F401
    except ImportError:
        return {"skipped": "paramiko is not installed"}
    server.start()
    out = {}
    for method in ("kbd", "password"):
        r = subprocess.run([sys.executable, UNASKED_LOGIN, str(server.port), method],
                           capture_output=True, text=True, timeout=60)
        m = re.search(r"AFTER ([0-9.]+)", r.stdout)
        out[method + "_answered_ms"] = ms(float(m.group(1))) if m else None
        out[method + "_refused"] = "REFUSED" in r.stdout
    server.stop()
    return out


FOLLOWER = ("import os, socket, sys\n"
            "s = socket.socket(socket.AF_UNIX); s.connect(os.environ['MONEYLOOP_SHARE_SOCKET'])\n"
            "s.sendall(b'moneyloop-share 1 subscribe\\n'); f = s.makefile('rb')\n"
            "assert f.readline() == b'ok\\n'\nsys.stdout.write('FOLLOWING\\n'); sys.stdout.flush()\n"
            "for line in f:\n    sys.stdout.write('LINE ' + line.decode()); sys.stdout.flush()\n")


def relay_followers(server, n=20):
    """`n` followers (a stand-in session that prints each relay line) get a published line."""
    server.start(["--session-command", sys.executable, "-u", "-c", FOLLOWER])
    clients = [server.ssh("xterm-256color", screen=False) for _ in range(n)]
    pump = Pump()
    for c in clients:
        pump.add(c)
    deadline = time.monotonic() + 30
    while not all(b"FOLLOWING" in c.text for c in clients) and time.monotonic() < deadline:
        pump.run(0.05)
    sock = socket.socket(socket.AF_UNIX)
    sock.connect(server.socket_path)
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
    server.stop()
    times = list(arrived.values())
    return {"followers": n, "got_line": len(times), "median_ms": ms(pct(times, 50)), "max_ms": ms(max(times, default=None))}
