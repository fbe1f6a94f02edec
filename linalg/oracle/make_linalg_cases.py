#!/usr/bin/python3
"""NumPy/SciPy golden cases for strix-linalg.

Writes ONE file, src/test/resources/oracle/linalg_cases.json: the "linalg" category of the shared
oracle (../shared/oracle/make_cases.py beside the repository, imported for its case format and generator) plus the
cases below for the functions it does not cover (LU, complete and pivoted QR, SVD, eigh, eig,
Schur, Hessenberg, Sylvester, Lyapunov, logm, sqrtm, products, null space, orth, cond, slogdet,
triangular, banded and SPD solves, stacks, Hilbert 10x10, empty inputs).

    /usr/bin/python3 oracle/make_linalg_cases.py [--shared ../shared/oracle] [--seed 1]

Deterministic for a given seed and NumPy/SciPy version (the file records both).
"""
import argparse
import json
import os
import sys

import numpy as np
import scipy
import scipy.linalg as sl

ap = argparse.ArgumentParser()
# The steering repository's oracle sits beside this repository: <repo>/../shared/oracle.
ap.add_argument("--shared", default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                 "..", "..", "..", "shared", "oracle"))
ap.add_argument("--seed", type=int, default=1)
ap.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                              "..", "src", "test", "resources", "oracle", "linalg_cases.json"))
args = ap.parse_args()
sys.path.insert(0, args.shared)
import make_cases as mc  # noqa: E402

tol, EXACT = mc.tol, mc.EXACT


def extra(c, rng):
    cat = "linalg"
    rec = tol(1e-12, 1e-12)
    for (m, n) in [(4, 4), (6, 3), (3, 6), (1, 1), (7, 7)]:
        a = rng.standard_normal((m, n))
        c.add(cat, "lu", {"a": a}, {}, lambda a=a: dict(zip(("p", "l", "u"), sl.lu(a))), tol(1e-12, 1e-12),
              note="scipy.linalg.lu: A = P L U, partial pivoting (same pivots as LAPACK getrf unless ties)")
        c.add(cat, "qr_complete", {"a": a}, {"mode": "complete"},
              lambda a=a: _qrc(a), tol(1e-11, 1e-12), note="complete QR, normalised diag(R) >= 0")
        c.add(cat, "qr_pivoted", {"a": a}, {}, lambda a=a: _qrp(a), tol(1e-11, 1e-12),
              note="scipy qr(pivoting=True, mode='economic'): |diag R|; compare |diag(R)| and reconstruction")
        c.add(cat, "svd", {"a": a}, {"full_matrices": False},
              lambda a=a: {"s": np.linalg.svd(a, compute_uv=False)}, tol(1e-12, 1e-13 * max(m, n) * np.linalg.norm(a, 2)),
              note="thin SVD; U and Vt checked by reconstruction/orthogonality, s against NumPy")
        c.add(cat, "null_space", {"a": a}, {}, lambda a=a: {"proj": _proj(sl.null_space(a)), "dim": np.int64(sl.null_space(a).shape[1])},
              tol(1e-10, 1e-10), note="compared as the orthogonal projector N N^T (the basis is not unique)")
        c.add(cat, "orth", {"a": a}, {}, lambda a=a: {"proj": _proj(sl.orth(a)), "dim": np.int64(sl.orth(a).shape[1])},
              tol(1e-10, 1e-10), note="compared as the projector Q Q^T")
        c.add(cat, "norm", {"a": a}, {"ord": "2"}, lambda a=a: {"out": np.linalg.norm(a, 2)}, tol(1e-12))
        c.add(cat, "norm", {"a": a}, {"ord": "nuc"}, lambda a=a: {"out": np.linalg.norm(a, "nuc")}, tol(1e-12))
        c.add(cat, "norm", {"a": a}, {"ord": "fro"}, lambda a=a: {"out": np.linalg.norm(a, "fro")}, tol(1e-13))
    for n in [1, 2, 3, 5, 8]:
        a = rng.standard_normal((n, n))
        s = a + a.T
        c.add(cat, "eigh", {"a": s}, {}, lambda s=s: {"w": np.linalg.eigvalsh(s)},
              tol(1e-12, 1e-13 * n * max(1, np.linalg.norm(s, 2))), note="values ascending; vectors by residual")
        c.add(cat, "eig", {"a": a}, {}, lambda a=a: {"out": mc._sorted_eig(np.linalg.eigvals(a))},
              tol(1e-9, 1e-10 * max(1, np.linalg.norm(a, 2))), note="compare as multisets; vectors by residual")
        c.add(cat, "schur", {"a": a}, {}, lambda a=a: {"eig": mc._sorted_eig(np.linalg.eigvals(a))},
              tol(1e-9, 1e-10 * max(1, np.linalg.norm(a, 2))), note="Z T Z^T = A checked by reconstruction; eigenvalues of T")
        c.add(cat, "hessenberg", {"a": a}, {}, lambda a=a: {"h": np.abs(sl.hessenberg(a))}, tol(1e-11, 1e-11),
              note="H is unique up to the signs of Q's columns; compare |H|")
        c.add(cat, "cond", {"a": a}, {"ord": "2"}, lambda a=a: {"out": np.linalg.cond(a)}, tol(1e-10))
        c.add(cat, "cond", {"a": a}, {"ord": "1"}, lambda a=a: {"out": np.linalg.cond(a, 1)}, tol(1e-10))
        c.add(cat, "slogdet", {"a": a}, {}, lambda a=a: dict(zip(("sign", "logabsdet"), np.linalg.slogdet(a))), tol(1e-12, 1e-12))
        b = rng.standard_normal((n, n))
        q = rng.standard_normal((n, n))
        c.add(cat, "sylvester", {"a": a, "b": b, "q": q}, {}, lambda a=a, b=b, q=q: {"out": sl.solve_sylvester(a, b, q)},
              tol(1e-8, 1e-9), note="A X + X B = Q")
        st = a - (abs(np.linalg.eigvals(a).real).max() + 1) * np.eye(n)
        c.add(cat, "lyapunov", {"a": st, "q": q}, {}, lambda st=st, q=q: {"out": sl.solve_continuous_lyapunov(st, q)},
              tol(1e-8, 1e-9), note="A X + X A^T = Q, stable A")
        spdm = mc.spd(rng, n)
        c.add(cat, "sqrtm", {"a": spdm}, {}, lambda s=spdm: {"out": np.real(sl.sqrtm(s))}, tol(1e-10, 1e-10), note="SPD input")
        c.add(cat, "logm", {"a": spdm}, {}, lambda s=spdm: {"out": np.real(sl.logm(s))}, tol(1e-9, 1e-10), note="SPD input")
        near = np.eye(n) + 0.3 * rng.standard_normal((n, n)) / np.sqrt(n)
        c.add(cat, "sqrtm", {"a": near}, {}, lambda s=near: {"out": np.real(sl.sqrtm(s))}, tol(1e-9, 1e-10), note="nonsymmetric near I")
        c.add(cat, "logm", {"a": near}, {}, lambda s=near: {"out": np.real(sl.logm(s))}, tol(1e-9, 1e-10), note="nonsymmetric near I")
        big = rng.standard_normal((n, n)) * 3
        c.add(cat, "expm", {"a": big}, {}, lambda e=big: {"out": sl.expm(e)}, tol(1e-9, 1e-9 * max(1, np.abs(sl.expm(big)).max())),
              note="norm > 5.4: exercises scaling and squaring")
        bt = rng.standard_normal((n, 2))
        lt = np.tril(a) + n * np.eye(n)
        c.add(cat, "solve_triangular", {"a": lt, "b": bt}, {"lower": True}, lambda l=lt, b=bt: {"out": sl.solve_triangular(l, b, lower=True)}, tol(1e-12, 1e-12))
        ut = np.triu(a) + n * np.eye(n)
        c.add(cat, "solve_triangular", {"a": ut, "b": bt}, {"lower": False}, lambda u=ut, b=bt: {"out": sl.solve_triangular(u, b)}, tol(1e-12, 1e-12))
        c.add(cat, "solve_spd", {"a": spdm, "b": bt}, {}, lambda s=spdm, b=bt: {"out": sl.solve(s, b, assume_a="pos")}, tol(1e-11, 1e-12))
        for (lo, up) in [(1, 1), (2, 1), (0, 2)]:
            ab = rng.standard_normal((lo + up + 1, n))
            ab[up] += 4  # diagonally dominant enough
            c.add(cat, "solve_banded", {"ab": ab, "b": bt}, {"l": lo, "u": up},
                  lambda ab=ab, lo=lo, up=up, b=bt: {"out": sl.solve_banded((lo, up), ab, b)}, tol(1e-11, 1e-12))
        c.add(cat, "matrix_power", {"a": a}, {"n": 3}, lambda a=a: {"out": np.linalg.matrix_power(a, 3)}, tol(1e-12, 1e-12))
        c.add(cat, "matrix_power", {"a": a + n * np.eye(n)}, {"n": -2},
              lambda a=a + n * np.eye(n): {"out": np.linalg.matrix_power(a, -2)}, tol(1e-11, 1e-12))
        c.add(cat, "matrix_power", {"a": a}, {"n": 0}, lambda a=a: {"out": np.linalg.matrix_power(a, 0)}, EXACT)
    # products
    for sa, sb in [((3,), (3,)), ((2, 3), (4, 3)), ((2, 2), (3, 3)), ((3,), (2,)), ((2, 3), (2,))]:
        x = rng.standard_normal(sa)
        y = rng.standard_normal(sb)
        c.add(cat, "kron", {"a": x, "b": y}, {}, lambda x=x, y=y: {"out": np.kron(x, y)}, tol(1e-14, 1e-15))
        if sa[-1] == sb[-1]:
            c.add(cat, "inner", {"a": x, "b": y}, {}, lambda x=x, y=y: {"out": np.inner(x, y)}, tol(1e-13, 1e-14))
        c.add(cat, "outer", {"a": x, "b": y}, {}, lambda x=x, y=y: {"out": np.outer(x, y)}, tol(1e-14, 1e-15))
    x = rng.standard_normal((2, 3))
    y = rng.standard_normal((3, 2))
    c.add(cat, "vdot", {"a": x, "b": y}, {}, lambda: {"out": np.vdot(x, y)}, tol(1e-13, 1e-14))
    for shapes in [[(10,), (10, 3), (3, 40), (40, 5)], [(20, 2), (2, 30), (30, 3), (3,)], [(5, 6), (6, 7)],
                   [(4,), (4, 9), (9, 2), (2, 4), (4,)]]:
        ms = {f"m{i}": rng.standard_normal(s) for i, s in enumerate(shapes)}
        c.add(cat, "multi_dot", ms, {"k": len(shapes)}, lambda ms=ms: {"out": np.linalg.multi_dot(list(ms.values()))},
              tol(1e-12, 1e-12))
    # stacks
    st = rng.standard_normal((2, 3, 4, 4)) + 4 * np.eye(4)
    bs = rng.standard_normal((2, 3, 4))
    c.add(cat, "inv", {"a": st}, {}, lambda: {"out": np.linalg.inv(st)}, tol(1e-11, 1e-12), note="stack (2,3,4,4)")
    c.add(cat, "det", {"a": st}, {}, lambda: {"out": np.linalg.det(st)}, tol(1e-11, 1e-12), note="stack")
    c.add(cat, "solve", {"a": st, "b": bs}, {}, lambda: {"out": np.linalg.solve(st, bs)}, tol(1e-11, 1e-12),
          note="stack, vector right-hand sides (b.ndim == a.ndim - 1)")
    bm = rng.standard_normal((3, 4, 2))
    c.add(cat, "solve", {"a": st, "b": bm}, {}, lambda: {"out": np.linalg.solve(st, bm)}, tol(1e-11, 1e-12),
          note="stack, batch axes broadcast (2,3) with (3,)")
    c.add(cat, "slogdet", {"a": st}, {}, lambda: dict(zip(("sign", "logabsdet"), np.linalg.slogdet(st))), tol(1e-12, 1e-12))
    sps = np.stack([mc.spd(rng, 3) for _ in range(4)])
    c.add(cat, "cholesky", {"a": sps}, {}, lambda: {"out": np.linalg.cholesky(sps)}, tol(1e-12, 1e-12), note="stack")
    # Hilbert 10x10: cond ~ 1.6e13
    h = sl.hilbert(10)
    c.add(cat, "cond", {"a": h}, {"ord": "2"}, lambda: {"out": np.linalg.cond(h)}, tol(1e-3), note="Hilbert(10)")
    c.add(cat, "solve", {"a": h, "b": h @ np.ones(10)}, {}, lambda: {"out": np.ones(10)}, tol(1e-2, 1e-2),
          note="Hilbert(10) x = H 1: expected is the exact answer 1; cond 1.6e13 leaves about 3 digits")
    c.add(cat, "det", {"a": h}, {}, lambda: {"out": np.linalg.det(h)}, tol(1e-3),
          note="Hilbert(10), det 2.16e-53; cond 1.6e13 * eps = 3.6e-3 bounds the relative error of any LU")
    c.add(cat, "svdvals", {"a": h}, {}, lambda: {"out": np.linalg.svd(h, compute_uv=False)}, tol(1e-12, 1e-15), note="Hilbert(10)")
    c.add(cat, "matrix_rank", {"a": h}, {}, lambda: {"out": np.int64(np.linalg.matrix_rank(h))}, EXACT, note="Hilbert(10)")
    c.add(cat, "eigh", {"a": h}, {}, lambda: {"w": np.linalg.eigvalsh(h)}, tol(1e-10, 1e-15), note="Hilbert(10)")
    c.add(cat, "cholesky", {"a": h}, {}, lambda: {"out": np.linalg.cholesky(h)}, tol(1e-4, 1e-12),
          note="Hilbert(10): the trailing pivots carry up to cond * eps (3.6e-3) relative error; measured 1e-6")
    # rank-deficient / singular
    rd = rng.standard_normal((6, 2)) @ rng.standard_normal((2, 5))
    c.add(cat, "null_space", {"a": rd}, {}, lambda: {"proj": _proj(sl.null_space(rd)), "dim": np.int64(sl.null_space(rd).shape[1])},
          tol(1e-9, 1e-9), note="rank 2 of 6x5")
    c.add(cat, "orth", {"a": rd}, {}, lambda: {"proj": _proj(sl.orth(rd)), "dim": np.int64(sl.orth(rd).shape[1])}, tol(1e-9, 1e-9))
    b2 = rng.standard_normal((6, 2))
    c.add(cat, "lstsq", {"a": rd, "b": b2}, {"rcond": None},
          lambda: dict(zip(("x", "residuals", "rank", "singular_values"),
                           (lambda r: (r[0], r[1], np.int64(r[2]), r[3]))(np.linalg.lstsq(rd, b2, rcond=None)))),
          tol(1e-9, 1e-10), note="matrix right-hand side, rank-deficient")
    full = rng.standard_normal((7, 3))
    b3 = rng.standard_normal((7, 2))
    c.add(cat, "lstsq", {"a": full, "b": b3}, {"rcond": None},
          lambda: dict(zip(("x", "residuals", "rank", "singular_values"),
                           (lambda r: (r[0], r[1], np.int64(r[2]), r[3]))(np.linalg.lstsq(full, b3, rcond=None)))),
          tol(1e-10, 1e-11), note="full rank, matrix right-hand side: residuals per column")
    s22 = np.array([[1.0, 2.0], [2.0, 4.0]])
    c.add(cat, "slogdet", {"a": s22}, {}, lambda: dict(zip(("sign", "logabsdet"), np.linalg.slogdet(s22))), EXACT,
          note="singular: sign 0, logabsdet -inf")
    # empty
    e0 = np.zeros((0, 0))
    c.add(cat, "inv", {"a": e0}, {}, lambda: {"out": np.linalg.inv(e0)}, EXACT, note="0x0")
    c.add(cat, "slogdet", {"a": e0}, {}, lambda: dict(zip(("sign", "logabsdet"), np.linalg.slogdet(e0))), EXACT, note="0x0")
    c.add(cat, "svdvals", {"a": np.zeros((0, 3))}, {}, lambda: {"out": np.linalg.svd(np.zeros((0, 3)), compute_uv=False)}, EXACT)
    c.add(cat, "pinv", {"a": np.zeros((0, 3))}, {}, lambda: {"out": np.linalg.pinv(np.zeros((0, 3)))}, EXACT)
    c.add(cat, "eigvalsh", {"a": e0}, {}, lambda: {"out": np.linalg.eigvalsh(e0)}, EXACT)
    c.add(cat, "expm", {"a": e0}, {}, lambda: {"out": sl.expm(e0)}, EXACT)
    c.add(cat, "solve", {"a": e0, "b": np.zeros(0)}, {}, lambda: {"out": np.linalg.solve(e0, np.zeros(0))}, EXACT)
    c.add(cat, "matrix_rank", {"a": np.zeros((3, 0))}, {}, lambda: {"out": np.int64(np.linalg.matrix_rank(np.zeros((3, 0))))}, EXACT)
    # shape errors
    c.add(cat, "solve", {"a": np.eye(3), "b": np.ones(4)}, {}, lambda: {"out": np.linalg.solve(np.eye(3), np.ones(4))}, EXACT,
          note="shape mismatch: ValueError")
    c.add(cat, "cholesky", {"a": np.ones((2, 3))}, {}, lambda: {"out": np.linalg.cholesky(np.ones((2, 3)))}, EXACT, note="not square")
    c.add(cat, "det", {"a": np.ones((2, 3))}, {}, lambda: {"out": np.linalg.det(np.ones((2, 3)))}, EXACT, note="not square")
    c.add(cat, "cholesky", {"a": np.array([[4.0, 2, 0], [2, 1, 0], [0, 0, 1]])}, {},
          lambda: {"out": np.linalg.cholesky(np.array([[4.0, 2, 0], [2, 1, 0], [0, 0, 1]]))}, EXACT,
          note="positive semidefinite: fails at pivot 1")


def _qrc(a):
    q, r = np.linalg.qr(a, mode="complete")
    k = min(a.shape)
    s = np.ones(q.shape[1])
    d = np.sign(np.diag(r)[:k])
    d[d == 0] = 1
    s[:k] = d
    return {"q": q * s, "r": (r.T * s).T}


def _qrp(a):
    q, r, p = sl.qr(a, pivoting=True, mode="economic")
    return {"absdiag": np.abs(np.diag(r))}


def _proj(q):
    return q @ q.T


def main():
    rng = np.random.default_rng(args.seed)
    c = mc.Cases()
    mc.gen_linalg(c, rng, 3)
    extra(c, rng)
    out = {"numpy": np.__version__, "scipy": scipy.__version__, "seed": args.seed,
           "generator": "linalg/oracle/make_linalg_cases.py (with ../shared/oracle/make_cases.py gen_linalg)",
           "cases": c.items}
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w") as f:
        json.dump(out, f, allow_nan=False, separators=(",", ":"))
    print(len(c.items), "cases,", sum(1 for x in c.items if x["error"]), "errors ->", os.path.abspath(args.out))


main()
