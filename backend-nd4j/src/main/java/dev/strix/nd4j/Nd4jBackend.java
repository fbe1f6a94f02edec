package dev.strix.nd4j;

import static org.bytedeco.openblas.global.openblas.LAPACK_COL_MAJOR;

import dev.strix.linalg.Eigh;
import dev.strix.linalg.LinalgException;
import dev.strix.linalg.Lstsq;
import dev.strix.linalg.Lu;
import dev.strix.linalg.NotPositiveDefiniteException;
import dev.strix.linalg.Qr;
import dev.strix.linalg.SingularMatrixException;
import dev.strix.linalg.SlogDet;
import dev.strix.linalg.Svd;
import dev.strix.linalg.spi.LinalgBackend;
import dev.strix.ndarray.DType;
import dev.strix.ndarray.Nd;
import dev.strix.ndarray.NdArray;
import dev.strix.ndarray.ShapeMismatchException;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.bytedeco.openblas.global.openblas;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The {@code nd4j} linear-algebra backend: LU, Cholesky, QR, SVD, symmetric eigen, inverse,
 * determinant, least squares and solves by the LAPACK of ND4J's native CPU backend (the OpenBLAS
 * build that {@code nd4j-native} loads, called through its LAPACKE entry points as ND4J's own
 * {@code CpuLapack} does), and large matrix products by ND4J's GEMM.
 *
 * <p>Select it with {@code -Dstrix.linalg.backend=nd4j} or {@code Linalg.useBackend("nd4j")};
 * it is found by {@link java.util.ServiceLoader}. Results follow Strix's contracts, not raw
 * LAPACK's: float32 is computed in float64 and rounded once; LAPACK's {@code info > 0} from
 * {@code getrf}/{@code gesv}/{@code getri} becomes a {@link SingularMatrixException} with the
 * pivot, from {@code potrf} a {@link NotPositiveDefiniteException} with the pivot and its value;
 * NaN or infinity into SVD, symmetric eigen and least squares is an
 * {@link IllegalArgumentException}. Input with NaN into the direct methods (which LAPACKE
 * rejects) is handed back to Strix, which propagates NaN as NumPy does.
 *
 * <p>Why not ND4J's {@code Lapack} interface: it has no {@code gesdd}, {@code syevd},
 * {@code gelsd}, {@code getrs}/{@code potrs} or working {@code getri}, forms only the thin Q of a
 * tall matrix, and reports a failed Cholesky as a {@link java.lang.Error}; the LAPACKE functions
 * below are the same library without those limits.
 *
 * <p>Data movement: LAPACK works in place on column-major storage, so every call copies its input
 * once into a private column-major array (the copy any LAPACK driver makes; Strix's own kernels
 * copy too), hands it to LAPACKE through JavaCPP (which copies heap arrays to native memory and
 * back), and converts the results to row-major NdArrays.
 */
public final class Nd4jBackend implements LinalgBackend {

    /** Products with fewer multiply-adds than this stay on Strix's GEMM (copies dominate below). */
    static final long GEMM_MIN_FLOPS = 64L * 64 * 64;

    private static final int COL = LAPACK_COL_MAJOR;

    /**
     * Stack size of the threads that run the native calls. OpenBLAS 0.3.21's threaded getrf and
     * getrs keep several MB of per-thread bookkeeping (arrays sized by its maximum thread count) on
     * the calling thread's stack: on a Java thread with the default 1 MB stack (2 MB is not enough
     * either; 4 MB is) the JVM dies with a segmentation fault, without an hs_err report.
     */
    static final long NATIVE_STACK_BYTES = 32L << 20;

    /** Big-stack daemon threads, created on demand and dropped after 30 s idle; concurrent callers stay concurrent. */
    private static final ThreadPoolExecutor NATIVE = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
            new SynchronousQueue<>(), new NativeThreads());

    private static final class NativeThreads implements java.util.concurrent.ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new NativeThread(r, "strix-nd4j-native-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }

    private static final class NativeThread extends Thread {
        NativeThread(Runnable r, String name) {
            super(null, r, name, NATIVE_STACK_BYTES);
        }
    }

    /**
     * Runs a LAPACKE/BLAS call on a thread with a {@link #NATIVE_STACK_BYTES} stack (directly when
     * already on one) and returns its status. The hand-off costs some microseconds per call.
     */
    static int onLapackThread(IntSupplier call) {
        if (Thread.currentThread() instanceof NativeThread) {
            return call.getAsInt();
        }
        Future<Integer> f = NATIVE.submit(call::getAsInt);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return f.get();
                } catch (InterruptedException e) {
                    interrupted = true;   // the native call cannot be stopped half-way; wait for it
                }
            }
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** System property: matrices whose larger dimension is below this stay on Strix's kernels (default 64). */
    public static final String MIN_SIZE_PROPERTY = "strix.nd4j.minSize";

    /** System property: "true" routes large {@code Linalg.matmul} calls to ND4J's GEMM (default false). */
    public static final String GEMM_PROPERTY = "strix.nd4j.gemm";

    private final int minSize;
    private final boolean gemm;

    /**
     * Reads {@value #MIN_SIZE_PROPERTY} and {@value #GEMM_PROPERTY}. Below 64 the hand-off to the
     * native thread and the copies cost more than LAPACK saves (an 8 x 8 solve: 2-7 us on Strix,
     * 37-460 us here on the loaded project machine); ND4J's GEMM with its three copies was not faster than Strix's in the
     * measurements of docs/linalg.md, so products stay on Strix unless asked for.
     */
    public Nd4jBackend() {
        this(Integer.getInteger(MIN_SIZE_PROPERTY, 64), Boolean.getBoolean(GEMM_PROPERTY));
    }

    Nd4jBackend(int minSize, boolean gemm) {
        this.minSize = minSize;
        this.gemm = gemm;
    }

    /** True when an (m, n) problem is left to Strix: empty, or smaller than minSize. */
    private boolean declines(int m, int n) {
        return m == 0 || n == 0 || Math.max(m, n) < minSize;
    }

    @Override
    public String name() {
        return "nd4j";
    }

    /** The description of the first successful initialisation (the natives load once per JVM). */
    private static volatile String loaded;

    @Override
    public String initialise() {
        String done = loaded;
        if (done != null) {
            return done.replaceFirst(", natives loaded in \\d+ ms$", ", natives already loaded");
        }
        String os = System.getProperty("os.name", "?");
        String arch = System.getProperty("os.arch", "?");
        if (!os.toLowerCase(Locale.ROOT).startsWith("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            throw new UnsupportedOperationException("strix-backend-nd4j ships ND4J's linux-x86_64 natives only;"
                    + " this JVM runs on " + os + "/" + arch);
        }
        long t0 = System.nanoTime();
        // Loads libnd4jcpu and OpenBLAS (ND4J's backend discovery), then the LAPACKE bindings.
        String backend = Nd4j.getBackend().getClass().getSimpleName();
        Nd4j.create(DataType.DOUBLE, 1, 1).close();
        int probe = onLapackThread(() -> openblas.LAPACKE_dpotrf(COL, (byte) 'U', 1, new double[] {4}, 1));   // loads the LAPACKE bindings
        if (probe != 0) {
            throw new IllegalStateException("LAPACKE_dpotrf of [[4]] returned " + probe);
        }
        int threads = Nd4j.factory().blas().getMaxThreads();
        loaded = "ND4J " + backend + " with OpenBLAS, " + threads + " BLAS thread" + (threads == 1 ? "" : "s")
                + ", natives loaded in " + (System.nanoTime() - t0) / 1_000_000 + " ms";
        return loaded;
    }

    // =================================================================== conversions

    /** Strix's result type: float32 stays float32, everything else is float64. */
    static DType resultType(NdArray a) {
        return a.dtype() == DType.FLOAT32 ? DType.FLOAT32 : DType.FLOAT64;
    }

    static String sh(NdArray a) {
        return ShapeMismatchException.shapeString(a.shape());
    }

    /** A fresh column-major float64 copy of a 2-D array (the transposed view, read row-major). */
    static double[] colMajor(NdArray a) {
        return a.transpose().toDoubleArray();
    }

    /** A row-major NdArray of dtype t from the leading (m, n) block of a column-major array with leading dimension ld. */
    static NdArray fromColMajor(double[] d, int m, int n, int ld, DType t) {
        if (m == 0 || n == 0) {
            return Nd.zeros(t, m, n);
        }
        NdArray view = NdArray.wrap(d, new int[] {m, n}, new int[] {1, ld}, 0);
        return t == DType.FLOAT64 ? view.copy() : view.astype(t);
    }

    static NdArray vec(double[] v, DType t) {
        NdArray out = NdArray.wrap(v, v.length);
        return t == DType.FLOAT64 ? out : out.astype(t);
    }

    /** b as a column-major (n, k) float64 array: a vector is already one column. */
    static double[] rhs(NdArray b) {
        return b.ndim() == 1 ? b.toDoubleArray() : colMajor(b);
    }

    static boolean allFinite(NdArray a) {
        for (double v : a.toDoubleArray()) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /** Strix's check for the iterative methods, with the same message (first offender in row-major order). */
    static void requireFinite(String op, double[] col, int m, int n) {
        requireFinite(op, col, m, n, true);
    }

    /** As above for an (m, n) array stored column-major ({@code colMajor}) or row-major. */
    static void requireFinite(String op, double[] d, int m, int n, boolean colMajor) {
        long first = Long.MAX_VALUE;
        for (int p = 0; p < d.length && p < (long) m * n; p++) {
            if (!Double.isFinite(d[p])) {
                long i = colMajor ? p % m : p / n;
                long j = colMajor ? p / m : p % n;
                first = Math.min(first, i * n + j);
                if (!colMajor) {
                    break;
                }
            }
        }
        if (first != Long.MAX_VALUE) {
            throw new IllegalArgumentException(op + ": the input contains NaN or infinity (at row " + first / n
                    + ", column " + first % n + ")");
        }
    }

    /**
     * Interprets a LAPACKE status. Negative: an argument was rejected; LAPACKE rejects NaN in its
     * input (it scans for it), and then the call is handed back to Strix (false), which
     * propagates NaN; anything else is a bug in this class. Zero: true.
     */
    static boolean accepted(String routine, int info, NdArray... inputs) {
        if (info >= 0) {
            return true;
        }
        for (NdArray x : inputs) {
            if (!allFinite(x)) {
                return false;
            }
        }
        throw new IllegalStateException("LAPACKE_" + routine + " rejected argument " + (-info));
    }

    // =================================================================== products

    @Override
    public NdArray matmul(NdArray a, NdArray b) {
        int m = a.shape(0), k = a.shape(1), n = b.shape(1);
        if (!gemm || k != b.shape(0) || a.dtype() != b.dtype() || !a.dtype().isFloating()
                || (long) m * n * k < GEMM_MIN_FLOPS) {
            return null;   // errors, mixed or integer types and small products: Strix's matmul
        }
        DataType dt = a.dtype() == DType.FLOAT32 ? DataType.FLOAT : DataType.DOUBLE;
        INDArray x = Nd4jArrays.toINDArray(a.contiguous());
        INDArray y = Nd4jArrays.toINDArray(b.contiguous());
        INDArray c = Nd4j.createUninitialized(dt, new long[] {m, n}, 'c');
        try {
            onLapackThread(() -> {
                Nd4j.gemm(x, y, c, false, false, 1.0, 0.0);
                return 0;
            });
            return Nd4jArrays.toNdArray(c);
        } finally {
            x.close();
            y.close();
            c.close();
        }
    }

    // =================================================================== LU family

    /** LAPACK's sequential row interchanges (1-based) as Strix's permutation: row i of P A is row perm[i] of A. */
    static int[] permutation(int[] ipiv, int m) {
        int[] perm = new int[m];
        for (int i = 0; i < m; i++) {
            perm[i] = i;
        }
        for (int i = 0; i < ipiv.length; i++) {
            int p = ipiv[i] - 1;
            int t = perm[i];
            perm[i] = perm[p];
            perm[p] = t;
        }
        return perm;
    }

    @Override
    public Lu lu(NdArray a) {
        int m = a.shape(0), n = a.shape(1), k = Math.min(m, n);
        if (declines(m, n)) {
            return null;
        }
        double[] d = colMajor(a);
        int[] ipiv = new int[k];
        if (!accepted("dgetrf", onLapackThread(() -> openblas.LAPACKE_dgetrf(COL, m, n, d, m, ipiv)), a)) {
            return null;
        }
        double[] l = new double[m * k];
        double[] u = new double[k * n];
        for (int j = 0; j < k; j++) {
            l[j * k + j] = 1;
            for (int i = j + 1; i < m; i++) {
                l[i * k + j] = d[j * m + i];
            }
        }
        for (int j = 0; j < n; j++) {
            for (int i = 0; i <= Math.min(j, k - 1); i++) {
                u[i * n + j] = d[j * m + i];
            }
        }
        DType t = resultType(a);
        return new Lu(rowMajor(l, m, k, t), rowMajor(u, k, n, t), permutation(ipiv, m));
    }

    private static NdArray rowMajor(double[] rowMajor, int m, int n, DType t) {
        NdArray out = NdArray.wrap(rowMajor, m, n);
        return t == DType.FLOAT64 ? out : out.astype(t);
    }

    @Override
    public NdArray solve(NdArray a, NdArray b) {
        int n = a.shape(0);
        if (declines(n, n)) {
            return null;
        }
        int k = b.ndim() == 1 ? 1 : b.shape(1);
        double[] d = colMajor(a);
        double[] x = rhs(b);
        int[] ipiv = new int[n];
        int info = onLapackThread(() -> openblas.LAPACKE_dgesv(COL, n, k, d, n, ipiv, x, n));
        if (!accepted("dgesv", info, a, b)) {
            return null;
        }
        if (info > 0) {
            throw new SingularMatrixException("solve", info - 1, sh(a));
        }
        DType t = DType.promote(resultType(a), resultType(b));
        return b.ndim() == 1 ? vec(x, t) : fromColMajor(x, n, k, n, t);
    }

    @Override
    public NdArray inv(NdArray a) {
        int n = a.shape(0);
        if (declines(n, n)) {
            return null;
        }
        double[] d = colMajor(a);
        int[] ipiv = new int[n];
        int info = onLapackThread(() -> openblas.LAPACKE_dgetrf(COL, n, n, d, n, ipiv));
        if (!accepted("dgetrf", info, a)) {
            return null;
        }
        if (info > 0) {
            throw new SingularMatrixException("inv", info - 1, sh(a));
        }
        if (!accepted("dgetri", onLapackThread(() -> openblas.LAPACKE_dgetri(COL, n, d, n, ipiv)), a)) {
            return null;
        }
        return fromColMajor(d, n, n, n, resultType(a));
    }

    @Override
    public SlogDet slogdet(NdArray a) {
        int n = a.shape(0);
        if (declines(n, n)) {
            return null;
        }
        double[] d = colMajor(a);
        int[] ipiv = new int[n];
        if (!accepted("dgetrf", onLapackThread(() -> openblas.LAPACKE_dgetrf(COL, n, n, d, n, ipiv)), a)) {
            return null;
        }
        double sign = 1;
        for (int i = 0; i < n; i++) {
            if (ipiv[i] - 1 != i) {
                sign = -sign;
            }
        }
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

    // =================================================================== Cholesky

    /**
     * Factors in place the symmetric matrix given by the lower triangle of row-major {@code d}
     * (which LAPACK, reading column-major, sees as the upper triangle of the same matrix), so no
     * transposition is needed: on return the row-major lower triangle of d holds L. Returns -1, or
     * the failing pivot with its value in {@code bad[0]}; null when LAPACKE rejected NaN.
     */
    static Integer potrf(double[] d, int n, double[] bad, NdArray a) {
        int info = onLapackThread(() -> openblas.LAPACKE_dpotrf(COL, (byte) 'U', n, d, n));
        if (!accepted("dpotrf", info, a)) {
            return null;
        }
        if (info > 0) {
            // The failing diagonal element holds the value that was not positive (OpenBLAS potf2 stores it).
            bad[0] = d[(info - 1) * n + (info - 1)];
            return info - 1;
        }
        return -1;
    }

    @Override
    public NdArray cholesky(NdArray a, boolean upper) {
        int n = a.shape(0);
        if (declines(n, n)) {
            return null;
        }
        double[] d = a.toDoubleArray();
        double[] bad = new double[1];
        Integer fail = potrf(d, n, bad, a);
        if (fail == null) {
            return null;
        }
        if (fail >= 0) {
            throw new NotPositiveDefiniteException("cholesky", fail, bad[0], sh(a));
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                d[i * n + j] = 0;   // LAPACK leaves the other triangle as it was
            }
        }
        NdArray l = rowMajor(d, n, n, resultType(a));
        return upper ? l.transpose().copy() : l;
    }

    @Override
    public NdArray solveSpd(NdArray a, NdArray b) {
        int n = a.shape(0);
        if (declines(n, n)) {
            return null;
        }
        double[] d = a.toDoubleArray();
        double[] bad = new double[1];
        Integer fail = potrf(d, n, bad, a);
        if (fail == null) {
            return null;
        }
        if (fail >= 0) {
            throw new NotPositiveDefiniteException("solveSpd", fail, bad[0], sh(a));
        }
        int k = b.ndim() == 1 ? 1 : b.shape(1);
        double[] x = rhs(b);
        if (!accepted("dpotrs", onLapackThread(() -> openblas.LAPACKE_dpotrs(COL, (byte) 'U', n, k, d, n, x, n)), b)) {
            return null;
        }
        DType t = DType.promote(resultType(a), resultType(b));
        return b.ndim() == 1 ? vec(x, t) : fromColMajor(x, n, k, n, t);
    }

    // =================================================================== QR

    @Override
    public Qr qr(NdArray a, boolean complete) {
        int m = a.shape(0), n = a.shape(1), k = Math.min(m, n);
        if (declines(m, n)) {
            return null;
        }
        double[] d = colMajor(a);
        double[] tau = new double[k];
        if (!accepted("dgeqrf", onLapackThread(() -> openblas.LAPACKE_dgeqrf(COL, m, n, d, m, tau)), a)) {
            return null;
        }
        int qc = complete ? m : k;
        DType t = resultType(a);
        double[] r = new double[qc * n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i <= Math.min(j, k - 1); i++) {
                r[i * n + j] = d[j * m + i];
            }
        }
        double[] q = new double[m * qc];
        System.arraycopy(d, 0, q, 0, m * k);   // the k reflectors, column-major
        int info = onLapackThread(() -> openblas.LAPACKE_dorgqr(COL, m, qc, k, q, m, tau));
        if (info != 0) {
            throw new IllegalStateException("LAPACKE_dorgqr returned " + info + " for shape " + sh(a));
        }
        return new Qr(fromColMajor(q, m, qc, m, t), rowMajor(r, qc, n, t));
    }

    // =================================================================== SVD

    @Override
    public Svd svd(NdArray a, boolean fullMatrices) {
        int m = a.shape(0), n = a.shape(1), k = Math.min(m, n);
        if (declines(m, n)) {
            return null;
        }
        double[] d = colMajor(a);
        requireFinite("svd", d, m, n);
        int uc = fullMatrices ? m : k;
        int vr = fullMatrices ? n : k;
        double[] s = new double[k];
        double[] u = new double[m * uc];
        double[] vt = new double[vr * n];
        int info = onLapackThread(() -> openblas.LAPACKE_dgesdd(COL, (byte) (fullMatrices ? 'A' : 'S'), m, n, d, m, s, u, m, vt, vr));
        if (info > 0) {
            throw new LinalgException("svd: did not converge for shape " + sh(a));
        }
        accepted("dgesdd", info);
        DType t = resultType(a);
        return new Svd(fromColMajor(u, m, uc, m, t), vec(s, t), fromColMajor(vt, vr, n, vr, t));
    }

    @Override
    public double[] singularValues(String op, NdArray a) {
        int m = a.shape(0), n = a.shape(1), k = Math.min(m, n);
        if (declines(m, n)) {
            return null;
        }
        double[] d = colMajor(a);
        requireFinite(op, d, m, n);
        double[] s = new double[k];
        int info = onLapackThread(() -> openblas.LAPACKE_dgesdd(COL, (byte) 'N', m, n, d, m, s, new double[1], 1, new double[1], 1));
        if (info > 0) {
            throw new LinalgException(op + ": did not converge for shape " + sh(a));
        }
        accepted("dgesdd", info);
        return s;
    }

    // =================================================================== symmetric eigen

    /**
     * syevd on the row-major lower triangle of a (LAPACK's column-major upper triangle of the
     * same buffer: no transposition), NumPy's UPLO="L". Eigenvalues ascending into w.
     */
    private static double[] syevd(String op, NdArray a, boolean vectors, double[] w) {
        int n = a.shape(0);
        double[] d = a.toDoubleArray();
        requireFinite(op, d, n, n, false);
        int info = onLapackThread(() -> openblas.LAPACKE_dsyevd(COL, (byte) (vectors ? 'V' : 'N'), (byte) 'U', n, d, n, w));
        if (info > 0) {
            throw new LinalgException(op + ": did not converge for shape " + sh(a));
        }
        accepted("dsyevd", info);
        return d;
    }

    @Override
    public Eigh eigh(NdArray a) {
        int n = a.shape(0);
        if (declines(n, n)) {
            return null;
        }
        double[] w = new double[n];
        double[] v = syevd("eigh", a, true, w);
        DType t = resultType(a);
        return new Eigh(vec(w, t), fromColMajor(v, n, n, n, t));
    }

    @Override
    public NdArray eigvalsh(NdArray a) {
        int n = a.shape(0);
        if (declines(n, n)) {
            return null;
        }
        double[] w = new double[n];
        syevd("eigvalsh", a, false, w);
        return vec(w, resultType(a));
    }

    // =================================================================== least squares

    @Override
    public Lstsq lstsq(NdArray a, NdArray b, double rcond) {
        int m = a.shape(0), n = a.shape(1);
        if (declines(m, n)) {
            return null;
        }
        boolean vector = b.ndim() == 1;
        int k = vector ? 1 : b.shape(1);
        double[] d = colMajor(a);
        requireFinite("lstsq", d, m, n);
        int ldb = Math.max(m, n);
        double[] x = new double[ldb * k];
        double[] bc = rhs(b);
        for (int j = 0; j < k; j++) {
            System.arraycopy(bc, j * m, x, j * ldb, m);
        }
        double[] s = new double[Math.min(m, n)];
        int[] rank = new int[1];
        int info = onLapackThread(() -> openblas.LAPACKE_dgelsd(COL, m, n, k, d, m, x, ldb, s, rcond, rank));
        if (!accepted("dgelsd", info, b)) {
            return null;
        }
        if (info > 0) {
            throw new LinalgException("lstsq: the SVD did not converge for shape " + sh(a));
        }
        DType t = DType.promote(resultType(a), resultType(b));
        NdArray res;
        if (rank[0] == n && m > n) {
            // NumPy's residuals: the squared norms of rows n..m-1 of gelsd's output, per column.
            double[] r = new double[k];
            for (int j = 0; j < k; j++) {
                double sum = 0;
                for (int i = n; i < m; i++) {
                    double v = x[j * ldb + i];
                    sum += v * v;
                }
                r[j] = sum;
            }
            res = vec(r, t);
        } else {
            res = Nd.zeros(t, 0);
        }
        NdArray sol = vector ? vec(java.util.Arrays.copyOf(x, n), t) : fromColMajor(x, n, k, ldb, t);
        return new Lstsq(sol, res, rank[0], vec(s, t));
    }
}
