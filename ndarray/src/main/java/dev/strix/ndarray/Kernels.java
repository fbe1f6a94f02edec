package dev.strix.ndarray;

import dev.strix.ndarray.internal.KernelSelector;
import dev.strix.ndarray.internal.MatMul;
import dev.strix.ndarray.internal.Parallel;

/**
 * Which compute kernels are active, and how many threads they may use.
 *
 * <p><b>Providers.</b> Strix has two implementations of its hot kernels (element-wise loops,
 * reductions, matrix products): one on the Java Vector API ({@code jdk.incubator.vector}) and a
 * portable scalar one. It picks once, at first use: the vector provider when the JVM was started
 * with {@code --add-modules jdk.incubator.vector} and the CPU has vectors of at least 256 bits
 * (AVX2 or wider), the scalar provider otherwise, and logs the choice (System.Logger
 * {@code dev.strix.ndarray}, level INFO). The system property
 * {@code -Dstrix.vectorization=auto|vector|scalar} (default {@code auto}) forces one; forcing
 * {@code vector} where it cannot run is an error rather than a silent fallback. Both give the
 * same results, except for the last bits of matrix products (the vector kernels use fused
 * multiply-adds, and float64 exp, which both keep within 1 ulp). The vector kernels run at the
 * CPU's widest vectors (512 bits with AVX-512, 256 with AVX2); {@code -Dstrix.vector.bits=256}
 * forces a narrower width, and a width the CPU lacks is an error.
 *
 * <p><b>Parallelism.</b> Large operations (matrix products, element-wise operations and sums over
 * a few hundred thousand elements) split across a shared fork-join pool; small ones always run
 * on the calling thread. The number of threads is at most the number of available processors
 * and at most the limit set here or by {@code -Dstrix.parallelism=N}. Split points depend only on
 * the sizes and the limit, so results do not depend on thread timing; sums give the same bits
 * with any limit.
 */
public final class Kernels {
    private Kernels() {
    }

    /** The active provider: {@code "vector"} or {@code "scalar"}. */
    public static String provider() {
        return KernelSelector.get().name();
    }

    /** The vector width the active kernels use, in bits (64 for the scalar provider). */
    public static int vectorBitSize() {
        return KernelSelector.get().vectorBitSize();
    }

    /** The number of threads kernels may use: min(available processors, the limit). */
    public static int parallelism() {
        return Parallel.parallelism();
    }

    /**
     * Limits the threads kernels may use (1 makes everything single-threaded). Applies to
     * operations started afterwards.
     *
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public static void setParallelism(int n) {
        Parallel.setParallelism(n);
    }

    /**
     * The packed, blocked matrix multiply on raw arrays: {@code C[m x n] += A[m x k] B[k x n]}, or
     * {@code C -= A B} with {@code subtract} (exactly the negation: A's values change sign as they
     * are packed). A is read at {@code a[ao + i * ars + p * acs]}, B at
     * {@code b[bo + p * brs + j * bcs]} (any strides, so transposed operands need no copy), C is
     * row-major at {@code c[co + i * ldc + j]}. This is {@link NdArray#matmul}'s kernel (same
     * provider, blocking and thread split), exposed for blocked factorisations that update a
     * region of a matrix in place: it saves forming the product and subtracting it in two more
     * passes over C. C must not overlap A or B; it checks nothing but the JVM's array bounds.
     *
     * @throws IllegalArgumentException if a size is negative
     */
    public static void gemm(boolean subtract, int m, int n, int k, double[] a, int ao, int ars, int acs,
            double[] b, int bo, int brs, int bcs, double[] c, int co, int ldc) {
        checkSizes(m, n, k);
        MatMul.gemm(subtract, m, n, k, a, ao, ars, acs, b, bo, brs, bcs, c, co, ldc);
    }

    /** The float32 {@link #gemm(boolean, int, int, int, double[], int, int, int, double[], int, int, int, double[], int, int)}. */
    public static void gemm(boolean subtract, int m, int n, int k, float[] a, int ao, int ars, int acs,
            float[] b, int bo, int brs, int bcs, float[] c, int co, int ldc) {
        checkSizes(m, n, k);
        MatMul.gemm(subtract, m, n, k, a, ao, ars, acs, b, bo, brs, bcs, c, co, ldc);
    }

    private static void checkSizes(int m, int n, int k) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("Kernels.gemm: sizes must be non-negative, got m=" + m + " n=" + n
                    + " k=" + k);
        }
    }

    /**
     * Rows [rowFrom, rowTo) of the CSR product y = A x on the active provider: {@code y[i]} is
     * overwritten with the sum of {@code data[k] * x[indices[k]]} over k in
     * [indptr[i], indptr[i + 1]), by rows with two accumulators (a Vector API gather kernel exists
     * behind {@code -Dstrix.spmv.gather=true} but measured slower on JDK 17, so it is opt-in). This
     * is the row kernel of {@code dev.strix.sparse}'s SpMV, exposed for sparse formats built on
     * NdArray; it checks nothing but the JVM's array bounds (callers own the CSR invariants).
     */
    public static void csrMatVec(int[] indptr, int[] indices, double[] data, double[] x, double[] y, int rowFrom, int rowTo) {
        KernelSelector.get().spmvCsr(indptr, indices, data, x, y, rowFrom, rowTo);
    }

    /** The float32 CSR row kernel: as {@link #csrMatVec(int[], int[], double[], double[], double[], int, int)}, accumulating in float. */
    public static void csrMatVec(int[] indptr, int[] indices, float[] data, float[] x, float[] y, int rowFrom, int rowTo) {
        KernelSelector.get().spmvCsr(indptr, indices, data, x, y, rowFrom, rowTo);
    }
}
