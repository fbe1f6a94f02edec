#!/usr/bin/python3
"""NumPy golden cases for strix-sparse's SparseNdArray (Owl's Sparse.Ndarray).

The reference is NumPy on the DENSE equivalents: each case gives a dense input (mostly zeros) and
the dense result of the operation; the Java test builds the sparse array with fromDense, runs the
sparse operation and compares toDense() (and nnz where NumPy's count_nonzero defines it).

    /usr/bin/python3 sparse/oracle/make_ndarray_cases.py [--seed 3]

Writes src/test/resources/oracle/ndarray_cases.json; deterministic for a seed and NumPy version.
Values are small integers or halves (exact in float64), so every expected value is exact and the
tolerance is 0, except sqrt/pow (1e-15 relative, one rounding).
"""
import argparse
import json
import os

import numpy as np

ap = argparse.ArgumentParser()
ap.add_argument("--seed", type=int, default=3)
ap.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                              "..", "src", "test", "resources", "oracle", "ndarray_cases.json"))
args = ap.parse_args()
rng = np.random.default_rng(args.seed)

SHAPES = [(7,), (4, 5), (3, 4, 5), (2, 3, 2, 4), (3, 1, 4), (2, 0, 3), (1, 2, 3, 2, 2)]


def sparse_dense(shape, density):
    a = rng.integers(-8, 9, size=shape).astype(np.float64) / 2.0
    mask = rng.random(shape) < density
    return np.where(mask, a, 0.0)


def enc(a):
    a = np.asarray(a, dtype=np.float64)
    return {"shape": list(a.shape), "data": [float(x) for x in a.ravel()]}


cases = []


def add(op, inputs, params, out, rtol=0.0):
    cases.append({"id": f"{op}-{len(cases)}", "op": op, "params": params,
                  "inputs": {k: enc(v) for k, v in inputs.items()},
                  "expected": {"out": enc(out), "nnz": int(np.count_nonzero(out))},
                  "tolerance": {"rtol": rtol, "atol": 0.0}})


for shape in SHAPES:
    for density in (0.0, 0.3):
        a = sparse_dense(shape, density)
        b = sparse_dense(shape, density)
        if a.size > 0:  # a pair that cancels in add, so the result drops it
            a[tuple(0 for _ in shape)] = 1.5
            b[tuple(0 for _ in shape)] = -1.5
        add("identity", {"a": a}, {}, a)
        add("mul_scalar", {"a": a}, {"s": -2.5}, a * -2.5)
        add("div_scalar", {"a": a}, {"s": 4.0}, a / 4.0)
        add("neg", {"a": a}, {}, -a)
        add("abs", {"a": a}, {}, np.abs(a))
        add("square", {"a": a}, {}, np.square(a))
        add("sqrt", {"a": np.abs(a)}, {}, np.sqrt(np.abs(a)), rtol=1e-15)
        add("pow", {"a": a}, {"p": 3.0}, a ** 3, rtol=1e-15)
        add("add", {"a": a, "b": b}, {}, a + b)
        add("sub", {"a": a, "b": b}, {}, a - b)
        add("multiply", {"a": a, "b": b}, {}, a * b)
        cases.append({"id": f"sum_all-{len(cases)}", "op": "sum_all", "params": {}, "inputs": {"a": enc(a)},
                      "expected": {"out": float(a.sum())}, "tolerance": {"rtol": 0.0, "atol": 0.0}})
        for ax in range(-len(shape), len(shape)):
            add("sum_axis", {"a": a}, {"axis": ax}, a.sum(axis=ax))
        if shape[0] > 0:
            for i in sorted({0, shape[0] - 1, -1}):
                add("slice", {"a": a}, {"i": i}, a[i])
        add("slice_range", {"a": a}, {"from": 1, "to": -1}, a[1:-1])
        add("slice_range", {"a": a}, {"from": -2, "to": 100}, a[-2:100])
        add("transpose", {"a": a}, {}, a.T)
        perm = [int(x) for x in rng.permutation(len(shape))]
        add("permute", {"a": a}, {"axes": perm}, np.transpose(a, perm))
        add("reshape", {"a": a}, {"shape": [-1]}, a.reshape(-1))
        if a.size > 0 and len(shape) >= 2:
            new = [int(np.prod(shape[:-1])), -1]
            add("reshape", {"a": a}, {"shape": new}, a.reshape(new))
        # dense operand broadcast to the sparse shape: the trailing axis, and a size-1 leading axis
        d = rng.integers(-3, 4, size=shape[-1:]).astype(np.float64)
        add("multiply_dense", {"a": a, "d": d}, {}, a * d)
        add("add_dense", {"a": a, "d": d}, {}, a + d)
        d1 = rng.integers(-3, 4, size=(1,) + tuple(shape[1:])).astype(np.float64)
        add("multiply_dense", {"a": a, "d": d1}, {}, a * d1)
        if len(shape) >= 2:  # several axes at once (no random draws: the cases above keep their values)
            add("sum_axes", {"a": a}, {"axes": [0, -1]}, a.sum(axis=(0, len(shape) - 1)))
        if len(shape) >= 3:
            add("sum_axes", {"a": a}, {"axes": [-1, 1, 0]}, a.sum(axis=(0, 1, len(shape) - 1)))

doc = {"generator": "sparse/oracle/make_ndarray_cases.py", "seed": args.seed, "numpy": np.__version__,
       "cases": cases}
with open(args.out, "w") as f:
    json.dump(doc, f, allow_nan=False, separators=(",", ":"))
print(f"{len(cases)} cases -> {os.path.relpath(args.out)}")
