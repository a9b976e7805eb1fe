import sys
import time


class ProgressBar:
    """A plain terminal progress bar (stderr), quiet when not a terminal
    except for a line every 10%."""

    def __init__(self, total, stream=None, width=30):
        self.total = total or 0
        self.stream = stream or sys.stderr
        self.width = width
        self.started = time.monotonic()
        self.last_decile = -1
        self.tty = hasattr(self.stream, "isatty") and self.stream.isatty()

    def update(self, done, message=""):
        rate = done / max(time.monotonic() - self.started, 1e-6)
        if self.total:
            frac = min(done / self.total, 1.0)
            bar = "#" * int(frac * self.width)
            text = f"[{bar:<{self.width}}] {done}/{self.total} ({rate:,.0f}/s)"
            decile = int(frac * 10)
        else:
            text, decile = f"{done} ({rate:,.0f}/s)", self.last_decile + 1
        if self.tty:
            self.stream.write("\r" + text)
            self.stream.flush()
        elif decile != self.last_decile:
            self.stream.write(text + "\n")
        self.last_decile = decile

    def close(self):
        if self.tty:
            self.stream.write("\n")
