package dev.strix.sparse;

import static dev.strix.sparse.OracleTest.close;
import static dev.strix.sparse.OracleTest.dense;
import static dev.strix.sparse.OracleTest.ints;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strix.ndarray.Nd;
import dev.strix.ndarray.NdArray;
import dev.strix.ndarray.ShapeMismatchException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * SparseNdArray against NumPy on dense equivalents (src/test/resources/oracle/ndarray_cases.json,
 * from sparse/oracle/make_ndarray_cases.py: shapes of rank 1 to 5, empty and size-1 axes; values
 * are halves, so most results are exact and compared with tolerance 0), plus the behaviour NumPy
 * has no counterpart for (in-place set, iteration, stored-zero rules, errors).
 */
class SparseNdArrayTest {
    @TestFactory
    Stream<DynamicTest> numpyCases() throws Exception {
        JsonNode root;
        try (InputStream in = SparseNdArrayTest.class.getResourceAsStream("/oracle/ndarray_cases.json")) {
            root = new ObjectMapper().readTree(in);
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : root.get("cases")) {
            tests.add(DynamicTest.dynamicTest(c.get("id").asText(), () -> run(c)));
        }
        assertTrue(tests.size() >= 400, "expected the full case file");
        return tests.stream();
    }

    private static void run(JsonNode c) {
        String op = c.get("op").asText();
        String id = c.get("id").asText();
        JsonNode in = c.get("inputs"), p = c.get("params"), ex = c.get("expected");
        double rtol = c.get("tolerance").get("rtol").asDouble();
        NdArray ad = dense(in.get("a"));
        SparseNdArray a = SparseNdArray.fromDense(ad);
        assertEquals(ad, a.toDense(), id + ": round trip");
        if (op.equals("sum_all")) {
            assertEquals(ex.get("out").asDouble(), a.sum(), 0.0, id);
            return;
        }
        if (op.equals("add_dense")) {
            close(id, ex.get("out"), a.add(dense(in.get("d"))), rtol, 0);
            return;
        }
        SparseNdArray r = switch (op) {
            case "identity" -> a;
            case "mul_scalar" -> a.mul(p.get("s").asDouble());
            case "div_scalar" -> a.div(p.get("s").asDouble());
            case "neg" -> a.neg();
            case "abs" -> a.abs();
            case "square" -> a.square();
            case "sqrt" -> a.sqrt();
            case "pow" -> a.pow(p.get("p").asDouble());
            case "add" -> a.add(SparseNdArray.fromDense(dense(in.get("b"))));
            case "sub" -> a.sub(SparseNdArray.fromDense(dense(in.get("b"))));
            case "multiply" -> a.multiply(SparseNdArray.fromDense(dense(in.get("b"))));
            case "multiply_dense" -> a.multiply(dense(in.get("d")));
            case "sum_axis" -> a.sum(p.get("axis").asInt());
            case "sum_axes" -> a.sum(ints(p.get("axes")));
            case "slice" -> a.slice(p.get("i").asInt());
            case "slice_range" -> a.sliceRange(p.get("from").asInt(), p.get("to").asInt());
            case "transpose" -> a.transpose();
            case "permute" -> a.permute(ints(p.get("axes")));
            case "reshape" -> a.reshape(ints(p.get("shape")));
            default -> throw new AssertionError("unknown op " + op);
        };
        close(id, ex.get("out"), r.toDense(), rtol, 0);
        assertSortedUnique(id, r);
        // Scalar maps keep every stored entry (explicit zeros too); merges, sums and dense products
        // drop exact zeros, so their nnz is NumPy's count_nonzero.
        if (List.of("add", "sub", "multiply", "multiply_dense", "sum_axis", "sum_axes", "identity", "slice", "slice_range",
                "transpose", "permute", "reshape").contains(op)) {
            assertEquals(ex.get("nnz").asInt(), r.nnz(), id + ": nnz");
        } else {
            assertEquals(a.nnz(), r.nnz(), id + ": a scalar map keeps the stored entries");
        }
    }

    private static void assertSortedUnique(String id, SparseNdArray a) {
        long[] k = a.linearIndices();
        for (int i = 1; i < k.length; i++) {
            assertTrue(k[i - 1] < k[i], id + ": linear indices strictly increasing");
        }
        assertTrue(k.length == 0 || k[0] >= 0 && k[k.length - 1] < a.size(), id + ": indices in range");
    }

    @Test
    void setGetAndIterationInIndexOrder() {
        SparseNdArray a = SparseNdArray.zeros(2, 3, 4);
        a.set(5, 1, 2, 3).set(-1, 0, 0, 1).set(7, -1, 0, 0).set(0, 0, 1, 1);
        assertEquals(3, a.nnz(), "setting 0 at an empty position stores nothing");
        assertEquals(5, a.get(1, 2, 3));
        assertEquals(5, a.get(-1, -1, -1));
        assertEquals(0, a.get(0, 1, 1));
        assertEquals(24, a.size());
        assertEquals(3 / 24.0, a.density());
        assertArrayEquals(new long[] {1, 12, 23}, a.linearIndices());
        List<String> seen = new ArrayList<>();
        a.forEachNonzero((idx, v) -> seen.add(java.util.Arrays.toString(idx) + "=" + v));
        assertEquals(List.of("[0, 0, 1]=-1.0", "[1, 0, 0]=7.0", "[1, 2, 3]=5.0"), seen);
        List<String> viaIterator = new ArrayList<>();
        for (SparseNdArray.Entry e : a) {
            viaIterator.add(e.toString());
        }
        assertEquals(seen, viaIterator);
        a.set(0, 1, 0, 0);
        assertEquals(3, a.nnz(), "a stored position set to 0 is an explicit zero");
        assertEquals(2, a.eliminateZeros().nnz());
        for (int i = 0; i < 24; i++) {
            a.set(i + 1, i / 12, i / 4 % 3, i % 4);
        }
        assertEquals(Nd.arange(1.0, 25.0, 1.0).reshape(2, 3, 4), a.toDense());
    }

    @Test
    void ofSumsDuplicatesAndCsrRoundTrips() {
        SparseNdArray a = SparseNdArray.of(new int[] {3, 4}, new int[][] {{2, 1}, {0, 3}, {2, 1}, {-1, 0}},
                new double[] {1, 2, 3, 4});
        assertEquals(3, a.nnz());
        assertEquals(4, a.get(2, 1));
        assertEquals(4, a.get(2, 0));
        CsrMatrix m = a.toCsr();
        assertEquals(a.toDense(), m.toDense());
        assertEquals(a, SparseNdArray.fromCsr(m));
        assertEquals(a, SparseNdArray.ofLinear(new int[] {3, 4}, new long[] {9, 3, 8}, new double[] {4, 2, 4}));
        assertNotEquals(a, a.mul(2));
        assertEquals(a.hashCode(), SparseNdArray.fromCsr(m).hashCode());
    }

    @Test
    void rankZeroAndLargeLogicalShapes() {
        SparseNdArray s = SparseNdArray.zeros();
        assertEquals(1, s.size());
        s.set(2.5);
        assertEquals(2.5, s.get());
        assertEquals(2.5, SparseNdArray.fromDense(Nd.of(1, 1.5)).sum(0).get());
        // a logical size far beyond one Java array: only the stored entries cost memory
        SparseNdArray big = SparseNdArray.zeros(100_000, 100_000, 100_000);
        big.set(1, 99_999, 5, 7).set(2, 0, 0, 0);
        assertEquals(1e15, big.size(), 0);
        assertEquals(1, big.get(99_999, 5, 7));
        assertEquals(1, big.slice(-1).get(5, 7));
        assertEquals(1, big.permute(2, 0, 1).get(7, 99_999, 5));
        assertEquals(3, big.sum(1).sum());
        assertThrows(IllegalArgumentException.class, big::toDense);
    }

    @Test
    void errorsNameShapesAndIndices() {
        SparseNdArray a = SparseNdArray.zeros(2, 3);
        SparseNdArray b = SparseNdArray.zeros(3, 2);
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class, () -> a.add(b));
        assertTrue(e.getMessage().contains("(2, 3)") && e.getMessage().contains("(3, 2)"), e.getMessage());
        e = assertThrows(ShapeMismatchException.class, () -> a.multiply(Nd.ones(2)));
        assertTrue(e.getMessage().contains("(2,)") && e.getMessage().contains("(2, 3)"), e.getMessage());
        IndexOutOfBoundsException o = assertThrows(IndexOutOfBoundsException.class, () -> a.get(2, 0));
        assertTrue(o.getMessage().contains("[2, 0]") && o.getMessage().contains("(2, 3)"), o.getMessage());
        assertThrows(IllegalArgumentException.class, () -> a.get(1));
        assertThrows(IllegalArgumentException.class, () -> a.sum(2));
        assertThrows(IllegalArgumentException.class, () -> a.sum(0, -2));
        assertThrows(IllegalArgumentException.class, () -> a.permute(0, 0));
        assertThrows(ShapeMismatchException.class, () -> a.reshape(4, -1));
        assertThrows(IllegalArgumentException.class, () -> a.map(x -> x + 1));
        assertThrows(IllegalArgumentException.class, () -> a.pow(0));
        assertThrows(IllegalArgumentException.class, () -> SparseNdArray.zeros(2, -1));
        assertThrows(IllegalArgumentException.class,
                () -> SparseNdArray.ofLinear(new int[] {2, 3}, new long[] {6}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> SparseNdArray.zeros(3).toCsr());
    }

    @Test
    void sortByKeyCarriesValues() {
        long[] k = {5, 1, 4, 1, 9, 0, 3};
        double[] v = {50, 10, 40, 11, 90, 0, 30};
        SparseNdArray.sortByKey(k, v, k.length);
        assertArrayEquals(new long[] {0, 1, 1, 3, 4, 5, 9}, k);
        assertArrayEquals(new double[] {0, 10, 11, 30, 40, 50, 90}, v, "stable: equal keys keep their order");
    }
}
