#!/usr/bin/env python3
"""Whole-process timings of newsreader and less in a pseudo-terminal (issue 7).

Spawns a program in a pty of 200x60 (set before exec), as a terminal would,
and measures from the driver's side:

- first frame: from just before fork() to the read that completes the first
  full frame (newsreader: its status bar `? help` followed by its
  end-of-frame cursor hide `ESC[?25l`; less: its first prompt, the file name
  in standout, followed by the end of standout and erase-line);
- key-to-frame latency (PageDown; for newsreader also `]` next article and,
  after searching `/会议`, `n` next match): from writing a key to the read that completes the
  next frame's end marker (newsreader: `ESC[?25l`, written once per draw
  after all changed cells; less: its `:` prompt redrawn on the last row).
  After each key the driver waits for QUIET seconds of silence and reports
  any bytes that came after the marker (there must be none). Only presses
  that move count: once there is nothing more to move to (newsreader draws
  nothing; less at the end of the file only rings the bell and redraws its
  `(END)` prompt, a 60-byte answer with no line of text), the key's timing
  stops, so a short file's figures are real page turns;
- whole edition (newsreader, when its first frame says `loading…`: a large
  edition is first shown from its first page while the rest is parsed):
  from just before fork() to the read that completes the next frame, the
  one that swaps the whole edition in; keys are pressed only after it;
- peak RSS: the child's VmHWM from /proc just before quitting, the figure
  that `/usr/bin/time -v` prints as "Maximum resident set size" (ru_maxrss
  from wait4 would count the forked Python driver's pages before exec).

The driver answers the terminal's cursor-position query (`ESC[6n`) the way a
narrow-ambiguous terminal would, so newsreader's `--ambiguous-width auto`
probe costs what it costs in a real terminal.

Usage:
  scripts/pty_latency.py [--runs N] [--keys K] [--json] FILE...
  scripts/pty_latency.py --idle 10 FILE      # idle CPU and redraw check

Each FILE is opened by `less FILE` and by `newsreader FILE` (binary from
$NEWSREADER, default target/release/newsreader) with a fresh, empty data
directory; `--state` gives newsreader a data directory prepared by an earlier
run instead (bookmarks and a saved position), to time the store's start-up
cost.
"""

import argparse
import fcntl
import json
import os
import pty
import re
import select
import shutil
import signal
import statistics
import struct
import sys
import tempfile
import termios
import time

COLS, ROWS = 200, 60
QUIET = 0.15
TIMEOUT = 20.0
NO_CHANGE = 1.0
PAGE_DOWN = b"\x1b[6~"
DSR = b"\x1b[6n"
HIDE_CURSOR = b"\x1b[?25l"
# In the status bar while a provisional edition is shown.
LOADING = "loading…".encode()
# The search query for the next-match timing: frequent in the generated
# editions (the sample's first headline).
SEARCH = "会议"


class Child:
    """One program running in a pty, with a log of (time, bytes) reads."""

    def __init__(self, argv, env):
        self.t0 = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
            try:
                os.execvpe(argv[0], argv, env)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        self.buf = bytearray()
        self.rusage = None

    def read_until(self, pattern, start, timeout=TIMEOUT):
        """Reads until `pattern` (a compiled bytes regex) matches
        self.buf[start:]; returns the time of the read that completed it."""
        deadline = time.perf_counter() + timeout
        while True:
            match = pattern.search(self.buf, start)
            if match:
                return self.last_read, match.end()
            left = deadline - time.perf_counter()
            if left <= 0:
                tail = bytes(self.buf[-400:])
                raise TimeoutError(f"pattern {pattern.pattern!r} not seen; tail {tail!r}")
            self._read(left)

    def _read(self, timeout):
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return False
        try:
            data = os.read(self.fd, 1 << 16)
        except OSError:
            data = b""
        if not data:
            raise EOFError("child closed the terminal")
        self.last_read = time.perf_counter()
        # Answer a cursor position query as a narrow-ambiguous terminal:
        # the probe printed one character at column 1, so the cursor is at 2.
        if DSR in data:
            os.write(self.fd, b"\x1b[1;2R")
        self.buf += data
        return True

    def drain(self, quiet=QUIET):
        """Reads until `quiet` seconds pass without output; returns how many
        bytes came."""
        before = len(self.buf)
        while self._read(quiet):
            pass
        return len(self.buf) - before

    def send(self, data):
        """Writes `data` to the program; returns the time just before the
        write. (Taken after it, the time came late whenever the woken
        program ran on the driver's core before the driver did: a whole
        frame then seemed to take a few microseconds.)"""
        sent = time.perf_counter()
        os.write(self.fd, data)
        return sent

    def peak_rss_kib(self):
        """The child's peak resident set since exec (VmHWM), in KiB. Read
        before quitting; ru_maxrss from wait4 would also count the pages of
        the forked Python driver before exec."""
        with open(f"/proc/{self.pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
        return None

    def quit(self):
        self.send(b"q")
        deadline = time.perf_counter() + TIMEOUT
        while time.perf_counter() < deadline:
            try:
                self._read(0.05)
            except EOFError:
                break
            pid, status, rusage = os.wait4(self.pid, os.WNOHANG)
            if pid:
                self.rusage = rusage
                break
        if self.rusage is None:
            try:
                _, _, self.rusage = os.wait4(self.pid, 0)
            except ChildProcessError:
                pass
        os.close(self.fd)
        return self.rusage.ru_maxrss if self.rusage else None

    def kill(self):
        try:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass


def env_for(data_dir):
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": os.environ.get("HOME", "/tmp"),
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
    }
    if data_dir:
        env["NEWSREADER_DATA_DIR"] = data_dir
    return env


class Program:
    """How to start a program and recognise its frames."""

    def __init__(self, name, argv, first, frame, open_keys=b"", moved=None):
        self.name, self.argv = name, argv
        self.first, self.frame, self.open_keys = first, frame, open_keys
        # Whether a frame's bytes show a new view (not a no-op answer).
        self.moved = moved or (lambda _frame: True)


def newsreader(binary):
    # First frame: the status bar's help hint, then the end of the draw.
    first = re.compile(rb"\? help.*?" + re.escape(HIDE_CURSOR), re.S)
    frame = re.compile(re.escape(HIDE_CURSOR))
    # Enter opens the selected headline and gives the reader the focus.
    return Program("newsreader", [binary], first, frame, open_keys=b"\r")


def less(path):
    name = re.escape(os.fsencode(path))
    # First prompt: the file name in standout (or (END)), then erase-line.
    first = re.compile(rb"(" + name + rb"|\(END\))\x1b\[(27|0)?m\x1b\[K")
    # Later prompts: ':' (or (END) in standout) on the last row, after the page.
    frame = re.compile(rb"(\n:\x1b\[K|\(END\)\x1b\[(27|0)?m\x1b\[K)")
    # At the end of the file PageDown only rings the bell and redraws the
    # (END) prompt (about 60 bytes, no line feed): the page did not turn.
    return Program("less", ["less"], first, frame, moved=lambda f: b"\n" in f)


def percentile(values, q):
    """The `q` quantile of `values` (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def measure(program, path, keys, key_bytes, state_dir=None):
    """One process: first frame, then `keys` presses of each key in
    key_bytes; returns a dict of timings in ms and the peak RSS in KiB."""
    tmp = None
    data_dir = state_dir
    if program.name == "newsreader" and data_dir is None:
        tmp = tempfile.mkdtemp(prefix="nr-perf-")
        data_dir = tmp
    argv = program.argv + [path]
    if program.name == "newsreader":
        argv += ["--no-resume"] if state_dir is None else []
    child = Child(argv, env_for(data_dir))
    result = {"first_ms": None, "whole_ms": None, "keys": {}, "late_bytes": 0}
    try:
        t_frame, end = child.read_until(program.first, 0)
        result["first_ms"] = (t_frame - child.t0) * 1e3
        if program.name == "newsreader" and LOADING in child.buf[:end]:
            t_whole, _ = child.read_until(program.frame, end)
            result["whole_ms"] = (t_whole - child.t0) * 1e3
        result["late_bytes"] += child.drain()
        # A resumed reader (--state) already has the reading pane's focus.
        if program.open_keys and state_dir is None:
            start = len(child.buf)
            child.send(program.open_keys)
            child.read_until(program.frame, start)
            child.drain()
        for label, key in key_bytes:
            if label.startswith("next match"):
                # Search first: `/`, the query, Enter (shows the first hit).
                child.send(b"/" + SEARCH.encode() + b"\r")
                child.drain()
            times = []
            for _ in range(keys):
                start = len(child.buf)
                t_send = child.send(key)
                try:
                    t_frame, _ = child.read_until(program.frame, start, NO_CHANGE)
                except TimeoutError:
                    # Nothing to move to (end of article or edition): the
                    # screen rightly stays as it is; not a sample.
                    break
                if not program.moved(bytes(child.buf[start:])):
                    # At the end (less at the end of the file): not a
                    # sample, as for newsreader when nothing moves.
                    break
                times.append((t_frame - t_send) * 1e3)
                late = child.drain()
                result["late_bytes"] += late
            result["keys"][label] = times
        result["rss_kib"] = child.peak_rss_kib()
        child.quit()
    except BaseException:
        child.kill()
        raise
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
    return result


def idle(binary, path, seconds):
    """Starts newsreader, waits for the first frame and `seconds` of idle,
    and reports CPU time used while idle and bytes written while idle."""
    tmp = tempfile.mkdtemp(prefix="nr-perf-")
    child = Child([binary, path, "--no-resume"], env_for(tmp))
    try:
        child.read_until(newsreader(binary).first, 0)
        child.drain()
        child.send(b"\r")
        child.read_until(re.compile(re.escape(HIDE_CURSOR)), len(child.buf) - 1)
        child.send(PAGE_DOWN)
        child.drain(0.5)
        ticks = os.sysconf("SC_CLK_TCK")

        def cpu():
            with open(f"/proc/{child.pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / ticks

        before_cpu, before_bytes = cpu(), len(child.buf)
        # The reading position is saved 3 s after the last scroll; that
        # write is disk I/O, not a redraw.
        ps_start = os.popen(f"ps -o %cpu=,time= -p {child.pid}").read().strip()
        deadline = time.perf_counter() + seconds
        while time.perf_counter() < deadline:
            child._read(max(0.0, deadline - time.perf_counter()))
        after_cpu, after_bytes = cpu(), len(child.buf)
        ps_end = os.popen(f"ps -o %cpu=,time= -p {child.pid}").read().strip()
        child.quit()
        return {
            "idle_s": seconds,
            "cpu_s": after_cpu - before_cpu,
            "bytes_written": after_bytes - before_bytes,
            "ps_before": ps_start,
            "ps_after": ps_end,
        }
    finally:
        child.kill()
        shutil.rmtree(tmp, ignore_errors=True)


def median(xs):
    return statistics.median(xs) if xs else float("nan")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("files", nargs="+")
    ap.add_argument("--runs", type=int, default=5, help="processes per program and file")
    ap.add_argument("--keys", type=int, default=5, help="presses of each key per process")
    ap.add_argument("--idle", type=float, help="idle check for this many seconds")
    ap.add_argument("--state", help="newsreader data directory to use (not emptied)")
    ap.add_argument("--only", choices=["less", "newsreader"])
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    binary = os.path.abspath(os.environ.get("NEWSREADER", "target/release/newsreader"))
    if args.idle:
        for path in args.files:
            print(path, json.dumps(idle(binary, path, args.idle)))
        return
    rows = []
    for path in args.files:
        size = os.path.getsize(path)
        programs = [less(path), newsreader(binary)]
        if args.only:
            programs = [p for p in programs if p.name == args.only]
        figures = {}
        for _ in range(args.runs):
            # Interleave the programs so that load on the shared machine
            # hits both alike.
            for program in programs:
                keys = [("PageDown", PAGE_DOWN)]
                if program.name == "newsreader":
                    keys.append(("next article ]", b"]"))
                    keys.append(("next match n", b"n"))
                r = measure(program, path, args.keys, keys, args.state)
                f = figures.setdefault(
                    program.name, {"first": [], "whole": [], "rss": [], "late": 0, "keys": {}}
                )
                f["first"].append(r["first_ms"])
                if r["whole_ms"] is not None:
                    f["whole"].append(r["whole_ms"])
                f["rss"].append(r["rss_kib"])
                f["late"] += r["late_bytes"]
                for label, times in r["keys"].items():
                    f["keys"].setdefault(label, []).extend(times)
        for name, f in figures.items():
            row = {
                "file": os.path.basename(path),
                "bytes": size,
                "program": name,
                "first_frame_ms": median(f["first"]),
                "whole_edition": median(f["whole"]) if f["whole"] else None,
                "peak_rss_mib": median(f["rss"]) / 1024,
                "late_bytes": f["late"],
            }
            for label, times in f["keys"].items():
                row[label + "_ms"] = median(times)
            # The slow tail: a key that waits behind work on the event loop
            # (a save) shows here, not in the median.
            row["tail"] = {
                label: (percentile(times, 0.9), max(times))
                for label, times in f["keys"].items()
                if times
            }
            rows.append(row)
    if args.json:
        print(json.dumps(rows, indent=1))
        return
    for row in rows:
        keys = "  ".join(
            f"{k[:-3]} {v:.2f} ms" for k, v in row.items() if k.endswith("_ms") and k != "first_frame_ms"
        )
        whole = row["whole_edition"]
        whole = f"  whole edition {whole:7.2f} ms" if whole is not None else ""
        print(
            f"{row['file']:<16} {row['program']:<11} first frame {row['first_frame_ms']:7.2f} ms{whole}"
            f"  {keys}  peak RSS {row['peak_rss_mib']:6.1f} MiB  late bytes {row['late_bytes']}"
        )
        tail = "  ".join(f"{k} p90 {p:.2f} ms max {m:.2f} ms" for k, (p, m) in row["tail"].items())
        print(f"{'':<16} {'':<11} tail: {tail}")
    by = {(r["file"], r["program"]): r for r in rows}
    for (file, program), r in by.items():
        if program != "newsreader" or (file, "less") not in by:
            continue
        l = by[(file, "less")]
        # Key budgets are relative to less's PageDown (issue 7).
        keys = "  ".join(
            f"{k[:-3]} {r[k] / l['PageDown_ms']:.2f}x"
            for k in r
            if k.endswith("_ms") and k != "first_frame_ms"
        )
        print(
            f"{file:<16} ratio newsreader/less: first frame "
            f"{r['first_frame_ms'] / l['first_frame_ms']:.2f}x  {keys} (of less's PageDown)"
        )


if __name__ == "__main__":
    main()
