#!/usr/bin/python3
"""SciPy peer for the sparse benchmarks (SparseBenchmarks.java), measured with numpy_bench.py's
protocol: warm up for W seconds (at least one call), then I timed iterations of at least R
seconds each; an iteration's score is its elapsed time divided by its calls (us/op). The JSON
keeps every iteration's score plus the median, min and max.

Workloads, on the same kinds of matrices as the JMH class (not the same random stream):
  random   1M x 1M, 10M uniformly placed entries (a few dozen coinciding positions are summed,
           so nnz is 10M minus ~50), values U[0, 1)
  poisson  the 2-D 5-point Laplacian on a 1000 x 1000 grid (1M rows, 5M entries)
  spmv           y = A @ x (CSR)
  transposeSpmv  A.T @ x (a CSC view of the same arrays: SciPy's csc_matvec, no transpose formed)
  spmm           A @ X with X dense (n, 8), C order
  cg             scipy.sparse.linalg.cg on the 300 x 300 Poisson system, Jacobi preconditioner,
                 exactly 200 iterations (tol = atol = 0, maxiter = 200), as the Java CG runs
SciPy's sparse kernels are single threaded.

Run with Debian's SciPy: /usr/bin/python3 bench/scipy_sparse_bench.py [--quick] --out FILE
"""
import argparse
import json
import platform
import statistics
import sys
import time

import numpy as np
import scipy
import scipy.sparse as sp
import scipy.sparse.linalg as spla

from numpy_bench import cpu_info, measure, openblas_core  # the same timing protocol as the NumPy peer (same folder)

# (warm-up seconds, iterations, seconds per iteration), as bench/run gives JMH's sparse phases.
FULL = (1.0, 5, 1.0)
QUICK = (0.2, 2, 0.2)


def record(results, bench, params, samples):
    results.append({
        "impl": "scipy",
        "threads": "1",
        "benchmark": bench,
        "params": params,
        "unit": "us/op",
        "samples": samples,
        "median": statistics.median(samples),
        "min": min(samples),
        "max": max(samples),
    })
    p = ",".join(f"{k}={v}" for k, v in params.items())
    print(f"  scipy {bench:14s} {p:16s} {statistics.median(samples):14.3f} us/op", flush=True)


def random_csr(n, nnz, seed):
    rng = np.random.default_rng(seed)
    rows = rng.integers(0, n, nnz, dtype=np.int32)
    cols = rng.integers(0, n, nnz, dtype=np.int32)
    vals = rng.random(nnz)
    a = sp.coo_matrix((vals, (rows, cols)), shape=(n, n)).tocsr()
    a.sum_duplicates()
    return a


def poisson2d(n):
    t = sp.diags([-1.0, 2.0, -1.0], [-1, 0, 1], shape=(n, n))
    return (sp.kron(sp.identity(n), t) + sp.kron(t, sp.identity(n))).tocsr()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="short iterations (same matrices)")
    ap.add_argument("--out", required=True, help="JSON output file")
    args = ap.parse_args()
    w, i, r = QUICK if args.quick else FULL
    t0 = time.time()
    results = []
    rng = np.random.default_rng(1)
    for name in ("random", "poisson"):
        a = random_csr(1_000_000, 10_000_000, 42) if name == "random" else poisson2d(1000)
        n = a.shape[1]
        x = rng.standard_normal(n)
        xs = rng.standard_normal((n, 8))
        at = a.T  # CSC over the same arrays
        print(f"scipy {name}: {a.shape[0]} x {a.shape[1]}, nnz {a.nnz}", flush=True)
        record(results, "spmv", {"matrix": name}, measure(lambda: a @ x, w, i, r))
        record(results, "transposeSpmv", {"matrix": name}, measure(lambda: at @ x, w, i, r))
        record(results, "spmm", {"matrix": name}, measure(lambda: a @ xs, w, i, r))
        del a, at, x, xs

    p = poisson2d(300)
    b = np.random.default_rng(3).standard_normal(p.shape[0])
    inv_diag = 1.0 / p.diagonal()
    m = spla.LinearOperator(p.shape, matvec=lambda v: inv_diag * v.ravel(), dtype=np.float64)

    def cg():
        x, info = spla.cg(p, b, tol=0.0, atol=0.0, maxiter=200, M=m)
        return x

    record(results, "cg", {}, measure(cg, w, i, r))
    doc = {
        "tool": "scipy_sparse_bench.py",
        "quick": args.quick,
        "python": sys.version.split()[0],
        "numpy": np.__version__,
        "scipy": scipy.__version__,
        "platform": platform.platform(),
        "openblas": openblas_core(),
        "cpu": cpu_info(),
        "protocol": {"sparse": [w, i, r]},
        "elapsed_s": round(time.time() - t0, 1),
        "results": results,
    }
    with open(args.out, "w") as f:
        json.dump(doc, f, indent=1)
    print(f"SciPy sparse done in {doc['elapsed_s']} s -> {args.out}", flush=True)


if __name__ == "__main__":
    main()
