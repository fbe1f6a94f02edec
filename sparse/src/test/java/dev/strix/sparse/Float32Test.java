package dev.strix.sparse;

import static dev.strix.sparse.OracleTest.doubles;
import static dev.strix.sparse.OracleTest.ints;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strix.ndarray.DType;
import dev.strix.ndarray.Nd;
import dev.strix.ndarray.NdArray;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * float32 matrices against SciPy's float32 results (src/test/resources/oracle/float32_cases.json,
 * from sparse/oracle/make_float32_cases.py). Conversions and element-wise operations must match
 * bit for bit (one rounding each, in both); products and axis sums within
 * {@code rtol |e| + atol * sum|a_ik x_k|} (different accumulation order, FMA in the vector kernel).
 * Every result must also be float32, as SciPy's is.
 */
class Float32Test {
    @TestFactory
    Stream<DynamicTest> scipyFloat32Cases() throws Exception {
        JsonNode root;
        try (InputStream in = Float32Test.class.getResourceAsStream("/oracle/float32_cases.json")) {
            root = new ObjectMapper().readTree(in);
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : root.get("cases")) {
            tests.add(DynamicTest.dynamicTest(c.get("id").asText(), () -> run(c)));
        }
        assertTrue(tests.size() >= 80, "expected the full case file");
        return tests.stream();
    }

    private static void run(JsonNode c) {
        String op = c.get("op").asText();
        String id = c.get("id").asText();
        JsonNode in = c.get("inputs"), ex = c.get("expected");
        double rtol = c.get("tolerance").get("rtol").asDouble(), atol = c.get("tolerance").get("atol").asDouble();
        float[] scale = c.has("scale") ? floats(c.get("scale")) : null;
        if (op.equals("from_dense")) {
            CsrMatrix m = CsrMatrix.fromDense(dense(in.get("dense")));
            checkMatrix(id, ex.get("m"), m);
            checkMatrix(id + " csc", ex.get("m"), CscMatrix.fromDense(dense(in.get("dense"))).toCsr());
            return;
        }
        CsrMatrix a = csr(in.get("a"));
        assertEquals(DType.FLOAT32, a.dtype(), id);
        switch (op) {
            case "to_dense" -> same(id, ex.get("out"), a.toDense());
            case "to_csc" -> {
                CscMatrix t = a.toCsc();
                assertEquals(DType.FLOAT32, t.dtype(), id);
                assertArrayEquals(ints(ex.get("m").get("indptr")), t.colptr(), id);
                assertArrayEquals(ints(ex.get("m").get("indices")), t.rowIndices(), id);
                assertArrayEquals(floats(ex.get("m").get("data")), t.floatData(), id);
                assertEquals(a, t.toCsr(), id + ": round trip");
            }
            case "matvec" -> {
                NdArray y = a.matmul(dense(in.get("x")));
                close(id, ex.get("out"), y, rtol, atol, scale);
                // the float[] form and the CSC (transpose-SpMV) form give the same
                close(id + " float[]", ex.get("out"), NdArray.wrap(a.matvec(floats(in.get("x"))), a.rows()), rtol, atol, scale);
                close(id + " csc", ex.get("out"), a.toCsc().matmul(dense(in.get("x"))), rtol, atol, scale);
            }
            case "rmatvec" -> {
                close(id, ex.get("out"), a.rmatvec(dense(in.get("x"))), rtol, atol, scale);
                close(id + " float[]", ex.get("out"), NdArray.wrap(a.rmatvec(floats(in.get("x"))), a.cols()), rtol, atol, scale);
            }
            case "spmm" -> close(id, ex.get("out"), a.matmul(dense(in.get("x"))), rtol, atol, scale);
            case "spgemm" -> {
                CsrMatrix p = a.matmul(csr(in.get("b")));
                assertEquals(DType.FLOAT32, p.dtype(), id);
                close(id, ex.get("out"), p.toDense(), rtol, atol, scale);
                close(id + " csc", ex.get("out"), a.toCsc().matmul(csr(in.get("b")).toCsc()).toDense(), rtol, atol, scale);
            }
            case "add" -> checkMatrix(id, ex.get("m"), a.add(csr(in.get("b"))));
            case "sub" -> checkMatrix(id, ex.get("m"), a.sub(csr(in.get("b"))));
            case "multiply" -> checkMatrix(id, ex.get("m"), a.multiply(csr(in.get("b"))));
            case "mul_scalar" -> same(id, ex.get("out"), a.mul(in.get("s").asDouble()).toDense());
            case "sum_axis0" -> close(id, ex.get("out"), a.sum(0), rtol, atol, scale);
            case "sum_axis1" -> close(id, ex.get("out"), a.sum(1), rtol, atol, scale);
            case "vstack" -> {
                CsrMatrix v = Sparse.vstack(a, csr(in.get("b")));
                assertEquals(DType.FLOAT32, v.dtype(), id);
                same(id, ex.get("out"), v.toDense());
                same(id + " hstack of transposes", ex.get("out"),
                        Sparse.hstack(a.transpose().toCsr(), csr(in.get("b")).transpose().toCsr()).toDense().transpose().copy());
            }
            case "kron" -> same(id, ex.get("out"), Sparse.kron(a, csr(in.get("b"))).toDense());
            default -> throw new AssertionError("unknown op " + op);
        }
    }

    static CsrMatrix csr(JsonNode m) {
        int[] sh = ints(m.get("shape"));
        return CsrMatrix.of(sh[0], sh[1], ints(m.get("indptr")), ints(m.get("indices")), floats(m.get("data")));
    }

    static NdArray dense(JsonNode a) {
        return NdArray.wrap(floats(a.get("data")), ints(a.get("shape")));
    }

    static float[] floats(JsonNode a) {
        double[] d = doubles(a.has("data") ? a.get("data") : a);
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    private static void checkMatrix(String id, JsonNode e, CsrMatrix m) {
        assertEquals(DType.FLOAT32, m.dtype(), id + ": dtype");
        assertArrayEquals(ints(e.get("indptr")), m.indptr(), id + ": indptr");
        assertArrayEquals(ints(e.get("indices")), m.indices(), id + ": indices");
        assertArrayEquals(floats(e.get("data")), m.floatData(), id + ": data, bit for bit");
    }

    private static void same(String id, JsonNode e, NdArray actual) {
        assertEquals(DType.FLOAT32, actual.dtype(), id + ": dtype");
        assertArrayEquals(ints(e.get("shape")), actual.shape(), id + ": shape");
        assertArrayEquals(floats(e.get("data")), actual.toFloatArray(), id + ": bit for bit");
    }

    private static void close(String id, JsonNode e, NdArray actual, double rtol, double atol, float[] scale) {
        assertEquals(DType.FLOAT32, actual.dtype(), id + ": dtype");
        assertArrayEquals(ints(e.get("shape")), actual.shape(), id + ": shape");
        float[] ev = floats(e.get("data")), av = actual.toFloatArray();
        for (int i = 0; i < ev.length; i++) {
            double bound = rtol * Math.abs(ev[i]) + atol * (scale == null ? 1 : scale[i]);
            assertTrue(Math.abs(av[i] - ev[i]) <= bound, id + ": element " + i + " expected " + ev[i] + " got " + av[i]);
        }
    }

    @Test
    void conversionsKeepOrPromoteTheDtype() {
        NdArray d = Nd.of(new double[][] {{0, 1.5}, {-2, 0}});
        CsrMatrix a64 = CsrMatrix.fromDense(d);
        assertEquals(DType.FLOAT64, a64.dtype());
        CsrMatrix a32 = CsrMatrix.fromDense(d.astype(DType.FLOAT32));
        assertEquals(DType.FLOAT32, a32.dtype());
        assertEquals(a32, CsrMatrix.fromDense(d, DType.FLOAT32));
        assertEquals(a32, a64.astype(DType.FLOAT32));
        assertEquals(a64, a32.astype(DType.FLOAT64));
        assertTrue(a32.astype(DType.FLOAT32) == a32);
        assertEquals(DType.FLOAT32, a32.toDense().dtype());
        // NumPy's promotion: float32 with float64 gives float64
        assertEquals(DType.FLOAT64, a32.add(a64).dtype());
        assertEquals(DType.FLOAT64, a32.matmul(Nd.of(1, 2)).dtype());
        assertEquals(DType.FLOAT32, a32.matmul(Nd.of(1, 2).astype(DType.FLOAT32)).dtype());
        assertEquals(DType.FLOAT64, a32.matmul(a64).dtype());
        assertEquals(DType.FLOAT32, a32.transpose().dtype());
        assertEquals(DType.FLOAT32, a32.rowRange(0, 1).dtype());
        assertEquals(DType.FLOAT32, a32.selectCols(1, 0).dtype());
        assertEquals(DType.FLOAT32, a32.diagonal().dtype());
        assertEquals(DType.FLOAT32, a32.toCoo().toCsr().dtype());
        assertEquals(DType.FLOAT32, new CooBuilder(2, 2, DType.FLOAT32).add(0, 0, 0.1).toCsc().dtype());
        assertEquals(0.1f, new CooBuilder(2, 2, DType.FLOAT32).add(0, 0, 0.1).toCsr().floatData()[0]);
        assertThrows(IllegalArgumentException.class, () -> a64.astype(DType.INT32));
        assertThrows(IllegalArgumentException.class, () -> a64.matvec(new float[2], new float[2]));
        assertTrue(a32.toString().contains("float32") && a32.toCsc().toString().contains("float32"));
        assertTrue(!a64.toString().contains("float32"));
        assertEquals(DType.FLOAT32, a32.mean(0).dtype(), "float32 means stay float32 (SciPy)");
        assertArrayEquals(new float[] {-1f, 0.75f}, a32.mean(0).toFloatArray());
    }

    @Test
    void mixedPrecisionSpmvReadsFloatValuesWithoutACopy() {
        CsrMatrix a32 = Sparse.poisson2d(20).astype(DType.FLOAT32);
        double[] x = Nd.random(4).gaussian(400).toDoubleArray();
        double[] y = new double[400];
        a32.matvec(x, y);
        assertArrayEquals(a32.astype(DType.FLOAT64).matvec(x), y, 1e-12);
        // the float64 solvers run on a float32 matrix
        ConvergenceReport r = IterativeSolvers.cg(a32, Nd.ones(400));
        assertTrue(r.converged(), r.toString());
    }

    @Test
    void matrixMarketReadsFloat32OnRequestAndWritesShortestFloats(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("a.mtx");
        Files.writeString(f, "%%MatrixMarket matrix coordinate real general\n2 2 3\n1 1 0.1\n2 1 1e-3\n1 1 0.2\n");
        CsrMatrix a = MatrixMarket.readCsr(f, DType.FLOAT32);
        assertEquals(DType.FLOAT32, a.dtype());
        assertArrayEquals(new float[] {(float) (0.1 + 0.2), 1e-3f}, a.floatData(), "duplicates summed in float64, rounded once");
        assertEquals(DType.FLOAT32, MatrixMarket.readCsc(f, DType.FLOAT32).dtype());
        Path g = dir.resolve("b.mtx");
        MatrixMarket.write(g, a);
        assertTrue(Files.readString(g).contains("2 1 0.001\n"), Files.readString(g));
        assertEquals(a, MatrixMarket.readCsr(g, DType.FLOAT32));
        assertThrows(IllegalArgumentException.class, () -> MatrixMarket.readCsr(f, DType.INT64));
    }
}
