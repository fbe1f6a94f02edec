package dev.strix.regression.optimise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each schedule at given steps against its formula, evaluated by hand. */
class ScheduleTest {

    @Test
    void formulas() {
        assertEquals(0.1, Schedule.constant(0.1).rate(7));
        Schedule step = Schedule.stepDecay(0.1, 0.5, 10);           // 0.1 * 0.5^floor(t / 10)
        assertEquals(0.1, step.rate(0), 1e-17);
        assertEquals(0.1, step.rate(9), 1e-17);
        assertEquals(0.05, step.rate(10), 1e-17);
        assertEquals(0.025, step.rate(25), 1e-17);
        Schedule exp = Schedule.exponentialDecay(1, 0.1);           // exp(-0.1 t)
        assertEquals(1, exp.rate(0));
        assertEquals(0.36787944117144233, exp.rate(10), 1e-16);     // 1/e
        Schedule inv = Schedule.inverseTime(0.1, 0.1);              // 0.1 / (1 + 0.1 t)
        assertEquals(0.05, inv.rate(10), 1e-17);
        assertEquals(0.025, inv.rate(30), 1e-17);
        Schedule cos = Schedule.cosine(0.1, 0.001, 100);            // 0.001 + 0.099 (1 + cos(pi t / 100)) / 2
        assertEquals(0.1, cos.rate(0), 1e-17);
        assertEquals(0.0855017856687341, cos.rate(25), 1e-15);      // 0.001 + 0.099 * 0.853553390593274
        assertEquals(0.0505, cos.rate(50), 1e-16);
        assertEquals(0.001, cos.rate(100), 1e-17);
        assertEquals(0.001, cos.rate(250), 1e-17);                  // stays at the floor
        Schedule cyc = Schedule.cycle(0.1, 0.2, 0.3);
        assertEquals(0.2, cyc.rate(4));
    }

    @Test
    void badArguments() {
        assertThrows(IllegalArgumentException.class, () -> Schedule.constant(0));
        assertThrows(IllegalArgumentException.class, () -> Schedule.constant(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Schedule.stepDecay(0.1, 1.5, 10));
        assertThrows(IllegalArgumentException.class, () -> Schedule.stepDecay(0.1, 0.5, 0));
        assertThrows(IllegalArgumentException.class, () -> Schedule.inverseTime(0.1, -1));
        assertThrows(IllegalArgumentException.class, () -> Schedule.cosine(0.1, 0.2, 10));
        assertThrows(IllegalArgumentException.class, Schedule::cycle);
    }

    /** A user lambda is asked for steps 0, 1, 2, ... and its rates are the ones applied: x <- x (1 - a_t) on f = x^2 / 2. */
    @Test
    void userScheduleDrivesGradientDescent() {
        List<Integer> asked = new ArrayList<>();
        Schedule mine = t -> {
            asked.add(t);
            return t % 2 == 0 ? 0.5 : 0.25;
        };
        Objective half = x -> new Evaluation(0.5 * x[0] * x[0], new double[] {x[0]});
        OptimResult r = GradientDescent.plain().schedule(mine).gradientTolerance(0).maxIterations(3)
                .minimise(half, new double[] {8});
        assertEquals(List.of(0, 1, 2), asked);
        assertEquals(8 * 0.5 * 0.75 * 0.5, r.x()[0], 0);
    }

    @Test
    void nonPositiveRateFromALambdaIsAnError() {
        Objective half = x -> new Evaluation(0.5 * x[0] * x[0], new double[] {x[0]});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GradientDescent.plain()
                .schedule(t -> t < 2 ? 0.1 : -1).minimise(half, new double[] {1}));
        assertTrue(e.getMessage().contains("-1.0 at step 2"), e.getMessage());
    }
}
