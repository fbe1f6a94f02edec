package dev.strix.linalg.spi;

import dev.strix.linalg.Eigh;
import dev.strix.linalg.Linalg;
import dev.strix.linalg.Lstsq;
import dev.strix.linalg.Lu;
import dev.strix.linalg.Qr;
import dev.strix.linalg.SlogDet;
import dev.strix.linalg.Svd;
import dev.strix.ndarray.NdArray;

/**
 * A provider of dense linear-algebra kernels that {@link Linalg} calls instead of its own, for
 * example a LAPACK/BLAS library ({@code strix-backend-nd4j}). Implementations are found with
 * {@link java.util.ServiceLoader} ({@code META-INF/services/dev.strix.linalg.spi.LinalgBackend})
 * and selected by name: the system property {@code strix.linalg.backend} or
 * {@link Linalg#useBackend(String)}; the default, {@code strix}, is no backend at all.
 *
 * <p><b>Contract.</b> {@link Linalg} has already checked the arguments (ranks, squareness,
 * matching shapes) and split stacks: every method receives single 2-D matrices (b may be 1-D),
 * of any dtype, strides and offset. A method returns {@code null} when it does not handle the
 * call (an operation it does not implement, an empty matrix, a size where it is not worth it);
 * Strix then computes the result itself. When it does handle it, it must give what Strix's own
 * code gives, as documented on {@link Linalg}:
 * <ul>
 *   <li>never change its arguments; return fresh arrays;
 *   <li>float32 in, float32 out; any other dtype gives float64 (see each {@link Linalg} method);
 *   <li>the same exceptions: {@link dev.strix.linalg.SingularMatrixException} with the index of
 *       the first exactly zero pivot of LU with partial pivoting of A itself,
 *       {@link dev.strix.linalg.NotPositiveDefiniteException} with the failing pivot and its
 *       value, {@link IllegalArgumentException} naming NaN for NaN/infinite input to the
 *       iterative methods ({@code svd}, {@code eigh}, {@code lstsq}), NaN propagated by the
 *       direct ones;
 *   <li>the same conventions: singular values descending, eigenvalues ascending, the shapes of
 *       the thin/full and reduced/complete forms.
 * </ul>
 * Signs of singular vectors, eigenvectors and Householder vectors may differ from Strix's (they
 * are not unique).
 */
public interface LinalgBackend {

    /** The name users select it by ({@code strix.linalg.backend=name}); lower case, not "strix". */
    String name();

    /**
     * Loads what the backend needs (native libraries, thread pools) and returns a one-line
     * description for the log (library versions, threads). Called once, when the backend is
     * selected; an exception here makes the selection fail with this backend's name and the cause.
     */
    String initialise();

    /** {@code a @ b} for two 2-D arrays (NumPy's matmul), or null. */
    default NdArray matmul(NdArray a, NdArray b) {
        return null;
    }

    /** {@link Linalg#lu}, or null. */
    default Lu lu(NdArray a) {
        return null;
    }

    /** {@link Linalg#qr(NdArray, boolean)}, or null. */
    default Qr qr(NdArray a, boolean complete) {
        return null;
    }

    /** {@link Linalg#cholesky(NdArray, boolean)} of one matrix, or null. */
    default NdArray cholesky(NdArray a, boolean upper) {
        return null;
    }

    /** {@link Linalg#svd(NdArray, boolean)}, or null. */
    default Svd svd(NdArray a, boolean fullMatrices) {
        return null;
    }

    /**
     * The singular values of one matrix, descending, as float64 (used by svdvals, matrixRank,
     * norm and cond), or null. {@code op} names the public function for error messages.
     */
    default double[] singularValues(String op, NdArray a) {
        return null;
    }

    /** {@link Linalg#eigh}, or null. */
    default Eigh eigh(NdArray a) {
        return null;
    }

    /** {@link Linalg#eigvalsh} of one matrix, or null. */
    default NdArray eigvalsh(NdArray a) {
        return null;
    }

    /** {@link Linalg#solve} of one system: a (n, n), b (n,) or (n, k); or null. */
    default NdArray solve(NdArray a, NdArray b) {
        return null;
    }

    /** {@link Linalg#solveSpd}: a (n, n), b (n,) or (n, k); or null. */
    default NdArray solveSpd(NdArray a, NdArray b) {
        return null;
    }

    /** {@link Linalg#inv} of one matrix, or null. */
    default NdArray inv(NdArray a) {
        return null;
    }

    /** {@link Linalg#slogdet} of one matrix (0-d results; det uses it), or null. */
    default SlogDet slogdet(NdArray a) {
        return null;
    }

    /** {@link Linalg#lstsq(NdArray, NdArray, double)} with rcond already resolved (&gt;= 0), or null. */
    default Lstsq lstsq(NdArray a, NdArray b, double rcond) {
        return null;
    }
}
