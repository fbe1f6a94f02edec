package dev.strix.regression.optimise;

/**
 * Limited-memory BFGS (Nocedal 1980; Liu and Nocedal 1989) with a line search that satisfies the
 * strong Wolfe conditions
 * <pre>
 *   f(x + a d) <= f(x) + c1 a g'd      and      |g(x + a d)'d| <= c2 |g'd|
 * </pre>
 * (Nocedal and Wright, <i>Numerical Optimization</i>, 2nd ed., algorithms 3.5 and 3.6: bracketing,
 * then a zoom by safeguarded cubic interpolation), {@code c1 = 1e-4}, {@code c2 = 0.9}, plus Hager and
 * Zhang's approximate Wolfe test where f is flat to rounding (see {@code approximateWolfe}). The inverse
 * Hessian is the two-loop recursion over the last {@code m} (default 10) pairs, scaled by
 * {@code s'y / y'y}; a pair with {@code s'y <= 0} is skipped. The first trial step is 1, or
 * {@code 1 / ||g||} when there is no curvature pair yet. No bounds (unlike SciPy's L-BFGS-B).
 *
 * <p>When the zoom cannot meet the curvature condition (f flat to rounding near the minimum) the
 * lowest point that meets the decrease condition is taken and the memory cleared; when no point
 * decreases f, not even along the steepest descent, the run stops with
 * {@link StopReason#LINE_SEARCH_FAILED}. A trial step where f or the gradient is not finite is
 * halved (so a barrier returning infinity outside the domain works); if 40 halvings do not give a
 * finite point the run stops with {@link StopReason#NON_FINITE}. Default limits: 1000 iterations,
 * gradient norm 1e-6.
 *
 * <pre>{@code
 * OptimResult r = Lbfgs.create().memory(10).gradientTolerance(1e-8).minimise(f, x0);
 * }</pre>
 */
public final class Lbfgs extends Optimiser<Lbfgs> {
    private int m = 10;
    private double c1 = 1e-4;
    private double c2 = 0.9;
    private static final int MAX_TRIALS = 40;

    private Lbfgs() {
        super(1000);
    }

    /** L-BFGS with memory 10 and Wolfe constants 1e-4, 0.9. */
    public static Lbfgs create() {
        return new Lbfgs();
    }

    /** The number of correction pairs kept (>= 1). */
    public Lbfgs memory(int pairs) {
        if (pairs < 1) {
            throw new IllegalArgumentException("Lbfgs: memory must be >= 1, got " + pairs);
        }
        this.m = pairs;
        return this;
    }

    /** The Wolfe constants, {@code 0 < c1 < c2 < 1}. */
    public Lbfgs wolfe(double c1, double c2) {
        if (!(c1 > 0 && c1 < c2 && c2 < 1)) {
            throw new IllegalArgumentException("Lbfgs: need 0 < c1 < c2 < 1, got c1 = " + c1 + ", c2 = " + c2);
        }
        this.c1 = c1;
        this.c2 = c2;
        return this;
    }

    @Override
    String name() {
        return "Lbfgs";
    }

    private enum Status { WOLFE, DECREASE, FAILED, NON_FINITE }

    /** A trial point on the search line. */
    private record Point(double a, double f, double dphi, double[] x, Evaluation e) {}

    private record Search(Status status, Point point, String detail) {}

    @Override
    OptimResult run(Objective f, double[] x) {
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
        int p = x.length;
        double[][] s = new double[m][];
        double[][] y = new double[m][];
        double[] rho = new double[m];
        int count = 0;
        int newest = -1;
        for (int it = 1; ; it++) {
            double[] g = e.gradient();
            double[] d = direction(g, s, y, rho, count, newest);
            double dphi0 = dot(g, d);
            if (!(dphi0 < 0)) {
                count = 0;
                d = negate(g);
                dphi0 = dot(g, d);
            }
            Search ls;
            try {
                ls = search(f, run, x, e, d, dphi0, count == 0 ? Math.min(1, 1 / Run.norm(d)) : 1);
                if (ls.status == Status.FAILED && count > 0) {
                    // the quasi-Newton direction may be poor: retry once along the steepest descent
                    count = 0;
                    d = negate(g);
                    dphi0 = dot(g, d);
                    ls = search(f, run, x, e, d, dphi0, Math.min(1, 1 / Run.norm(d)));
                }
            } catch (Run.BudgetSpent b) {
                return run.result(x, e, it - 1, StopReason.MAX_EVALUATIONS, run.evaluations
                        + " evaluations done (during a line search); x is the best point found");
            }
            if (ls.status == Status.NON_FINITE) {
                return run.result(x, e, it - 1, StopReason.NON_FINITE, ls.detail + "; x is the last finite point");
            }
            if (ls.status == Status.FAILED) {
                return run.result(x, e, it - 1, StopReason.LINE_SEARCH_FAILED, Run.fmt(
                        "no step decreases f along the steepest descent at iteration %d (gradient norm %.3g;"
                                + " f is flat to rounding or the gradient is wrong); x is the best point found",
                        it, Run.norm(g)));
            }
            Point pt = ls.point;
            double[] sk = new double[p];
            double[] yk = new double[p];
            double[] gNew = pt.e.gradient();
            for (int i = 0; i < p; i++) {
                sk[i] = pt.x[i] - x[i];
                yk[i] = gNew[i] - g[i];
            }
            double sy = dot(sk, yk);
            if (ls.status == Status.DECREASE) {
                count = 0;
            } else if (sy > 1e-300 && sy > 2.2e-16 * dot(yk, yk) * 1e-6) {
                newest = (newest + 1) % m;
                s[newest] = sk;
                y[newest] = yk;
                rho[newest] = 1 / sy;
                count = Math.min(count + 1, m);
            }
            run.record(pt.e.value());
            stop = run.check(it, x, e.value(), pt.x, pt.e);
            x = pt.x;
            e = pt.e;
            if (stop != null) {
                return run.result(x, e, it, stop);
            }
        }
    }

    /** The two-loop recursion: {@code -H g}. */
    private double[] direction(double[] g, double[][] s, double[][] y, double[] rho, int count, int newest) {
        double[] q = g.clone();
        if (count == 0) {
            return negate(q);
        }
        double[] alpha = new double[m];
        for (int k = 0, i = newest; k < count; k++, i = (i - 1 + m) % m) {
            alpha[i] = rho[i] * dot(s[i], q);
            axpy(-alpha[i], y[i], q);
        }
        double gamma = dot(s[newest], y[newest]) / dot(y[newest], y[newest]);
        for (int i = 0; i < q.length; i++) {
            q[i] *= gamma;
        }
        int oldest = (newest - count + 1 + m) % m;
        for (int k = 0, i = oldest; k < count; k++, i = (i + 1) % m) {
            double beta = rho[i] * dot(y[i], q);
            axpy(alpha[i] - beta, s[i], q);
        }
        return negate(q);
    }

    private Point at(Objective f, Run run, double[] x0, double[] d, double a) {
        double[] x = new double[x0.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = x0[i] + a * d[i];
        }
        Evaluation e = run.eval(f, x);
        double dphi = Run.finite(e) ? dot(e.gradient(), d) : Double.NaN;
        return new Point(a, Run.finite(e) ? e.value() : Double.NaN, dphi, x, e);
    }

    /** Nocedal and Wright's algorithm 3.5 (bracketing), with halving on non-finite trial points. */
    private Search search(Objective f, Run run, double[] x0, Evaluation e0, double[] d, double dphi0, double a) {
        double phi0 = e0.value();
        Point prev = new Point(0, phi0, dphi0, x0, e0);
        double aBad = Double.POSITIVE_INFINITY; // smallest step known to give a non-finite value
        Evaluation bad = null;
        for (int i = 1; i <= MAX_TRIALS; i++) {
            Point cur = at(f, run, x0, d, a);
            if (Double.isNaN(cur.f)) {
                aBad = a;
                bad = cur.e;
                a = prev.a + 0.5 * (a - prev.a);
                continue;
            }
            if (approximateWolfe(cur, phi0, dphi0)) {
                return new Search(Status.WOLFE, cur, null);
            }
            if (cur.f > phi0 + c1 * a * dphi0 || (prev.a > 0 && cur.f >= prev.f)) {
                return zoom(f, run, x0, d, phi0, dphi0, prev, cur);
            }
            if (Math.abs(cur.dphi) <= -c2 * dphi0) {
                return new Search(Status.WOLFE, cur, null);
            }
            if (cur.dphi >= 0) {
                return zoom(f, run, x0, d, phi0, dphi0, cur, prev);
            }
            prev = cur;
            a = Double.isInfinite(aBad) ? 4 * a : Math.min(4 * a, 0.5 * (a + aBad));
        }
        if (prev.a > 0) {
            return new Search(Status.DECREASE, prev, null);
        }
        if (bad != null) {
            return new Search(Status.NON_FINITE, null, Run.nonFinite(bad, "every trial step of the line search"
                    + " (down to " + aBad + ")"));
        }
        return new Search(Status.FAILED, null, null);
    }

    /** Nocedal and Wright's algorithm 3.6: lo meets the decrease condition and has the lowest f. */
    private Search zoom(Objective f, Run run, double[] x0, double[] d, double phi0, double dphi0, Point lo, Point hi) {
        for (int j = 0; j < MAX_TRIALS; j++) {
            double w = hi.a - lo.a;
            if (Math.abs(w) <= 1e-15 * Math.max(Math.abs(lo.a), Math.abs(hi.a))) {
                break;
            }
            double a = interpolate(lo, hi);
            Point cur = at(f, run, x0, d, a);
            if (approximateWolfe(cur, phi0, dphi0)) {
                return new Search(Status.WOLFE, cur, null);
            }
            if (Double.isNaN(cur.f) || cur.f > phi0 + c1 * a * dphi0 || cur.f >= lo.f) {
                hi = cur;
            } else {
                if (Math.abs(cur.dphi) <= -c2 * dphi0) {
                    return new Search(Status.WOLFE, cur, null);
                }
                if (cur.dphi * (hi.a - lo.a) >= 0) {
                    hi = lo;
                }
                lo = cur;
            }
        }
        return lo.a > 0 ? new Search(Status.DECREASE, lo, null) : new Search(Status.FAILED, null, null);
    }

    /**
     * Hager and Zhang's approximate Wolfe test (SIAM J. Optim. 16, 2005): near a minimum the change
     * of f drowns in rounding while the slopes are still accurate, so a point whose f is within
     * {@code 1e-10 |f|} of the start and whose slope meets both the strong curvature condition and
     * {@code dphi <= (2 c1 - 1) dphi0} (the slope form of the decrease condition, exact for a
     * quadratic) is accepted. Without it L-BFGS stalls at gradient norms near {@code sqrt(eps |f| ||H||)}.
     */
    private boolean approximateWolfe(Point p, double phi0, double dphi0) {
        return !Double.isNaN(p.f) && p.f <= phi0 + 1e-10 * Math.abs(phi0)
                && Math.abs(p.dphi) <= -c2 * dphi0 && p.dphi <= (2 * c1 - 1) * dphi0;
    }

    /** The minimiser of the cubic through both points' values and slopes, kept inside the middle 80%. */
    private static double interpolate(Point lo, Point hi) {
        double a1 = lo.a;
        double a2 = hi.a;
        double mid = 0.5 * (a1 + a2);
        if (Double.isNaN(hi.f)) {
            return mid;
        }
        double d1 = lo.dphi + hi.dphi - 3 * (lo.f - hi.f) / (a1 - a2);
        double disc = d1 * d1 - lo.dphi * hi.dphi;
        if (!(disc >= 0)) {
            return mid;
        }
        double d2 = Math.signum(a2 - a1) * Math.sqrt(disc);
        double a = a2 - (a2 - a1) * (hi.dphi + d2 - d1) / (hi.dphi - lo.dphi + 2 * d2);
        double lower = Math.min(a1, a2) + 0.1 * Math.abs(a2 - a1);
        double upper = Math.max(a1, a2) - 0.1 * Math.abs(a2 - a1);
        return a >= lower && a <= upper ? a : mid;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static double[] negate(double[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = -v[i];
        }
        return r;
    }
}
