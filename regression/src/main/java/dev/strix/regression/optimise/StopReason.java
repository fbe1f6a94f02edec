package dev.strix.regression.optimise;

/** Why an optimiser stopped. Only the three tolerance reasons count as convergence. */
public enum StopReason {
    /** The gradient's Euclidean norm reached the gradient tolerance. Converged. */
    GRADIENT_TOLERANCE(true),
    /** The relative change of f in one iteration fell below the function tolerance. Converged. */
    FUNCTION_TOLERANCE(true),
    /** The relative step fell below the step tolerance. Converged. */
    STEP_TOLERANCE(true),
    /** The iteration limit was reached first. */
    MAX_ITERATIONS(false),
    /** The limit on objective evaluations was reached first. */
    MAX_EVALUATIONS(false),
    /** L-BFGS: no step along a descent direction satisfies the Wolfe conditions or decreases f. */
    LINE_SEARCH_FAILED(false),
    /** The objective or its gradient became NaN or infinite. */
    NON_FINITE(false),
    /** The per-iteration callback asked to stop. */
    CALLBACK(false);

    private final boolean converged;

    StopReason(boolean converged) {
        this.converged = converged;
    }

    /** Whether this reason means a stationary point was reached within the tolerances. */
    public boolean converged() {
        return converged;
    }
}
