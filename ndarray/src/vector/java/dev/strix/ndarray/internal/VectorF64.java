package dev.strix.ndarray.internal;

import dev.strix.ndarray.internal.KernelProvider.Cmp;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API double kernels at the width {@link VectorWidth} chose (the CPU's widest: 512 bits
 * with AVX-512, 256 with AVX2): comparisons to masks, extrema and their indices, dot, axpy and
 * the GEMM micro-kernels. This file is the source of its generated float twin
 * ({@code VectorF32}); both are written in terms of the lane count L, never a fixed width.
 */
final class VectorF64 {
    private VectorF64() {
    }

    static final VectorSpecies<Double> S = VectorSpecies.of(double.class, VectorShape.forBitSize(VectorWidth.BITS));
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

    /**
     * The maximum ({@code max}) or minimum of x[off, off + n), four vector accumulators (the
     * lane-wise max with Java's NaN and signed-zero rules is a few instructions long, so four
     * chains hide its latency). When the result is NaN or zero (where the sign of a tie between
     * 0.0 and -0.0 depends on the order) the scalar scan decides, so the result is the scalar
     * provider's, bit for bit.
     */
    static double extremum(double[] x, int off, int n, boolean max) {
        if (n < 8 * L) {
            return ScalarF64.extremum(x, off, n, max);
        }
        DoubleVector a0 = DoubleVector.fromArray(S, x, off);
        DoubleVector a1 = DoubleVector.fromArray(S, x, off + L);
        DoubleVector a2 = DoubleVector.fromArray(S, x, off + 2 * L);
        DoubleVector a3 = DoubleVector.fromArray(S, x, off + 3 * L);
        int i = 4 * L;
        if (max) {
            for (; i + 4 * L <= n; i += 4 * L) {
                a0 = a0.max(DoubleVector.fromArray(S, x, off + i));
                a1 = a1.max(DoubleVector.fromArray(S, x, off + i + L));
                a2 = a2.max(DoubleVector.fromArray(S, x, off + i + 2 * L));
                a3 = a3.max(DoubleVector.fromArray(S, x, off + i + 3 * L));
            }
        } else {
            for (; i + 4 * L <= n; i += 4 * L) {
                a0 = a0.min(DoubleVector.fromArray(S, x, off + i));
                a1 = a1.min(DoubleVector.fromArray(S, x, off + i + L));
                a2 = a2.min(DoubleVector.fromArray(S, x, off + i + 2 * L));
                a3 = a3.min(DoubleVector.fromArray(S, x, off + i + 3 * L));
            }
        }
        double r = max ? a0.max(a1).max(a2.max(a3)).reduceLanes(VectorOperators.MAX)
                : a0.min(a1).min(a2.min(a3)).reduceLanes(VectorOperators.MIN);
        for (; i < n; i++) {
            r = max ? Math.max(r, x[off + i]) : Math.min(r, x[off + i]);
        }
        if (r != r || r == 0) {
            return ScalarF64.extremum(x, off, n, max);
        }
        return r;
    }

    /** The blocks argExtremum finds the extreme of before it looks for its first position. */
    private static final int ARG_BLOCK = 2048;

    /**
     * The index of the first maximum ({@code max}) or minimum of x[off, off + n), or of the first
     * NaN if there is one (NumPy's argmax/argmin); n > 0. The vector extremum of each block of
     * {@value #ARG_BLOCK} elements, keeping the first block with the strictly best value (or the
     * first holding a NaN), then one scan of that block, a vector compare at a time, for the
     * first element equal to it. Equal values (0.0 and -0.0 included) thus go to the first, as in the scalar scan; the
     * vector compare-and-blend form measured 2-3x slower than the scalar loop on JDK 17.
     */
    static int argExtremum(double[] x, int off, int n, boolean max) {
        if (n < 8 * L) {
            return ScalarF64.argExtremum(x, off, n, max);
        }
        int bestBlock = 0;
        double bv = 0;
        for (int lo = 0; lo < n; lo += ARG_BLOCK) {
            int len = Math.min(ARG_BLOCK, n - lo);
            double v = extremum(x, off + lo, len, max);
            if (v != v) {
                return lo + ScalarF64.argExtremum(x, off + lo, len, max);
            }
            if (lo == 0 || (max ? v > bv : v < bv)) {
                bestBlock = lo;
                bv = v;
            }
        }
        // the first element equal to the block's extreme, a vector compare at a time (the scalar
        // scan of up to 2048 elements was a third of a 10K argmax)
        int end = Math.min(n, bestBlock + ARG_BLOCK);
        int i = bestBlock;
        for (; i + L <= end; i += L) {
            VectorMask<Double> hit = DoubleVector.fromArray(S, x, off + i).compare(VectorOperators.EQ, bv);
            if (hit.anyTrue()) {
                return i + hit.firstTrue();
            }
        }
        for (; i < end; i++) {
            if (x[off + i] == bv) {
                return i;
            }
        }
        throw new AssertionError("extreme value not found in its block");
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

    /**
     * {@code c = min(a, b)} or max, Math's semantics (NaN wins, -0.0 below 0.0) lane by lane. C2
     * does not vectorise a Math.min loop of doubles on JDK 17 (0.4 ns an element at 10K). Two
     * loops, not one with the operator in a variable: the intrinsic needs a constant operator.
     */
    static void minMax(boolean max, double[] a, int ao, double[] b, int bo, double[] c, int co, int n) {
        int i = 0;
        int ub = S.loopBound(n);
        if (max) {
            for (; i < ub; i += L) {
                DoubleVector.fromArray(S, a, ao + i).max(DoubleVector.fromArray(S, b, bo + i)).intoArray(c, co + i);
            }
        } else {
            for (; i < ub; i += L) {
                DoubleVector.fromArray(S, a, ao + i).min(DoubleVector.fromArray(S, b, bo + i)).intoArray(c, co + i);
            }
        }
        for (; i < n; i++) {
            c[co + i] = max ? Math.max(a[ao + i], b[bo + i]) : Math.min(a[ao + i], b[bo + i]);
        }
    }

    /** {@link #minMax} with one operand a scalar (min and max commute, so its side does not matter). */
    static void minMaxScalar(boolean max, double[] a, int ao, double s, double[] c, int co, int n) {
        int i = 0;
        int ub = S.loopBound(n);
        DoubleVector vs = DoubleVector.broadcast(S, s);
        if (max) {
            for (; i < ub; i += L) {
                DoubleVector.fromArray(S, a, ao + i).max(vs).intoArray(c, co + i);
            }
        } else {
            for (; i < ub; i += L) {
                DoubleVector.fromArray(S, a, ao + i).min(vs).intoArray(c, co + i);
            }
        }
        for (; i < n; i++) {
            c[co + i] = max ? Math.max(a[ao + i], s) : Math.min(a[ao + i], s);
        }
    }

    /** {@link KernelProvider#select}: the condition loaded as a mask, one blend a vector. */
    static void select(boolean[] cond, int condOff, double[] a, int ao, int as, double[] b, int bo, int bs, double[] c,
            int co, int n) {
        if (n <= 0) {
            return; // a one-value operand is read only when there is an element to give it
        }
        int i = 0;
        int ub = S.loopBound(n);
        DoubleVector aOne = DoubleVector.broadcast(S, as == 0 ? a[ao] : 0);
        DoubleVector bOne = DoubleVector.broadcast(S, bs == 0 ? b[bo] : 0);
        for (; i < ub; i += L) {
            DoubleVector x = as == 0 ? aOne : DoubleVector.fromArray(S, a, ao + i);
            DoubleVector y = bs == 0 ? bOne : DoubleVector.fromArray(S, b, bo + i);
            y.blend(x, VectorMask.fromArray(S, cond, condOff + i)).intoArray(c, co + i);
        }
        for (; i < n; i++) {
            c[co + i] = cond[condOff + i] ? a[ao + i * as] : b[bo + i * bs];
        }
    }

    /**
     * {@code c = sqrt(a)}: IEEE square root in every lane, so the same bits as Math.sqrt. C2 does
     * not vectorise a Math.sqrt loop on JDK 17 (2.0 ns an element at 10K, against 0.3 here).
     */
    static void sqrt(double[] a, int ao, double[] c, int co, int n) {
        int i = 0;
        int ub = S.loopBound(n);
        for (; i < ub; i += L) {
            DoubleVector.fromArray(S, a, ao + i).lanewise(VectorOperators.SQRT).intoArray(c, co + i);
        }
        for (; i < n; i++) {
            c[co + i] = (double) Math.sqrt(a[ao + i]);
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
     * The tile for vectors narrower than 512 bits: 4 x 2L (4 x 8 doubles, 4 x 16 floats on AVX2),
     * 8 accumulators, 2 B vectors and one broadcast A value in AVX2's 16 vector registers. Chosen
     * by measurement on an AVX2 machine (JDK 17, 1 thread, n=1024, machine shared): 4x2L 36.6 GFLOP/s,
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

    /**
     * The tile for 512-bit vectors and wider: 4 x 3L (4 x 24 doubles, 4 x 48 floats with AVX-512),
     * 12 accumulators, 3 B vectors and one broadcast A value, well inside AVX-512's 32 registers;
     * with 8 FMAs in flight per B row it hides the 4-cycle FMA latency on two 512-bit pipes.
     * Measured on the project's Zen 5 machine (JDK 17 and 25, one thread, packed n = 1008-2040,
     * best of 3-6 s per shape, machine shared so +-10% between runs), GFLOP/s float64: 4x2L 78-79,
     * 6x2L 52-83, 8x2L 78, 12x2L 73, 14x2L 72, 4x3L 81-85, 8x3L 74-87, 6x3L 63-89, 6x4L 82. 4x3L
     * was among the best on both JDKs and wastes the least on edge tiles (MR = 4); the 256-bit
     * 4x2L tile reached 21-40 on the same machine.
     */
    static final class WideMicro implements GemmF64.Micro {
        static final int MR = 4;
        static final int NR = 3 * L;

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
            DoubleVector c02 = DoubleVector.zero(S);
            DoubleVector c10 = DoubleVector.zero(S);
            DoubleVector c11 = DoubleVector.zero(S);
            DoubleVector c12 = DoubleVector.zero(S);
            DoubleVector c20 = DoubleVector.zero(S);
            DoubleVector c21 = DoubleVector.zero(S);
            DoubleVector c22 = DoubleVector.zero(S);
            DoubleVector c30 = DoubleVector.zero(S);
            DoubleVector c31 = DoubleVector.zero(S);
            DoubleVector c32 = DoubleVector.zero(S);
            // Affine indices and one up-front range check, as in Micro: C2 hoists the bounds checks.
            if (kc < 0 || pa < 0 || pb < 0 || (long) pa + (long) kc * MR > ap.length
                    || (long) pb + (long) kc * NR > bp.length) {
                throw new IndexOutOfBoundsException("gemm micro-panel out of range");
            }
            for (int p = 0; p < kc; p++) {
                int ib = pb + p * NR;
                int ia = pa + p * MR;
                DoubleVector b0 = DoubleVector.fromArray(S, bp, ib);
                DoubleVector b1 = DoubleVector.fromArray(S, bp, ib + L);
                DoubleVector b2 = DoubleVector.fromArray(S, bp, ib + 2 * L);
                DoubleVector a;
                a = DoubleVector.broadcast(S, ap[ia + 0]);
                c00 = a.fma(b0, c00);
                c01 = a.fma(b1, c01);
                c02 = a.fma(b2, c02);
                a = DoubleVector.broadcast(S, ap[ia + 1]);
                c10 = a.fma(b0, c10);
                c11 = a.fma(b1, c11);
                c12 = a.fma(b2, c12);
                a = DoubleVector.broadcast(S, ap[ia + 2]);
                c20 = a.fma(b0, c20);
                c21 = a.fma(b1, c21);
                c22 = a.fma(b2, c22);
                a = DoubleVector.broadcast(S, ap[ia + 3]);
                c30 = a.fma(b0, c30);
                c31 = a.fma(b1, c31);
                c32 = a.fma(b2, c32);
            }
            if (m == MR && n == NR) {
                addRow(c, co, c00, c01, c02);
                addRow(c, co + ldc, c10, c11, c12);
                addRow(c, co + 2 * ldc, c20, c21, c22);
                addRow(c, co + 3 * ldc, c30, c31, c32);
                return;
            }
            double[] t = scratch;
            c00.intoArray(t, 0);
            c01.intoArray(t, L);
            c02.intoArray(t, 2 * L);
            c10.intoArray(t, NR);
            c11.intoArray(t, NR + L);
            c12.intoArray(t, NR + 2 * L);
            c20.intoArray(t, 2 * NR);
            c21.intoArray(t, 2 * NR + L);
            c22.intoArray(t, 2 * NR + 2 * L);
            c30.intoArray(t, 3 * NR);
            c31.intoArray(t, 3 * NR + L);
            c32.intoArray(t, 3 * NR + 2 * L);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    c[co + i * ldc + j] += t[i * NR + j];
                }
            }
        }

        private static void addRow(double[] c, int o, DoubleVector v0, DoubleVector v1, DoubleVector v2) {
            DoubleVector.fromArray(S, c, o).add(v0).intoArray(c, o);
            DoubleVector.fromArray(S, c, o + L).add(v1).intoArray(c, o + L);
            DoubleVector.fromArray(S, c, o + 2 * L).add(v2).intoArray(c, o + 2 * L);
        }
    }
}
