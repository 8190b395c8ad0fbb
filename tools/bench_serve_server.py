"""The server under test in the serve benchmark (tools/bench_serve.py): `moneyloop serve
--follow` with a temporary host key, authorized keys and relay socket, and the OpenSSH
viewers that connect to it."""
import os, shlex, shutil, signal, subprocess, sys, tempfile, time

from bench_serve_procs import free_port
from bench_serve_tty import Tty


class Server:
    def __init__(self, moneyloop, max_sessions, server_args=""):
        self.moneyloop, self.max_sessions, self.server_args = moneyloop, max_sessions, server_args
        self.tmp = tempfile.mkdtemp(prefix="bench-serve-", dir="/tmp")
        self.key = os.path.join(self.tmp, "viewer")
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", self.key], check=True)
        shutil.copy(self.key + ".pub", os.path.join(self.tmp, "authorized_keys"))
        self.env = dict(os.environ, XDG_STATE_HOME=os.path.join(self.tmp, "state"), XDG_RUNTIME_DIR=self.tmp,
                        SWIFT_BACKTRACE="interactive=no", LANG=os.environ.get("LANG") or "C.UTF-8")
        self.env.pop("MONEYLOOP_SHARE_SOCKET", None)
        self.process = None

    @property
    def pid(self):
        return self.process.pid

    @property
    def socket_path(self):
        return os.path.join(self.tmp, "moneyloop", "share.sock")

    def start(self, extra=()):
        self.port = free_port()
        cmd = [self.moneyloop, "serve", "--listen", f"127.0.0.1:{self.port}", "--authorized-keys",
               os.path.join(self.tmp, "authorized_keys"), "--host-key", os.path.join(self.tmp, "host_key"),
               "--max-sessions", str(self.max_sessions), "--follow"] + shlex.split(self.server_args) + list(extra)
        self.log = open(os.path.join(self.tmp, f"server-{self.port}.log"), "w+")
        self.process = subprocess.Popen(cmd, stdout=self.log, stderr=self.log, env=self.env)
        deadline = time.monotonic() + 20
        while "listening on" not in self.log_text():
            if time.monotonic() > deadline or self.process.poll() is not None:
                sys.exit("bench-serve: the server did not start:\n" + self.log_text())
            time.sleep(0.02)

    def log_text(self):
        with open(self.log.name) as f:
            return f.read()

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def presenter(self):
        """`moneyloop --share --paused` at 120×40, publishing to this server's relay."""
        return Tty([self.moneyloop, "--share", "--paused"], 120, 40, dict(self.env, TERM="xterm-256color"))

    def ssh(self, term, extra_env=None, screen=True, cols=120, rows=40):
        """A viewer: `ssh -tt` with the key, in a pty of `cols`×`rows` with `term`."""
        argv = ["ssh", "-F", "/dev/null", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
                "-o", "LogLevel=ERROR", "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes", "-o", "IdentityAgent=none",
                "-o", "SendEnv=LANG LC_* NO_COLOR COLORTERM", "-i", self.key, "-x", "-tt", "-p", str(self.port),
                "viewer@127.0.0.1"]
        env = dict(self.env, TERM=term, **(extra_env or {}))
        return Tty(argv, cols, rows, env, screen=screen)

    def cleanup(self):
        self.stop()
        shutil.rmtree(self.tmp, ignore_errors=True)
