package dev.strix.ndarray.internal;

import dev.strix.ndarray.internal.KernelProvider.Cmp;
import dev.strix.ndarray.internal.KernelProvider.Op1;

/**
 * Scalar double kernels over contiguous runs (binary arithmetic is in {@link BinaryF64}): a
 * switch on the operation outside the loop and one tight loop per operation, which C2 compiles to
 * SIMD code where it can (sqrt, abs, neg...).
 * This file is the source of its generated float twin ({@code ScalarF32}, see the module's pom).
 */
// The casts are no-ops here and narrow in the generated twins.
@SuppressWarnings("cast")
final class ScalarF64 {
    private ScalarF64() {
    }

    /** exp and log call the Math intrinsics (within 1 ulp), rounded once to the array's type. */
    static void unary(Op1 op, double[] a, int ao, double[] c, int co, int n) {
        switch (op) {
            case NEG:
                for (int i = 0; i < n; i++) {
                    c[co + i] = -a[ao + i];
                }
                break;
            case ABS:
                for (int i = 0; i < n; i++) {
                    c[co + i] = Math.abs(a[ao + i]);
                }
                break;
            case SQUARE:
                for (int i = 0; i < n; i++) {
                    c[co + i] = a[ao + i] * a[ao + i];
                }
                break;
            case SQRT:
                for (int i = 0; i < n; i++) {
                    c[co + i] = (double) Math.sqrt(a[ao + i]);
                }
                break;
            case EXP:
                for (int i = 0; i < n; i++) {
                    c[co + i] = (double) Math.exp(a[ao + i]);
                }
                break;
            case LOG:
                for (int i = 0; i < n; i++) {
                    c[co + i] = (double) Math.log(a[ao + i]);
                }
                break;
            case EXPM1:
                for (int i = 0; i < n; i++) {
                    c[co + i] = (double) Math.expm1(a[ao + i]);
                }
                break;
            case LOG1P:
                for (int i = 0; i < n; i++) {
                    c[co + i] = (double) Math.log1p(a[ao + i]);
                }
                break;
            case TANH:
                for (int i = 0; i < n; i++) {
                    c[co + i] = (double) Math.tanh(a[ao + i]);
                }
                break;
            case SIN:
                for (int i = 0; i < n; i++) {
                    c[co + i] = (double) Math.sin(a[ao + i]);
                }
                break;
            case COS:
                for (int i = 0; i < n; i++) {
                    c[co + i] = (double) Math.cos(a[ao + i]);
                }
                break;
            default:
                throw new AssertionError(op);
        }
    }

    /** {@code c = op(a)} on strided runs: the strided path's tight loops, bit-identical to {@link #unary}. */
    static void unaryStrided(Op1 op, double[] a, int ao, int as, double[] c, int co, int cs, int n) {
        switch (op) {
            case NEG:
                for (int i = 0, ia = ao, ic = co; i < n; i++, ia += as, ic += cs) {
                    c[ic] = -a[ia];
                }
                break;
            case ABS:
                for (int i = 0, ia = ao, ic = co; i < n; i++, ia += as, ic += cs) {
                    c[ic] = Math.abs(a[ia]);
                }
                break;
            case SQUARE:
                for (int i = 0, ia = ao, ic = co; i < n; i++, ia += as, ic += cs) {
                    c[ic] = a[ia] * a[ia];
                }
                break;
            case SQRT:
                for (int i = 0, ia = ao, ic = co; i < n; i++, ia += as, ic += cs) {
                    c[ic] = (double) Math.sqrt(a[ia]);
                }
                break;
            case EXP:
                for (int i = 0, ia = ao, ic = co; i < n; i++, ia += as, ic += cs) {
                    c[ic] = (double) Math.exp(a[ia]);
                }
                break;
            case LOG:
                for (int i = 0, ia = ao, ic = co; i < n; i++, ia += as, ic += cs) {
                    c[ic] = (double) Math.log(a[ia]);
                }
                break;
            case EXPM1:
                for (int i = 0, ia = ao, ic = co; i < n; i++, ia += as, ic += cs) {
                    c[ic] = (double) Math.expm1(a[ia]);
                }
                break;
            case LOG1P:
                for (int i = 0, ia = ao, ic = co; i < n; i++, ia += as, ic += cs) {
                    c[ic] = (double) Math.log1p(a[ia]);
                }
                break;
            case TANH:
                for (int i = 0, ia = ao, ic = co; i < n; i++, ia += as, ic += cs) {
                    c[ic] = (double) Math.tanh(a[ia]);
                }
                break;
            case SIN:
                for (int i = 0, ia = ao, ic = co; i < n; i++, ia += as, ic += cs) {
                    c[ic] = (double) Math.sin(a[ia]);
                }
                break;
            case COS:
                for (int i = 0, ia = ao, ic = co; i < n; i++, ia += as, ic += cs) {
                    c[ic] = (double) Math.cos(a[ia]);
                }
                break;
            default:
                throw new AssertionError(op);
        }
    }

    static void compare(Cmp op, double[] a, int ao, double[] b, int bo, boolean[] c, int co, int n) {
        switch (op) {
            case EQ:
                for (int i = 0; i < n; i++) {
                    c[co + i] = a[ao + i] == b[bo + i];
                }
                break;
            case NE:
                for (int i = 0; i < n; i++) {
                    c[co + i] = a[ao + i] != b[bo + i];
                }
                break;
            case LT:
                for (int i = 0; i < n; i++) {
                    c[co + i] = a[ao + i] < b[bo + i];
                }
                break;
            case LE:
                for (int i = 0; i < n; i++) {
                    c[co + i] = a[ao + i] <= b[bo + i];
                }
                break;
            case GT:
                for (int i = 0; i < n; i++) {
                    c[co + i] = a[ao + i] > b[bo + i];
                }
                break;
            case GE:
                for (int i = 0; i < n; i++) {
                    c[co + i] = a[ao + i] >= b[bo + i];
                }
                break;
            default:
                throw new AssertionError(op);
        }
    }

    static void compareScalar(Cmp op, double[] a, int ao, double s, boolean[] c, int co, int n) {
        switch (op) {
            case EQ:
                for (int i = 0; i < n; i++) {
                    c[co + i] = a[ao + i] == s;
                }
                break;
            case NE:
                for (int i = 0; i < n; i++) {
                    c[co + i] = a[ao + i] != s;
                }
                break;
            case LT:
                for (int i = 0; i < n; i++) {
                    c[co + i] = a[ao + i] < s;
                }
                break;
            case LE:
                for (int i = 0; i < n; i++) {
                    c[co + i] = a[ao + i] <= s;
                }
                break;
            case GT:
                for (int i = 0; i < n; i++) {
                    c[co + i] = a[ao + i] > s;
                }
                break;
            case GE:
                for (int i = 0; i < n; i++) {
                    c[co + i] = a[ao + i] >= s;
                }
                break;
            default:
                throw new AssertionError(op);
        }
    }

    /** NaN if any element is NaN, else the first maximal (minimal) element in order; n > 0. */
    static double extremum(double[] x, int off, int n, boolean max) {
        double r = x[off];
        if (max) {
            for (int i = 0; i < n; i++) {
                double v = x[off + i];
                if (v != v) {
                    return v;
                }
                if (v > r) {
                    r = v;
                }
            }
        } else {
            for (int i = 0; i < n; i++) {
                double v = x[off + i];
                if (v != v) {
                    return v;
                }
                if (v < r) {
                    r = v;
                }
            }
        }
        return r;
    }

    /**
     * The index of the first NaN, or else of the first maximal ({@code max}) or minimal element
     * of x[off, off + n); n > 0 (NumPy's argmax/argmin). One pass, one comparison per element.
     */
    static int argExtremum(double[] x, int off, int n, boolean max) {
        int best = 0;
        double bv = x[off];
        if (bv != bv) {
            return 0;
        }
        for (int i = 1; i < n; i++) {
            double v = x[off + i];
            if (max ? v > bv : v < bv) {
                best = i;
                bv = v;
            } else if (v != v) {
                return i;
            }
        }
        return best;
    }

    /** Four accumulators over the indices mod 4, combined as (s0 + s1) + (s2 + s3). */
    static double dot(double[] a, int ao, double[] b, int bo, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 4 <= n; i += 4) {
            s0 += a[ao + i] * b[bo + i];
            s1 += a[ao + i + 1] * b[bo + i + 1];
            s2 += a[ao + i + 2] * b[bo + i + 2];
            s3 += a[ao + i + 3] * b[bo + i + 3];
        }
        double s = (s0 + s1) + (s2 + s3);
        for (; i < n; i++) {
            s += a[ao + i] * b[bo + i];
        }
        return s;
    }

    /** CSR SpMV rows with two accumulators (even and odd positions of the row), combined at the end. */
    static void spmvCsr(int[] ip, int[] ix, double[] v, double[] x, double[] y, int lo, int hi) {
        for (int i = lo; i < hi; i++) {
            double s0 = 0;
            double s1 = 0;
            int k = ip[i];
            int end = ip[i + 1];
            for (; k + 1 < end; k += 2) {
                s0 += v[k] * x[ix[k]];
                s1 += v[k + 1] * x[ix[k + 1]];
            }
            if (k < end) {
                s0 += v[k] * x[ix[k]];
            }
            y[i] = s0 + s1;
        }
    }

    static void axpy(double alpha, double[] x, int xo, double[] y, int yo, int n) {
        for (int i = 0; i < n; i++) {
            y[yo + i] += alpha * x[xo + i];
        }
    }

    /** A 4x4 register tile over packed panels (A: 4 values per k, B: 4 values per k). */
    static final class Micro implements GemmF64.Micro {
        @Override
        public int mr() {
            return 4;
        }

        @Override
        public int nr() {
            return 4;
        }

        @Override
        public void tile(int kc, double[] ap, int pa, double[] bp, int pb, double[] c, int co, int ldc, int m, int n,
                double[] scratch) {
            double c00 = 0, c01 = 0, c02 = 0, c03 = 0;
            double c10 = 0, c11 = 0, c12 = 0, c13 = 0;
            double c20 = 0, c21 = 0, c22 = 0, c23 = 0;
            double c30 = 0, c31 = 0, c32 = 0, c33 = 0;
            for (int p = 0; p < kc; p++, pa += 4, pb += 4) {
                double b0 = bp[pb];
                double b1 = bp[pb + 1];
                double b2 = bp[pb + 2];
                double b3 = bp[pb + 3];
                double a0 = ap[pa];
                c00 += a0 * b0;
                c01 += a0 * b1;
                c02 += a0 * b2;
                c03 += a0 * b3;
                double a1 = ap[pa + 1];
                c10 += a1 * b0;
                c11 += a1 * b1;
                c12 += a1 * b2;
                c13 += a1 * b3;
                double a2 = ap[pa + 2];
                c20 += a2 * b0;
                c21 += a2 * b1;
                c22 += a2 * b2;
                c23 += a2 * b3;
                double a3 = ap[pa + 3];
                c30 += a3 * b0;
                c31 += a3 * b1;
                c32 += a3 * b2;
                c33 += a3 * b3;
            }
            double[] t = scratch;
            t[0] = c00; t[1] = c01; t[2] = c02; t[3] = c03;
            t[4] = c10; t[5] = c11; t[6] = c12; t[7] = c13;
            t[8] = c20; t[9] = c21; t[10] = c22; t[11] = c23;
            t[12] = c30; t[13] = c31; t[14] = c32; t[15] = c33;
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    c[co + i * ldc + j] += t[i * 4 + j];
                }
            }
        }
    }
}
