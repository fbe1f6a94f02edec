#!/usr/bin/python3
"""SciPy golden cases for strix-sparse's float32 matrices.

Every matrix and vector is float32 in SciPy (csr_matrix keeps the dtype), so the expected values
are SciPy's float32 results. Element-wise operations and conversions are exact in both (one
rounding per value: Strix computes them in float64 and rounds once, which gives the same float
for +, -, * and /), so their tolerance is 0; products and sums accumulate in a different order
(and Strix's vector kernel uses fused multiply-adds), so they get rtol 2e-6 plus an absolute
term of 2e-6 times the sum of |a_ik x_k| of the row.

    /usr/bin/python3 sparse/oracle/make_float32_cases.py [--seed 5]

Writes src/test/resources/oracle/float32_cases.json; deterministic for a seed and NumPy/SciPy
version (recorded in the file).
"""
import argparse
import json
import os

import numpy as np
import scipy
import scipy.sparse as sp

ap = argparse.ArgumentParser()
ap.add_argument("--seed", type=int, default=5)
ap.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                              "..", "src", "test", "resources", "oracle", "float32_cases.json"))
args = ap.parse_args()
rng = np.random.default_rng(args.seed)
F = np.float32


def f32list(a):
    # float(np.float32) is exact in float64, and Jackson reads it back exactly; the test rounds to float
    return [float(x) for x in np.asarray(a, dtype=F).ravel()]


def mat(m):
    m = sp.csr_matrix(m, dtype=F)
    m.sum_duplicates()
    m.sort_indices()
    return {"shape": list(m.shape), "indptr": [int(x) for x in m.indptr], "indices": [int(x) for x in m.indices],
            "data": f32list(m.data)}


def dense(a):
    a = np.asarray(a, dtype=F)
    return {"shape": list(a.shape), "data": f32list(a)}


def rand(r, c, density):
    m = sp.random(r, c, density=density, format="csr", random_state=rng, dtype=np.float64)
    m.data = (m.data * 4 - 2).astype(F)  # values in [-2, 2), rounded to float32
    return sp.csr_matrix(m, dtype=F)


cases = []


def add(op, inputs, expected, exact, scale=None):
    tol = {"rtol": 0.0, "atol": 0.0} if exact else {"rtol": 2e-6, "atol": 2e-6}
    case = {"id": f"{op}-{len(cases)}", "op": op, "inputs": inputs, "expected": expected, "tolerance": tol}
    if scale is not None:
        case["scale"] = dense(scale)  # sum |a_ik x_k| per output element: the absolute error scale
    cases.append(case)


for r, c, dens in [(1, 1, 1.0), (5, 7, 0.3), (12, 9, 0.5), (30, 40, 0.1), (64, 33, 0.25), (8, 8, 0.0)]:
    a = rand(r, c, dens)
    b = rand(r, c, dens)
    x = rng.standard_normal(c).astype(F)
    xt = rng.standard_normal(r).astype(F)
    xs = rng.standard_normal((c, 3)).astype(F)
    abs_a = abs(a).astype(np.float64)
    add("from_dense", {"dense": dense(a.toarray())}, {"m": mat(a)}, True)
    add("to_dense", {"a": mat(a)}, {"out": dense(a.toarray())}, True)
    add("to_csc", {"a": mat(a)}, {"m": mat(a.tocsc().T)}, True)  # CSC arrays = CSR arrays of A^T
    y = a @ x
    assert y.dtype == F
    add("matvec", {"a": mat(a), "x": dense(x)}, {"out": dense(y)}, False, abs_a @ np.abs(x).astype(np.float64))
    yt = a.T @ xt
    add("rmatvec", {"a": mat(a), "x": dense(xt)}, {"out": dense(yt)}, False, abs_a.T @ np.abs(xt).astype(np.float64))
    ys = a @ xs
    assert ys.dtype == F
    add("spmm", {"a": mat(a), "x": dense(xs)}, {"out": dense(ys)}, False, abs_a @ np.abs(xs).astype(np.float64))
    add("add", {"a": mat(a), "b": mat(b)}, {"m": mat((a + b).toarray())}, True)
    add("sub", {"a": mat(a), "b": mat(b)}, {"m": mat((a - b).toarray())}, True)
    add("multiply", {"a": mat(a), "b": mat(b)}, {"m": mat(a.multiply(b).toarray())}, True)
    s = a * F(0.3)
    assert s.dtype == F
    add("mul_scalar", {"a": mat(a), "s": float(F(0.3))}, {"out": dense(s.toarray())}, True)
    add("sum_axis0", {"a": mat(a)}, {"out": dense(np.asarray(a.sum(axis=0)).ravel())}, False,
        np.asarray(abs_a.sum(axis=0)).ravel())
    add("sum_axis1", {"a": mat(a)}, {"out": dense(np.asarray(a.sum(axis=1)).ravel())}, False,
        np.asarray(abs_a.sum(axis=1)).ravel())
    if r == c or True:
        bb = rand(c, 6, 0.4)
        p = a @ bb
        assert p.dtype == F
        add("spgemm", {"a": mat(a), "b": mat(bb)}, {"out": dense(p.toarray())}, False,
            (abs_a @ abs(bb).astype(np.float64)).toarray())
    add("vstack", {"a": mat(a), "b": mat(b)}, {"out": dense(sp.vstack([a, b]).toarray())}, True)
    add("kron", {"a": mat(a[:3, :3]), "b": mat(b[:2, :4])}, {"out": dense(sp.kron(a[:3, :3], b[:2, :4]).toarray())}, True)

doc = {"generator": "sparse/oracle/make_float32_cases.py", "seed": args.seed, "numpy": np.__version__,
       "scipy": scipy.__version__, "cases": cases}
with open(args.out, "w") as f:
    json.dump(doc, f, allow_nan=False, separators=(",", ":"))
print(f"{len(cases)} cases -> {os.path.relpath(args.out)}")
