package dev.strix.regression.optimise;

/**
 * Adam (Kingma and Ba 2015) with bias correction, optionally AMSGrad (Reddi et al. 2018):
 * <pre>
 *   m = b1 m + (1 - b1) g;   v = b2 v + (1 - b2) g^2          (t = 1, 2, ...)
 *   AMSGrad: vmax = max(vmax, v), used in place of v
 *   x -= a_t (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps)
 * </pre>
 * Defaults as the paper: {@code a = 1e-3, b1 = 0.9, b2 = 0.999, eps = 1e-8}; 10000 iterations,
 * gradient norm 1e-6. With a constant rate Adam hovers near the minimum at a distance that scales
 * with the rate; a decaying {@link Schedule} lets it settle.
 *
 * <pre>{@code
 * OptimResult r = Adam.create().schedule(Schedule.inverseTime(0.05, 0.01)).minimise(f, x0);
 * }</pre>
 */
public final class Adam extends FirstOrder<Adam> {
    private double beta1 = 0.9;
    private double beta2 = 0.999;
    private double eps = 1e-8;
    private boolean amsgrad;

    private Adam() {
        super(1e-3);
    }

    /** Adam with the paper's defaults. */
    public static Adam create() {
        return new Adam();
    }

    /** The moment decay rates, each in [0, 1). */
    public Adam betas(double b1, double b2) {
        if (!(b1 >= 0 && b1 < 1 && b2 >= 0 && b2 < 1)) {
            throw new IllegalArgumentException("Adam: betas must be in [0, 1), got " + b1 + ", " + b2);
        }
        this.beta1 = b1;
        this.beta2 = b2;
        return this;
    }

    /** The denominator's guard (> 0). */
    public Adam epsilon(double e) {
        if (!(e > 0 && Double.isFinite(e))) {
            throw new IllegalArgumentException("Adam: epsilon must be finite and > 0, got " + e);
        }
        this.eps = e;
        return this;
    }

    /** Use AMSGrad's running maximum of the second moment. */
    public Adam amsgrad(boolean on) {
        this.amsgrad = on;
        return this;
    }

    @Override
    String name() {
        return "Adam";
    }

    @Override
    Stepper stepper(int p) {
        double[] m = new double[p];
        double[] v = new double[p];
        double[] vmax = new double[p];
        double b1 = beta1;
        double b2 = beta2;
        double e = eps;
        boolean ams = amsgrad;
        return (t, a, x, g) -> {
            int k = t + 1;
            double c1 = 1 - Math.pow(b1, k);
            double c2 = 1 - Math.pow(b2, k);
            for (int i = 0; i < p; i++) {
                m[i] = b1 * m[i] + (1 - b1) * g[i];
                v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
                double vi = v[i];
                if (ams) {
                    vmax[i] = Math.max(vmax[i], v[i]);
                    vi = vmax[i];
                }
                x[i] -= a * (m[i] / c1) / (Math.sqrt(vi / c2) + e);
            }
        };
    }
}
