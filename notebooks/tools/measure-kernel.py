#!/usr/bin/python3
"""Measures the Strix kernel: start to first result, and per-cell overhead.

Usage: JUPYTER_PATH=<prefix>/share/jupyter /usr/bin/python3 notebooks/tools/measure-kernel.py [runs]
(with the kernelspec installed as `strix`, see docs/notebooks.md). Prints medians over `runs`
kernel starts (default 3): wall time from launching the kernel process to the result of `1 + 1`,
then the round trip of a trivial cell (`1 + 1`), of a statement, and of a 3x4 NdArray shown as a
table, each the median of 50 executions.
"""
import statistics
import sys
import time

from jupyter_client.manager import start_new_kernel


def run_cell(kc, code):
    msg_id = kc.execute(code)
    result = None
    while True:
        msg = kc.get_iopub_msg(timeout=120)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        t = msg["msg_type"]
        if t in ("execute_result", "display_data"):
            result = msg["content"]["data"]
        elif t == "error":
            raise RuntimeError(msg["content"]["evalue"])
        elif t == "status" and msg["content"]["execution_state"] == "idle":
            return result


def per_cell(kc, code, n=50):
    run_cell(kc, code)  # warm
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        run_cell(kc, code)
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000


runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
starts, trivial, stmt, table = [], [], [], []
for _ in range(runs):
    t0 = time.perf_counter()
    km, kc = start_new_kernel(kernel_name="strix", startup_timeout=120)
    try:
        r = run_cell(kc, "1 + 1")
        starts.append(time.perf_counter() - t0)
        assert r["text/plain"] == "2", r
        trivial.append(per_cell(kc, "1 + 1"))
        stmt.append(per_cell(kc, "int unused = 3;"))
        table.append(per_cell(kc, "Nd.arange(12).reshape(3, 4)"))
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)

print(f"kernel start to first result: median {statistics.median(starts):.2f} s over {runs} starts "
      f"({', '.join(f'{s:.2f}' for s in starts)})")
print(f"per cell, 1 + 1: {statistics.median(trivial):.1f} ms")
print(f"per cell, a statement: {statistics.median(stmt):.1f} ms")
print(f"per cell, 3x4 NdArray as table: {statistics.median(table):.1f} ms")
