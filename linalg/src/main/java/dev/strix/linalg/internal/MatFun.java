package dev.strix.linalg.internal;

import dev.strix.linalg.LinalgException;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;

/** Matrix functions on EJML matrices: expm (Padé + scaling and squaring), sqrtm (Denman-Beavers), logm. */
public final class MatFun {
    private MatFun() {
    }

    private static final double[] THETA = {1.495585217958292e-2, 2.539398330063230e-1, 9.504178996162932e-1,
        2.097847961257068e0, 5.371920351148152e0};
    private static final double[][] PADE = {
        {120, 60, 12, 1},
        {30240, 15120, 3360, 420, 30, 1},
        {17297280, 8648640, 1995840, 277200, 25200, 1512, 56, 1},
        {17643225600.0, 8821612800.0, 2075673600, 302702400, 30270240, 2162160, 110880, 3960, 90, 1},
        {64764752532480000.0, 32382376266240000.0, 7771770303897600.0, 1187353796428800.0, 129060195264000.0,
            10559470521600.0, 670442572800.0, 33522128640.0, 1323241920, 40840800, 960960, 16380, 182, 1}};

    static DMatrixRMaj mul(DMatrixRMaj a, DMatrixRMaj b) {
        DMatrixRMaj c = new DMatrixRMaj(a.numRows, b.numCols);
        CommonOps_DDRM.mult(a, b, c);
        return c;
    }

    /** sum_k c[k] * m[k] (+ c0 * I when c0 != 0). */
    static DMatrixRMaj lin(int n, double c0, double[] c, DMatrixRMaj... m) {
        DMatrixRMaj out = new DMatrixRMaj(n, n);
        for (int k = 0; k < m.length; k++) {
            CommonOps_DDRM.addEquals(out, c[k], m[k]);
        }
        for (int i = 0; i < n; i++) {
            out.data[i * n + i] += c0;
        }
        return out;
    }

    static DMatrixRMaj solve(DMatrixRMaj a, DMatrixRMaj b, String op) {
        DMatrixRMaj x = new DMatrixRMaj(b.numRows, b.numCols);
        if (!CommonOps_DDRM.solve(a, b, x)) {
            throw new LinalgException(op + ": a linear system in the algorithm is singular");
        }
        return x;
    }

    /** Matrix exponential, Higham (2005) Padé degrees 3..13 with scaling and squaring, as SciPy. */
    public static DMatrixRMaj expm(DMatrixRMaj a) {
        int n = a.numRows;
        if (n == 0) {
            return new DMatrixRMaj(0, 0);
        }
        double norm = NormOps_DDRM.normP1(a);
        DMatrixRMaj a2 = mul(a, a);
        for (int i = 0; i < 4; i++) {
            if (norm <= THETA[i]) {
                double[] b = PADE[i];
                int deg = b.length - 1;
                DMatrixRMaj[] pw = new DMatrixRMaj[deg / 2 + 1];   // pw[k] = A^(2k)
                pw[1] = a2;
                for (int k = 2; k < pw.length; k++) {
                    pw[k] = mul(pw[k - 1], a2);
                }
                double[] cu = new double[pw.length - 1];
                double[] cv = new double[pw.length - 1];
                DMatrixRMaj[] ms = new DMatrixRMaj[pw.length - 1];
                for (int k = 1; k < pw.length; k++) {
                    ms[k - 1] = pw[k];
                    cu[k - 1] = b[2 * k + 1];
                    cv[k - 1] = b[2 * k];
                }
                DMatrixRMaj u = mul(a, lin(n, b[1], cu, ms));
                DMatrixRMaj v = lin(n, b[0], cv, ms);
                return pade(u, v);
            }
        }
        int s = Math.max(0, (int) Math.ceil(Math.log(norm / THETA[4]) / Math.log(2)));
        DMatrixRMaj as = a.copy();
        if (s > 0) {
            double f = Math.scalb(1.0, -s);
            CommonOps_DDRM.scale(f, as);
            CommonOps_DDRM.scale(f * f, a2);
        }
        double[] b = PADE[4];
        DMatrixRMaj a4 = mul(a2, a2);
        DMatrixRMaj a6 = mul(a4, a2);
        DMatrixRMaj u1 = mul(a6, lin(n, 0, new double[] {b[13], b[11], b[9]}, a6, a4, a2));
        DMatrixRMaj u = mul(as, lin(n, b[1], new double[] {1, b[7], b[5], b[3]}, u1, a6, a4, a2));
        DMatrixRMaj v1 = mul(a6, lin(n, 0, new double[] {b[12], b[10], b[8]}, a6, a4, a2));
        DMatrixRMaj v = lin(n, b[0], new double[] {1, b[6], b[4], b[2]}, v1, a6, a4, a2);
        DMatrixRMaj r = pade(u, v);
        for (int k = 0; k < s; k++) {
            r = mul(r, r);
        }
        return r;
    }

    private static DMatrixRMaj pade(DMatrixRMaj u, DMatrixRMaj v) {
        DMatrixRMaj p = v.copy();
        CommonOps_DDRM.addEquals(p, u);
        DMatrixRMaj q = v.copy();
        CommonOps_DDRM.subtractEquals(q, u);
        return solve(q, p, "expm");
    }

    /**
     * Principal square root by the scaled Denman-Beavers iteration. The caller has checked that no
     * eigenvalue lies on the closed negative real axis.
     */
    public static DMatrixRMaj sqrtm(DMatrixRMaj a) {
        int n = a.numRows;
        if (n == 0) {
            return new DMatrixRMaj(0, 0);
        }
        DMatrixRMaj y = a.copy();
        DMatrixRMaj z = CommonOps_DDRM.identity(n);
        boolean scale = true;
        boolean finalStep = false;
        for (int it = 0; it < 100; it++) {
            DMatrixRMaj yi = new DMatrixRMaj(n, n);
            DMatrixRMaj zi = new DMatrixRMaj(n, n);
            if (!CommonOps_DDRM.invert(y, yi) || !CommonOps_DDRM.invert(z, zi)) {
                throw new LinalgException("sqrtm: the Denman-Beavers iteration met a singular matrix");
            }
            double mu = 1;
            if (scale) {
                double d = Math.abs(CommonOps_DDRM.det(y) * CommonOps_DDRM.det(z));
                if (d > 0 && Double.isFinite(d)) {
                    mu = Math.pow(d, -1.0 / (2 * n));
                }
            }
            DMatrixRMaj yn = new DMatrixRMaj(n, n);
            CommonOps_DDRM.add(0.5 * mu, y, 0.5 / mu, zi, yn);
            DMatrixRMaj zn = new DMatrixRMaj(n, n);
            CommonOps_DDRM.add(0.5 * mu, z, 0.5 / mu, yi, zn);
            DMatrixRMaj diff = yn.copy();
            CommonOps_DDRM.subtractEquals(diff, y);
            double rel = NormOps_DDRM.normF(diff) / Math.max(NormOps_DDRM.normF(yn), Double.MIN_NORMAL);
            y = yn;
            z = zn;
            if (rel < 1e-2) {
                scale = false;
            }
            if (finalStep || rel == 0) {
                return y;
            }
            if (rel <= 1e-9) {
                finalStep = true;   // quadratic convergence: one more step reaches rounding level
            }
        }
        throw new LinalgException("sqrtm: the Denman-Beavers iteration did not converge in 100 steps");
    }

    /** Principal logarithm by inverse scaling and squaring with a Gauss-Legendre (Padé) approximant. */
    public static DMatrixRMaj logm(DMatrixRMaj a) {
        int n = a.numRows;
        if (n == 0) {
            return new DMatrixRMaj(0, 0);
        }
        DMatrixRMaj x = a.copy();
        int k = 0;
        while (true) {
            DMatrixRMaj r = x.copy();
            for (int i = 0; i < n; i++) {
                r.data[i * n + i] -= 1;
            }
            if (NormOps_DDRM.normP1(r) <= 0.25) {
                x = r;
                break;
            }
            if (++k > 64) {
                throw new LinalgException("logm: repeated square roots did not approach the identity");
            }
            x = sqrtm(x);
        }
        double[][] gl = gaussLegendre(10);
        DMatrixRMaj sum = new DMatrixRMaj(n, n);
        for (int j = 0; j < gl[0].length; j++) {
            double t = gl[0][j];
            DMatrixRMaj den = x.copy();
            CommonOps_DDRM.scale(t, den);
            for (int i = 0; i < n; i++) {
                den.data[i * n + i] += 1;
            }
            DMatrixRMaj term = solve(den, x, "logm");
            CommonOps_DDRM.addEquals(sum, gl[1][j], term);
        }
        CommonOps_DDRM.scale(Math.scalb(1.0, k), sum);
        return sum;
    }

    /** Nodes and weights of m-point Gauss-Legendre quadrature on [0, 1] (Newton on P_m). */
    static double[][] gaussLegendre(int m) {
        double[] x = new double[m];
        double[] w = new double[m];
        for (int i = 0; i < m; i++) {
            double z = Math.cos(Math.PI * (i + 0.75) / (m + 0.5));
            double dp = 0;
            for (int it = 0; it < 100; it++) {
                double p0 = 1;
                double p1 = z;
                for (int k = 2; k <= m; k++) {
                    double p2 = ((2 * k - 1) * z * p1 - (k - 1) * p0) / k;
                    p0 = p1;
                    p1 = p2;
                }
                dp = m * (z * p1 - p0) / (z * z - 1);
                double dz = p1 / dp;
                z -= dz;
                if (Math.abs(dz) < 1e-16) {
                    break;
                }
            }
            x[i] = (1 + z) / 2;
            w[i] = 1.0 / ((1 - z * z) * dp * dp);   // 2/((1-z^2) P'^2) on [-1,1], halved for [0,1]
        }
        return new double[][] {x, w};
    }
}
