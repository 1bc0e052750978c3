#!/usr/bin/env python3
"""Median wall-clock time of a shell command over repeated runs (issue 16).

For whole-process figures such as `--dump json` against its floor:

  scripts/median_time.py 9 "target/release/newsreader --dump json big.txt > /dev/null"

Runs COMMAND (through the shell) N times, its stdout discarded unless the
command redirects it, and prints the median, least and most time in ms.
"""

import statistics
import subprocess
import sys
import time


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    runs, command = int(sys.argv[1]), sys.argv[2]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, shell=True, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    print(
        f"median {statistics.median(times) * 1000:.0f} ms  min {min(times) * 1000:.0f}"
        f"  max {max(times) * 1000:.0f}  ({runs} runs)  {command}"
    )


if __name__ == "__main__":
    main()
