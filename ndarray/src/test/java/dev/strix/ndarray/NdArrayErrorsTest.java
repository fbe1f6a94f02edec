package dev.strix.ndarray;

import static dev.strix.ndarray.TestSupport.assertThrowsWith;
import static dev.strix.ndarray.TestSupport.seq;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/**
 * Bad input: every case checks the exception type and that the message names the operation and
 * the shapes or values involved.
 */
class NdArrayErrorsTest {
    private final NdArray a = seq(3, 4);

    @Test
    void broadcastMismatchNamesBothShapes() {
        NdArray b = seq(2, 4);
        assertThrowsWith(ShapeMismatchException.class, () -> a.add(b), "add", "(3, 4)", "(2, 4)");
        assertThrowsWith(ShapeMismatchException.class, () -> a.mul(b), "mul", "(3, 4)", "(2, 4)");
        assertThrowsWith(ShapeMismatchException.class, () -> a.pow(b), "pow", "(3, 4)", "(2, 4)");
        assertThrowsWith(ShapeMismatchException.class, () -> a.eq(b), "eq", "(3, 4)", "(2, 4)");
        assertThrowsWith(ShapeMismatchException.class, () -> a.and(b), "and", "(3, 4)", "(2, 4)");
        assertThrowsWith(ShapeMismatchException.class, () -> a.allClose(b), "allClose", "(3, 4)", "(2, 4)");
        assertThrowsWith(ShapeMismatchException.class, () -> Nd.where(a.gt(1), a, b), "where", "(3, 4)", "(2, 4)");
        assertThrowsWith(ShapeMismatchException.class, () -> a.broadcastTo(2, 4), "broadcastTo", "(3, 4)", "(2, 4)");
        assertThrowsWith(ShapeMismatchException.class, () -> a.broadcastTo(4), "broadcastTo", "(3, 4)", "(4,)");
        assertThrowsWith(ShapeMismatchException.class, () -> a.assign(b), "(3, 4)", "(2, 4)");
        assertThrowsWith(ShapeMismatchException.class, () -> a.set("0", Nd.of(1, 2)), "set", "(2,)", "(4,)");
        assertThrowsWith(ShapeMismatchException.class, () -> a.set("[0, 1]", Nd.of(1, 2)), "set", "(2,)", "(2, 4)");
        assertThrowsWith(ShapeMismatchException.class, () -> a.get(Index.array(Nd.ofInts(0, 1)), Index.array(Nd.ofInts(0, 1, 2))),
                "(2,)", "(3,)");
    }

    @Test
    void outOfRangeIndices() {
        assertThrowsWith(IndexOutOfBoundsException.class, () -> a.getDouble(3, 0), "getDouble", "index 3", "axis 0", "size 3");
        assertThrowsWith(IndexOutOfBoundsException.class, () -> a.getDouble(0, -5), "getDouble", "-5", "axis 1", "size 4");
        assertThrowsWith(IllegalArgumentException.class, () -> a.getDouble(0), "getDouble", "1", "(3, 4)");
        assertThrowsWith(IndexOutOfBoundsException.class, () -> a.setDouble(1, 0, 4), "setDouble", "index 4");
        assertThrowsWith(IndexOutOfBoundsException.class, () -> a.get("5"), "get", "index 5", "size 3");
        assertThrowsWith(IndexOutOfBoundsException.class, () -> a.get(":, -5"), "get", "-5", "axis 1");
        assertThrowsWith(IndexOutOfBoundsException.class, () -> a.get("[0, 3]"), "get", "index 3", "size 3");
        assertThrowsWith(IndexOutOfBoundsException.class, () -> a.set("[7]", 1.0), "set", "index 7");
        assertThrowsWith(IndexOutOfBoundsException.class, () -> a.take(Nd.ofInts(12)), "take", "12", "size 12");
        assertThrowsWith(IndexOutOfBoundsException.class, () -> a.take(new int[] {4}, 1), "take", "index 4", "size 4");
        assertThrowsWith(IndexOutOfBoundsException.class, () -> a.put(Nd.ofInts(-13), Nd.of(1)), "put", "-13", "12");
        assertThrowsWith(IndexOutOfBoundsException.class, () -> a.getFlat(12), "12", "size 12");
        assertThrowsWith(IndexOutOfBoundsException.class, () -> a.get(a.gt(1).get("0")), "boolean index", "(3, 4)", "(4,)");
        assertThrowsWith(IndexOutOfBoundsException.class, () -> a.get("0, 0, 0"), "too many indices", "(3, 4)", "3");
        assertThrowsWith(IndexOutOfBoundsException.class, () -> Nd.scalar(1.0).get("0"), "too many indices", "()");
    }

    @Test
    void malformedIndexText() {
        for (String bad : new String[] {"1:2:3:4", "a", "[1,2", "1,,2", "::0", "1]", "[1, x]", "[true, 1]", "1.5"}) {
            assertThrowsWith(IllegalArgumentException.class, () -> a.get(bad), "index syntax error", bad);
        }
        assertThrowsWith(IllegalArgumentException.class, () -> a.get("..., ..."), "get", "single ellipsis");
        assertThrowsWith(IllegalArgumentException.class, () -> Index.range(0, 3, 0), "step", "zero");
        assertThrowsWith(IllegalArgumentException.class, () -> Index.array(Nd.of(1.0)), "Index.array", "float64");
        assertThrowsWith(IllegalArgumentException.class, () -> a.put(Nd.of(1.0), Nd.of(1)), "put", "float64");
    }

    @TestFactory
    List<DynamicTest> badAxisIsRejectedByEveryAxisMethod() {
        NdArray x = seq(2, 3);
        Map<String, Executable> cases = new LinkedHashMap<>();
        cases.put("sum", () -> x.sum(2));
        cases.put("prod", () -> x.prod(-3));
        cases.put("mean", () -> x.mean(2));
        cases.put("var", () -> x.var(2));
        cases.put("std", () -> x.std(5));
        cases.put("min", () -> x.min(2));
        cases.put("max", () -> x.max(2));
        cases.put("all", () -> x.all(2));
        cases.put("any", () -> x.any(2));
        cases.put("countNonzero", () -> x.countNonzero(2));
        cases.put("normL1", () -> x.normL1(2));
        cases.put("normL2", () -> x.normL2(2));
        cases.put("normLinf", () -> x.normLinf(2));
        cases.put("nanSum", () -> x.nanSum(2));
        cases.put("nanMean", () -> x.nanMean(2));
        cases.put("nanVar", () -> x.nanVar(2));
        cases.put("nanMin", () -> x.nanMin(2));
        cases.put("argmin", () -> x.argmin(2));
        cases.put("argmax", () -> x.argmax(-3));
        cases.put("nanArgmax", () -> x.nanArgmax(2));
        cases.put("cumsum", () -> x.cumsum(2));
        cases.put("cumprod", () -> x.cumprod(2));
        cases.put("sort", () -> x.sort(2));
        cases.put("argsort", () -> x.argsort(2));
        cases.put("topK", () -> x.topK(1, 2));
        cases.put("split", () -> x.split(1, 2));
        cases.put("repeat", () -> x.repeat(2, 2));
        cases.put("roll", () -> x.roll(1, 2));
        cases.put("take", () -> x.take(new int[] {0}, 2));
        cases.put("squeeze", () -> x.squeeze(2));
        cases.put("expandDims", () -> x.expandDims(3));
        cases.put("transpose", () -> x.transpose(0, 2));
        cases.put("swapAxes", () -> x.swapAxes(0, 2));
        cases.put("moveAxis", () -> x.moveAxis(2, 0));
        cases.put("flip", () -> x.flip(2));
        cases.put("diagonal", () -> x.diagonal(0, 0, 2));
        cases.put("rot90", () -> x.rot90(1, 0, 2));
        cases.put("shape", () -> x.shape(2));
        cases.put("fold", () -> x.fold(2, 0, Double::sum));
        cases.put("scan", () -> x.scan(2, Double::sum));
        cases.put("concat", () -> Nd.concat(2, x, x));
        cases.put("stack", () -> Nd.stack(4, x, x));
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, Executable> e : cases.entrySet()) {
            tests.add(DynamicTest.dynamicTest(e.getKey(), () ->
                    assertThrowsWith(IllegalArgumentException.class, e.getValue(), e.getKey(), "axis")));
        }
        return tests;
    }

    @Test
    void shapeErrors() {
        assertThrowsWith(ShapeMismatchException.class, () -> a.reshape(5, 2), "reshape", "(3, 4)", "(5, 2)");
        assertThrowsWith(ShapeMismatchException.class, () -> a.reshape(-1, 5), "reshape", "12", "(3, 4)");
        assertThrowsWith(IllegalArgumentException.class, () -> a.reshape(-1, -1), "reshape", "unknown");
        assertThrowsWith(IllegalArgumentException.class, () -> a.reshape(-2, -6), "reshape", "negative");
        assertThrowsWith(ShapeMismatchException.class, () -> Nd.concat(0, seq(2, 3), seq(2, 4)), "concat", "(2, 3)", "(2, 4)");
        assertThrowsWith(ShapeMismatchException.class, () -> Nd.concat(0, seq(2, 3), seq(3)), "concat", "(2, 3)", "(3,)");
        assertThrowsWith(IllegalArgumentException.class, () -> Nd.concat(0), "concat");
        assertThrowsWith(IllegalArgumentException.class, () -> Nd.concat(0, Nd.scalar(1.0)), "concat", "zero-dimensional");
        assertThrowsWith(ShapeMismatchException.class, () -> Nd.stack(0, seq(2), seq(3)), "stack", "(2,)", "(3,)");
        assertThrowsWith(IllegalArgumentException.class, () -> seq(5).split(2, 0), "split", "5", "2");
        assertThrowsWith(IllegalArgumentException.class, () -> seq(4).split(0, 0), "split", "0");
        assertThrowsWith(IllegalArgumentException.class, () -> a.transpose(0, 0), "transpose", "repeated");
        assertThrowsWith(IllegalArgumentException.class, () -> a.transpose(0), "transpose", "(3, 4)");
        assertThrowsWith(IllegalArgumentException.class, () -> a.squeeze(0), "squeeze", "(3, 4)", "length 3");
        assertThrowsWith(IllegalArgumentException.class, () -> a.flip(0, 0), "flip", "repeated");
        assertThrowsWith(IllegalArgumentException.class, () -> seq(3).diagonal(), "diagonal", "(3,)");
        assertThrowsWith(IllegalArgumentException.class, () -> a.diagonal(0, 1, 1), "diagonal", "differ");
        assertThrowsWith(IllegalArgumentException.class, () -> seq(3).rot90(1), "rot90", "(3,)");
        assertThrowsWith(IllegalArgumentException.class, () -> seq(3).triu(), "triu", "(3,)");
        assertThrowsWith(IllegalArgumentException.class, () -> seq(2, 2, 2).diag(), "diag", "(2, 2, 2)");
        assertThrowsWith(IllegalArgumentException.class, () -> seq(3).toDoubleMatrix(), "toDoubleMatrix", "(3,)");
        assertThrowsWith(IllegalArgumentException.class, () -> seq(3).row(0), "row", "(3,)");
        assertThrowsWith(IllegalArgumentException.class, () -> seq(2, 2, 2).cols(0), "cols", "(2, 2, 2)");
        assertThrowsWith(IllegalArgumentException.class, () -> seq(3).trace(), "trace", "(3,)");
        assertThrowsWith(IllegalArgumentException.class, () -> a.tile(-1), "tile", "-1");
        assertThrowsWith(IllegalArgumentException.class, () -> a.repeat(-1, 0), "repeat", "-1");
        assertThrowsWith(ShapeMismatchException.class, () -> a.repeat(new int[] {1, 2}, 0), "repeat", "2", "(3, 4)");
        assertThrowsWith(IllegalArgumentException.class, () -> a.pad(new int[][] {{-1, 0}, {0, 0}}, 0.0), "pad", "-1");
        assertThrowsWith(IllegalArgumentException.class, () -> a.pad(new int[][] {{1, 1}, {1, 1}, {1, 1}}, 0.0), "pad", "(3, 4)");
        assertThrowsWith(IllegalArgumentException.class, () -> Nd.zeros(0).pad(1, NdArray.PadMode.REFLECT), "pad", "empty", "(0,)");
        assertThrowsWith(IllegalArgumentException.class, () -> a.searchSorted(Nd.of(1)), "searchSorted", "(3, 4)");
    }

    @Test
    void matmulErrorsNameBothShapes() {
        assertThrowsWith(ShapeMismatchException.class, () -> seq(2, 3).matmul(seq(4, 2)), "matmul", "(2, 3)", "(4, 2)");
        assertThrowsWith(ShapeMismatchException.class, () -> seq(2, 3).matmul(seq(2)), "matmul", "(2, 3)", "(2,)");
        assertThrowsWith(ShapeMismatchException.class, () -> seq(2, 3).dot(seq(4, 2)), "(2, 3)", "(4, 2)");
        assertThrowsWith(ShapeMismatchException.class, () -> seq(2, 2, 3).dot(seq(4, 2)), "dot", "(2, 2, 3)", "(4, 2)");
        assertThrowsWith(ShapeMismatchException.class, () -> seq(2, 2, 3).matmul(seq(3, 3, 2)), "matmul", "(2, 2, 3)",
                "(3, 3, 2)");
        assertThrowsWith(IllegalArgumentException.class, () -> Nd.scalar(2.0).matmul(seq(2)), "matmul", "()", "(2,)");
    }

    @Test
    void emptyReductionsWithoutIdentity() {
        NdArray e = Nd.zeros(0);
        assertThrowsWith(IllegalArgumentException.class, e::min, "min", "(0,)");
        assertThrowsWith(IllegalArgumentException.class, e::max, "max", "(0,)");
        assertThrowsWith(IllegalArgumentException.class, e::nanMax, "nanMax", "(0,)");
        assertThrowsWith(IllegalArgumentException.class, e::argmax, "argmax", "empty", "(0,)");
        assertThrowsWith(IllegalArgumentException.class, e::argmin, "argmin", "(0,)");
        assertThrowsWith(IllegalArgumentException.class, () -> Nd.zeros(0, 3).min(0), "min", "(0, 3)");
        assertThrowsWith(IllegalArgumentException.class, () -> Nd.zeros(DType.INT64, 2, 0).argmax(1), "argmax", "(2, 0)");
        assertThrowsWith(IllegalArgumentException.class, () -> Nd.of(Double.NaN).nanArgmax(), "nanArgmax", "All-NaN");
        assertThrowsWith(IllegalArgumentException.class, () -> a.var(null, -1, false), "var", "ddof", "-1");
    }

    @Test
    void constructionErrors() {
        assertThrowsWith(ShapeMismatchException.class, () -> NdArray.wrap(new double[5], 2, 3), "wrap", "(2, 3)", "6", "5");
        assertThrowsWith(IndexOutOfBoundsException.class,
                () -> NdArray.wrap(new double[4], new int[] {2, 2}, new int[] {2, 2}, 0), "wrap", "(2, 2)", "length 4");
        assertThrowsWith(IllegalArgumentException.class,
                () -> NdArray.wrap(new double[4], new int[] {2, 2}, new int[] {1}, 0), "wrap", "(2, 2)");
        assertThrowsWith(IllegalArgumentException.class, () -> NdArray.wrap(new short[3], 3), "short[]");
        assertThrowsWith(IllegalArgumentException.class, () -> Nd.zeros(-1, 2), "negative dimension", "(-1, 2)");
        assertThrowsWith(IllegalArgumentException.class, () -> Nd.ones(DType.INT32, 2, -3), "negative dimension", "(2, -3)");
        assertThrowsWith(IllegalArgumentException.class, () -> Nd.full(1.0, -2), "negative dimension", "(-2,)");
        assertThrowsWith(IllegalArgumentException.class, () -> NdArray.wrap(new double[0], 0, -1), "wrap", "negative", "(0, -1)");
        assertThrowsWith(IllegalArgumentException.class, () -> Nd.zeros(100000, 100000), "(100000, 100000)");
        assertThrowsWith(IllegalArgumentException.class, () -> Nd.scalar(1.0).broadcastTo(-1), "broadcastTo", "negative");
        assertThrowsWith(IllegalArgumentException.class, () -> Nd.arange(0, 5, 0), "arange", "zero");
        assertThrowsWith(IllegalArgumentException.class, () -> Nd.arange(0.0, 5.0, 0.0), "arange", "0.0");
        assertThrowsWith(IllegalArgumentException.class, () -> Nd.arange(0.0, Double.NaN, 1.0), "arange", "NaN");
        assertThrowsWith(IllegalArgumentException.class, () -> Nd.linspace(0, 1, -1), "linspace", "-1");
        assertThrowsWith(IllegalArgumentException.class, () -> Nd.fromArray(new double[][] {{1, 2}, {3}}), "fromArray",
                "ragged", "[1]", "length 1", "expected 2");
        assertThrowsWith(IllegalArgumentException.class,
                () -> Nd.fromArray(new int[][][] {{{1}, {2}}, {{3}, {4, 5}}}), "ragged", "[1, 1]");
        assertThrowsWith(IllegalArgumentException.class, () -> Nd.fromArray(new double[][] {{1}, null}), "fromArray", "null");
        assertThrowsWith(IllegalArgumentException.class, () -> Nd.fromArray("nope"), "fromArray", "java.lang.String");
        assertThrowsWith(IllegalArgumentException.class, () -> Nd.fromArray(new String[] {"x"}), "fromArray", "String");
        assertThrowsWith(IllegalArgumentException.class, () -> DType.parse("complex128"), "DType.parse", "complex128");
    }

    @Test
    void valueErrors() {
        assertThrowsWith(IllegalArgumentException.class, () -> Nd.ofInts(2).pow(-1L), "pow", "-1");
        assertThrowsWith(IllegalArgumentException.class, () -> Nd.ofLongs(2, 3).pow(Nd.ofLongs(1, -2)), "pow", "-2");
        assertThrowsWith(IllegalArgumentException.class, () -> seq(2).item(), "item", "(2,)");
        assertThrowsWith(IllegalArgumentException.class, () -> Nd.zeros(0).itemLong(), "item", "(0,)");
        assertThrowsWith(IllegalArgumentException.class, () -> Nd.of(1, 2).topK(3), "topK", "3", "2");
        assertThrowsWith(IllegalArgumentException.class, () -> Nd.of(1, 2).bottomK(-1), "bottomK", "-1");
        assertThrowsWith(IllegalArgumentException.class, () -> Nd.of(1).clip(2.0, 1.0), "clip", "2.0", "1.0");
        assertThrowsWith(IllegalArgumentException.class, () -> Nd.of(1).clip(2, 1), "clip", "2", "1");
        assertThrowsWith(IllegalArgumentException.class, () -> Nd.of(1).mapLong(x -> x), "mapLong", "float64");
        assertThrowsWith(IllegalArgumentException.class, () -> seq(2).put(Nd.ofInts(0), Nd.zeros(0)), "put", "empty");
    }

    @Test
    void randomStreamErrors() {
        NdRandom r = Nd.random(1);
        assertThrowsWith(IllegalArgumentException.class, () -> r.choice(seq(3), 5, false), "choice", "5", "3");
        assertThrowsWith(IllegalArgumentException.class, () -> r.choice(seq(0), 1, true), "choice", "empty");
        assertThrowsWith(IllegalArgumentException.class, () -> r.choice(seq(3), -1, true), "choice", "-1");
        assertThrowsWith(ShapeMismatchException.class, () -> r.choice(seq(3), 1, Nd.of(0.5, 0.5)), "choice", "2", "3");
        assertThrowsWith(IllegalArgumentException.class, () -> r.choice(seq(2), 1, Nd.of(1.5, -0.5)), "choice", "-0.5");
        assertThrowsWith(IllegalArgumentException.class, () -> r.choice(seq(2), 1, Nd.of(0.2, 0.2)), "choice", "sum", "0.4");
        assertThrowsWith(IllegalArgumentException.class, () -> r.uniformRange(1, 0, 3), "uniformRange", "1.0", "0.0");
        assertThrowsWith(IllegalArgumentException.class, () -> r.normal(0, -1, 3), "normal", "-1.0");
        assertThrowsWith(IllegalArgumentException.class, () -> r.integers(3, 3, 2), "integers", "3");
        assertThrowsWith(IllegalArgumentException.class, () -> r.bernoulli(1.5, 2), "bernoulli", "1.5");
        assertThrowsWith(IllegalArgumentException.class, () -> r.permutation(-1), "permutation", "-1");
        assertThrowsWith(IllegalArgumentException.class, () -> r.permutation(Nd.scalar(1.0)), "permutation", "0-d");
        assertThrowsWith(IllegalArgumentException.class, () -> r.uniform(-1), "negative dimension", "(-1,)");
    }
}
