#!/usr/bin/env python3
"""Runs a command and prints its wall time, CPU time and peak memory, the memory being the
sum of the resident sets of the command and all its descendants (a Spark run is a Python
driver, a JVM, Python workers and crosscheck processes), sampled every 0.2 s; CPU time is the larger of what the reaped children used and the
last sample of the tree (a JVM is not always reaped by its parent).

    measure.py LABEL -- COMMAND...     # prints one JSON line: label, wall_s, cpu_s, peak_rss_mb
"""
import json
import os
import resource
import subprocess
import sys
import time


def tree_usage(root):
    """Resident bytes of `root` and its descendants, and their CPU seconds (with those of
    the children they reaped), from /proc."""
    children, rss, cpu = {}, {}, {}
    tick = os.sysconf("SC_CLK_TCK")
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/stat", encoding="utf-8") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(pid))
            rss[int(pid)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
            cpu[int(pid)] = sum(int(x) for x in fields[11:15]) / tick
        except (OSError, IndexError, ValueError):
            continue
    total, seconds, todo = 0, 0.0, [root]
    while todo:
        p = todo.pop()
        total += rss.get(p, 0)
        seconds += cpu.get(p, 0.0)
        todo.extend(children.get(p, []))
    return total, seconds


def main(argv):
    if len(argv) < 3 or argv[1] != "--":
        print(__doc__, file=sys.stderr)
        return 2
    label, cmd = argv[0], argv[2:]
    t0 = time.time()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL)
    peak, sampled = 0, 0.0
    while proc.poll() is None:
        rss, seconds = tree_usage(proc.pid)
        peak, sampled = max(peak, rss), max(sampled, seconds)
        time.sleep(0.2)
    wall = time.time() - t0
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({"label": label, "rc": proc.returncode, "wall_s": round(wall, 1),
                      "cpu_s": round(max(ru.ru_utime + ru.ru_stime, sampled), 1),
                      "peak_rss_mb": round(peak / 2**20)}))
    return proc.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
