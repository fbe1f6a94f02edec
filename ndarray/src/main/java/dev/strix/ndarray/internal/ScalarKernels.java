package dev.strix.ndarray.internal;

/**
 * The portable provider: tight scalar loops (which C2 auto-vectorises where it can). The vector
 * provider extends it and replaces what explicit lanes make faster.
 */
class ScalarKernels implements KernelProvider {
    private static final GemmF64.Micro MICRO_F64 = new ScalarF64.Micro();
    private static final GemmF32.Micro MICRO_F32 = new ScalarF32.Micro();

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public int vectorBitSize() {
        return 64;
    }

    @Override
    public void binary(Op2 op, double[] a, int ao, double[] b, int bo, double[] c, int co, int n) {
        BinaryF64.binary(op, a, ao, b, bo, c, co, n);
    }

    @Override
    public void binary(Op2 op, float[] a, int ao, float[] b, int bo, float[] c, int co, int n) {
        BinaryF32.binary(op, a, ao, b, bo, c, co, n);
    }

    @Override
    public void binaryScalar(Op2 op, double[] a, int ao, double s, boolean scalarFirst, double[] c, int co, int n) {
        BinaryF64.binaryScalar(op, a, ao, s, scalarFirst, c, co, n);
    }

    @Override
    public void binaryScalar(Op2 op, float[] a, int ao, float s, boolean scalarFirst, float[] c, int co, int n) {
        BinaryF32.binaryScalar(op, a, ao, s, scalarFirst, c, co, n);
    }

    /** The elementary functions by Math: about 5-7 ns an element, against an add's 0.2-0.8. */
    @Override
    public long unaryCost(Op1 op, Class<?> type) {
        return op.ownPolynomial() ? 8 : 1;
    }

    @Override
    public void unary(Op1 op, double[] a, int ao, double[] c, int co, int n) {
        ScalarF64.unary(op, a, ao, c, co, n);
    }

    @Override
    public void unary(Op1 op, float[] a, int ao, float[] c, int co, int n) {
        ScalarF32.unary(op, a, ao, c, co, n);
    }

    @Override
    public void compare(Cmp op, double[] a, int ao, double[] b, int bo, boolean[] c, int co, int n) {
        ScalarF64.compare(op, a, ao, b, bo, c, co, n);
    }

    @Override
    public void compare(Cmp op, float[] a, int ao, float[] b, int bo, boolean[] c, int co, int n) {
        ScalarF32.compare(op, a, ao, b, bo, c, co, n);
    }

    @Override
    public void compareScalar(Cmp op, double[] a, int ao, double s, boolean[] c, int co, int n) {
        ScalarF64.compareScalar(op, a, ao, s, c, co, n);
    }

    @Override
    public void compareScalar(Cmp op, float[] a, int ao, float s, boolean[] c, int co, int n) {
        ScalarF32.compareScalar(op, a, ao, s, c, co, n);
    }

    @Override
    public double sumBlock(double[] x, int off, int n) {
        return sumBlockScalar(x, off, n);
    }

    /**
     * The reference block sum: below 16 values a plain loop from 0; otherwise accumulators
     * r0..r15 over the indices mod 16, combined as u_j = (r_j + r_(j+8)) + (r_(j+4) + r_(j+12))
     * for j = 0..3, then (u0 + u2) + (u1 + u3), then the tail added in order. The tree is the one
     * that is lane-wise for both 4-lane (256-bit) and 8-lane (512-bit) vectors of doubles.
     */
    static double sumBlockScalar(double[] x, int off, int n) {
        if (n < 16) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += x[off + i];
            }
            return s;
        }
        double r0 = x[off + 0];
        double r1 = x[off + 1];
        double r2 = x[off + 2];
        double r3 = x[off + 3];
        double r4 = x[off + 4];
        double r5 = x[off + 5];
        double r6 = x[off + 6];
        double r7 = x[off + 7];
        double r8 = x[off + 8];
        double r9 = x[off + 9];
        double r10 = x[off + 10];
        double r11 = x[off + 11];
        double r12 = x[off + 12];
        double r13 = x[off + 13];
        double r14 = x[off + 14];
        double r15 = x[off + 15];
        int i = 16;
        for (; i + 16 <= n; i += 16) {
            int b = off + i;
            r0 += x[b + 0];
            r1 += x[b + 1];
            r2 += x[b + 2];
            r3 += x[b + 3];
            r4 += x[b + 4];
            r5 += x[b + 5];
            r6 += x[b + 6];
            r7 += x[b + 7];
            r8 += x[b + 8];
            r9 += x[b + 9];
            r10 += x[b + 10];
            r11 += x[b + 11];
            r12 += x[b + 12];
            r13 += x[b + 13];
            r14 += x[b + 14];
            r15 += x[b + 15];
        }
        double u0 = (r0 + r8) + (r4 + r12);
        double u1 = (r1 + r9) + (r5 + r13);
        double u2 = (r2 + r10) + (r6 + r14);
        double u3 = (r3 + r11) + (r7 + r15);
        double s = (u0 + u2) + (u1 + u3);
        for (; i < n; i++) {
            s += x[off + i];
        }
        return s;
    }

    @Override
    public void sumColumnsBlock(double[] x, int off, int stride, int rows, int cols, double[] dst, int dOff) {
        for (int j = 0; j < cols; j++) {
            dst[dOff + j] = sumColumnScalar(x, off + j, stride, rows);
        }
    }

    /** {@link #sumBlockScalar} of x[off + r * stride], r in [0, n): the same tree, strided. */
    static double sumColumnScalar(double[] x, int off, int stride, int n) {
        if (n < 16) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += x[off + i * stride];
            }
            return s;
        }
        double[] r = new double[16];
        for (int q = 0; q < 16; q++) {
            r[q] = x[off + q * stride];
        }
        int i = 16;
        for (; i + 16 <= n; i += 16) {
            int b = off + i * stride;
            for (int q = 0; q < 16; q++) {
                r[q] += x[b + q * stride];
            }
        }
        double u0 = (r[0] + r[8]) + (r[4] + r[12]);
        double u1 = (r[1] + r[9]) + (r[5] + r[13]);
        double u2 = (r[2] + r[10]) + (r[6] + r[14]);
        double u3 = (r[3] + r[11]) + (r[7] + r[15]);
        double s = (u0 + u2) + (u1 + u3);
        for (; i < n; i++) {
            s += x[off + i * stride];
        }
        return s;
    }

    @Override
    public double extremum(double[] x, int off, int n, boolean max) {
        return ScalarF64.extremum(x, off, n, max);
    }

    @Override
    public int argExtremum(double[] x, int off, int n, boolean max) {
        return ScalarF64.argExtremum(x, off, n, max);
    }

    @Override
    public int argExtremum(float[] x, int off, int n, boolean max) {
        return ScalarF32.argExtremum(x, off, n, max);
    }

    @Override
    public void pow(double[] a, int ao, int as, double[] b, int bo, int bs, double[] c, int co, int cs, int n) {
        for (int i = 0; i < n; i++) {
            c[co + i * cs] = Elementwise.powDouble(a[ao + i * as], b[bo + i * bs]);
        }
    }

    @Override
    public void pow(float[] a, int ao, int as, float[] b, int bo, int bs, float[] c, int co, int cs, int n) {
        for (int i = 0; i < n; i++) {
            c[co + i * cs] = (float) Elementwise.powDouble(a[ao + i * as], b[bo + i * bs]);
        }
    }

    /**
     * Branch-free, by bit masks: a random condition mispredicts a branch half the time (4.6 ns an
     * element at 1M, against 0.7 this way).
     */
    @Override
    public void select(boolean[] cond, int condOff, double[] a, int ao, int as, double[] b, int bo, int bs, double[] c,
            int co, int n) {
        for (int i = 0; i < n; i++) {
            long m = -(long) (cond[condOff + i] ? 1 : 0);
            long x = Double.doubleToRawLongBits(a[ao + i * as]);
            long y = Double.doubleToRawLongBits(b[bo + i * bs]);
            c[co + i] = Double.longBitsToDouble((x & m) | (y & ~m));
        }
    }

    @Override
    public void select(boolean[] cond, int condOff, float[] a, int ao, int as, float[] b, int bo, int bs, float[] c,
            int co, int n) {
        for (int i = 0; i < n; i++) {
            int m = -(cond[condOff + i] ? 1 : 0);
            int x = Float.floatToRawIntBits(a[ao + i * as]);
            int y = Float.floatToRawIntBits(b[bo + i * bs]);
            c[co + i] = Float.intBitsToFloat((x & m) | (y & ~m));
        }
    }

    @Override
    public double dot(double[] a, int ao, double[] b, int bo, int n) {
        return ScalarF64.dot(a, ao, b, bo, n);
    }

    @Override
    public float dot(float[] a, int ao, float[] b, int bo, int n) {
        return ScalarF32.dot(a, ao, b, bo, n);
    }

    @Override
    public void spmvCsr(int[] ip, int[] ix, double[] v, double[] x, double[] y, int lo, int hi) {
        ScalarF64.spmvCsr(ip, ix, v, x, y, lo, hi);
    }

    @Override
    public void spmvCsr(int[] ip, int[] ix, float[] v, float[] x, float[] y, int lo, int hi) {
        ScalarF32.spmvCsr(ip, ix, v, x, y, lo, hi);
    }

    @Override
    public void axpy(double alpha, double[] x, int xo, double[] y, int yo, int n) {
        ScalarF64.axpy(alpha, x, xo, y, yo, n);
    }

    @Override
    public void axpy(float alpha, float[] x, int xo, float[] y, int yo, int n) {
        ScalarF32.axpy(alpha, x, xo, y, yo, n);
    }

    @Override
    public GemmF64.Micro gemmF64() {
        return MICRO_F64;
    }

    @Override
    public GemmF32.Micro gemmF32() {
        return MICRO_F32;
    }
}
