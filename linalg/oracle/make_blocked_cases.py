#!/usr/bin/python3
"""NumPy golden values for Strix's own blocked QR, symmetric eigensolver and SVD (issue 5).

Writes src/test/resources/oracle/blocked_cases.json. The matrices are defined by integer formulas
(times exact powers of two for the graded one), so Java builds bit-identical inputs and the file
holds only the answers: eigenvalues (np.linalg.eigvalsh), singular values (np.linalg.svd,
compute_uv=False) and |diag R| of the QR (np.linalg.qr; signs are not unique). Sizes are above the
thresholds at which Strix's kernels replace EJML, and at block boundaries.

    /usr/bin/python3 linalg/oracle/make_blocked_cases.py

The formulas must match BlockedOracleTest.matrix(...).
"""
import json
import math
import os

import numpy as np

EPS = np.finfo(float).eps


def matrix(kind, m, n):
    a = np.zeros((m, n))
    for i in range(m):
        for j in range(n):
            if kind == "sym_mod":
                v = ((i + 1) * (j + 1) % 23) - 11
            elif kind == "sym_graded":
                e_i = (i * 800) // (n - 1) - 400
                e_j = (j * 800) // (n - 1) - 400
                v = math.ldexp(((i + 1) * (j + 1) % 23) - 11 + (30 if i == j else 0), e_i + e_j)
            elif kind == "wilkinson":
                v = abs(i - (n - 1) / 2) if i == j else (1.0 if abs(i - j) == 1 else 0.0)
            elif kind == "ones_plus_eye":
                v = 1.0 + (1.0 if i == j else 0.0)
            elif kind == "rect_mod":
                v = ((i + 1) * (2 * j + 3) % 29) - 14
            elif kind == "rect_prime":
                v = ((i + 1) * (2 * j + 3) % 1021) - 510
            elif kind == "hash":
                v = ((i * 1103515245 + j * 12345 + i * j * 2654435761) % 2147483648) % 1000 - 500
            elif kind == "rank_def":
                v = ((i % 7) + 1) * ((j % 5) + 1) - (i % 3) * (j % 4)
            else:
                raise ValueError(kind)
            a[i, j] = v
    return a


def main():
    cases = []

    def add(fn, kind, m, n, out, scale):
        # normwise accuracy: |error| <= 50 max(m, n) eps ||A||_2 (plus a tiny relative part)
        cases.append({"fn": fn, "kind": kind, "m": m, "n": n,
                      "atol": float(50 * max(m, n) * EPS * scale), "rtol": 1e-12,
                      "out": [float(x) for x in out]})

    for kind, n in [("sym_mod", 192), ("sym_mod", 200), ("sym_mod", 257), ("sym_graded", 200),
                    ("wilkinson", 193), ("wilkinson", 300), ("ones_plus_eye", 220)]:
        a = matrix(kind, n, n)
        w = np.linalg.eigvalsh(a)
        add("eigvalsh", kind, n, n, w, np.max(np.abs(w)))
    # rect_mod has rank 29 (a 171-dimensional null space at 300 x 200); rect_prime has full rank
    for kind, m, n in [("rect_prime", 250, 193), ("rect_prime", 193, 250), ("rect_mod", 300, 200),
                       ("rank_def", 260, 200), ("rank_def", 200, 260), ("rect_prime", 520, 513)]:
        a = matrix(kind, m, n)
        s = np.linalg.svd(a, compute_uv=False)
        add("svdvals", kind, m, n, s, s[0])
    # |diag R| is unique only where the leading columns are independent: rect_prime's first columns
    # are linear in i (no wrap-around yet), so the QR cases use a pseudo-random integer hash
    for kind, m, n in [("hash", 300, 200), ("hash", 65, 300), ("hash", 257, 257)]:
        a = matrix(kind, m, n)
        r = np.linalg.qr(a, mode="r")
        add("qr_abs_diag_r", kind, m, n, np.abs(np.diag(r)), np.linalg.norm(a, 2))
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "test", "resources", "oracle",
                       "blocked_cases.json")
    doc = {"generator": "linalg/oracle/make_blocked_cases.py", "numpy": np.__version__, "cases": cases}
    tmp = out + ".tmp"
    with open(tmp, "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")
    os.replace(tmp, out)
    print(f"{len(cases)} cases -> {out}")


main()
