package dev.strix.ndarray.internal;

import dev.strix.ndarray.internal.KernelProvider.Cmp;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API double kernels on 256-bit vectors: comparisons to masks, dot, axpy and the GEMM
 * micro-kernel. This file is the source of its generated float twin ({@code VectorF32}); both
 * are written in terms of the lane count L.
 */
final class VectorF64 {
    private VectorF64() {
    }

    static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;
    static final int L = S.length();

    static void compare(Cmp op, double[] a, int ao, double[] b, int bo, boolean[] c, int co, int n) {
        int i = 0;
        int ub = S.loopBound(n);
        switch (op) {
            case EQ:
                for (; i < ub; i += L) {
                    DoubleVector.fromArray(S, a, ao + i).compare(VectorOperators.EQ, DoubleVector.fromArray(S, b, bo + i))
                            .intoArray(c, co + i);
                }
                break;
            case NE:
                for (; i < ub; i += L) {
                    DoubleVector.fromArray(S, a, ao + i).compare(VectorOperators.NE, DoubleVector.fromArray(S, b, bo + i))
                            .intoArray(c, co + i);
                }
                break;
            case LT:
                for (; i < ub; i += L) {
                    DoubleVector.fromArray(S, a, ao + i).compare(VectorOperators.LT, DoubleVector.fromArray(S, b, bo + i))
                            .intoArray(c, co + i);
                }
                break;
            case LE:
                for (; i < ub; i += L) {
                    DoubleVector.fromArray(S, a, ao + i).compare(VectorOperators.LE, DoubleVector.fromArray(S, b, bo + i))
                            .intoArray(c, co + i);
                }
                break;
            case GT:
                for (; i < ub; i += L) {
                    DoubleVector.fromArray(S, a, ao + i).compare(VectorOperators.GT, DoubleVector.fromArray(S, b, bo + i))
                            .intoArray(c, co + i);
                }
                break;
            case GE:
                for (; i < ub; i += L) {
                    DoubleVector.fromArray(S, a, ao + i).compare(VectorOperators.GE, DoubleVector.fromArray(S, b, bo + i))
                            .intoArray(c, co + i);
                }
                break;
            default:
                throw new AssertionError(op);
        }
        ScalarF64.compare(op, a, ao + i, b, bo + i, c, co + i, n - i);
    }

    static void compareScalar(Cmp op, double[] a, int ao, double s, boolean[] c, int co, int n) {
        int i = 0;
        int ub = S.loopBound(n);
        switch (op) {
            case EQ:
                for (; i < ub; i += L) {
                    DoubleVector.fromArray(S, a, ao + i).compare(VectorOperators.EQ, s).intoArray(c, co + i);
                }
                break;
            case NE:
                for (; i < ub; i += L) {
                    DoubleVector.fromArray(S, a, ao + i).compare(VectorOperators.NE, s).intoArray(c, co + i);
                }
                break;
            case LT:
                for (; i < ub; i += L) {
                    DoubleVector.fromArray(S, a, ao + i).compare(VectorOperators.LT, s).intoArray(c, co + i);
                }
                break;
            case LE:
                for (; i < ub; i += L) {
                    DoubleVector.fromArray(S, a, ao + i).compare(VectorOperators.LE, s).intoArray(c, co + i);
                }
                break;
            case GT:
                for (; i < ub; i += L) {
                    DoubleVector.fromArray(S, a, ao + i).compare(VectorOperators.GT, s).intoArray(c, co + i);
                }
                break;
            case GE:
                for (; i < ub; i += L) {
                    DoubleVector.fromArray(S, a, ao + i).compare(VectorOperators.GE, s).intoArray(c, co + i);
                }
                break;
            default:
                throw new AssertionError(op);
        }
        ScalarF64.compareScalar(op, a, ao + i, s, c, co + i, n - i);
    }

    /** Four vector accumulators with fused multiply-adds. */
    static double dot(double[] a, int ao, double[] b, int bo, int n) {
        DoubleVector s0 = DoubleVector.zero(S);
        DoubleVector s1 = DoubleVector.zero(S);
        DoubleVector s2 = DoubleVector.zero(S);
        DoubleVector s3 = DoubleVector.zero(S);
        int i = 0;
        for (; i + 4 * L <= n; i += 4 * L) {
            s0 = DoubleVector.fromArray(S, a, ao + i).fma(DoubleVector.fromArray(S, b, bo + i), s0);
            s1 = DoubleVector.fromArray(S, a, ao + i + L).fma(DoubleVector.fromArray(S, b, bo + i + L), s1);
            s2 = DoubleVector.fromArray(S, a, ao + i + 2 * L).fma(DoubleVector.fromArray(S, b, bo + i + 2 * L), s2);
            s3 = DoubleVector.fromArray(S, a, ao + i + 3 * L).fma(DoubleVector.fromArray(S, b, bo + i + 3 * L), s3);
        }
        for (; i + L <= n; i += L) {
            s0 = DoubleVector.fromArray(S, a, ao + i).fma(DoubleVector.fromArray(S, b, bo + i), s0);
        }
        double s = s0.add(s1).add(s2.add(s3)).reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            s = Math.fma(a[ao + i], b[bo + i], s);
        }
        return s;
    }

    /**
     * CSR SpMV rows: L entries at a time, x gathered through the column indices, one fused
     * multiply-add per lane; the remainder of each row (and rows shorter than L) scalar.
     */
    static void spmvCsr(int[] ip, int[] ix, double[] v, double[] x, double[] y, int lo, int hi) {
        for (int i = lo; i < hi; i++) {
            int k = ip[i];
            int end = ip[i + 1];
            double s = 0;
            if (end - k >= L) {
                DoubleVector acc = DoubleVector.fromArray(S, v, k).mul(DoubleVector.fromArray(S, x, 0, ix, k));
                for (k += L; k + L <= end; k += L) {
                    acc = DoubleVector.fromArray(S, v, k).fma(DoubleVector.fromArray(S, x, 0, ix, k), acc);
                }
                s = acc.reduceLanes(VectorOperators.ADD);
            }
            for (; k < end; k++) {
                s = Math.fma(v[k], x[ix[k]], s);
            }
            y[i] = s;
        }
    }

    static void axpy(double alpha, double[] x, int xo, double[] y, int yo, int n) {
        DoubleVector va = DoubleVector.broadcast(S, alpha);
        int i = 0;
        int ub = S.loopBound(n);
        for (; i < ub; i += L) {
            DoubleVector.fromArray(S, x, xo + i).fma(va, DoubleVector.fromArray(S, y, yo + i)).intoArray(y, yo + i);
        }
        for (; i < n; i++) {
            y[yo + i] = Math.fma(alpha, x[xo + i], y[yo + i]);
        }
    }

    /**
     * A 4 x 2L register tile (4 x 8 doubles, 4 x 16 floats on AVX2): 8 accumulators,
     * 2 B vectors and one broadcast A value in the 16 vector registers. Chosen by measurement on
     * the project's AVX2 machine (JDK 17, 1 thread, n=1024, machine shared): 4x2L 36.6 GFLOP/s,
     * 5x2L 35.2, 6x2L 34.5 (the BLIS Haswell shape), 3x3L 31.9, 2x4L 32.4, 4x3L ~18; unrolling k
     * by two fell to ~16. Larger tiles lose to register spills in C2, not to FLOP count.
     */
    static final class Micro implements GemmF64.Micro {
        static final int MR = 4;
        static final int NR = 2 * L;

        @Override
        public int mr() {
            return MR;
        }

        @Override
        public int nr() {
            return NR;
        }

        @Override
        public void tile(int kc, double[] ap, int pa, double[] bp, int pb, double[] c, int co, int ldc, int m, int n,
                double[] scratch) {
            DoubleVector c00 = DoubleVector.zero(S);
            DoubleVector c01 = DoubleVector.zero(S);
            DoubleVector c10 = DoubleVector.zero(S);
            DoubleVector c11 = DoubleVector.zero(S);
            DoubleVector c20 = DoubleVector.zero(S);
            DoubleVector c21 = DoubleVector.zero(S);
            DoubleVector c30 = DoubleVector.zero(S);
            DoubleVector c31 = DoubleVector.zero(S);
            // Indices are affine in the loop counter (pa + p * MR, pb + p * NR), and the loop
            // bound is checked against the array lengths once up front, so C2 can hoist the
            // bounds checks of the loads out of the loop (with separately incremented pointers
            // it kept an Objects.checkIndex per fromArray: ~15% of a DGEMM profile).
            if (kc < 0 || pa < 0 || pb < 0 || (long) pa + (long) kc * MR > ap.length
                    || (long) pb + (long) kc * NR > bp.length) {
                throw new IndexOutOfBoundsException("gemm micro-panel out of range");
            }
            for (int p = 0; p < kc; p++) {
                int ib = pb + p * NR;
                int ia = pa + p * MR;
                DoubleVector b0 = DoubleVector.fromArray(S, bp, ib);
                DoubleVector b1 = DoubleVector.fromArray(S, bp, ib + 1 * L);
                DoubleVector a;
                a = DoubleVector.broadcast(S, ap[ia + 0]);
                c00 = a.fma(b0, c00);
                c01 = a.fma(b1, c01);
                a = DoubleVector.broadcast(S, ap[ia + 1]);
                c10 = a.fma(b0, c10);
                c11 = a.fma(b1, c11);
                a = DoubleVector.broadcast(S, ap[ia + 2]);
                c20 = a.fma(b0, c20);
                c21 = a.fma(b1, c21);
                a = DoubleVector.broadcast(S, ap[ia + 3]);
                c30 = a.fma(b0, c30);
                c31 = a.fma(b1, c31);
            }
            if (m == MR && n == NR) {
                DoubleVector.fromArray(S, c, co + 0 * ldc).add(c00).intoArray(c, co + 0 * ldc);
                DoubleVector.fromArray(S, c, co + 0 * ldc + 1 * L).add(c01).intoArray(c, co + 0 * ldc + 1 * L);
                DoubleVector.fromArray(S, c, co + 1 * ldc).add(c10).intoArray(c, co + 1 * ldc);
                DoubleVector.fromArray(S, c, co + 1 * ldc + 1 * L).add(c11).intoArray(c, co + 1 * ldc + 1 * L);
                DoubleVector.fromArray(S, c, co + 2 * ldc).add(c20).intoArray(c, co + 2 * ldc);
                DoubleVector.fromArray(S, c, co + 2 * ldc + 1 * L).add(c21).intoArray(c, co + 2 * ldc + 1 * L);
                DoubleVector.fromArray(S, c, co + 3 * ldc).add(c30).intoArray(c, co + 3 * ldc);
                DoubleVector.fromArray(S, c, co + 3 * ldc + 1 * L).add(c31).intoArray(c, co + 3 * ldc + 1 * L);
                return;
            }
            double[] t = scratch;
            c00.intoArray(t, 0 * NR);
            c01.intoArray(t, 0 * NR + 1 * L);
            c10.intoArray(t, 1 * NR);
            c11.intoArray(t, 1 * NR + 1 * L);
            c20.intoArray(t, 2 * NR);
            c21.intoArray(t, 2 * NR + 1 * L);
            c30.intoArray(t, 3 * NR);
            c31.intoArray(t, 3 * NR + 1 * L);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    c[co + i * ldc + j] += t[i * NR + j];
                }
            }
        }
    }
}
