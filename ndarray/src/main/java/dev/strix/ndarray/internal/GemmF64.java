package dev.strix.ndarray.internal;

/**
 * Double matrix multiply {@code C += A B} with the GotoBLAS/BLIS structure: B is packed into
 * {@code kc x nc} panels of {@code nr}-column micro-panels, A into {@code mc x kc} blocks of
 * {@code mr}-row micro-panels, and the provider's register-tiled micro-kernel computes each
 * {@code mr x nr} tile of C from a pair of micro-panels. The packing routines read A and B
 * through (row stride, column stride), so transposed views need no copy. Pack buffers are kept
 * per thread and reused. Matrix-vector products and small sizes skip the packing.
 * This file is the source of its generated float twin ({@code GemmF32}).
 */
final class GemmF64 {
    private GemmF64() {
    }

    /** The register-tiled micro-kernel: {@code C[0:m, 0:n] += Apanel Bpanel} for one tile. */
    interface Micro {
        int mr();

        int nr();

        /**
         * Multiplies an {@code mr x kc} packed A micro-panel by a {@code kc x nr} packed B
         * micro-panel and adds the top-left {@code m x n} (at most {@code mr x nr}) of the product
         * to C at {@code co} with row stride {@code ldc}. {@code scratch} holds at least
         * {@code mr * nr} values.
         */
        void tile(int kc, double[] ap, int pa, double[] bp, int pb, double[] c, int co, int ldc, int m, int n,
                double[] scratch);
    }

    /** Depth of a packed panel (kc): a B micro-panel (kc x nr) stays in L1. */
    static final int KC = 256;
    /** Rows of a packed A block (mc, rounded down to a multiple of mr): the block stays in L2. */
    static final int MC = 72;
    /** Columns of a packed B panel (nc): the panel stays in L3. */
    static final int NC = 2048;
    /**
     * Up to this many multiply-adds (m n k) the unpacked loop is used. Measured (1 thread, square
     * float64, JDK 17, AVX2 machine under load): the packed kernel wins from n = 6 with the vector
     * micro-kernel (n=6: 0.80 against 0.61 GFLOP/s; n=8: 2.6 against 0.7; n=32: 19 against 2.3)
     * and from n = 8 with the scalar one; below that the per-call packing costs more.
     */
    static final long SMALL = 256;
    /**
     * Multiply-adds per thread below which the product runs on one thread: about 2 ms of work
     * at 30 GFLOP/s, far above the ~10-40 us a fork-join hand-off was measured to cost for the
     * element-wise threshold (an estimate from that measurement, not a GEMM-specific one).
     */
    static final long PARALLEL_MIN = 64L * 64 * 64 * 8;

    private static final ThreadLocal<double[][]> BUFFERS = ThreadLocal.withInitial(() -> new double[3][]);

    /**
     * {@code C[m x n] += A[m x k] B[k x n]}; A at {@code ao} with strides (ars, acs), B at
     * {@code bo} with (brs, bcs), C row-major at {@code co} with row stride {@code ldc}.
     */
    static void gemm(KernelProvider kp, int m, int n, int k, double[] a, int ao, int ars, int acs,
            double[] b, int bo, int brs, int bcs, double[] c, int co, int ldc) {
        gemm(kp, m, n, k, a, ao, ars, acs, b, bo, brs, bcs, c, co, ldc, false);
    }

    /**
     * {@code C += A B}, or {@code C -= A B} with {@code subtract} (A's values are negated as they
     * are packed or copied: exact, so the two differ only in sign), for the blocked factorisations'
     * trailing updates, which would otherwise form the product and subtract it in two more passes.
     */
    static void gemm(KernelProvider kp, int m, int n, int k, double[] a, int ao, int ars, int acs,
            double[] b, int bo, int brs, int bcs, double[] c, int co, int ldc, boolean subtract) {
        if (m == 0 || n == 0 || k == 0) {
            return;
        }
        double sign = subtract ? -1 : 1;
        if (n == 1) {
            gemv(kp, m, k, a, ao, ars, acs, b, bo, brs, c, co, ldc, sign);
            return;
        }
        if (m == 1) {
            // c row = a row times B = B^T times a: B^T has strides (bcs, brs)
            gemv(kp, n, k, b, bo, bcs, brs, a, ao, acs, c, co, 1, sign);
            return;
        }
        long work = (long) m * n * k;
        if (work <= SMALL) {
            small(m, n, k, a, ao, ars, acs, b, bo, brs, bcs, c, co, ldc, sign);
            return;
        }
        gemmPacked(kp, m, n, k, a, ao, ars, acs, b, bo, brs, bcs, c, co, ldc, sign);
    }

    /** The packed product, split over the columns across the pool when large enough. */
    static void gemmPacked(KernelProvider kp, int m, int n, int k, double[] a, int ao, int ars, int acs,
            double[] b, int bo, int brs, int bcs, double[] c, int co, int ldc, double sign) {
        long work = (long) m * n * k;
        Micro mk = kp.gemmF64();
        int nr = mk.nr();
        int threads = (int) Math.min(Parallel.parallelism(), Math.max(1, work / PARALLEL_MIN));
        int nBlocks = (n + nr - 1) / nr;
        threads = Math.min(threads, nBlocks);
        if (threads <= 1) {
            macro(mk, m, 0, n, k, a, ao, ars, acs, b, bo, brs, bcs, c, co, ldc, sign);
            return;
        }
        // Fixed split of the columns into whole micro-panels: every element of C is computed by
        // the same sequence of operations whatever the thread count.
        int per = nBlocks / threads;
        int extra = nBlocks % threads;
        int[] bounds = new int[threads + 1];
        for (int t = 0; t < threads; t++) {
            bounds[t + 1] = Math.min(n, bounds[t] + (per + (t < extra ? 1 : 0)) * nr);
        }
        Parallel.forEach(threads, t -> macro(mk, m, bounds[t], bounds[t + 1], k, a, ao, ars, acs, b, bo, brs, bcs,
                c, co, ldc, sign));
    }

    /** The packed product for the columns [j0, j1) of C. */
    private static void macro(Micro mk, int m, int j0, int j1, int k, double[] a, int ao, int ars, int acs,
            double[] b, int bo, int brs, int bcs, double[] c, int co, int ldc, double sign) {
        int mr = mk.mr();
        int nr = mk.nr();
        int mc = Math.max(mr, MC / mr * mr);
        int kcMax = Math.min(KC, k);
        int ncMax = Math.min(NC, j1 - j0);
        double[][] bufs = BUFFERS.get();
        double[] apack = buffer(bufs, 0, mc * kcMax);
        double[] bpack = buffer(bufs, 1, ((ncMax + nr - 1) / nr) * nr * kcMax);
        double[] scratch = buffer(bufs, 2, mr * nr);
        for (int jc = j0; jc < j1; jc += NC) {
            int nc = Math.min(NC, j1 - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                packB(b, bo + pc * brs + jc * bcs, brs, bcs, kc, nc, nr, bpack);
                for (int ic = 0; ic < m; ic += mc) {
                    int mcb = Math.min(mc, m - ic);
                    packA(a, ao + ic * ars + pc * acs, ars, acs, mcb, kc, mr, apack, sign);
                    for (int jr = 0; jr < nc; jr += nr) {
                        int nn = Math.min(nr, nc - jr);
                        int pb = jr * kc;
                        for (int ir = 0; ir < mcb; ir += mr) {
                            mk.tile(kc, apack, ir * kc, bpack, pb, c, co + (ic + ir) * ldc + jc + jr, ldc,
                                    Math.min(mr, mcb - ir), nn, scratch);
                        }
                    }
                }
            }
        }
    }

    private static double[] buffer(double[][] bufs, int i, int size) {
        double[] b = bufs[i];
        if (b == null || b.length < size) {
            b = new double[size];
            bufs[i] = b;
        }
        return b;
    }

    /**
     * Packs rows of A, times {@code sign} (1 or -1), into micro-panels of mr rows: panel r, depth p,
     * row i at r*mr*kc + p*mr + i.
     */
    static void packA(double[] a, int base, int ars, int acs, int rows, int kc, int mr, double[] dst, double sign) {
        for (int r0 = 0; r0 < rows; r0 += mr) {
            int panel = r0 * kc;
            int h = Math.min(mr, rows - r0);
            for (int i = 0; i < h; i++) {
                int src = base + (r0 + i) * ars;
                int d = panel + i;
                for (int p = 0; p < kc; p++, d += mr) {
                    dst[d] = sign * a[src + p * acs];
                }
            }
            for (int i = h; i < mr; i++) {
                for (int p = 0, d = panel + i; p < kc; p++, d += mr) {
                    dst[d] = 0;
                }
            }
        }
    }

    /** Packs columns of B into micro-panels of nr columns: panel j, depth p, column q at j*kc + p*nr + q. */
    static void packB(double[] b, int base, int brs, int bcs, int kc, int cols, int nr, double[] dst) {
        for (int j0 = 0; j0 < cols; j0 += nr) {
            int panel = j0 * kc;
            int w = Math.min(nr, cols - j0);
            if (bcs == 1 && w == nr) {
                for (int p = 0; p < kc; p++) {
                    System.arraycopy(b, base + p * brs + j0, dst, panel + p * nr, nr);
                }
                continue;
            }
            for (int p = 0; p < kc; p++) {
                int src = base + p * brs + j0 * bcs;
                int d = panel + p * nr;
                for (int q = 0; q < w; q++) {
                    dst[d + q] = b[src + q * bcs];
                }
                for (int q = w; q < nr; q++) {
                    dst[d + q] = 0;
                }
            }
        }
    }

    /** The unpacked i-p-j loop for small products. */
    static void small(int m, int n, int k, double[] a, int ao, int ars, int acs, double[] b, int bo, int brs, int bcs,
            double[] c, int co, int ldc, double sign) {
        for (int i = 0; i < m; i++) {
            int ci = co + i * ldc;
            for (int p = 0; p < k; p++) {
                double av = sign * a[ao + i * ars + p * acs];
                int bp = bo + p * brs;
                if (bcs == 1) {
                    for (int j = 0; j < n; j++) {
                        c[ci + j] += av * b[bp + j];
                    }
                } else {
                    for (int j = 0; j < n; j++) {
                        c[ci + j] += av * b[bp + j * bcs];
                    }
                }
            }
        }
    }

    /**
     * {@code y[i * ys] += sum_p M[i, p] x[p]} for an {@code rows x k} matrix M with strides
     * (mrs, mcs): dot products of contiguous rows, or, when the columns are contiguous instead,
     * axpy over them; a strided vector or matrix is copied once. With {@code sign} -1 the product
     * is subtracted (x is copied negated).
     */
    static void gemv(KernelProvider kp, int rows, int k, double[] mat, int mo, int mrs, int mcs, double[] x, int xo,
            int xs, double[] y, int yo, int ys, double sign) {
        if (xs != 1 || sign != 1) {
            double[] xc = new double[k];
            for (int p = 0; p < k; p++) {
                xc[p] = sign * x[xo + p * xs];
            }
            x = xc;
            xo = 0;
        }
        if (mcs != 1 && mrs != 1) {
            double[] mc = new double[rows * k];
            for (int i = 0; i < rows; i++) {
                for (int p = 0; p < k; p++) {
                    mc[i * k + p] = mat[mo + i * mrs + p * mcs];
                }
            }
            mat = mc;
            mo = 0;
            mrs = k;
            mcs = 1;
        }
        double[] xf = x;
        int xof = xo;
        double[] mf = mat;
        int mof = mo;
        int mrsf = mrs;
        if (mcs == 1) {
            Parallel.forRange(rows, (long) k, (lo, hi) -> {
                for (int i = lo; i < hi; i++) {
                    y[yo + i * ys] += kp.dot(mf, mof + i * mrsf, xf, xof, k);
                }
            });
            return;
        }
        // rows contiguous along i: y += x[p] * column p
        if (ys == 1) {
            for (int p = 0; p < k; p++) {
                kp.axpy(xf[xof + p], mf, mof + p * mcs, y, yo, rows);
            }
        } else {
            double[] acc = new double[rows];
            for (int p = 0; p < k; p++) {
                kp.axpy(xf[xof + p], mf, mof + p * mcs, acc, 0, rows);
            }
            for (int i = 0; i < rows; i++) {
                y[yo + i * ys] += acc[i];
            }
        }
    }
}
