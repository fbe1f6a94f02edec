package dev.strix.ndarray.internal;

import dev.strix.ndarray.internal.KernelProvider.Op2;

/**
 * Binary arithmetic on double runs: a switch on the operation outside the loop and one tight
 * loop per operation, which C2 compiles to SIMD code (add, sub, mul, div, min, max). This file is
 * the source of its generated twins for float, and for the integer types (BinaryI64, BinaryI32:
 * the same loops, wrapping as the narrowed wide result would; DIV is never used for them,
 * integer division gives floats).
 */
final class BinaryF64 {
    private BinaryF64() {
    }

    static void binary(Op2 op, double[] a, int ao, double[] b, int bo, double[] c, int co, int n) {
        switch (op) {
            case ADD:
                for (int i = 0; i < n; i++) {
                    c[co + i] = a[ao + i] + b[bo + i];
                }
                break;
            case SUB:
                for (int i = 0; i < n; i++) {
                    c[co + i] = a[ao + i] - b[bo + i];
                }
                break;
            case MUL:
                for (int i = 0; i < n; i++) {
                    c[co + i] = a[ao + i] * b[bo + i];
                }
                break;
            case DIV:
                for (int i = 0; i < n; i++) {
                    c[co + i] = a[ao + i] / b[bo + i];
                }
                break;
            case MIN:
                for (int i = 0; i < n; i++) {
                    c[co + i] = Math.min(a[ao + i], b[bo + i]);
                }
                break;
            case MAX:
                for (int i = 0; i < n; i++) {
                    c[co + i] = Math.max(a[ao + i], b[bo + i]);
                }
                break;
            default:
                throw new AssertionError(op);
        }
    }

    static void binaryScalar(Op2 op, double[] a, int ao, double s, boolean scalarFirst, double[] c, int co, int n) {
        switch (op) {
            case ADD:
                for (int i = 0; i < n; i++) {
                    c[co + i] = a[ao + i] + s;
                }
                break;
            case SUB:
                if (scalarFirst) {
                    for (int i = 0; i < n; i++) {
                        c[co + i] = s - a[ao + i];
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        c[co + i] = a[ao + i] - s;
                    }
                }
                break;
            case MUL:
                for (int i = 0; i < n; i++) {
                    c[co + i] = a[ao + i] * s;
                }
                break;
            case DIV:
                if (scalarFirst) {
                    for (int i = 0; i < n; i++) {
                        c[co + i] = s / a[ao + i];
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        c[co + i] = a[ao + i] / s;
                    }
                }
                break;
            case MIN:
                for (int i = 0; i < n; i++) {
                    c[co + i] = Math.min(a[ao + i], s);
                }
                break;
            case MAX:
                for (int i = 0; i < n; i++) {
                    c[co + i] = Math.max(a[ao + i], s);
                }
                break;
            default:
                throw new AssertionError(op);
        }
    }

    /**
     * {@code c = a op b} on strided runs (any strides, 0 for a broadcast operand): the strided
     * path's tight loops, one per operation, with no per-element dispatch. A contiguous output
     * with one contiguous operand (a transposed operand added to a plain one) has its own loops,
     * whose unit-stride accesses C2 can range-check once per loop.
     */
    static void binaryStrided(Op2 op, double[] a, int ao, int as, double[] b, int bo, int bs, double[] c, int co, int cs,
            int n) {
        if (cs == 1 && bs == 1) {
            switch (op) {
                case ADD:
                    for (int i = 0, ia = ao; i < n; i++, ia += as) {
                        c[co + i] = a[ia] + b[bo + i];
                    }
                    return;
                case SUB:
                    for (int i = 0, ia = ao; i < n; i++, ia += as) {
                        c[co + i] = a[ia] - b[bo + i];
                    }
                    return;
                case MUL:
                    for (int i = 0, ia = ao; i < n; i++, ia += as) {
                        c[co + i] = a[ia] * b[bo + i];
                    }
                    return;
                case DIV:
                    for (int i = 0, ia = ao; i < n; i++, ia += as) {
                        c[co + i] = a[ia] / b[bo + i];
                    }
                    return;
                case MIN:
                    for (int i = 0, ia = ao; i < n; i++, ia += as) {
                        c[co + i] = Math.min(a[ia], b[bo + i]);
                    }
                    return;
                case MAX:
                    for (int i = 0, ia = ao; i < n; i++, ia += as) {
                        c[co + i] = Math.max(a[ia], b[bo + i]);
                    }
                    return;
                default:
                    throw new AssertionError(op);
            }
        }
        if (cs == 1 && as == 1) {
            switch (op) {
                case ADD:
                    for (int i = 0, ib = bo; i < n; i++, ib += bs) {
                        c[co + i] = a[ao + i] + b[ib];
                    }
                    return;
                case SUB:
                    for (int i = 0, ib = bo; i < n; i++, ib += bs) {
                        c[co + i] = a[ao + i] - b[ib];
                    }
                    return;
                case MUL:
                    for (int i = 0, ib = bo; i < n; i++, ib += bs) {
                        c[co + i] = a[ao + i] * b[ib];
                    }
                    return;
                case DIV:
                    for (int i = 0, ib = bo; i < n; i++, ib += bs) {
                        c[co + i] = a[ao + i] / b[ib];
                    }
                    return;
                case MIN:
                    for (int i = 0, ib = bo; i < n; i++, ib += bs) {
                        c[co + i] = Math.min(a[ao + i], b[ib]);
                    }
                    return;
                case MAX:
                    for (int i = 0, ib = bo; i < n; i++, ib += bs) {
                        c[co + i] = Math.max(a[ao + i], b[ib]);
                    }
                    return;
                default:
                    throw new AssertionError(op);
            }
        }
        switch (op) {
            case ADD:
                for (int i = 0, ia = ao, ib = bo, ic = co; i < n; i++, ia += as, ib += bs, ic += cs) {
                    c[ic] = a[ia] + b[ib];
                }
                break;
            case SUB:
                for (int i = 0, ia = ao, ib = bo, ic = co; i < n; i++, ia += as, ib += bs, ic += cs) {
                    c[ic] = a[ia] - b[ib];
                }
                break;
            case MUL:
                for (int i = 0, ia = ao, ib = bo, ic = co; i < n; i++, ia += as, ib += bs, ic += cs) {
                    c[ic] = a[ia] * b[ib];
                }
                break;
            case DIV:
                for (int i = 0, ia = ao, ib = bo, ic = co; i < n; i++, ia += as, ib += bs, ic += cs) {
                    c[ic] = a[ia] / b[ib];
                }
                break;
            case MIN:
                for (int i = 0, ia = ao, ib = bo, ic = co; i < n; i++, ia += as, ib += bs, ic += cs) {
                    c[ic] = Math.min(a[ia], b[ib]);
                }
                break;
            case MAX:
                for (int i = 0, ia = ao, ib = bo, ic = co; i < n; i++, ia += as, ib += bs, ic += cs) {
                    c[ic] = Math.max(a[ia], b[ib]);
                }
                break;
            default:
                throw new AssertionError(op);
        }
    }
}
