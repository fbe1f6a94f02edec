package dev.strix.ndarray.internal;

/**
 * The kernels that have a scalar and a Vector API implementation, chosen once at start-up by
 * {@link KernelSelector} (Apache Lucene's {@code VectorizationProvider} is the model). Every
 * method works on contiguous runs {@code [offset, offset + n)} of primitive arrays; callers handle
 * strides, broadcasting, type promotion and parallel splitting.
 *
 * <p>Both implementations give bit-identical results for everything but the floating-point
 * accumulation order of {@link #dot}, {@link #axpy}-based products and the GEMM micro-kernels
 * (which use fused multiply-adds in the vector provider), and the elementary functions of
 * {@link Op1#ownPolynomial}, which the scalar provider computes by Math and the vector one by its
 * own polynomials (within 1 ulp; float32 rounds the float64 result).
 */
public interface KernelProvider {

    /** Binary operations with a contiguous fast path; the same semantics as {@link Math}. */
    enum Op2 { ADD, SUB, MUL, DIV, MIN, MAX }

    /** Unary operations with a contiguous fast path. */
    enum Op1 {
        NEG, ABS, SQUARE, SQRT, EXP, LOG, EXPM1, LOG1P, TANH, SIN, COS;

        /**
         * Whether the vector provider computes this by its own polynomial ({@code VectorMath}),
         * whose last bit may differ from Math's: a strided run must then go through the same
         * contiguous kernel as its copy would.
         */
        boolean ownPolynomial() {
            return this != NEG && this != ABS && this != SQUARE && this != SQRT;
        }
    }

    /** Comparisons giving bool masks. */
    enum Cmp {
        EQ, NE, LT, LE, GT, GE;

        /** The comparison with its operands swapped: {@code a op b == b op.swap() a}. */
        Cmp swap() {
            switch (this) {
                case LT: return GT;
                case LE: return GE;
                case GT: return LT;
                case GE: return LE;
                default: return this;
            }
        }
    }

    /** "vector" or "scalar". */
    String name();

    /** The width of the vectors the kernels use, in bits (64 for the scalar provider). */
    int vectorBitSize();

    void binary(Op2 op, double[] a, int ao, double[] b, int bo, double[] c, int co, int n);

    void binary(Op2 op, float[] a, int ao, float[] b, int bo, float[] c, int co, int n);

    /** {@code c = a op s}, or {@code c = s op a} when {@code scalarFirst}. */
    void binaryScalar(Op2 op, double[] a, int ao, double s, boolean scalarFirst, double[] c, int co, int n);

    void binaryScalar(Op2 op, float[] a, int ao, float s, boolean scalarFirst, float[] c, int co, int n);

    void unary(Op1 op, double[] a, int ao, double[] c, int co, int n);

    /**
     * The work of one element of {@code op} relative to an add, for the parallel split: a run is
     * split across the pool when its length times this reaches the element-wise threshold.
     * {@code type} is {@code double.class} or {@code float.class}.
     */
    long unaryCost(Op1 op, Class<?> type);

    void unary(Op1 op, float[] a, int ao, float[] c, int co, int n);

    void compare(Cmp op, double[] a, int ao, double[] b, int bo, boolean[] c, int co, int n);

    void compare(Cmp op, float[] a, int ao, float[] b, int bo, boolean[] c, int co, int n);

    /** {@code c = a op s}. */
    void compareScalar(Cmp op, double[] a, int ao, double s, boolean[] c, int co, int n);

    void compareScalar(Cmp op, float[] a, int ao, float s, boolean[] c, int co, int n);

    /**
     * One block of the pairwise sum ({@code n <= Pairwise.BLOCK}): sixteen accumulators over the
     * indices mod 16, combined in a fixed tree, then the tail added in order (see
     * {@link ScalarKernels#sumBlock}, the reference). Implementations must be bit-identical.
     */
    double sumBlock(double[] x, int off, int n);

    /**
     * {@link #sumBlock} of each of {@code cols} columns at once: {@code dst[dOff + j]} is the block
     * sum of x[off + j + r * stride] for r in [0, rows), {@code rows <= Pairwise.BLOCK}, with the
     * same accumulator tree, so bit-identical to summing each column alone. Walking the rows of a
     * strip of columns reads whole cache lines, which is how a leading-axis (axis 0) sum of a
     * C-order matrix streams at memory speed.
     */
    void sumColumnsBlock(double[] x, int off, int stride, int rows, int cols, double[] dst, int dOff);

    /** The maximum ({@code max}) or minimum of x[off, off + n), n > 0; NaN if any element is NaN. */
    double extremum(double[] x, int off, int n, boolean max);

    /**
     * The index (from {@code off}) of the first NaN of x[off, off + n), or else of its first
     * maximal ({@code max}) or minimal element; n > 0. NumPy's argmax/argmin on a contiguous run.
     */
    int argExtremum(double[] x, int off, int n, boolean max);

    int argExtremum(float[] x, int off, int n, boolean max);

    /**
     * {@code c[co + i * cs] = pow(a[ao + i * as], b[bo + i * bs])} with NumPy's semantics for
     * floats ({@code Elementwise.powDouble}: Math.pow, and 1^y = 1 for every y). The scalar
     * provider calls that; the vector provider computes float64 by its own polynomial (within 1
     * ulp), any strides giving the bits of a contiguous run. float32 rounds the float64 result.
     */
    void pow(double[] a, int ao, int as, double[] b, int bo, int bs, double[] c, int co, int cs, int n);

    void pow(float[] a, int ao, int as, float[] b, int bo, int bs, float[] c, int co, int cs, int n);

    /**
     * {@code c[co + i] = cond[condOff + i] ? a[ao + i * as] : b[bo + i * bs]}, the steps 1 or 0
     * (an operand of one value): NumPy's where. Bit-identical in both providers.
     */
    void select(boolean[] cond, int condOff, double[] a, int ao, int as, double[] b, int bo, int bs, double[] c, int co, int n);

    void select(boolean[] cond, int condOff, float[] a, int ao, int as, float[] b, int bo, int bs, float[] c, int co, int n);

    double dot(double[] a, int ao, double[] b, int bo, int n);

    float dot(float[] a, int ao, float[] b, int bo, int n);

    /** {@code y += alpha * x}. */
    void axpy(double alpha, double[] x, int xo, double[] y, int yo, int n);

    void axpy(float alpha, float[] x, int xo, float[] y, int yo, int n);

    /**
     * Rows [lo, hi) of a CSR sparse matrix-vector product: {@code y[i] = sum of v[k] * x[ix[k]]}
     * over k in [ip[i], ip[i + 1]) (y[i] overwritten). Both providers run the scalar
     * two-accumulator rows unless {@code -Dstrix.spmv.gather=true} selects the vector provider's
     * gather kernel (measured slower on JDK 17; see VectorKernels), whose accumulation order
     * differs (last bits only).
     */
    void spmvCsr(int[] ip, int[] ix, double[] v, double[] x, double[] y, int lo, int hi);

    void spmvCsr(int[] ip, int[] ix, float[] v, float[] x, float[] y, int lo, int hi);

    GemmF64.Micro gemmF64();

    GemmF32.Micro gemmF32();
}
