package dev.strix.nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strix.linalg.Linalg;
import dev.strix.linalg.NotPositiveDefiniteException;
import dev.strix.linalg.SingularMatrixException;
import dev.strix.ndarray.DType;
import dev.strix.ndarray.Nd;
import dev.strix.ndarray.NdArray;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What is specific to the ND4J backend: that the run really goes through it, LAPACK's status
 * codes turned into Strix's exceptions with Strix's pivots, NaN handling, float32, large products
 * and the native stack. Correctness against NumPy/SciPy is linalg's own suite (OracleTest,
 * LinalgTest, EigTest, BackendSelectionTest), which this module runs with the backend selected.
 */
class Nd4jBackendTest {
    static final Nd4jBackend ND4J = new Nd4jBackend();

    @BeforeAll
    static void load() {
        ND4J.initialise();
    }

    static NdArray random(long seed, int m, int n) {
        return Nd.random(seed).gaussian(m, n);
    }

    @Test
    void theSuiteRunsWithTheNd4jBackendSelected() {
        assertEquals("nd4j", System.getProperty("strix.linalg.backend"), "surefire must select the backend");
        assertEquals("nd4j", Linalg.backendName());
    }

    @Test
    void everyOperationIsServedForOrdinaryInputAndDeclinedForEmptyInput() {
        NdArray a = random(1, 7, 7).add(Nd.eye(7).mul(7));
        NdArray spd = a.matmul(a.transpose());
        NdArray tall = random(2, 9, 4);
        NdArray b = random(3, 7, 2);
        assertNotNull(ND4J.lu(tall));
        assertNotNull(ND4J.lu(tall.transpose()));
        assertNotNull(ND4J.qr(tall, false));
        assertNotNull(ND4J.qr(tall, true));
        assertNotNull(ND4J.cholesky(spd, false));
        assertNotNull(ND4J.svd(tall, true));
        assertNotNull(ND4J.singularValues("svd", tall));
        assertNotNull(ND4J.eigh(spd));
        assertNotNull(ND4J.eigvalsh(spd));
        assertNotNull(ND4J.solve(a, b));
        assertNotNull(ND4J.solve(a, b.get(":, 0")));
        assertNotNull(ND4J.solveSpd(spd, b));
        assertNotNull(ND4J.inv(a));
        assertNotNull(ND4J.slogdet(a));
        assertNotNull(ND4J.lstsq(tall, random(4, 9, 1).reshape(9), 1e-15));
        assertNotNull(ND4J.matmul(random(5, 70, 70), random(6, 70, 70)));
        NdArray empty = Nd.zeros(0, 3);
        assertNull(ND4J.lu(empty));
        assertNull(ND4J.qr(empty, false));
        assertNull(ND4J.svd(empty, false));
        assertNull(ND4J.inv(Nd.zeros(0, 0)));
        assertNull(ND4J.matmul(Nd.ones(3, 3), Nd.ones(3, 3)), "small products stay on Strix's GEMM");
        assertNull(ND4J.matmul(Nd.ones(70, 70), Nd.ones(70, 70).astype(DType.FLOAT32)), "mixed types stay on Strix");
    }

    @Test
    void byDefaultSmallMatricesAndProductsStayOnStrix() {
        assertEquals("0", System.getProperty(Nd4jBackend.MIN_SIZE_PROPERTY), "the suite sends every size to LAPACK");
        Nd4jBackend defaults = new Nd4jBackend(64, false);
        NdArray small = random(17, 63, 63).add(Nd.eye(63).mul(10));
        assertNull(defaults.inv(small));
        assertNull(defaults.lu(random(18, 63, 10)));
        assertNotNull(defaults.inv(random(19, 64, 64).add(Nd.eye(64).mul(10))));
        assertNotNull(defaults.lstsq(random(20, 200, 3), random(21, 200, 1).reshape(200), 1e-15), "tall: 200 >= 64");
        assertNull(defaults.matmul(random(22, 200, 200), random(23, 200, 200)));
    }

    @Test
    void resultsMatchStrixsOwnKernels() {
        // Strix's kernels (EJML and its own LU/Cholesky/QR) are an independent implementation.
        NdArray a = random(7, 40, 40).add(Nd.eye(40).mul(3));
        NdArray b = random(8, 40, 3);
        NdArray viaNd4j = Linalg.solve(a, b);
        NdArray inv = Linalg.inv(a);
        double det = Linalg.detValue(a);
        NdArray spd = a.matmul(a.transpose());
        NdArray l = Linalg.cholesky(spd);
        NdArray s = Linalg.svd(a).s();
        NdArray w = Linalg.eigh(spd).values();
        Linalg.useBackend("strix");
        try {
            assertClose(Linalg.solve(a, b), viaNd4j, 1e-11, "solve");
            assertClose(Linalg.inv(a), inv, 1e-11, "inv");
            assertEquals(Linalg.detValue(a), det, Math.abs(det) * 1e-11, "det");
            assertClose(Linalg.cholesky(spd), l, 1e-11, "cholesky");
            assertClose(Linalg.svd(a).s(), s, 1e-11, "singular values");
            assertClose(Linalg.eigh(spd).values(), w, 1e-11, "eigenvalues");
        } finally {
            Linalg.useBackend("nd4j");
        }
    }

    static void assertClose(NdArray expected, NdArray actual, double rel, String what) {
        assertArrayEquals(expected.shape(), actual.shape(), what + " shape");
        double err = Linalg.norm(expected.sub(actual)) / Math.max(Linalg.norm(expected), Double.MIN_NORMAL);
        assertTrue(err <= rel, () -> what + ": relative difference " + err + " > " + rel);
    }

    @Test
    void lapackInfoBecomesSingularMatrixExceptionWithStrixsPivot() {
        int n = 200;
        for (int zeroCol : new int[] {0, 64, n / 2, n - 1}) {
            double[] d = random(zeroCol, n, n).toDoubleArray();
            for (int i = 0; i < n; i++) {
                d[i * n + zeroCol] = 0;
            }
            NdArray a = NdArray.wrap(d, n, n);
            SingularMatrixException e = assertThrows(SingularMatrixException.class, () -> Linalg.inv(a));
            assertEquals(zeroCol, e.pivot());
            assertTrue(e.getMessage().startsWith("inv: singular matrix of shape (200, 200): pivot " + zeroCol),
                    e.getMessage());
            e = assertThrows(SingularMatrixException.class, () -> Linalg.solve(a, Nd.ones(n, 3)));
            assertEquals(zeroCol, e.pivot());
            assertEquals(0.0, Linalg.detValue(a));
            assertEquals(Double.NEGATIVE_INFINITY, Linalg.slogdet(a).logAbsDet().item());
        }
    }

    @Test
    void lapackInfoBecomesNotPositiveDefiniteWithPivotAndValue() {
        int n = 200;
        NdArray g = random(9, n, n);
        for (int j : new int[] {0, 64, 150, n - 1}) {
            double[] d = g.matmul(g.transpose()).add(Nd.eye(n).mul(n)).toDoubleArray();
            d[j * n + j] = -1;
            NdArray a = NdArray.wrap(d, n, n);
            NotPositiveDefiniteException e = assertThrows(NotPositiveDefiniteException.class, () -> Linalg.cholesky(a));
            assertEquals(j, e.pivot());
            Linalg.useBackend("strix");
            String strixMessage;
            try {
                strixMessage = assertThrows(NotPositiveDefiniteException.class, () -> Linalg.cholesky(a)).getMessage();
            } finally {
                Linalg.useBackend("nd4j");
            }
            double strixValue = value(strixMessage);
            assertEquals(strixValue, value(e.getMessage()), 1e-9 * Math.abs(strixValue), "the failing pivot's value");
            e = assertThrows(NotPositiveDefiniteException.class, () -> Linalg.solveSpd(a, Nd.ones(n)));
            assertEquals(j, e.pivot());
        }
    }

    private static double value(String message) {
        int at = message.lastIndexOf(" is ");
        return Double.parseDouble(message.substring(at + 4, message.indexOf(" (must", at)));
    }

    @Test
    void nanPropagatesThroughDirectMethodsAndIsRejectedByIterativeOnes() {
        NdArray a = random(10, 5, 5);
        a.setDouble(Double.NaN, 2, 3);
        assertTrue(Double.isNaN(Linalg.detValue(a)));
        assertTrue(Linalg.solve(a, Nd.ones(5)).isNaN().any().itemBoolean());
        assertTrue(Linalg.inv(a).isNaN().any().itemBoolean());
        assertTrue(Linalg.lu(a).u().isNaN().any().itemBoolean());
        for (Runnable r : new Runnable[] {() -> Linalg.svd(a), () -> Linalg.svdvals(a), () -> Linalg.eigh(a),
            () -> Linalg.eigvalsh(a), () -> Linalg.lstsq(a, Nd.ones(5)), () -> Linalg.cond(a)}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
            assertTrue(e.getMessage().contains("NaN") && e.getMessage().contains("row 2, column 3"), e.getMessage());
        }
        NdArray spd = Nd.eye(3).copy();
        spd.setDouble(Double.NaN, 1, 1);
        assertThrows(NotPositiveDefiniteException.class, () -> Linalg.cholesky(spd), "as Strix: NaN is not > 0");
    }

    @Test
    void float32IsComputedInFloat64AndRoundedOnce() {
        NdArray a = random(11, 6, 6).add(Nd.eye(6).mul(6)).astype(DType.FLOAT32);
        assertSame(DType.FLOAT32, Linalg.inv(a).dtype());
        assertSame(DType.FLOAT32, Linalg.svd(a).u().dtype());
        assertSame(DType.FLOAT32, Linalg.eigh(a.add(a.transpose())).vectors().dtype());
        assertSame(DType.FLOAT32, Linalg.lstsq(a, Nd.ones(DType.FLOAT32, 6)).x().dtype());
        assertEquals(Linalg.inv(a.astype(DType.FLOAT64)).astype(DType.FLOAT32), Linalg.inv(a));
        NdArray big = random(12, 80, 80).astype(DType.FLOAT32);
        NdArray p = Linalg.matmul(big, big);
        assertSame(DType.FLOAT32, p.dtype(), "float32 GEMM (sgemm)");
        assertClose(big.astype(DType.FLOAT64).matmul(big.astype(DType.FLOAT64)), p.astype(DType.FLOAT64), 1e-5, "sgemm");
    }

    @Test
    void largeProductsGoThroughNd4jGemmWithStrixsResult() {
        NdArray a = random(13, 150, 90);
        NdArray b = random(14, 90, 120);
        NdArray view = random(15, 200, 200).get("10:160, 5:95");   // strided view: copied once
        assertClose(a.matmul(b), Linalg.matmul(a, b), 1e-13, "dgemm");
        assertClose(view.matmul(b), Linalg.matmul(view, b), 1e-13, "dgemm of a view");
        assertClose(b.transpose().matmul(a.transpose()), Linalg.matmul(b.transpose(), a.transpose()), 1e-13,
                "dgemm of transposes");
    }

    @Test
    void lapackRunsSafelyFromThreadsWithSmallStacks() throws InterruptedException {
        // OpenBLAS's threaded getrf needs several MB of stack; called on a 256 KB thread directly it
        // would kill the JVM (segmentation fault). The backend runs it on its own big-stack thread.
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<NdArray> out = new AtomicReference<>();
        NdArray a = random(16, 300, 300).add(Nd.eye(300).mul(30));
        Thread t = new Thread(null, () -> {
            try {
                out.set(Linalg.inv(a));
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "small-stack", 256 * 1024);
        t.start();
        t.join();
        assertNull(failure.get());
        assertClose(Nd.eye(300), a.matmul(out.get()), 1e-12, "A inv(A)");
    }
}
