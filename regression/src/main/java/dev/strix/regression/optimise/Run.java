package dev.strix.regression.optimise;

import java.util.Locale;

/**
 * The book-keeping of one minimisation: counts evaluations against the budget, validates what the
 * objective returns, records the history and applies the shared stopping rules.
 */
final class Run {
    /** Thrown (and caught by the optimiser) when the evaluation budget is spent. */
    static final class BudgetSpent extends RuntimeException {
        BudgetSpent() {
            super(null, null, false, false);
        }
    }

    /** Why to stop, and the human-readable detail. */
    record Stop(StopReason reason, String message) {}

    private final Optimiser<?> opt;
    private final String name;
    long evaluations;
    private double[] hist = new double[16];
    private int nHist;

    Run(Optimiser<?> opt) {
        this.opt = opt;
        this.name = opt.name();
    }

    Evaluation eval(Objective f, double[] x) {
        spend();
        return checked(f.evaluate(x.clone()), x.length);
    }

    Evaluation eval(BatchObjective f, double[] x, int[] batch) {
        spend();
        return checked(f.evaluate(x.clone(), batch.clone()), x.length);
    }

    private void spend() {
        if (evaluations >= opt.maxEvaluations) {
            throw new BudgetSpent();
        }
        evaluations++;
    }

    private Evaluation checked(Evaluation e, int n) {
        if (e == null) {
            throw new IllegalArgumentException(name + ": the objective returned null");
        }
        if (e.gradient().length != n) {
            throw new IllegalArgumentException(name + ": the objective's gradient has " + e.gradient().length
                    + " elements but x has " + n);
        }
        return new Evaluation(e.value(), e.gradient().clone());
    }

    void record(double f) {
        if (!opt.recordHistory) {
            return;
        }
        if (nHist == hist.length) {
            hist = java.util.Arrays.copyOf(hist, 2 * nHist);
        }
        hist[nHist++] = f;
    }

    static boolean finite(Evaluation e) {
        if (!Double.isFinite(e.value())) {
            return false;
        }
        for (double v : e.gradient()) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    static double norm(double[] v) {
        double scale = 0;
        for (double d : v) {
            scale = Math.max(scale, Math.abs(d));
        }
        if (scale == 0 || !Double.isFinite(scale)) {
            return scale;
        }
        double s = 0;
        for (double d : v) {
            double t = d / scale;
            s += t * t;
        }
        return scale * Math.sqrt(s);
    }

    static double distance(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return norm(d);
    }

    /** The reason to stop at the start point, or null. */
    Stop checkStart(Evaluation e) {
        if (!finite(e)) {
            return new Stop(StopReason.NON_FINITE, nonFinite(e, "the start point"));
        }
        double gn = norm(e.gradient());
        if (gn <= opt.gradientTolerance) {
            return new Stop(StopReason.GRADIENT_TOLERANCE,
                    fmt("gradient norm %.3g <= %.3g at the start point", gn, opt.gradientTolerance));
        }
        return null;
    }

    /**
     * The shared rules after iteration {@code it} moved from (xPrev, fPrev) to (x, e); null to go on.
     */
    Stop check(int it, double[] xPrev, double fPrev, double[] x, Evaluation e) {
        if (!finite(e)) {
            return new Stop(StopReason.NON_FINITE, nonFinite(e, "iteration " + it));
        }
        double f = e.value();
        double gn = norm(e.gradient());
        if (gn <= opt.gradientTolerance) {
            return new Stop(StopReason.GRADIENT_TOLERANCE,
                    fmt("gradient norm %.3g <= %.3g", gn, opt.gradientTolerance));
        }
        double scale = Math.max(Math.max(Math.abs(fPrev), Math.abs(f)), 1);
        if (opt.functionTolerance > 0 && Math.abs(fPrev - f) <= opt.functionTolerance * scale) {
            return new Stop(StopReason.FUNCTION_TOLERANCE,
                    fmt("relative change of f %.3g <= %.3g", Math.abs(fPrev - f) / scale, opt.functionTolerance));
        }
        if (opt.stepTolerance > 0) {
            double step = distance(x, xPrev);
            double xs = Math.max(norm(x), 1);
            if (step <= opt.stepTolerance * xs) {
                return new Stop(StopReason.STEP_TOLERANCE,
                        fmt("relative step %.3g <= %.3g", step / xs, opt.stepTolerance));
            }
        }
        if (opt.callback != null && !opt.callback.proceed(new Iteration(it, x.clone(), f, gn, evaluations))) {
            return new Stop(StopReason.CALLBACK, "the callback stopped the run at iteration " + it);
        }
        if (it >= opt.maxIterations) {
            return new Stop(StopReason.MAX_ITERATIONS,
                    fmt("%d iterations done; gradient norm %.3g > %.3g", it, gn, opt.gradientTolerance));
        }
        return null;
    }

    static String nonFinite(Evaluation e, String where) {
        String what = !Double.isFinite(e.value()) ? "f = " + e.value() : "the gradient";
        if (Double.isFinite(e.value())) {
            double[] g = e.gradient();
            for (int i = 0; i < g.length; i++) {
                if (!Double.isFinite(g[i])) {
                    what = "gradient[" + i + "] = " + g[i];
                    break;
                }
            }
        }
        return what + " at " + where;
    }

    OptimResult result(double[] x, Evaluation e, int iterations, StopReason reason, String message) {
        double gn = norm(e.gradient());
        return new OptimResult(x, e.value(), e.gradient(), gn, iterations, evaluations, reason,
                name + ": " + message, java.util.Arrays.copyOf(hist, nHist));
    }

    OptimResult result(double[] x, Evaluation e, int iterations, Stop stop) {
        return result(x, e, iterations, stop.reason(), stop.message());
    }

    static String fmt(String f, Object... args) {
        return String.format(Locale.ROOT, f, args);
    }
}
