package dev.strix.linalg;

import static dev.strix.linalg.internal.Dense.require2d;
import static dev.strix.linalg.internal.Dense.requireSquare;
import static dev.strix.linalg.internal.Dense.resultType;

import dev.strix.linalg.internal.Backends;
import dev.strix.linalg.internal.Bidiagonal;
import dev.strix.linalg.internal.BlockedQr;
import dev.strix.linalg.internal.Dense;
import dev.strix.linalg.internal.Kernels;
import dev.strix.linalg.internal.MatFun;
import dev.strix.linalg.internal.RealSchur;
import dev.strix.linalg.internal.SymmetricEigen;
import dev.strix.linalg.spi.LinalgBackend;
import dev.strix.ndarray.DType;
import dev.strix.ndarray.Index;
import dev.strix.ndarray.Nd;
import dev.strix.ndarray.NdArray;
import dev.strix.ndarray.ShapeMismatchException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.decomposition.hessenberg.HessenbergSimilarDecomposition_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.QRPDecomposition_F64;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Linear algebra over {@link NdArray}s, in the spirit of NumPy's {@code numpy.linalg}, SciPy's
 * {@code scipy.linalg} and Owl's {@code Linalg}. Every function is pure: it never changes its
 * arguments. float32 input gives float32 output (computed in float64, rounded once); integer and
 * bool input gives float64. Matrices are the last two axes; the functions documented as "stacked"
 * also accept (..., m, n) stacks and map over the leading axes as NumPy does.
 *
 * <p>Errors: a wrong shape or rank gives an {@link IllegalArgumentException} (a
 * {@link ShapeMismatchException} when two operands disagree) naming the shapes; an exactly
 * singular matrix gives {@link SingularMatrixException} with the zero pivot's index; a failed
 * Cholesky gives {@link NotPositiveDefiniteException} with the failing pivot's index.
 */
public final class Linalg {
    private Linalg() {
    }

    private static final double EPS = Math.ulp(1.0);

    /**
     * The selected backend, or null for Strix's own kernels (the default). Each hooked function
     * reads it once; volatile so that {@link #useBackend} is seen by every thread.
     */
    private static volatile LinalgBackend backend = Backends.fromSystemProperty();

    /**
     * Selects the kernels behind the decompositions, solvers and {@link #matmul}: {@code "strix"}
     * (Strix's own, the default) or the name of a {@link LinalgBackend} on the class path, such as
     * {@code "nd4j"} (artifact {@code strix-backend-nd4j}). The system property
     * {@code strix.linalg.backend} does the same at start-up. The choice is logged once.
     *
     * @throws dev.strix.linalg.spi.BackendUnavailableException naming the backend and the cause
     *     when no provider has that name or it fails to initialise (no silent fallback)
     */
    public static void useBackend(String name) {
        backend = Backends.select(name, "Linalg.useBackend");
    }

    /** The name of the active backend: {@code "strix"} or a provider's {@link LinalgBackend#name()}. */
    public static String backendName() {
        LinalgBackend be = backend;
        return be == null ? Backends.STRIX : be.name();
    }

    static String sh(NdArray a) {
        return ShapeMismatchException.shapeString(a.shape());
    }

    // =================================================================== stacks

    /** Applies {@code f} to every matrix of a (..., m, n) stack; f's results must share one shape. */
    static NdArray mapMatrices(NdArray a, Function<NdArray, NdArray> f) {
        if (a.ndim() == 2) {
            return f.apply(a);
        }
        int[] s = a.shape();
        int[] lead = Arrays.copyOf(s, s.length - 2);
        int count = 1;
        for (int d : lead) {
            count *= d;
        }
        NdArray flat = a.contiguous().reshape(count, s[s.length - 2], s[s.length - 1]);
        List<NdArray> outs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            outs.add(f.apply(flat.get(Index.at(i))));
        }
        if (count == 0) {
            NdArray probe = f.apply(Nd.eye(s[s.length - 2], s[s.length - 1], 0, resultType(a)));   // only its shape is used
            int[] shape = concat(lead, probe.shape());
            return Nd.zeros(probe.dtype(), shape);
        }
        NdArray stacked = Nd.stack(0, outs);
        return stacked.reshape(concat(lead, outs.get(0).shape()));
    }

    /**
     * Applies {@code f} to every matrix of a (..., m, n) stack where f returns several arrays (the
     * parts of a decomposition record); part p of the result stacks f's part p over the leading
     * axes. f's parts must have the same shapes for every matrix.
     */
    static NdArray[] mapMatricesN(NdArray a, Function<NdArray, NdArray[]> f) {
        int[] s = a.shape();
        int[] lead = Arrays.copyOf(s, s.length - 2);
        int count = 1;
        for (int d : lead) {
            count *= d;
        }
        if (count == 0) {
            NdArray[] probe = f.apply(Nd.eye(s[s.length - 2], s[s.length - 1], 0, resultType(a)));   // shapes only
            NdArray[] out = new NdArray[probe.length];
            for (int p = 0; p < probe.length; p++) {
                out[p] = Nd.zeros(probe[p].dtype(), concat(lead, probe[p].shape()));
            }
            return out;
        }
        NdArray flat = a.contiguous().reshape(count, s[s.length - 2], s[s.length - 1]);
        List<List<NdArray>> parts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            NdArray[] r = f.apply(flat.get(Index.at(i)));
            for (int p = 0; p < r.length; p++) {
                if (i == 0) {
                    parts.add(new ArrayList<>(count));
                }
                parts.get(p).add(r[p]);
            }
        }
        NdArray[] out = new NdArray[parts.size()];
        for (int p = 0; p < out.length; p++) {
            out[p] = Nd.stack(0, parts.get(p)).reshape(concat(lead, parts.get(p).get(0).shape()));
        }
        return out;
    }

    /** x itself when it already has dtype t (a fresh result buffer), else converted: astype always copies. */
    static NdArray as(NdArray x, DType t) {
        return x.dtype() == t ? x : x.astype(t);
    }

    static int[] concat(int[] a, int[] b) {
        int[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    // =================================================================== products

    /** Matrix product with NumPy's {@code matmul} rules (batch axes broadcast); {@code a @ b}. */
    public static NdArray matmul(NdArray a, NdArray b) {
        LinalgBackend be = backend;
        if (be != null && a.ndim() == 2 && b.ndim() == 2) {
            NdArray r = be.matmul(a, b);
            if (r != null) {
                return r;
            }
        }
        return a.matmul(b);
    }

    /** NumPy's {@code dot}. */
    public static NdArray dot(NdArray a, NdArray b) {
        return a.dot(b);
    }

    /** Sum of the products of the flattened arrays (NumPy's {@code vdot} on real data). */
    public static double vdot(NdArray a, NdArray b) {
        if (a.size() != b.size()) {
            throw new ShapeMismatchException("vdot: arrays of shapes " + sh(a) + " and " + sh(b)
                    + " have different sizes (" + a.size() + " and " + b.size() + ")");
        }
        double[] x = a.toDoubleArray();
        double[] y = b.toDoubleArray();
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }

    /**
     * NumPy's {@code inner}: sum over the last axes; shape {@code a.shape[:-1] + b.shape[:-1]}
     * (0-d for two vectors).
     */
    public static NdArray inner(NdArray a, NdArray b) {
        if (a.ndim() == 0 || b.ndim() == 0) {
            return a.mul(b);
        }
        int k = a.shape(-1);
        if (b.shape(-1) != k) {
            throw new ShapeMismatchException("inner: last axes differ: shapes " + sh(a) + " and " + sh(b));
        }
        int[] sa = Arrays.copyOf(a.shape(), a.ndim() - 1);
        int[] sb = Arrays.copyOf(b.shape(), b.ndim() - 1);
        NdArray a2 = a.contiguous().reshape(a.size() / Math.max(k, 1) * (k == 0 ? 0 : 1) + (k == 0 ? prod(sa) : 0), k);
        NdArray b2 = b.contiguous().reshape(k == 0 ? prod(sb) : b.size() / k, k);
        return a2.matmul(b2.transpose()).reshape(concat(sa, sb));
    }

    static int prod(int[] s) {
        int p = 1;
        for (int d : s) {
            p *= d;
        }
        return p;
    }

    /** Outer product of the flattened arrays, shape (a.size, b.size). */
    public static NdArray outer(NdArray a, NdArray b) {
        return a.outer(b);
    }

    /** Kronecker product of two arrays of at most two dimensions (NumPy's {@code kron}). */
    public static NdArray kron(NdArray a, NdArray b) {
        if (a.ndim() > 2 || b.ndim() > 2) {
            throw new IllegalArgumentException("kron: supports arrays of up to 2 dimensions, got shapes "
                    + sh(a) + " and " + sh(b));
        }
        int nd = Math.max(a.ndim(), b.ndim());
        NdArray a2 = a.reshape(pad(a.shape(), 2));
        NdArray b2 = b.reshape(pad(b.shape(), 2));
        int ma = a2.shape(0), na = a2.shape(1), mb = b2.shape(0), nb = b2.shape(1);
        NdArray k = a2.reshape(ma, 1, na, 1).mul(b2.reshape(1, mb, 1, nb)).reshape(ma * mb, na * nb);
        return nd == 2 ? k : nd == 1 ? k.reshape(na * nb) : k.reshape();
    }

    private static int[] pad(int[] s, int nd) {
        int[] r = new int[nd];
        Arrays.fill(r, 1);
        System.arraycopy(s, 0, r, nd - s.length, s.length);
        return r;
    }

    /**
     * A square matrix (or stack) to an integer power by repeated squaring; n = 0 gives the
     * identity, n &lt; 0 inverts first (NumPy's {@code matrix_power}).
     */
    public static NdArray matrixPower(NdArray a, int n) {
        requireSquare("matrixPower", a);
        if (a.ndim() > 2) {
            return mapMatrices(a, m -> matrixPower(m, n));
        }
        NdArray base = n < 0 ? inv(a) : a.dtype().isFloating() ? a : a.astype(DType.FLOAT64);
        long e = Math.abs((long) n);
        NdArray result = Nd.eye(a.shape(0), a.shape(0), 0, base.dtype());
        while (e > 0) {
            if ((e & 1) == 1) {
                result = result.matmul(base);
            }
            e >>= 1;
            if (e > 0) {
                base = base.matmul(base);
            }
        }
        return result;
    }

    /**
     * Product of several matrices in the cheapest order (dynamic programming over the chain, as
     * NumPy's {@code multi_dot}). The first argument may be 1-D (a row vector) and the last 1-D (a
     * column vector); the result then drops those axes.
     */
    public static NdArray multiDot(NdArray... arrays) {
        int k = arrays.length;
        if (k < 2) {
            throw new IllegalArgumentException("multiDot: needs at least two arrays, got " + k);
        }
        NdArray[] m = arrays.clone();
        boolean firstVec = m[0].ndim() == 1;
        boolean lastVec = m[k - 1].ndim() == 1;
        if (firstVec) {
            m[0] = m[0].reshape(1, m[0].shape(0));
        }
        if (lastVec) {
            m[k - 1] = m[k - 1].reshape(m[k - 1].shape(0), 1);
        }
        for (int i = 0; i < k; i++) {
            if (m[i].ndim() != 2) {
                throw new IllegalArgumentException("multiDot: argument " + i + " has shape " + sh(arrays[i])
                        + "; only the first and last may be 1-D, the others must be 2-D");
            }
            if (i > 0 && m[i - 1].shape(1) != m[i].shape(0)) {
                throw new ShapeMismatchException("multiDot: arguments " + (i - 1) + " and " + i + " do not chain: shapes "
                        + sh(arrays[i - 1]) + " and " + sh(arrays[i]));
            }
        }
        long[] p = new long[k + 1];
        for (int i = 0; i < k; i++) {
            p[i] = m[i].shape(0);
        }
        p[k] = m[k - 1].shape(1);
        long[][] cost = new long[k][k];
        int[][] split = new int[k][k];
        for (int len = 1; len < k; len++) {
            for (int i = 0; i + len < k; i++) {
                int j = i + len;
                cost[i][j] = Long.MAX_VALUE;
                for (int s = i; s < j; s++) {
                    long c = cost[i][s] + cost[s + 1][j] + p[i] * p[s + 1] * p[j + 1];
                    if (c < cost[i][j]) {
                        cost[i][j] = c;
                        split[i][j] = s;
                    }
                }
            }
        }
        NdArray r = chain(m, split, 0, k - 1);
        if (firstVec && lastVec) {
            return r.reshape();
        }
        if (firstVec) {
            return r.reshape(r.shape(1));
        }
        if (lastVec) {
            return r.reshape(r.shape(0));
        }
        return r;
    }

    private static NdArray chain(NdArray[] m, int[][] split, int i, int j) {
        if (i == j) {
            return m[i];
        }
        return chain(m, split, i, split[i][j]).matmul(chain(m, split, split[i][j] + 1, j));
    }

    // =================================================================== decompositions

    /** LU with partial pivoting of an (m, n) matrix (SciPy's {@code lu}); never fails on singular input. */
    public static Lu lu(NdArray a) {
        require2d("lu", a);
        LinalgBackend be = backend;
        if (be != null) {
            Lu r = be.lu(a);
            if (r != null) {
                return r;
            }
        }
        int m = a.shape(0), n = a.shape(1), k = Math.min(m, n);
        DType t = resultType(a);
        double[] d = a.toDoubleArray();
        int[] perm = new int[m];
        Kernels.lu(d, m, n, perm);
        double[] l = new double[m * k];
        double[] u = new double[k * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < Math.min(i, k); j++) {
                l[i * k + j] = d[i * n + j];
            }
            if (i < k) {
                l[i * k + i] = 1;
                System.arraycopy(d, i * n + i, u, i * n + i, n - i);
            }
        }
        return new Lu(NdArray.wrap(l, m, k).astype(t), NdArray.wrap(u, k, n).astype(t), perm);
    }

    /** Reduced QR: Q (m, k), R (k, n), k = min(m, n) (NumPy's {@code qr(a)}); stacked. */
    public static Qr qr(NdArray a) {
        return qr(a, false);
    }

    /**
     * QR factorisation; {@code complete} gives Q (m, m) and R (m, n) (NumPy's
     * {@code mode="complete"}), otherwise the reduced form. Signs follow Householder reflections,
     * as LAPACK: diag(R) may be negative. Stacked: a (..., m, n) input gives Q (..., m, k or m)
     * and R (..., k or m, n).
     */
    public static Qr qr(NdArray a, boolean complete) {
        if (a.ndim() > 2) {
            NdArray[] r = mapMatricesN(a, x -> {
                Qr f = qr(x, complete);
                return new NdArray[] {f.q(), f.r()};
            });
            return new Qr(r[0], r[1]);
        }
        require2d("qr", a);
        LinalgBackend be = backend;
        if (be != null) {
            Qr r = be.qr(a, complete);
            if (r != null) {
                return r;
            }
        }
        int m = a.shape(0), n = a.shape(1), k = Math.min(m, n);
        DType t = resultType(a);
        if (m == 0 || n == 0) {
            int qc = complete ? m : k;
            return new Qr(Nd.eye(m, qc, 0, t), Nd.zeros(t, qc, n));
        }
        double[] f = a.toDoubleArray();
        double[] tau = new double[k];
        BlockedQr.factor(f, m, n, tau);
        int qc = complete ? m : k;
        double[] q = BlockedQr.formQ(f, m, n, tau, qc);
        double[] r = new double[qc * n];
        for (int i = 0; i < k; i++) {
            System.arraycopy(f, i * n + i, r, i * n + i, n - i);
        }
        return new Qr(NdArray.wrap(q, m, qc).astype(t), NdArray.wrap(r, qc, n).astype(t));
    }

    /** Column-pivoted reduced QR, {@code A[:, perm] = Q R} (SciPy's {@code qr(a, pivoting=True, mode="economic")}). */
    public static QrPivoted qrPivoted(NdArray a) {
        require2d("qrPivoted", a);
        int m = a.shape(0), n = a.shape(1), k = Math.min(m, n);
        DType t = resultType(a);
        if (m == 0 || n == 0) {
            int[] perm = new int[n];
            Arrays.setAll(perm, i -> i);
            return new QrPivoted(Nd.eye(m, k, 0, t), Nd.zeros(t, k, n), perm);
        }
        QRPDecomposition_F64<DMatrixRMaj> qr = DecompositionFactory_DDRM.qrp(m, n);
        qr.setSingularThreshold(0);
        if (!qr.decompose(Dense.copy(a))) {
            throw new LinalgException("qrPivoted: decomposition failed for shape " + sh(a));
        }
        return new QrPivoted(Dense.toNd(qr.getQ(null, true), t), Dense.toNd(qr.getR(null, true), t),
                qr.getColPivots().clone());
    }

    /** Lower Cholesky factor L with A = L L^T (stacked). Only the lower triangle of A is read, as NumPy. */
    public static NdArray cholesky(NdArray a) {
        return cholesky(a, false);
    }

    /** Cholesky factor, upper (A = U^T U) when {@code upper}, else lower (stacked). */
    public static NdArray cholesky(NdArray a, boolean upper) {
        requireSquare("cholesky", a);
        if (a.ndim() > 2) {
            return mapMatrices(a, m -> cholesky(m, upper));
        }
        LinalgBackend be = backend;
        if (be != null) {
            NdArray r = be.cholesky(a, upper);
            if (r != null) {
                return r;
            }
        }
        int n = a.shape(0);
        double[] d = a.toDoubleArray();
        double[] bad = new double[1];
        int fail = Kernels.cholesky(d, n, bad);
        if (fail >= 0) {
            throw new NotPositiveDefiniteException("cholesky", fail, bad[0], sh(a));
        }
        NdArray l = as(NdArray.wrap(d, n, n), resultType(a));
        return upper ? l.transpose().copy() : l;
    }

    /** Thin SVD: U (m, k), s (k,), Vt (k, n), k = min(m, n). (NumPy's default is full; see {@link #svd(NdArray, boolean)}.) */
    public static Svd svd(NdArray a) {
        return svd(a, false);
    }

    /**
     * SVD, full (U (m, m), Vt (n, n)) when {@code fullMatrices}, else thin. Singular values
     * descending. Stacked: a (..., m, n) input gives U (..., m, ·), s (..., k), Vt (..., ·, n).
     */
    public static Svd svd(NdArray a, boolean fullMatrices) {
        if (a.ndim() > 2) {
            NdArray[] r = mapMatricesN(a, x -> {
                Svd f = svd(x, fullMatrices);
                return new NdArray[] {f.u(), f.s(), f.vt()};
            });
            return new Svd(r[0], r[1], r[2]);
        }
        require2d("svd", a);
        LinalgBackend be = backend;
        if (be != null) {
            Svd r = be.svd(a, fullMatrices);
            if (r != null) {
                return r;
            }
        }
        int m = a.shape(0), n = a.shape(1), k = Math.min(m, n);
        DType t = resultType(a);
        if (k == 0) {
            return new Svd(Nd.eye(m, fullMatrices ? m : 0, 0, t), Nd.zeros(t, 0), Nd.eye(fullMatrices ? n : 0, n, 0, t));
        }
        DMatrixRMaj x = Dense.copy(a);
        Dense.requireFinite("svd", x);
        if (k >= Bidiagonal.MIN) {
            Bidiagonal.Result r = Bidiagonal.svd(x.data, m, n, true, fullMatrices, "svd");
            return new Svd(as(NdArray.wrap(r.u(), m, fullMatrices ? m : k), t), Dense.vec(r.s(), t),
                    as(NdArray.wrap(r.vt(), fullMatrices ? n : k, n), t));
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(m, n, true, true, !fullMatrices);
        if (!svd.decompose(x)) {
            throw new LinalgException("svd: did not converge for shape " + sh(a));
        }
        DMatrixRMaj u = svd.getU(null, false);
        DMatrixRMaj w = svd.getW(null);
        DMatrixRMaj vt = svd.getV(null, true);
        SingularOps_DDRM.descendingOrder(u, false, w, vt, true);
        double[] s = new double[k];
        for (int i = 0; i < k; i++) {
            s[i] = w.get(i, i);
        }
        return new Svd(Dense.toNd(u, t), Dense.vec(s, t), Dense.toNd(vt, t));
    }

    /** Singular values only, descending (NumPy's {@code svd(a, compute_uv=False)}); stacked. */
    public static NdArray svdvals(NdArray a) {
        if (a.ndim() > 2) {
            return mapMatrices(a, Linalg::svdvals);
        }
        require2d("svdvals", a);
        return Dense.vec(singularValues(a), resultType(a));
    }

    static double[] singularValues(NdArray a) {
        LinalgBackend be = backend;
        if (be != null) {
            double[] r = be.singularValues("svd", a);
            if (r != null) {
                return r;
            }
        }
        int m = a.shape(0), n = a.shape(1);
        if (m == 0 || n == 0) {
            return new double[0];
        }
        DMatrixRMaj x = Dense.copy(a);
        Dense.requireFinite("svd", x);
        if (Math.min(m, n) >= Bidiagonal.MIN_VALUES) {
            return Bidiagonal.svd(x.data, m, n, false, false, "svd").s();
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(m, n, false, false, true);
        if (!svd.decompose(x)) {
            throw new LinalgException("svd: did not converge for shape " + sh(a));
        }
        double[] s = svd.getSingularValues().clone();
        Arrays.sort(s, 0, Math.min(m, n));
        s = Arrays.copyOf(s, Math.min(m, n));
        for (int i = 0, j = s.length - 1; i < j; i++, j--) {
            double tmp = s[i];
            s[i] = s[j];
            s[j] = tmp;
        }
        return s;
    }

    /**
     * Symmetric eigendecomposition, eigenvalues ascending (NumPy's {@code eigh}); reads the whole
     * matrix, assumed symmetric. Stacked: (..., n, n) gives values (..., n) and vectors (..., n, n).
     */
    public static Eigh eigh(NdArray a) {
        requireSquare("eigh", a);
        if (a.ndim() > 2) {
            NdArray[] r = mapMatricesN(a, x -> {
                Eigh f = eigh(x);
                return new NdArray[] {f.values(), f.vectors()};
            });
            return new Eigh(r[0], r[1]);
        }
        LinalgBackend be = backend;
        if (be != null) {
            Eigh r = be.eigh(a);
            if (r != null) {
                return r;
            }
        }
        int n = a.shape(0);
        DType t = resultType(a);
        if (n == 0) {
            return new Eigh(Nd.zeros(t, 0), Nd.zeros(t, 0, 0));
        }
        DMatrixRMaj x = Dense.copy(a);
        Dense.requireFinite("eigh", x);
        if (n >= SymmetricEigen.MIN) {
            double[] vec = new double[n * n];
            double[] vals = SymmetricEigen.eigh(x.data, n, vec, "eigh");
            return new Eigh(Dense.vec(vals, t), as(NdArray.wrap(vec, n, n), t));
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(x)) {
            throw new LinalgException("eigh: did not converge for shape " + sh(a));
        }
        Integer[] order = new Integer[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            w[i] = eig.getEigenvalue(i).real;
        }
        Arrays.sort(order, (i, j) -> Double.compare(w[i], w[j]));
        double[] vals = new double[n];
        double[] vec = new double[n * n];
        for (int c = 0; c < n; c++) {
            vals[c] = w[order[c]];
            DMatrixRMaj v = eig.getEigenVector(order[c]);
            for (int r = 0; r < n; r++) {
                vec[r * n + c] = v.get(r, 0);
            }
        }
        return new Eigh(Dense.vec(vals, t), NdArray.wrap(vec, n, n).astype(t));
    }

    /** Eigenvalues of a symmetric matrix, ascending (NumPy's {@code eigvalsh}); stacked. */
    public static NdArray eigvalsh(NdArray a) {
        requireSquare("eigvalsh", a);
        if (a.ndim() > 2) {
            return mapMatrices(a, Linalg::eigvalsh);
        }
        LinalgBackend be = backend;
        if (be != null) {
            NdArray r = be.eigvalsh(a);
            if (r != null) {
                return r;
            }
        }
        int n = a.shape(0);
        DType t = resultType(a);
        if (n == 0) {
            return Nd.zeros(t, 0);
        }
        DMatrixRMaj x = Dense.copy(a);
        Dense.requireFinite("eigvalsh", x);
        if (n >= SymmetricEigen.MIN_VALUES) {
            return Dense.vec(SymmetricEigen.eigh(x.data, n, null, "eigvalsh"), t);
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        if (!eig.decompose(x)) {
            throw new LinalgException("eigvalsh: did not converge for shape " + sh(a));
        }
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = eig.getEigenvalue(i).real;
        }
        Arrays.sort(w);
        return Dense.vec(w, t);
    }

    static double[][] rows(NdArray a) {
        return a.astype(DType.FLOAT64).toDoubleMatrix();
    }

    static RealSchur realSchur(String op, NdArray a) {
        requireSquare(op, a);
        require2d(op, a);
        DMatrixRMaj x = Dense.view(a);
        Dense.requireFinite(op, x);
        return new RealSchur(rows(a), true);
    }

    /** Eigenvalues and right eigenvectors of a general matrix (NumPy's {@code eig}), as real and imaginary parts. */
    public static Eig eig(NdArray a) {
        RealSchur s = realSchur("eig", a);
        int n = s.n;
        DType t = resultType(a);
        double[][] v = s.eigenvectors();
        double[] vr = new double[n * n];
        double[] vi = new double[n * n];
        for (int j = 0; j < n; j++) {
            if (s.wi[j] == 0) {
                for (int i = 0; i < n; i++) {
                    vr[i * n + j] = v[i][j];
                }
            } else if (s.wi[j] > 0) {
                // JAMA layout: columns j (real part) and j+1 (imaginary part) of the vector for wr[j] + i wi[j]
                for (int i = 0; i < n; i++) {
                    vr[i * n + j] = v[i][j];
                    vi[i * n + j] = v[i][j + 1];
                    vr[i * n + j + 1] = v[i][j];
                    vi[i * n + j + 1] = -v[i][j + 1];
                }
            }
        }
        normaliseColumns(vr, vi, n);
        return new Eig(Dense.vec(s.wr.clone(), t), Dense.vec(s.wi.clone(), t),
                NdArray.wrap(vr, n, n).astype(t), NdArray.wrap(vi, n, n).astype(t));
    }

    /** Unit 2-norm columns with the largest component real and positive (LAPACK's dgeev convention, sign fixed). */
    private static void normaliseColumns(double[] vr, double[] vi, int n) {
        for (int j = 0; j < n; j++) {
            double nrm = 0;
            int big = 0;
            double bigAbs = -1;
            for (int i = 0; i < n; i++) {
                double m = Math.hypot(vr[i * n + j], vi[i * n + j]);
                nrm = Math.hypot(nrm, m);
                if (m > bigAbs) {
                    bigAbs = m;
                    big = i;
                }
            }
            if (nrm == 0) {
                continue;
            }
            // multiply by conj(v_big)/|v_big| / nrm
            double cr = vr[big * n + j] / bigAbs / nrm;
            double ci = -vi[big * n + j] / bigAbs / nrm;
            for (int i = 0; i < n; i++) {
                double re = vr[i * n + j];
                double im = vi[i * n + j];
                vr[i * n + j] = re * cr - im * ci;
                vi[i * n + j] = re * ci + im * cr;
            }
            vi[big * n + j] = 0;
        }
    }

    /** Eigenvalues only of a general matrix; the vectors of the returned {@link Eig} are null. */
    public static Eig eigvals(NdArray a) {
        RealSchur s = realSchur("eigvals", a);
        DType t = resultType(a);
        return new Eig(Dense.vec(s.wr.clone(), t), Dense.vec(s.wi.clone(), t), null, null);
    }

    /** Real Schur decomposition A = Z T Z^T (SciPy's {@code schur(a, output="real")}). */
    public static Schur schur(NdArray a) {
        RealSchur s = realSchur("schur", a);
        int n = s.n;
        DType t = resultType(a);
        return new Schur(fromRows(s.t, n, n, t), fromRows(s.z, n, n, t));
    }

    static NdArray fromRows(double[][] r, int m, int n, DType t) {
        double[] d = new double[m * n];
        for (int i = 0; i < m; i++) {
            System.arraycopy(r[i], 0, d, i * n, n);
        }
        return NdArray.wrap(d, m, n).astype(t);
    }

    /** Hessenberg form A = Q H Q^T (SciPy's {@code hessenberg(a, calc_q=True)}). */
    public static Hessenberg hessenberg(NdArray a) {
        requireSquare("hessenberg", a);
        require2d("hessenberg", a);
        int n = a.shape(0);
        DType t = resultType(a);
        if (n == 0) {
            return new Hessenberg(Nd.zeros(t, 0, 0), Nd.zeros(t, 0, 0));
        }
        HessenbergSimilarDecomposition_DDRM h = new HessenbergSimilarDecomposition_DDRM();
        if (!h.decompose(Dense.copy(a))) {
            throw new LinalgException("hessenberg: failed for shape " + sh(a));
        }
        DMatrixRMaj hh = h.getH(null);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i - 1; j++) {
                hh.set(i, j, 0);
            }
        }
        return new Hessenberg(Dense.toNd(hh, t), Dense.toNd(h.getQ(null), t));
    }

    // =================================================================== solvers

    /** LU-solve of one square system; b is (n, k) row-major, overwritten. */
    static void luSolve(String op, NdArray shapeOf, double[] lu, int n, double[] b, int k) {
        int[] perm = new int[n];
        int zero = Kernels.lu(lu, n, n, perm);
        if (zero >= 0) {
            throw new SingularMatrixException(op, zero, sh(shapeOf));
        }
        double[] pb = new double[n * k];
        for (int i = 0; i < n; i++) {
            System.arraycopy(b, perm[i] * k, pb, i * k, k);
        }
        Kernels.triangularSolve(lu, n, pb, k, true, true);
        Kernels.triangularSolve(lu, n, pb, k, false, false);
        System.arraycopy(pb, 0, b, 0, n * k);
    }

    /**
     * Solves A x = b (NumPy's {@code solve}; stacked, batch axes broadcast). b is a vector
     * (..., n) when it has one axis fewer than A, else a matrix (..., n, k).
     *
     * @throws SingularMatrixException when LU meets an exactly zero pivot
     */
    public static NdArray solve(NdArray a, NdArray b) {
        requireSquare("solve", a);
        int n = a.shape(-1);
        boolean vector = b.ndim() == a.ndim() - 1;
        if (b.ndim() < 1 || (vector ? b.shape(-1) : b.ndim() >= 2 ? b.shape(-2) : -1) != n) {
            throw new ShapeMismatchException("solve: a has shape " + sh(a) + " and b has shape " + sh(b)
                    + "; b must be (..., " + n + ") or (..., " + n + ", k)");
        }
        DType t = DType.promote(resultType(a), resultType(b));
        if (a.ndim() == 2 && (vector || b.ndim() == 2)) {
            LinalgBackend be = backend;
            if (be != null) {
                NdArray r = be.solve(a, b);
                if (r != null) {
                    return r;
                }
            }
            int k = vector ? 1 : b.shape(1);
            double[] x = b.toDoubleArray();
            luSolve("solve", a, a.toDoubleArray(), n, x, k);
            NdArray out = vector ? NdArray.wrap(x, n) : NdArray.wrap(x, n, k);
            return as(out, t);
        }
        NdArray bm = vector ? b.expandDims(-1) : b;
        int[] batch = broadcastBatch("solve", a, bm);
        int k = bm.shape(-1);
        NdArray ab = a.broadcastTo(concat(batch, new int[] {n, n}));
        NdArray bb = bm.broadcastTo(concat(batch, new int[] {n, k}));
        int count = prod(batch);
        NdArray af = ab.copy().reshape(count, n, n);
        NdArray bf = bb.copy().reshape(count, n, k);
        double[] out = new double[count * n * k];
        for (int i = 0; i < count; i++) {
            double[] x = bf.get(Index.at(i)).toDoubleArray();
            luSolve("solve", a, af.get(Index.at(i)).toDoubleArray(), n, x, k);
            System.arraycopy(x, 0, out, i * n * k, n * k);
        }
        NdArray r = NdArray.wrap(out, concat(batch, new int[] {n, k}));
        if (vector) {
            r = r.reshape(concat(batch, new int[] {n}));
        }
        return r.astype(t);
    }

    static int[] broadcastBatch(String op, NdArray a, NdArray b) {
        int[] sa = Arrays.copyOf(a.shape(), a.ndim() - 2);
        int[] sb = Arrays.copyOf(b.shape(), b.ndim() - 2);
        int nd = Math.max(sa.length, sb.length);
        int[] out = new int[nd];
        for (int i = 0; i < nd; i++) {
            int x = i - (nd - sa.length) >= 0 ? sa[i - (nd - sa.length)] : 1;
            int y = i - (nd - sb.length) >= 0 ? sb[i - (nd - sb.length)] : 1;
            if (x != y && x != 1 && y != 1) {
                throw new ShapeMismatchException(op + ": batch axes of shapes " + sh(a) + " and " + sh(b)
                        + " do not broadcast");
            }
            out[i] = Math.max(x, y);
        }
        return out;
    }

    /**
     * Solves A x = b for symmetric positive definite A by Cholesky (SciPy's
     * {@code solve(a, b, assume_a="pos")}); b is (n,) or (n, k).
     *
     * @throws NotPositiveDefiniteException naming the failing pivot
     */
    public static NdArray solveSpd(NdArray a, NdArray b) {
        require2d("solveSpd", a);
        requireSquare("solveSpd", a);
        int n = a.shape(0);
        requireRhs("solveSpd", a, b);
        LinalgBackend be = backend;
        if (be != null) {
            NdArray r = be.solveSpd(a, b);
            if (r != null) {
                return r;
            }
        }
        double[] l = a.toDoubleArray();
        double[] bad = new double[1];
        int fail = Kernels.cholesky(l, n, bad);
        if (fail >= 0) {
            throw new NotPositiveDefiniteException("solveSpd", fail, bad[0], sh(a));
        }
        int k = b.ndim() == 1 ? 1 : b.shape(1);
        double[] x = b.toDoubleArray();
        Kernels.triangularSolve(l, n, x, k, true, false);
        double[] lt = NdArray.wrap(l, n, n).transpose().toDoubleArray();
        Kernels.triangularSolve(lt, n, x, k, false, false);
        return as(NdArray.wrap(x, b.shape()), DType.promote(resultType(a), resultType(b)));
    }

    private static void requireRhs(String op, NdArray a, NdArray b) {
        int n = a.shape(0);
        if (b.ndim() < 1 || b.ndim() > 2 || b.shape(0) != n) {
            throw new ShapeMismatchException(op + ": a has shape " + sh(a) + " and b has shape " + sh(b)
                    + "; b must be (" + n + ",) or (" + n + ", k)");
        }
    }

    /**
     * Solves T x = b for triangular T (SciPy's {@code solve_triangular}); only the named triangle of
     * T is read; {@code unitDiagonal} assumes ones on the diagonal.
     *
     * @throws SingularMatrixException when a diagonal element is zero
     */
    public static NdArray solveTriangular(NdArray t, NdArray b, boolean lower, boolean unitDiagonal) {
        require2d("solveTriangular", t);
        requireSquare("solveTriangular", t);
        requireRhs("solveTriangular", t, b);
        int n = t.shape(0);
        int k = b.ndim() == 1 ? 1 : b.shape(1);
        double[] x = b.toDoubleArray();
        int zero = Kernels.triangularSolve(t.toDoubleArray(), n, x, k, lower, unitDiagonal);
        if (zero >= 0) {
            throw new SingularMatrixException("solveTriangular", zero, sh(t));
        }
        return NdArray.wrap(x, b.shape()).astype(DType.promote(resultType(t), resultType(b)));
    }

    /**
     * Solves a banded system given in LAPACK band storage (SciPy's {@code solve_banded((l, u), ab, b)}):
     * {@code ab} is (l + u + 1, n) with {@code ab[u + i - j, j] = A[i, j]}. O(n (l + u)^2) time.
     *
     * @throws SingularMatrixException when elimination meets a zero pivot
     */
    public static NdArray solveBanded(int l, int u, NdArray ab, NdArray b) {
        require2d("solveBanded", ab);
        if (l < 0 || u < 0 || ab.shape(0) != l + u + 1) {
            throw new IllegalArgumentException("solveBanded: ab has shape " + sh(ab) + " but (l, u) = (" + l + ", " + u
                    + ") needs " + (l + u + 1) + " rows");
        }
        int n = ab.shape(1);
        if (b.ndim() < 1 || b.ndim() > 2 || b.shape(0) != n) {
            throw new ShapeMismatchException("solveBanded: ab has shape " + sh(ab) + " (n = " + n + ") and b has shape "
                    + sh(b) + "; b must be (" + n + ",) or (" + n + ", k)");
        }
        int k = b.ndim() == 1 ? 1 : b.shape(1);
        double[] x = b.toDoubleArray();
        int zero = Kernels.bandedSolve(ab.toDoubleArray(), l, u, n, x, k);
        if (zero >= 0) {
            throw new SingularMatrixException("solveBanded", zero, "(" + n + ", " + n + ") banded");
        }
        return NdArray.wrap(x, b.shape()).astype(DType.promote(resultType(ab), resultType(b)));
    }

    /**
     * Solves a tridiagonal system with sub-diagonal {@code dl} (n-1), diagonal {@code d} (n) and
     * super-diagonal {@code du} (n-1), with partial pivoting (LAPACK's {@code gtsv}).
     */
    public static NdArray solveTridiagonal(NdArray dl, NdArray d, NdArray du, NdArray b) {
        if (d.ndim() != 1 || dl.ndim() != 1 || du.ndim() != 1 || dl.shape(0) != Math.max(0, d.shape(0) - 1)
                || du.shape(0) != Math.max(0, d.shape(0) - 1)) {
            throw new ShapeMismatchException("solveTridiagonal: diagonals of shapes " + sh(dl) + ", " + sh(d) + ", " + sh(du)
                    + "; expected (n-1,), (n,), (n-1,)");
        }
        int n = d.shape(0);
        double[] ab = new double[3 * n];
        double[] lo = dl.toDoubleArray();
        double[] di = d.toDoubleArray();
        double[] up = du.toDoubleArray();
        for (int j = 0; j < n; j++) {
            if (j > 0) {
                ab[j] = up[j - 1];
            }
            ab[n + j] = di[j];
            if (j < n - 1) {
                ab[2 * n + j] = lo[j];
            }
        }
        return solveBanded(1, 1, NdArray.wrap(ab, 3, n), b);
    }

    /** Inverse of a square matrix (stacked). @throws SingularMatrixException with the zero pivot's index */
    public static NdArray inv(NdArray a) {
        requireSquare("inv", a);
        if (a.ndim() > 2) {
            return mapMatrices(a, Linalg::inv);
        }
        LinalgBackend be = backend;
        if (be != null) {
            NdArray r = be.inv(a);
            if (r != null) {
                return r;
            }
        }
        int n = a.shape(0);
        double[] x = Nd.eye(n).toDoubleArray();
        luSolve("inv", a, a.toDoubleArray(), n, x, n);
        return as(NdArray.wrap(x, n, n), resultType(a));
    }

    /** Determinant by LU (stacked); a 0-d array for one matrix. Singular gives 0, NaN propagates. */
    public static NdArray det(NdArray a) {
        requireSquare("det", a);
        if (a.ndim() > 2) {
            return mapMatrices(a, Linalg::det);
        }
        SlogDet s = slogdet(a);
        double v = s.sign().item() * Math.exp(s.logAbsDet().item());
        if (s.sign().item() == 0 && !Double.isNaN(s.logAbsDet().item())) {
            v = 0;
        }
        NdArray out = Nd.scalar(v);
        return resultType(a) == DType.FLOAT32 ? out.astype(DType.FLOAT32) : out;
    }

    /** Determinant of one matrix as a double. */
    public static double detValue(NdArray a) {
        require2d("det", a);
        return det(a).item();
    }

    /** Sign and log |det| by LU (NumPy's {@code slogdet}; stacked). */
    public static SlogDet slogdet(NdArray a) {
        requireSquare("slogdet", a);
        if (a.ndim() > 2) {
            NdArray both = mapMatrices(a, m -> {
                SlogDet s = slogdet(m);
                return Nd.stack(0, s.sign(), s.logAbsDet());
            });
            return new SlogDet(both.get("..., 0"), both.get("..., 1"));
        }
        LinalgBackend be = backend;
        if (be != null) {
            SlogDet r = be.slogdet(a);
            if (r != null) {
                return r;
            }
        }
        int n = a.shape(0);
        double[] d = a.toDoubleArray();
        int[] perm = new int[n];
        Kernels.lu(d, n, n, perm);
        double sign = permutationSign(perm);
        double log = 0;
        for (int i = 0; i < n; i++) {
            double u = d[i * n + i];
            if (Double.isNaN(u)) {
                sign = Double.NaN;
                log = Double.NaN;
                break;
            }
            if (u == 0) {
                sign = 0;
                log = Double.NEGATIVE_INFINITY;
                break;
            }
            if (u < 0) {
                sign = -sign;
            }
            log += Math.log(Math.abs(u));
        }
        DType t = resultType(a);
        return new SlogDet(Nd.scalar(sign).astype(t), Nd.scalar(log).astype(t));
    }

    static double permutationSign(int[] perm) {
        boolean[] seen = new boolean[perm.length];
        double s = 1;
        for (int i = 0; i < perm.length; i++) {
            if (!seen[i]) {
                int len = 0;
                for (int j = i; !seen[j]; j = perm[j]) {
                    seen[j] = true;
                    len++;
                }
                if (len % 2 == 0) {
                    s = -s;
                }
            }
        }
        return s;
    }

    /** Minimum-norm least squares with NumPy's default cutoff rcond = eps * max(m, n). */
    public static Lstsq lstsq(NdArray a, NdArray b) {
        return lstsq(a, b, -1);
    }

    /**
     * Minimum-norm least squares by SVD (NumPy's {@code lstsq}): singular values at most
     * {@code rcond * s_max} are treated as zero; rcond &lt; 0 means eps * max(m, n).
     */
    public static Lstsq lstsq(NdArray a, NdArray b, double rcond) {
        require2d("lstsq", a);
        int m = a.shape(0), n = a.shape(1);
        if (b.ndim() < 1 || b.ndim() > 2 || b.shape(0) != m) {
            throw new ShapeMismatchException("lstsq: a has shape " + sh(a) + " and b has shape " + sh(b)
                    + "; b must be (" + m + ",) or (" + m + ", k)");
        }
        DType t = DType.promote(resultType(a), resultType(b));
        boolean vec = b.ndim() == 1;
        int k = vec ? 1 : b.shape(1);
        double rc = rcond < 0 ? EPS * Math.max(m, n) : rcond;
        LinalgBackend be = backend;
        if (be != null) {
            Lstsq r = be.lstsq(a, b, rc);
            if (r != null) {
                return r;
            }
        }
        NdArray bm = vec ? b.reshape(m, 1) : b;
        if (m == 0 || n == 0) {
            NdArray x = Nd.zeros(t, n, k);
            NdArray res = m > n ? bm.astype(DType.FLOAT64).square().sum(0) : Nd.zeros(t, 0);
            return new Lstsq(vec ? x.reshape(n) : x, vec && res.size() > 0 ? res.reshape(1) : res.astype(t), 0, Nd.zeros(t, 0));
        }
        Svd s = svd(a.astype(DType.FLOAT64), false);
        double[] sv = s.s().toDoubleArray();
        double cutoff = rc * sv[0];
        int rank = 0;
        double[] inv = new double[sv.length];
        for (int i = 0; i < sv.length; i++) {
            if (sv[i] > cutoff) {
                inv[i] = 1 / sv[i];
                rank++;
            }
        }
        NdArray utb = s.u().transpose().matmul(bm.astype(DType.FLOAT64));
        NdArray x = s.vt().transpose().matmul(utb.mul(NdArray.wrap(inv, inv.length, 1)));
        NdArray res;
        if (rank == n && m > n) {
            res = bm.astype(DType.FLOAT64).sub(a.astype(DType.FLOAT64).matmul(x)).square().sum(0);
        } else {
            res = Nd.zeros(0);
        }
        return new Lstsq((vec ? x.reshape(n) : x).astype(t), res.astype(t), rank, s.s().astype(t));
    }

    /** Moore-Penrose pseudo-inverse with NumPy's default rcond = 1e-15. */
    public static NdArray pinv(NdArray a) {
        return pinv(a, 1e-15);
    }

    /** Pseudo-inverse: singular values at most {@code rcond * s_max} are treated as zero (NumPy's {@code pinv}). */
    public static NdArray pinv(NdArray a, double rcond) {
        if (a.ndim() > 2) {
            return mapMatrices(a, m -> pinv(m, rcond));
        }
        require2d("pinv", a);
        int m = a.shape(0), n = a.shape(1);
        DType t = resultType(a);
        if (m == 0 || n == 0) {
            return Nd.zeros(t, n, m);
        }
        Svd s = svd(a.astype(DType.FLOAT64), false);
        double[] sv = s.s().toDoubleArray();
        double cutoff = rcond * sv[0];
        double[] inv = new double[sv.length];
        for (int i = 0; i < sv.length; i++) {
            inv[i] = sv[i] > cutoff ? 1 / sv[i] : 0;
        }
        return s.vt().transpose().mul(NdArray.wrap(inv, 1, inv.length)).matmul(s.u().transpose()).astype(t);
    }

    /**
     * Solves the Sylvester equation A X + X B = Q (SciPy's {@code solve_sylvester}) by
     * Bartels-Stewart on the real Schur forms of A and B. A is (n, n), B (m, m), Q (n, m).
     *
     * @throws LinalgException when A and -B share an eigenvalue (the solution is not unique)
     */
    public static NdArray sylvester(NdArray a, NdArray b, NdArray q) {
        requireSquare("sylvester", a);
        requireSquare("sylvester", b);
        require2d("sylvester", a);
        require2d("sylvester", b);
        int n = a.shape(0), m = b.shape(0);
        if (q.ndim() != 2 || q.shape(0) != n || q.shape(1) != m) {
            throw new ShapeMismatchException("sylvester: a has shape " + sh(a) + ", b has shape " + sh(b)
                    + " so q must be (" + n + ", " + m + "), got " + sh(q));
        }
        DType t = DType.promote(DType.promote(resultType(a), resultType(b)), resultType(q));
        if (n == 0 || m == 0) {
            return Nd.zeros(t, n, m);
        }
        RealSchur sa = realSchur("sylvester", a);
        RealSchur sb = realSchur("sylvester", b);
        NdArray u = fromRows(sa.z, n, n, DType.FLOAT64);
        NdArray v = fromRows(sb.z, m, m, DType.FLOAT64);
        double[][] tt = sa.t;
        double[][] s = sb.t;
        double[] f = u.transpose().matmul(q.astype(DType.FLOAT64)).matmul(v).toDoubleArray();   // (n, m)
        double[] y = new double[n * m];
        int col = 0;
        while (col < m) {
            int bs = (col + 1 < m && s[col + 1][col] != 0) ? 2 : 1;
            int dim = n * bs;
            double[] sys = new double[dim * dim];
            double[] rhs = new double[dim];
            for (int c = 0; c < bs; c++) {
                int kcol = col + c;
                for (int i = 0; i < n; i++) {
                    double r = f[i * m + kcol];
                    for (int j = 0; j < col; j++) {
                        r -= y[i * m + j] * s[j][kcol];
                    }
                    rhs[c * n + i] = r;
                }
                // block (c, c2): T δ + S[col + c2][kcol] I
                for (int c2 = 0; c2 < bs; c2++) {
                    double coef = s[col + c2][kcol];
                    for (int i = 0; i < n; i++) {
                        int row = c * n + i;
                        if (c2 == c) {
                            for (int j = 0; j < n; j++) {
                                sys[row * dim + c2 * n + j] = tt[i][j];
                            }
                        }
                        sys[row * dim + c2 * n + i] += coef;
                    }
                }
            }
            try {
                luSolve("sylvester", a, sys, dim, rhs, 1);
            } catch (SingularMatrixException e) {
                throw new LinalgException("sylvester: A and -B have a common eigenvalue, so A X + X B = Q has no"
                        + " unique solution (shapes " + sh(a) + " and " + sh(b) + ")");
            }
            for (int c = 0; c < bs; c++) {
                for (int i = 0; i < n; i++) {
                    y[i * m + col + c] = rhs[c * n + i];
                }
            }
            col += bs;
        }
        return u.matmul(NdArray.wrap(y, n, m)).matmul(v.transpose()).astype(t);
    }

    /** Solves the continuous Lyapunov equation A X + X A^T = Q (SciPy's {@code solve_continuous_lyapunov}). */
    public static NdArray lyapunov(NdArray a, NdArray q) {
        requireSquare("lyapunov", a);
        return sylvester(a, a.transpose(), q);
    }

    // =================================================================== analysis

    /** Rank by SVD with NumPy's tolerance s_max * max(m, n) * eps; a vector has rank 1 unless all zero. */
    public static int matrixRank(NdArray a) {
        if (a.ndim() < 2) {
            for (double v : a.toDoubleArray()) {
                if (v != 0) {
                    return 1;
                }
            }
            return 0;
        }
        require2d("matrixRank", a);
        double[] s = singularValues(a);
        return s.length == 0 ? 0 : matrixRank(a, s[0] * Math.max(a.shape(0), a.shape(1)) * EPS);
    }

    /** Number of singular values greater than {@code tol}. */
    public static int matrixRank(NdArray a, double tol) {
        require2d("matrixRank", a);
        int r = 0;
        for (double v : singularValues(a)) {
            if (v > tol) {
                r++;
            }
        }
        return r;
    }

    /** Orthonormal basis of the null space, as columns (SciPy's {@code null_space}, rcond = eps * max(m, n)). */
    public static NdArray nullSpace(NdArray a) {
        require2d("nullSpace", a);
        return nullSpace(a, EPS * Math.max(a.shape(0), a.shape(1)));
    }

    /** Null space with singular values at most {@code rcond * s_max} treated as zero. */
    public static NdArray nullSpace(NdArray a, double rcond) {
        require2d("nullSpace", a);
        int n = a.shape(1);
        DType t = resultType(a);
        if (a.shape(0) == 0 || n == 0) {
            return Nd.eye(n, n, 0, t);
        }
        Svd s = svd(a.astype(DType.FLOAT64), true);
        int num = count(s.s().toDoubleArray(), rcond);
        return s.vt().get(Index.from(num), Index.all()).transpose().copy().astype(t);
    }

    /** Orthonormal basis of the range, as columns (SciPy's {@code orth}, rcond = eps * max(m, n)). */
    public static NdArray orth(NdArray a) {
        require2d("orth", a);
        return orth(a, EPS * Math.max(a.shape(0), a.shape(1)));
    }

    /** Range basis with singular values at most {@code rcond * s_max} treated as zero. */
    public static NdArray orth(NdArray a, double rcond) {
        require2d("orth", a);
        DType t = resultType(a);
        if (a.shape(0) == 0 || a.shape(1) == 0) {
            return Nd.zeros(t, a.shape(0), 0);
        }
        Svd s = svd(a.astype(DType.FLOAT64), false);
        int num = count(s.s().toDoubleArray(), rcond);
        return s.u().get(Index.all(), Index.upTo(num)).copy().astype(t);
    }

    private static int count(double[] s, double rcond) {
        double tol = s.length == 0 ? 0 : s[0] * rcond;
        int num = 0;
        for (double v : s) {
            if (v > tol) {
                num++;
            }
        }
        return num;
    }

    /** 2-norm of a vector, Frobenius norm of a matrix (the 2-norm of the flattened array), computed with scaling. */
    public static double norm(NdArray a) {
        return scaledNorm2(a.toDoubleArray());
    }

    /**
     * Matrix norms by name for 2-D input: "1", "-1", "2", "-2", "inf", "-inf", "fro", "nuc"; vector
     * norms for 1-D input: "1", "2", "inf", "-inf", "0" (count of non-zeros) or any number p.
     */
    public static double norm(NdArray a, String ord) {
        if (a.ndim() == 1) {
            double p = switch (ord) {
                case "inf" -> Double.POSITIVE_INFINITY;
                case "-inf" -> Double.NEGATIVE_INFINITY;
                case "fro", "nuc" -> throw new IllegalArgumentException("norm: ord \"" + ord
                        + "\" is a matrix norm; the input has shape " + sh(a));
                default -> parseOrd(ord);
            };
            return vectorNorm(a, p);
        }
        require2d("norm", a);
        int m = a.shape(0), n = a.shape(1);
        switch (ord) {
            case "fro":
                return norm(a);
            case "nuc": {
                double s = 0;
                for (double v : singularValues(a)) {
                    s += v;
                }
                return s;
            }
            case "2":
            case "-2": {
                double[] s = singularValues(a);
                if (s.length == 0) {
                    throw new IllegalArgumentException("norm: ord " + ord + " of an empty matrix " + sh(a));
                }
                return ord.equals("2") ? s[0] : s[s.length - 1];
            }
            case "1":
            case "-1":
                return extremeSum(a.abs().sum(0).toDoubleArray(), ord.equals("1"), a);
            case "inf":
            case "-inf":
                return extremeSum(a.abs().sum(1).toDoubleArray(), ord.equals("inf"), a);
            default:
                throw new IllegalArgumentException("norm: invalid matrix norm ord \"" + ord
                        + "\" (use 1, -1, 2, -2, inf, -inf, fro or nuc) for shape " + sh(a) + " (" + m + "x" + n + ")");
        }
    }

    private static double parseOrd(String ord) {
        try {
            return Double.parseDouble(ord);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("norm: invalid vector norm ord \"" + ord + "\"");
        }
    }

    private static double extremeSum(double[] sums, boolean max, NdArray a) {
        if (sums.length == 0) {
            throw new IllegalArgumentException("norm: reduction of the empty matrix " + sh(a));
        }
        double r = sums[0];
        for (double v : sums) {
            if (Double.isNaN(v)) {
                return v;
            }
            r = max ? Math.max(r, v) : Math.min(r, v);
        }
        return r;
    }

    /** Vector p-norm of the flattened array: p = 0 counts non-zeros, ±inf gives max/min |x|; p = 2 is scaled. */
    public static double vectorNorm(NdArray a, double p) {
        double[] x = a.toDoubleArray();
        if (p == 2) {
            return scaledNorm2(x);
        }
        if (p == Double.POSITIVE_INFINITY || p == Double.NEGATIVE_INFINITY) {
            if (x.length == 0) {
                throw new IllegalArgumentException("norm: ord " + p + " of an empty vector");
            }
            double r = Math.abs(x[0]);
            for (double v : x) {
                double av = Math.abs(v);
                if (Double.isNaN(av)) {
                    return av;
                }
                r = p > 0 ? Math.max(r, av) : Math.min(r, av);
            }
            return r;
        }
        if (p == 0) {
            int c = 0;
            for (double v : x) {
                if (v != 0) {
                    c++;
                }
            }
            return c;
        }
        if (p == 1) {
            double s = 0;
            for (double v : x) {
                s += Math.abs(v);
            }
            return s;
        }
        double s = 0;
        for (double v : x) {
            s += Math.pow(Math.abs(v), p);
        }
        return Math.pow(s, 1 / p);
    }

    private static double scaledNorm2(double[] x) {
        double scale = 0;
        double ssq = 1;
        for (double v : x) {
            if (v != 0) {
                double av = Math.abs(v);
                if (Double.isNaN(av)) {
                    return av;
                }
                if (scale < av) {
                    ssq = 1 + ssq * (scale / av) * (scale / av);
                    scale = av;
                } else {
                    ssq += (av / scale) * (av / scale);
                }
            }
        }
        return scale == Double.POSITIVE_INFINITY ? scale : scale * Math.sqrt(ssq);
    }

    /** 2-norm condition number s_max / s_min (infinite for a singular matrix). */
    public static double cond(NdArray a) {
        require2d("cond", a);
        double[] s = singularValues(a);
        if (s.length == 0) {
            throw new IllegalArgumentException("cond: empty matrix " + sh(a));
        }
        return s[0] / s[s.length - 1];
    }

    /** Condition number in the named norm ("1", "inf", "fro", "nuc", "2", "-2"...): norm(A) norm(inv(A)). */
    public static double cond(NdArray a, String ord) {
        if (ord.equals("2")) {
            return cond(a);
        }
        if (ord.equals("-2")) {
            double[] s = singularValues(a);
            return s[s.length - 1] / s[0];
        }
        requireSquare("cond", a);
        try {
            return norm(a, ord) * norm(inv(a), ord);
        } catch (SingularMatrixException e) {
            return Double.POSITIVE_INFINITY;
        }
    }

    /** Sum of the diagonal of a 2-D array. */
    public static double trace(NdArray a) {
        require2d("trace", a);
        return a.trace();
    }

    /** True when A is square and |A - A^T| &lt;= 0 everywhere (exact symmetry). */
    public static boolean isSymmetric(NdArray a) {
        return isSymmetric(a, 0);
    }

    /** True when A is square and |A[i,j] - A[j,i]| &lt;= tol * max(1, |A[i,j]|, |A[j,i]|) for every pair. */
    public static boolean isSymmetric(NdArray a, double tol) {
        if (a.ndim() != 2 || a.shape(0) != a.shape(1)) {
            return false;
        }
        int n = a.shape(0);
        double[] d = a.toDoubleArray();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double x = d[i * n + j];
                double y = d[j * n + i];
                if (!(Math.abs(x - y) <= tol * Math.max(1, Math.max(Math.abs(x), Math.abs(y))))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** True when A is symmetric (tolerance 1e-12, relative) and its Cholesky factorisation succeeds. */
    public static boolean isPositiveDefinite(NdArray a) {
        if (!isSymmetric(a, 1e-12)) {
            return false;
        }
        double[] d = a.toDoubleArray();
        return Kernels.cholesky(d, a.shape(0), new double[1]) < 0;
    }

    // =================================================================== matrix functions

    /** Matrix exponential (SciPy's {@code expm}: Padé 3-13 with scaling and squaring). Rejects NaN/infinity. */
    public static NdArray expm(NdArray a) {
        requireSquare("expm", a);
        if (a.ndim() > 2) {
            return mapMatrices(a, Linalg::expm);
        }
        DMatrixRMaj x = Dense.view(a);
        Dense.requireFinite("expm", x);
        return Dense.toNd(MatFun.expm(x), resultType(a));
    }

    /**
     * Principal real square root (Denman-Beavers iteration). Strix returns real results only: a
     * matrix with a real eigenvalue &lt;= 0 (whose principal root is complex or does not exist) is
     * rejected with a {@link LinalgException}, where SciPy would return a complex array.
     */
    public static NdArray sqrtm(NdArray a) {
        requireSquare("sqrtm", a);
        require2d("sqrtm", a);
        checkPrincipal("sqrtm", a);
        return Dense.toNd(MatFun.sqrtm(Dense.copy(a)), resultType(a));
    }

    /** Principal real logarithm (inverse scaling and squaring); same restriction as {@link #sqrtm}. */
    public static NdArray logm(NdArray a) {
        requireSquare("logm", a);
        require2d("logm", a);
        checkPrincipal("logm", a);
        return Dense.toNd(MatFun.logm(Dense.copy(a)), resultType(a));
    }

    private static void checkPrincipal(String op, NdArray a) {
        if (a.shape(0) == 0) {
            return;
        }
        RealSchur s = realSchur(op, a);
        for (int i = 0; i < s.n; i++) {
            if (s.wi[i] == 0 && s.wr[i] <= 0) {
                throw new LinalgException(op + ": the matrix of shape " + sh(a) + " has the real eigenvalue " + s.wr[i]
                        + " <= 0, so its principal " + (op.equals("sqrtm") ? "square root" : "logarithm")
                        + " is not real; Strix computes real results only");
            }
        }
    }
}
