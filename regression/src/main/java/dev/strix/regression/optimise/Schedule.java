package dev.strix.regression.optimise;

/**
 * A learning-rate schedule for {@link GradientDescent} and {@link Adam}: the rate used for update
 * number {@code step} (0 for the first update; in mini-batch mode every batch is an update). Any
 * lambda {@code step -> rate} is a schedule; the factories give the usual ones. Rates must be
 * finite and positive, which the optimisers check at every step.
 *
 * <pre>{@code
 * Schedule s = Schedule.cosine(0.1, 1e-4, 500);
 * Schedule mine = step -> step < 100 ? 0.1 : 0.01;
 * }</pre>
 */
@FunctionalInterface
public interface Schedule {

    double rate(int step);

    /** {@code a} at every step. Owl's {@code Learning_Rate.Const}. */
    static Schedule constant(double a) {
        positive("constant", "a", a);
        return step -> a;
    }

    /** {@code a0 factor^floor(step / every)}: multiplied by {@code factor} every {@code every} steps. */
    static Schedule stepDecay(double a0, double factor, int every) {
        positive("stepDecay", "a0", a0);
        if (!(factor > 0 && factor <= 1)) {
            throw new IllegalArgumentException("Schedule.stepDecay: factor must be in (0, 1], got " + factor);
        }
        if (every < 1) {
            throw new IllegalArgumentException("Schedule.stepDecay: every must be >= 1, got " + every);
        }
        return step -> a0 * Math.pow(factor, step / every);
    }

    /** {@code a0 exp(-k step)}. Owl's {@code Learning_Rate.Exp_decay (a0, k)}. */
    static Schedule exponentialDecay(double a0, double k) {
        positive("exponentialDecay", "a0", a0);
        nonNegative("exponentialDecay", k);
        return step -> a0 * Math.exp(-k * step);
    }

    /** {@code a0 / (1 + k step)}. Owl's {@code Learning_Rate.Decay (a0, k)}. */
    static Schedule inverseTime(double a0, double k) {
        positive("inverseTime", "a0", a0);
        nonNegative("inverseTime", k);
        return step -> a0 / (1 + k * step);
    }

    /**
     * Cosine annealing from {@code a0} to {@code aMin} over {@code period} steps, then {@code aMin}:
     * {@code aMin + (a0 - aMin) (1 + cos(pi min(step, period) / period)) / 2} (Loshchilov and Hutter,
     * without restarts).
     */
    static Schedule cosine(double a0, double aMin, int period) {
        positive("cosine", "a0", a0);
        if (!(aMin > 0 && aMin <= a0)) {
            throw new IllegalArgumentException("Schedule.cosine: aMin must be in (0, a0], got " + aMin);
        }
        if (period < 1) {
            throw new IllegalArgumentException("Schedule.cosine: period must be >= 1, got " + period);
        }
        return step -> aMin + (a0 - aMin) * (1 + Math.cos(Math.PI * Math.min(step, period) / period)) / 2;
    }

    /** The given rates in turn, starting again after the last. Owl's {@code Learning_Rate.Schedule}. */
    static Schedule cycle(double... rates) {
        if (rates.length == 0) {
            throw new IllegalArgumentException("Schedule.cycle: no rates");
        }
        double[] r = rates.clone();
        for (double v : r) {
            positive("cycle", "rate", v);
        }
        return step -> r[step % r.length];
    }

    private static void positive(String op, String what, double v) {
        if (!(v > 0 && Double.isFinite(v))) {
            throw new IllegalArgumentException("Schedule." + op + ": " + what + " must be finite and > 0, got " + v);
        }
    }

    private static void nonNegative(String op, double k) {
        if (!(k >= 0 && Double.isFinite(k))) {
            throw new IllegalArgumentException("Schedule." + op + ": k must be finite and >= 0, got " + k);
        }
    }
}
