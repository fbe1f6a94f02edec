package dev.strix.regression.optimise;

/**
 * Gradient descent: plain, with heavy-ball momentum, or with Nesterov momentum, in the form
 * PyTorch's SGD uses (the gradient is taken at the current point only):
 * <pre>
 *   plain:     x -= a_t g
 *   momentum:  b = mu b + g;  x -= a_t b
 *   Nesterov:  b = mu b + g;  x -= a_t (g + mu b)
 * </pre>
 * with {@code b = 0} at the start and {@code a_t} from the {@link Schedule} (default constant 0.01).
 * Default limits: 10000 iterations, gradient norm 1e-6.
 *
 * <pre>{@code
 * OptimResult r = GradientDescent.nesterov(0.9).learningRate(1e-3).gradientTolerance(1e-8).minimise(f, x0);
 * }</pre>
 */
public final class GradientDescent extends FirstOrder<GradientDescent> {
    private enum Kind { PLAIN, MOMENTUM, NESTEROV }

    private final Kind kind;
    private final double mu;

    private GradientDescent(Kind kind, double mu) {
        super(0.01);
        if (!(mu >= 0 && mu < 1)) {
            throw new IllegalArgumentException("GradientDescent: momentum must be in [0, 1), got " + mu);
        }
        this.kind = kind;
        this.mu = mu;
    }

    /** Plain gradient descent. */
    public static GradientDescent plain() {
        return new GradientDescent(Kind.PLAIN, 0);
    }

    /** Heavy-ball (Polyak) momentum {@code mu} in [0, 1); 0.9 is usual. */
    public static GradientDescent momentum(double mu) {
        return new GradientDescent(Kind.MOMENTUM, mu);
    }

    /** Nesterov momentum {@code mu} in [0, 1). */
    public static GradientDescent nesterov(double mu) {
        return new GradientDescent(Kind.NESTEROV, mu);
    }

    @Override
    String name() {
        return "GradientDescent";
    }

    @Override
    Stepper stepper(int p) {
        double[] b = new double[p];
        return (t, a, x, g) -> {
            for (int i = 0; i < p; i++) {
                switch (kind) {
                    case PLAIN -> x[i] -= a * g[i];
                    case MOMENTUM -> {
                        b[i] = mu * b[i] + g[i];
                        x[i] -= a * b[i];
                    }
                    case NESTEROV -> {
                        b[i] = mu * b[i] + g[i];
                        x[i] -= a * (g[i] + mu * b[i]);
                    }
                }
            }
        };
    }
}
