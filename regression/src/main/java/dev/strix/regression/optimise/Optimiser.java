package dev.strix.regression.optimise;

import dev.strix.ndarray.NdArray;

/**
 * What every optimiser shares: the stopping rules, the per-iteration callback and the history of f.
 * Setters return the optimiser, so a configuration reads as one expression; a configured optimiser
 * may be reused (each {@code minimise} call starts afresh) but is not meant to be changed while
 * another thread runs it.
 *
 * <p>Stopping rules, checked after every iteration in this order (the first that holds wins):
 * <ol>
 * <li>{@code f} or the gradient not finite: {@link StopReason#NON_FINITE};</li>
 * <li>{@code ||g||_2 <= gradientTolerance}: {@link StopReason#GRADIENT_TOLERANCE} (default 1e-6);</li>
 * <li>{@code |f_prev - f| <= functionTolerance max(|f_prev|, |f|, 1)}:
 *     {@link StopReason#FUNCTION_TOLERANCE} (default 0: off, as SciPy's {@code ftol} but relative);</li>
 * <li>{@code ||x_prev - x||_2 <= stepTolerance max(||x||_2, 1)}: {@link StopReason#STEP_TOLERANCE}
 *     (default 0: off);</li>
 * <li>the callback returns false: {@link StopReason#CALLBACK};</li>
 * <li>the iteration count reaches {@code maxIterations}: {@link StopReason#MAX_ITERATIONS}.</li>
 * </ol>
 * Independently, the run stops with {@link StopReason#MAX_EVALUATIONS} before an evaluation that
 * would exceed {@code maxEvaluations}. The start point is checked too (0 iterations when it is
 * already stationary, or not finite).
 *
 * @param <T> the concrete optimiser, so that the setters keep its type
 */
public abstract class Optimiser<T extends Optimiser<T>> {
    double gradientTolerance = 1e-6;
    double functionTolerance = 0;
    double stepTolerance = 0;
    int maxIterations;
    long maxEvaluations = Long.MAX_VALUE;
    IterationCallback callback;
    boolean recordHistory;

    Optimiser(int defaultMaxIterations) {
        this.maxIterations = defaultMaxIterations;
    }

    @SuppressWarnings("unchecked")
    private T self() {
        return (T) this;
    }

    /** Stop when the Euclidean norm of the gradient is at most {@code tol} (>= 0). */
    public T gradientTolerance(double tol) {
        this.gradientTolerance = tolerance("gradientTolerance", tol);
        return self();
    }

    /** Stop when {@code |f_prev - f| <= tol max(|f_prev|, |f|, 1)}; 0 turns the rule off. */
    public T functionTolerance(double tol) {
        this.functionTolerance = tolerance("functionTolerance", tol);
        return self();
    }

    /** Stop when {@code ||x_prev - x|| <= tol max(||x||, 1)}; 0 turns the rule off. */
    public T stepTolerance(double tol) {
        this.stepTolerance = tolerance("stepTolerance", tol);
        return self();
    }

    /** At most this many iterations (>= 1). */
    public T maxIterations(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1, got " + n);
        }
        this.maxIterations = n;
        return self();
    }

    /** At most this many evaluations of the objective (>= 1; a mini-batch evaluation counts as one). */
    public T maxEvaluations(long n) {
        if (n < 1) {
            throw new IllegalArgumentException("maxEvaluations must be >= 1, got " + n);
        }
        this.maxEvaluations = n;
        return self();
    }

    /** Called after every iteration; returning false stops the run. {@code null} removes it. */
    public T callback(IterationCallback cb) {
        this.callback = cb;
        return self();
    }

    /** Whether to record f at the start and after every iteration in {@link OptimResult#history()}. */
    public T recordHistory(boolean record) {
        this.recordHistory = record;
        return self();
    }

    /** Minimises {@code f} from {@code x0} (not modified). */
    public final OptimResult minimise(Objective f, double[] x0) {
        if (f == null) {
            throw new IllegalArgumentException(name() + ".minimise: the objective is null");
        }
        return run(f, start(x0));
    }

    /** Minimises {@code f} from the 1-D array {@code x0}. */
    public final OptimResult minimise(Objective f, NdArray x0) {
        return minimise(f, vector(name() + ".minimise", x0));
    }

    abstract OptimResult run(Objective f, double[] x0);

    abstract String name();

    double[] start(double[] x0) {
        if (x0 == null || x0.length == 0) {
            throw new IllegalArgumentException(name() + ".minimise: the start point is null or empty");
        }
        for (int i = 0; i < x0.length; i++) {
            if (!Double.isFinite(x0[i])) {
                throw new IllegalArgumentException(name() + ".minimise: x0[" + i + "] is " + x0[i]);
            }
        }
        return x0.clone();
    }

    static double[] vector(String op, NdArray x0) {
        if (x0 == null) {
            throw new IllegalArgumentException(op + ": the start point is null");
        }
        if (x0.ndim() != 1) {
            throw new IllegalArgumentException(op + ": the start point must be 1-D, got shape "
                    + java.util.Arrays.toString(x0.shape()));
        }
        return x0.toDoubleArray();
    }

    private static double tolerance(String what, double tol) {
        if (!(tol >= 0 && Double.isFinite(tol))) {
            throw new IllegalArgumentException(what + " must be finite and >= 0, got " + tol);
        }
        return tol;
    }
}
