package dev.strix.regression.optimise;

import dev.strix.ndarray.NdArray;
import java.util.Random;

/**
 * The gradient-step optimisers ({@link GradientDescent}, {@link Adam}): a learning-rate
 * {@link Schedule}, full-batch or seeded mini-batch use, and the shared stopping rules.
 *
 * <p>Full batch: one iteration is one update from the gradient at the current point. Mini-batch
 * ({@link #minimise(BatchObjective, int, double[])}): one iteration is one epoch, a pass over the
 * samples in an order shuffled by {@code java.util.Random(seed)} (the same on every JDK), cut into
 * batches of {@code batchSize} (the last may be smaller); each batch is one update. After every
 * epoch the full objective is evaluated once (all indices) and the stopping rules are applied to
 * it, so that they do not react to batch noise. The schedule's step counts updates in both modes.
 *
 * @param <T> the concrete optimiser
 */
public abstract class FirstOrder<T extends FirstOrder<T>> extends Optimiser<T> {
    Schedule schedule;
    int batchSize = 32;
    long seed = 0;

    FirstOrder(double defaultRate) {
        super(10_000);
        this.schedule = Schedule.constant(defaultRate);
    }

    @SuppressWarnings("unchecked")
    private T self() {
        return (T) this;
    }

    /** A constant learning rate. */
    public T learningRate(double a) {
        this.schedule = Schedule.constant(a);
        return self();
    }

    /** A learning-rate schedule (any {@code step -> rate} lambda). */
    public T schedule(Schedule s) {
        if (s == null) {
            throw new IllegalArgumentException(name() + ": the schedule is null");
        }
        this.schedule = s;
        return self();
    }

    /** The mini-batch size (>= 1; default 32) for {@link #minimise(BatchObjective, int, double[])}. */
    public T batchSize(int b) {
        if (b < 1) {
            throw new IllegalArgumentException(name() + ": batchSize must be >= 1, got " + b);
        }
        this.batchSize = b;
        return self();
    }

    /** The seed of the shuffling in mini-batch mode (default 0): the same seed gives the same run. */
    public T seed(long s) {
        this.seed = s;
        return self();
    }

    /** One run's update rule and its state (momentum buffer, Adam's moments). */
    interface Stepper {
        /** Moves {@code x} in place given the gradient {@code g} at it; {@code t} counts updates from 0. */
        void step(int t, double rate, double[] x, double[] g);
    }

    abstract Stepper stepper(int p);

    double rate(int t) {
        double a = schedule.rate(t);
        if (!(a > 0 && Double.isFinite(a))) {
            throw new IllegalArgumentException(name() + ": the schedule gave learning rate " + a + " at step " + t
                    + "; rates must be finite and > 0");
        }
        return a;
    }

    @Override
    final OptimResult run(Objective f, double[] x) {
        Run run = new Run(this);
        Evaluation e;
        try {
            e = run.eval(f, x);
        } catch (Run.BudgetSpent b) {
            throw new AssertionError("maxEvaluations >= 1", b);
        }
        run.record(e.value());
        Run.Stop stop = run.checkStart(e);
        if (stop != null) {
            return run.result(x, e, 0, stop);
        }
        Stepper stepper = stepper(x.length);
        for (int it = 1; ; it++) {
            double[] xPrev = x.clone();
            stepper.step(it - 1, rate(it - 1), x, e.gradient());
            Evaluation next;
            try {
                next = run.eval(f, x);
            } catch (Run.BudgetSpent b) {
                return run.result(xPrev, e, it - 1, StopReason.MAX_EVALUATIONS,
                        run.evaluations + " evaluations done");
            }
            if (!Run.finite(next)) {
                return run.result(xPrev, e, it - 1, StopReason.NON_FINITE, Run.nonFinite(next, "iteration " + it)
                        + " (learning rate too large?); x is the last finite point");
            }
            run.record(next.value());
            stop = run.check(it, xPrev, e.value(), x, next);
            e = next;
            if (stop != null) {
                return run.result(x, e, it, stop);
            }
        }
    }

    /**
     * Minimises the mean of a per-sample objective over {@code n} samples by mini-batches; see the
     * class comment for what an iteration is.
     */
    public final OptimResult minimise(BatchObjective f, int n, double[] x0) {
        if (f == null) {
            throw new IllegalArgumentException(name() + ".minimise: the objective is null");
        }
        if (n < 1) {
            throw new IllegalArgumentException(name() + ".minimise: n must be >= 1, got " + n);
        }
        double[] x = start(x0);
        Run run = new Run(this);
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        Evaluation e;
        try {
            e = run.eval(f, x, all);
        } catch (Run.BudgetSpent b) {
            throw new AssertionError("maxEvaluations >= 1", b);
        }
        run.record(e.value());
        Run.Stop stop = run.checkStart(e);
        if (stop != null) {
            return run.result(x, e, 0, stop);
        }
        Stepper stepper = stepper(x.length);
        Random rng = new Random(seed);
        int[] order = all.clone();
        int t = 0;
        for (int epoch = 1; ; epoch++) {
            double[] xPrev = x.clone();
            for (int i = n - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int s = order[i];
                order[i] = order[j];
                order[j] = s;
            }
            Evaluation next;
            try {
                for (int from = 0; from < n; from += batchSize) {
                    int[] batch = java.util.Arrays.copyOfRange(order, from, Math.min(n, from + batchSize));
                    Evaluation b = run.eval(f, x, batch);
                    if (!Run.finite(b)) {
                        return run.result(xPrev, e, epoch - 1, StopReason.NON_FINITE,
                                Run.nonFinite(b, "a mini-batch of epoch " + epoch)
                                        + " (learning rate too large?); x is the point before that epoch");
                    }
                    stepper.step(t, rate(t), x, b.gradient());
                    t++;
                }
                next = run.eval(f, x, all);
            } catch (Run.BudgetSpent b) {
                return run.result(xPrev, e, epoch - 1, StopReason.MAX_EVALUATIONS,
                        run.evaluations + " evaluations done; x is the point before the unfinished epoch");
            }
            if (!Run.finite(next)) {
                return run.result(xPrev, e, epoch - 1, StopReason.NON_FINITE, Run.nonFinite(next, "epoch " + epoch)
                        + " (learning rate too large?); x is the last finite point");
            }
            run.record(next.value());
            stop = run.check(epoch, xPrev, e.value(), x, next);
            e = next;
            if (stop != null) {
                return run.result(x, e, epoch, stop);
            }
        }
    }

    /** {@link #minimise(BatchObjective, int, double[])} from a 1-D array. */
    public final OptimResult minimise(BatchObjective f, int n, NdArray x0) {
        return minimise(f, n, vector(name() + ".minimise", x0));
    }
}
