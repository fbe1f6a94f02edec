#!/usr/bin/python3
"""SciPy golden cases for strix-sparse.

Writes ONE file, src/test/resources/oracle/sparse_cases.json: the "sparse" category of the shared
oracle (../shared/oracle/make_cases.py beside the repository: csr_matvec, csr_transpose, csr_add, csr_matmat_dense,
csr_canonicalize) plus the cases below for what it does not cover (sparse x sparse product,
transpose-SpMV, multiply, kron, hstack/vstack, axis sums, max, diagonal, row/column slicing, fancy
row selection, COO with duplicates, spsolve).

    /usr/bin/python3 sparse/oracle/make_sparse_cases.py [--shared ../shared/oracle] [--seed 1]

Deterministic for a given seed and NumPy/SciPy version (the file records both).
"""
import argparse
import json
import os
import sys

import numpy as np
import scipy
import scipy.sparse as sp
import scipy.sparse.linalg as spl

ap = argparse.ArgumentParser()
# The steering repository's oracle sits beside this repository: <repo>/../shared/oracle.
ap.add_argument("--shared", default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                 "..", "..", "..", "shared", "oracle"))
ap.add_argument("--seed", type=int, default=1)
ap.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                              "..", "src", "test", "resources", "oracle", "sparse_cases.json"))
args = ap.parse_args()
sys.path.insert(0, args.shared)
import make_cases as mc  # noqa: E402

tol, EXACT = mc.tol, mc.EXACT
enc_in = mc.enc_csr_inputs


def canon(m):
    m = sp.csr_matrix(m)
    m.sum_duplicates()
    m.sort_indices()
    return m


def out_csr(m):
    m = canon(m)
    return {"indptr": m.indptr.astype(np.int64), "indices": m.indices.astype(np.int64), "data": m.data,
            "dense": m.toarray()}


def rand(rng, r, k, dens):
    return canon(sp.random(r, k, density=dens, format="csr", random_state=rng))


def extra(c, rng):
    cat = "sparse"
    for i in range(6):
        r, k, n = (int(x) for x in rng.integers(1, 10, 3))
        dens = float(rng.choice([0.0, 0.2, 0.5]))
        a = rand(rng, r, k, dens)
        b = rand(rng, k, n, 0.4)
        a2 = rand(rng, r, k, 0.4)
        p = {"shape": [r, k], "density": dens}
        ins = enc_in("a", a)
        c.add(cat, "csr_matmat_sparse", dict(ins, **enc_in("b", b)), p, lambda a=a, b=b: out_csr(a @ b), tol(1e-13, 1e-14),
              note="Gustavson; compare dense (SciPy keeps cancelled zeros)")
        y = rng.standard_normal(r)
        c.add(cat, "csr_rmatvec", dict(ins, x=y), p, lambda a=a, y=y: {"out": a.T @ y}, tol(1e-13, 1e-14),
              note="A^T x without forming A^T")
        c.add(cat, "csr_multiply", dict(ins, **enc_in("b", a2)), p, lambda a=a, a2=a2: out_csr(a.multiply(a2)),
              tol(1e-15, 0), note="Hadamard product")
        c.add(cat, "csr_sub", dict(ins, **enc_in("b", a2)), p, lambda a=a, a2=a2: out_csr(a - a2), tol(1e-15, 0))
        c.add(cat, "kron", dict(ins, **enc_in("b", b)), p, lambda a=a, b=b: out_csr(sp.kron(a, b, format="csr")),
              tol(1e-15, 0))
        c.add(cat, "vstack", dict(ins, **enc_in("b", a2)), p, lambda a=a, a2=a2: out_csr(sp.vstack([a, a2], format="csr")), EXACT)
        bb = rand(rng, r, n, 0.3)
        c.add(cat, "hstack", dict(ins, **enc_in("b", bb)), p, lambda a=a, bb=bb: out_csr(sp.hstack([a, bb], format="csr")), EXACT)
        for ax in (0, 1):
            c.add(cat, "sum_axis", ins, dict(p, axis=ax), lambda a=a, ax=ax: {"out": np.asarray(a.sum(axis=ax)).ravel()},
                  tol(1e-14, 1e-15), note="SciPy returns (1, n) np.matrix; Strix a 1-D array")
            c.add(cat, "max_axis", ins, dict(p, axis=ax), lambda a=a, ax=ax: {"out": a.max(axis=ax).toarray().ravel()}, EXACT,
                  note="implicit zeros take part")
        for kd in (0, 1, -1):
            c.add(cat, "diagonal", ins, dict(p, k=kd), lambda a=a, kd=kd: {"out": a.diagonal(kd)}, EXACT)
        r0, r1 = sorted(int(x) for x in rng.integers(0, r + 1, 2))
        c0, c1 = sorted(int(x) for x in rng.integers(0, k + 1, 2))
        c.add(cat, "slice", ins, dict(p, r0=r0, r1=r1, c0=c0, c1=c1), lambda a=a, r0=r0, r1=r1, c0=c0, c1=c1: out_csr(a[r0:r1, c0:c1]),
              EXACT)
        idx = rng.integers(-r, r, 5)
        c.add(cat, "select_rows", dict(ins, idx=idx), p, lambda a=a, idx=idx: out_csr(a[idx]), EXACT,
              note="fancy row selection, repeats and negative indices")
    # COO with duplicates, unsorted
    rows = rng.integers(0, 5, 30)
    cols = rng.integers(0, 4, 30)
    vals = rng.standard_normal(30)
    c.add(cat, "coo_tocsr", {"row": rows, "col": cols, "data": vals}, {"shape": [5, 4]},
          lambda: out_csr(sp.coo_matrix((vals, (rows, cols)), shape=(5, 4)).tocsr()), tol(1e-15, 1e-15),
          note="duplicates summed (summation order may differ in the last bit)")
    # direct solve on a random diagonally dominant nonsymmetric matrix
    for n in (5, 12):
        a = rand(rng, n, n, 0.3) + sp.identity(n, format="csr") * n
        a = canon(a)
        bvec = rng.standard_normal(n)
        c.add(cat, "spsolve", dict(enc_in("a", a), b=bvec), {"shape": [n, n]},
              lambda a=a, bvec=bvec: {"out": spl.spsolve(a.tocsc(), bvec)}, tol(1e-10, 1e-12), note="scipy spsolve (SuperLU)")


def main():
    rng = np.random.default_rng(args.seed)
    c = mc.Cases()
    mc.gen_sparse(c, rng, 3)
    # The shared generator's csr_canonicalize case records its inputs AFTER SciPy's sum_duplicates()
    # has changed the data array in place (csr_matrix shares the array), so the recorded a_data
    # ([2, 4, 9, 4, 5]) is not the input the expected output came from. Restore the input that
    # make_cases.py actually passes ([1, 2, 3, 4, 5], see gen_sparse) and say so in the case.
    for case in c.items:
        if case["op"] == "csr_canonicalize":
            case["inputs"]["a_data"] = mc.enc(np.array([1.0, 2.0, 3.0, 4.0, 5.0]))
            case["note"] += " [a_data restored: make_cases.py records it after SciPy mutated it in place]"
    extra(c, rng)
    out = {"numpy": np.__version__, "scipy": scipy.__version__, "seed": args.seed,
           "generator": "sparse/oracle/make_sparse_cases.py (with ../shared/oracle/make_cases.py gen_sparse)",
           "cases": c.items}
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out + ".tmp", "w") as f:
        json.dump(out, f, allow_nan=False, separators=(",", ":"))
    os.replace(args.out + ".tmp", args.out)
    print(len(c.items), "cases,", sum(1 for x in c.items if x["error"]), "errors ->", os.path.abspath(args.out))


main()
