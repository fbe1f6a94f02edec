package dev.strix.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strix.ndarray.Nd;
import dev.strix.ndarray.NdArray;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** mode and weighted mean/var along an axis against scipy.stats.mode / np.average (golden/descriptive_axis.json). */
class StatsAxisTest {
    @TestFactory
    Stream<DynamicTest> scipyCases() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Golden.Case c : Golden.load("descriptive_axis.json")) {
            int axis = c.params().get("axis").asInt();
            tests.add(DynamicTest.dynamicTest(c.toString(), () -> {
                NdArray x = c.in("x");
                if (c.op().equals("mode")) {
                    Stats.Modes m = Stats.mode(x, axis);
                    Golden.assertClose(c.out("value"), m.values(), 0, 0, c + " value");
                    assertArrayEquals(c.out("count").toLongArray(), m.counts().toLongArray(), c + " count");
                } else {
                    Golden.assertClose(c.out("mean"), Stats.weightedMean(x, c.in("w"), axis), c.rtol(), c.atol(), c + " mean");
                    Golden.assertClose(c.out("var"), Stats.weightedVar(x, c.in("w"), axis), c.rtol(), c.atol(), c + " var");
                }
            }));
        }
        return tests.stream();
    }

    @Test
    void nanLanesAndBadInput() {
        Stats.Modes m = Stats.mode(Nd.of(new double[][] {{1, 1, Double.NaN}, {Double.NaN, Double.NaN, Double.NaN}}), 1);
        assertEquals(1.0, m.values().getDouble(0));
        assertEquals(2, m.counts().getLong(0));
        assertTrue(Double.isNaN(m.values().getDouble(1)));
        assertEquals(0, m.counts().getLong(1));
        assertThrows(IllegalArgumentException.class, () -> Stats.mode(Nd.zeros(3, 0), 1));
        assertThrows(IllegalArgumentException.class, () -> Stats.mode(Nd.zeros(3, 2), 2));
        NdArray a = Nd.zeros(3, 4);
        assertThrows(IllegalArgumentException.class, () -> Stats.weightedMean(a, Nd.ones(3), 1));
        assertThrows(IllegalArgumentException.class, () -> Stats.weightedMean(a, Nd.of(1, 1, -1, 1), 1));
        assertThrows(IllegalArgumentException.class, () -> Stats.weightedVar(a, Nd.zeros(4), 1));
        assertThrows(IllegalArgumentException.class, () -> Stats.weightedVar(Nd.zeros(3, 0), Nd.zeros(0), 1));
        assertArrayEquals(new int[] {3}, Stats.weightedMean(a, Nd.ones(4), -1).shape());
    }
}
