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

}
