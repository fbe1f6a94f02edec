package dev.strix.sparse;

/**
 * Stopping rules of the iterative solvers: stop when ||b - A x||_2 <= max(rtol * ||b||_2, atol)
 * (SciPy 1.12's rule) or after {@code maxIter} iterations (0 means 10 n, SciPy's default for
 * CG and BiCGSTAB; for GMRES an iteration is one inner step, so restarts count m each).
 * {@code restart} is GMRES's m (default 30).
 */
public record SolverOptions(double rtol, double atol, int maxIter, int restart) {
    public SolverOptions {
        if (!(rtol >= 0) || !(atol >= 0)) {
            throw new IllegalArgumentException("SolverOptions: rtol and atol must be >= 0, got " + rtol + ", " + atol);
        }
        if (maxIter < 0 || restart < 1) {
            throw new IllegalArgumentException("SolverOptions: maxIter must be >= 0 and restart >= 1, got " + maxIter + ", " + restart);
        }
    }

    /** rtol 1e-8, atol 0, maxIter 10 n, restart 30. */
    public static SolverOptions defaults() {
        return new SolverOptions(1e-8, 0, 0, 30);
    }

    public SolverOptions withRtol(double v) {
        return new SolverOptions(v, atol, maxIter, restart);
    }

    public SolverOptions withAtol(double v) {
        return new SolverOptions(rtol, v, maxIter, restart);
    }

    public SolverOptions withMaxIter(int v) {
        return new SolverOptions(rtol, atol, v, restart);
    }

    public SolverOptions withRestart(int v) {
        return new SolverOptions(rtol, atol, maxIter, v);
    }

    int maxIterFor(int n) {
        return maxIter > 0 ? maxIter : (int) Math.min(Integer.MAX_VALUE, 10L * Math.max(1, n));
    }
}
