"""Terminals for the serve benchmark (tools/bench_serve.py): a command on its own pty with
a pyte screen, and one loop that reads every terminal at once."""
import fcntl, os, re, selectors, signal, struct, subprocess, termios, time

import pyte

LEVER = re.compile(r"GPU utilization\s+(\d+)%")
THEME = re.compile(r"· theme ([a-z-]+)")
# A colour of the 256-colour palette: what a viewer with a 256-colour TERM is sent, and a
# viewer with 8 colours or NO_COLOR never is.
PALETTE_256 = b"38;5;"


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
        self.cols, self.rows = cols, rows
        self.started = time.monotonic()
        self.proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, start_new_session=True, env=env)
        os.close(slave)
        os.set_blocking(self.master, False)
        self.screen = pyte.Screen(cols, rows) if screen else None
        self.stream = pyte.ByteStream(self.screen) if screen else None
        self.bytes, self.text, self.open = 0, bytearray(), True
        self.count_only = False   # bytes counted, screen not kept (viewers not watched)
        self.first_screen = None  # seconds from start to the dashboard on screen
        self.seen = None          # when the awaited lever value appeared
        self.saw_256 = False      # whether a 256-colour palette colour arrived
        self.tail = b""           # the end of the last read, so a split sequence is still found

    def read(self):
        try:
            data = os.read(self.master, 65536)
        except OSError:
            data = b""
        if not data:
            self.open = False
            return b""
        self.bytes += len(data)
        if not self.saw_256 and not self.count_only:
            self.saw_256 = PALETTE_256 in self.tail + data
            self.tail = data[-len(PALETTE_256):]
        if self.stream is not None:
            self.stream.feed(data)
        elif not self.count_only:
            self.text += data
        return data

    def row(self, y):
        return "".join(self.screen.buffer[y][x].data for x in range(self.screen.columns))

    def lever(self):
        """The utilization shown, reading only the rows that changed since the last look."""
        found = None
        for y in sorted(self.screen.dirty):
            if y < self.screen.lines:
                m = LEVER.search(self.row(y))
                if m:
                    found = int(m.group(1))
        self.screen.dirty.clear()
        return found

    def theme(self):
        """The theme the status line names (it leaves the name out below ~90 columns)."""
        m = THEME.search(self.row(0))
        return m.group(1) if m else None

    def fills_its_size(self):
        """Whether the dashboard is laid out at this terminal's size: the key help on the
        last row, and something drawn in the last column."""
        last = self.row(self.rows - 1)
        return "help" in last and any(self.row(y)[-1] != " " for y in range(self.rows))

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
    """Reads every terminal added, for a while, calling `on_read` after each read."""

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

    def type(self, ttys, texts, gap=0.02):
        """Types `texts[i]` into `ttys[i]`, all at once, key by key as people type (`gap`
        apart), reading meanwhile."""
        for i in range(max((len(t) for t in texts), default=0)):
            for tty, text in zip(ttys, texts):
                if i < len(text):
                    tty.send(text[i:i + 1])
            self.run(gap)
