package dev.strix.ndarray.internal;

import dev.strix.ndarray.internal.KernelProvider.Op2;

/**
 * Integer kernels over contiguous runs, one tight loop per operation (C2 vectorises them). The
 * int twin {@code ScalarI32} is generated from this file; its results wrap exactly as the
 * wider computation narrowed would. Division is not an integer operation here (it gives floats).
 */
final class ScalarI64 {
    private ScalarI64() {
    }

    /** True for the operations that have an integer kernel. */
    static boolean supports(Op2 op) {
        return op != Op2.DIV;
    }

    static void binary(Op2 op, long[] a, int ao, long[] b, int bo, long[] c, int co, int n) {
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

    static void binaryScalar(Op2 op, long[] a, int ao, long s, boolean scalarFirst, long[] c, int co, int n) {
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
