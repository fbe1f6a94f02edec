#!/usr/bin/python3
"""NumPy peer for the Strix benchmarks: the JMH workloads, measured with the same protocol.

Protocol (the same as the JMH AverageTime runs): warm up for W seconds (at least one call),
then I timed iterations of at least R seconds each (at least one call); an iteration's score
is its elapsed time divided by its calls. The JSON keeps every iteration's score (us/op) plus
the median, min and max.

GEMM is run twice: with OpenBLAS's default threads in this process, and single-threaded in a
child process started with OPENBLAS_NUM_THREADS=1 (OpenBLAS reads it only at load time).
Element-wise work and reductions are single-threaded in NumPy. The linear-algebra workloads of
issue 5 (numpy.linalg solve/cholesky/inv/eigh/svd/lstsq, bench "linalg" phase) run in the same
single-thread child process, so LAPACK and its BLAS use one thread, like Strix 1T and EJML.

Run with Debian's NumPy: /usr/bin/python3 bench/numpy_bench.py [--quick] --out FILE
Standard library and NumPy only.
"""
import argparse
import contextlib
import io
import json
import os
import platform
import statistics
import subprocess
import sys
import time

import numpy as np

S = 3.0  # the triad scalar, as in the Java benchmarks (Data.S)
AXIS_ROWS, AXIS_COLS = 4000, 2500
TINY = 10

# (warm-up seconds, iterations, seconds per iteration), as bench/run gives JMH.
FULL = {
    "gemm_n": [64, 256, 1024, 2048],
    "size": [1000, 10000, 100000, 1000000, 10000000],
    "fn_size": [10000, 1000000],
    "strided_n": [1000, 3000],
    "gemm": {64: (0.5, 5, 0.5), 256: (0.5, 5, 0.5), 1024: (1.0, 5, 1.0), 2048: (1.0, 3, 1.0)},
    "other": (0.8, 5, 0.3),
    "linalg": (1.0, 3, 1.0),
}
QUICK = {
    "gemm_n": [64],
    "size": [1000000],
    "fn_size": [1000000],
    "strided_n": [1000],
    "gemm": {64: (0.1, 2, 0.1)},
    "other": (0.1, 2, 0.1),
    "linalg": (0.1, 2, 0.1),
}


def data(seed, n, dtype=np.float64):
    """Uniform in [0.5, 1.5), like Data.doubles (not the same stream: NumPy's generator)."""
    return (0.5 + np.random.default_rng(seed).random(n)).astype(dtype)


def measure(fn, warmup_s, iterations, iteration_s):
    end = time.perf_counter() + warmup_s
    fn()
    while time.perf_counter() < end:
        fn()
    samples = []
    for _ in range(iterations):
        calls = 0
        t0 = time.perf_counter()
        while True:
            fn()
            calls += 1
            elapsed = time.perf_counter() - t0
            if elapsed >= iteration_s:
                break
        samples.append(elapsed / calls * 1e6)
    return samples


def record(results, impl, threads, bench, params, samples):
    results.append({
        "impl": impl,
        "threads": threads,
        "benchmark": bench,
        "params": params,
        "unit": "us/op",
        "samples": samples,
        "median": statistics.median(samples),
        "min": min(samples),
        "max": max(samples),
    })
    p = ",".join(f"{k}={v}" for k, v in params.items())
    print(f"  {impl:9s} {bench:14s} {p:14s} {statistics.median(samples):14.3f} us/op", flush=True)


def run_gemm(cfg, impl, threads, results):
    for n in cfg["gemm_n"]:
        w, i, r = cfg["gemm"][n]
        for bench, dt in (("dgemm", np.float64), ("sgemm", np.float32)):
            a = data(1, n * n, dt).reshape(n, n)
            b = data(2, n * n, dt).reshape(n, n)
            record(results, impl, threads, bench, {"n": n}, measure(lambda: a @ b, w, i, r))


def run_other(cfg, results):
    w, i, r = cfg["other"]
    for size in cfg["size"]:
        a, b = data(1, size), data(2, size)
        ops = {
            "add": lambda: a + b,
            "mul": lambda: a * b,
            "exp": lambda: np.exp(a),
            "log": lambda: np.log(a),
            "sum": lambda: a.sum(),
            "argmax": lambda: a.argmax(),
            "gt": lambda: a > b,
            "triad": lambda: a + S * b,
        }
        for bench, fn in ops.items():
            record(results, "numpy", "1", bench, {"size": size}, measure(fn, w, i, r))
        del a, b
    for size in cfg["fn_size"]:
        a, b = data(1, size), data(2, size)
        ops = {
            "tanh": lambda: np.tanh(a),
            "sin": lambda: np.sin(a),
            "sqrt": lambda: np.sqrt(a),
            "where": lambda: np.where(a > b, a, b),
            "clip": lambda: np.clip(a, 0.75, 1.25),
            "astype32": lambda: a.astype(np.float32),
        }
        for bench, fn in ops.items():
            record(results, "numpy", "1", bench, {"size": size}, measure(fn, w, i, r))
        del a, b
    for n in cfg["strided_n"]:
        a = data(1, n * n).reshape(n, n)
        b = data(2, n * n).reshape(n, n)
        aT = a.T
        record(results, "numpy", "1", "stridedAdd", {"n": n}, measure(lambda: aT + b, w, i, r))
        record(results, "numpy", "1", "contiguousAdd", {"n": n}, measure(lambda: a + b, w, i, r))
    m = data(1, AXIS_ROWS * AXIS_COLS).reshape(AXIS_ROWS, AXIS_COLS)
    record(results, "numpy", "1", "sumAxis0", {}, measure(lambda: m.sum(axis=0), w, i, r))
    record(results, "numpy", "1", "sumAxis1", {}, measure(lambda: m.sum(axis=1), w, i, r))
    ta, tb = data(1, TINY), data(2, TINY)
    record(results, "numpy", "1", "tinyAdd", {}, measure(lambda: ta + tb, w, i, r))


def run_linalg(cfg, results):
    """Issue 5's workloads with the inputs of LinalgBenchmarks: a random matrix plus n I, its Gram
    matrix plus n I (SPD), the symmetric part of a random matrix, a tall 2000x200 least squares."""
    w, i, r = cfg["linalg"]
    n = 1024
    a = data(1, n * n).reshape(n, n) + n * np.eye(n)
    b = data(2, n).reshape(n, 1)
    g = data(3, n * n).reshape(n, n)
    spd = g @ g.T + n * np.eye(n)
    g512 = data(1, 512 * 512).reshape(512, 512)
    sym = g512 + g512.T
    tall = data(1, 2000 * 200).reshape(2000, 200)
    rhs = data(2, 2000).reshape(2000, 1)
    ops = {
        "luSolve1024": lambda: np.linalg.solve(a, b),
        "cholesky1024": lambda: np.linalg.cholesky(spd),
        "eigh512": lambda: np.linalg.eigh(sym),
        "svd512": lambda: np.linalg.svd(g512, full_matrices=False),
        "inv1024": lambda: np.linalg.inv(a),
        "lstsq2000x200": lambda: np.linalg.lstsq(tall, rhs, rcond=None),
    }
    for bench, fn in ops.items():
        record(results, "numpy-1t", "1", bench, {}, measure(fn, w, i, r))


def blas_config():
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        try:
            np.show_config()
        except Exception as e:  # the format differs between NumPy versions
            print(f"show_config failed: {e}")
    return out.getvalue()


def loaded_blas():
    """The BLAS libraries actually mapped (Debian picks one through update-alternatives)."""
    try:
        with open("/proc/self/maps") as f:
            libs = {line.split()[-1] for line in f if "blas" in line.lower() and "/" in line}
        return sorted(os.path.basename(p) for p in libs)
    except OSError:
        return []


def openblas_core():
    """The OpenBLAS kernel set that runs (its corename, e.g. SkylakeX or Haswell) and the variables
    that steer it. bench/run unsets OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE for this process so that
    OpenBLAS picks its best kernels; this records what it picked."""
    out = {"OPENBLAS_CORETYPE": os.environ.get("OPENBLAS_CORETYPE"),
           "OPENBLAS_L2_SIZE": os.environ.get("OPENBLAS_L2_SIZE")}
    try:  # threadpoolctl asks the loaded library itself (openblas_get_corename)
        from threadpoolctl import threadpool_info
        for lib in threadpool_info():
            if lib.get("internal_api") == "openblas":
                out.update(core=lib.get("architecture"), version=lib.get("version"),
                           threads=lib.get("num_threads"), library=os.path.basename(lib.get("filepath", "")))
                return out
    except Exception as e:  # no threadpoolctl: ask through ctypes
        out["threadpoolctl"] = str(e)
    import ctypes
    for name in loaded_blas():
        if "openblas" in name:
            try:
                lib = ctypes.CDLL(name)
                lib.openblas_get_corename.restype = ctypes.c_char_p
                out.update(core=lib.openblas_get_corename().decode(), library=name)
            except (OSError, AttributeError) as e:
                out["ctypes"] = str(e)
    return out


def library_core(path):
    """The core a given OpenBLAS library picks in this environment (openblas_get_corename through
    ctypes): for ND4J's bundled copy, which JavaCPP extracts to its cache; the choice depends
    only on the CPU and the OPENBLAS_* variables, so asking the same file here tells what ran."""
    import ctypes
    lib = ctypes.CDLL(path)
    lib.openblas_get_corename.restype = ctypes.c_char_p
    lib.openblas_get_config.restype = ctypes.c_char_p
    return {"library": path, "core": lib.openblas_get_corename().decode(),
            "config": lib.openblas_get_config().decode(),
            "OPENBLAS_CORETYPE": os.environ.get("OPENBLAS_CORETYPE"),
            "OPENBLAS_L2_SIZE": os.environ.get("OPENBLAS_L2_SIZE")}


def cpu_info():
    """Family, model and the vector extensions of the CPU, from /proc/cpuinfo."""
    info = {}
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if ":" not in line:
                    if info:
                        break
                    continue
                k, v = (x.strip() for x in line.split(":", 1))
                if k in ("vendor_id", "cpu family", "model", "model name", "flags"):
                    info[k] = v
    except OSError:
        return {}
    flags = info.pop("flags", "").split()
    info["vector_extensions"] = [f for f in flags if f in ("avx", "avx2", "fma") or f.startswith("avx512")]
    return info


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="smoke run: small sizes, short iterations")
    ap.add_argument("--out", required=True, help="JSON output file")
    ap.add_argument("--gemm-only", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--library-core", metavar="LIB",
                    help="only print the OpenBLAS core the library LIB picks here (JSON), then exit")
    ap.add_argument("--linalg-only", action="store_true",
                    help="only the single-thread linear-algebra workloads (bench/run's linalg phase)")
    args = ap.parse_args()
    if args.library_core:
        with open(args.out, "w") as f:
            json.dump(library_core(args.library_core), f)
        return
    cfg = QUICK if args.quick else FULL
    results = []

    if args.gemm_only:  # the child: OPENBLAS_NUM_THREADS=1 set by the parent
        if args.linalg_only:
            run_linalg(cfg, results)
        else:
            run_gemm(cfg, "numpy-1t", "1", results)
        with open(args.out, "w") as f:
            json.dump({"results": results}, f)
        return

    if args.linalg_only:
        t0 = time.time()
        print("NumPy linalg, single thread (child process, OPENBLAS_NUM_THREADS=1)", flush=True)
        child_out = args.out + ".1t.json"
        env = dict(os.environ, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1")
        cmd = [sys.executable, os.path.abspath(__file__), "--gemm-only", "--linalg-only", "--out", child_out]
        if args.quick:
            cmd.append("--quick")
        subprocess.run(cmd, env=env, check=True)
        with open(child_out) as f:
            results.extend(json.load(f)["results"])
        os.remove(child_out)
        doc = {
            "tool": "numpy_bench.py --linalg-only",
            "quick": args.quick,
            "python": sys.version.split()[0],
            "numpy": np.__version__,
            "blas_loaded": loaded_blas(),
            "openblas": openblas_core(),
            "cpu": cpu_info(),
            "protocol": {"linalg": cfg["linalg"]},
            "elapsed_s": round(time.time() - t0, 1),
            "results": results,
        }
        with open(args.out, "w") as f:
            json.dump(doc, f, indent=1)
        print(f"NumPy linalg done in {doc['elapsed_s']} s -> {args.out}", flush=True)
        return

    t0 = time.time()
    print("NumPy GEMM, single thread (child process, OPENBLAS_NUM_THREADS=1)", flush=True)
    child_out = args.out + ".1t.json"
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1")
    cmd = [sys.executable, os.path.abspath(__file__), "--gemm-only", "--out", child_out]
    if args.quick:
        cmd.append("--quick")
    subprocess.run(cmd, env=env, check=True)
    with open(child_out) as f:
        results.extend(json.load(f)["results"])
    os.remove(child_out)

    print("NumPy GEMM, default threads", flush=True)
    run_gemm(cfg, "numpy", "default", results)
    print("NumPy element-wise, reductions, strided, axis sums, per-call overhead", flush=True)
    run_other(cfg, results)

    doc = {
        "tool": "numpy_bench.py",
        "quick": args.quick,
        "python": sys.version.split()[0],
        "executable": sys.executable,
        "numpy": np.__version__,
        "platform": platform.platform(),
        "blas_loaded": loaded_blas(),
        "openblas": openblas_core(),
        "cpu": cpu_info(),
        "blas_config": blas_config(),
        "protocol": {"gemm": {str(n): v for n, v in cfg["gemm"].items()}, "other": cfg["other"]},
        "elapsed_s": round(time.time() - t0, 1),
        "results": results,
    }
    with open(args.out, "w") as f:
        json.dump(doc, f, indent=1)
    print(f"NumPy done in {doc['elapsed_s']} s -> {args.out}", flush=True)


if __name__ == "__main__":
    main()
