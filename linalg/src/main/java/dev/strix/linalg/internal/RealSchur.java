package dev.strix.linalg.internal;

import dev.strix.linalg.LinalgException;

/**
 * Real Schur form and eigen-decomposition of a general real matrix: Householder reduction to
 * Hessenberg form (EISPACK orthes) then Francis double-shift QR (EISPACK hqr2), following the
 * public-domain JAMA formulation. After {@link #RealSchur(double[][], boolean)}: {@code t} is the
 * quasi-triangular Schur factor, {@code z} the orthogonal Schur vectors (A = Z T Z^T),
 * {@code wr}/{@code wi} the eigenvalues; {@link #eigenvectors()} back-substitutes for the
 * eigenvectors (JAMA's block layout: a complex pair j, j+1 stores the real part in column j and
 * the imaginary part in column j+1).
 */
public final class RealSchur {
    public final int n;
    public final double[][] t;
    public final double[][] z;
    public final double[] wr;
    public final double[] wi;
    private final double norm;
    private static final double EPS = Math.ulp(1.0);

    public RealSchur(double[][] a, boolean keepT) {
        n = a.length;
        double[][] h = new double[n][];
        for (int i = 0; i < n; i++) {
            h[i] = a[i].clone();
        }
        z = new double[n][n];
        wr = new double[n];
        wi = new double[n];
        orthes(h);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i - 1; j++) {
                h[i][j] = 0;
            }
        }
        norm = hqr2(h);
        for (int i = 1; i < n; i++) {
            if (wi[i - 1] == 0 || wi[i - 1] < 0) {   // not inside a 2x2 block
                h[i][i - 1] = 0;
            }
            for (int j = 0; j < i - 1; j++) {
                h[i][j] = 0;
            }
        }
        t = h;
    }

    private void orthes(double[][] h) {
        int high = n - 1;
        double[] ort = new double[n];
        for (int m = 1; m <= high - 1; m++) {
            double scale = 0.0;
            for (int i = m; i <= high; i++) {
                scale += Math.abs(h[i][m - 1]);
            }
            if (scale != 0.0) {
                double hh = 0.0;
                for (int i = high; i >= m; i--) {
                    ort[i] = h[i][m - 1] / scale;
                    hh += ort[i] * ort[i];
                }
                double g = Math.sqrt(hh);
                if (ort[m] > 0) {
                    g = -g;
                }
                hh = hh - ort[m] * g;
                ort[m] = ort[m] - g;
                for (int j = m; j < n; j++) {
                    double f = 0.0;
                    for (int i = high; i >= m; i--) {
                        f += ort[i] * h[i][j];
                    }
                    f = f / hh;
                    for (int i = m; i <= high; i++) {
                        h[i][j] -= f * ort[i];
                    }
                }
                for (int i = 0; i <= high; i++) {
                    double f = 0.0;
                    for (int j = high; j >= m; j--) {
                        f += ort[j] * h[i][j];
                    }
                    f = f / hh;
                    for (int j = m; j <= high; j++) {
                        h[i][j] -= f * ort[j];
                    }
                }
                ort[m] = scale * ort[m];
                h[m][m - 1] = scale * g;
            }
        }
        for (int i = 0; i < n; i++) {
            z[i][i] = 1.0;
        }
        for (int m = high - 1; m >= 1; m--) {
            if (h[m][m - 1] != 0.0) {
                for (int i = m + 1; i <= high; i++) {
                    ort[i] = h[i][m - 1];
                }
                for (int j = m; j <= high; j++) {
                    double g = 0.0;
                    for (int i = m; i <= high; i++) {
                        g += ort[i] * z[i][j];
                    }
                    g = (g / ort[m]) / h[m][m - 1];
                    for (int i = m; i <= high; i++) {
                        z[i][j] += g * ort[i];
                    }
                }
            }
        }
    }

    private double hqr2(double[][] h) {
        int nn = n;
        int nIdx = nn - 1;
        int low = 0;
        int high = nn - 1;
        double exshift = 0.0;
        double p = 0, q = 0, r = 0, s = 0, zz = 0, w, x, y;
        double nrm = 0.0;
        for (int i = 0; i < nn; i++) {
            for (int j = Math.max(i - 1, 0); j < nn; j++) {
                nrm += Math.abs(h[i][j]);
            }
        }
        int iter = 0;
        int totalIter = 0;
        while (nIdx >= low) {
            int l = nIdx;
            while (l > low) {
                s = Math.abs(h[l - 1][l - 1]) + Math.abs(h[l][l]);
                if (s == 0.0) {
                    s = nrm;
                }
                if (Math.abs(h[l][l - 1]) < EPS * s) {
                    break;
                }
                l--;
            }
            if (l == nIdx) {
                h[nIdx][nIdx] = h[nIdx][nIdx] + exshift;
                wr[nIdx] = h[nIdx][nIdx];
                wi[nIdx] = 0.0;
                nIdx--;
                iter = 0;
            } else if (l == nIdx - 1) {
                w = h[nIdx][nIdx - 1] * h[nIdx - 1][nIdx];
                p = (h[nIdx - 1][nIdx - 1] - h[nIdx][nIdx]) / 2.0;
                q = p * p + w;
                zz = Math.sqrt(Math.abs(q));
                h[nIdx][nIdx] = h[nIdx][nIdx] + exshift;
                h[nIdx - 1][nIdx - 1] = h[nIdx - 1][nIdx - 1] + exshift;
                x = h[nIdx][nIdx];
                if (q >= 0) {
                    zz = p >= 0 ? p + zz : p - zz;
                    wr[nIdx - 1] = x + zz;
                    wr[nIdx] = wr[nIdx - 1];
                    if (zz != 0.0) {
                        wr[nIdx] = x - w / zz;
                    }
                    wi[nIdx - 1] = 0.0;
                    wi[nIdx] = 0.0;
                    x = h[nIdx][nIdx - 1];
                    s = Math.abs(x) + Math.abs(zz);
                    p = x / s;
                    q = zz / s;
                    r = Math.sqrt(p * p + q * q);
                    p = p / r;
                    q = q / r;
                    for (int j = nIdx - 1; j < nn; j++) {
                        zz = h[nIdx - 1][j];
                        h[nIdx - 1][j] = q * zz + p * h[nIdx][j];
                        h[nIdx][j] = q * h[nIdx][j] - p * zz;
                    }
                    for (int i = 0; i <= nIdx; i++) {
                        zz = h[i][nIdx - 1];
                        h[i][nIdx - 1] = q * zz + p * h[i][nIdx];
                        h[i][nIdx] = q * h[i][nIdx] - p * zz;
                    }
                    for (int i = low; i <= high; i++) {
                        zz = z[i][nIdx - 1];
                        z[i][nIdx - 1] = q * zz + p * z[i][nIdx];
                        z[i][nIdx] = q * z[i][nIdx] - p * zz;
                    }
                } else {
                    wr[nIdx - 1] = x + p;
                    wr[nIdx] = x + p;
                    wi[nIdx - 1] = zz;
                    wi[nIdx] = -zz;
                }
                nIdx = nIdx - 2;
                iter = 0;
            } else {
                x = h[nIdx][nIdx];
                y = 0.0;
                w = 0.0;
                if (l < nIdx) {
                    y = h[nIdx - 1][nIdx - 1];
                    w = h[nIdx][nIdx - 1] * h[nIdx - 1][nIdx];
                }
                if (iter == 10) {
                    exshift += x;
                    for (int i = low; i <= nIdx; i++) {
                        h[i][i] -= x;
                    }
                    s = Math.abs(h[nIdx][nIdx - 1]) + Math.abs(h[nIdx - 1][nIdx - 2]);
                    x = y = 0.75 * s;
                    w = -0.4375 * s * s;
                }
                if (iter == 30) {
                    s = (y - x) / 2.0;
                    s = s * s + w;
                    if (s > 0) {
                        s = Math.sqrt(s);
                        if (y < x) {
                            s = -s;
                        }
                        s = x - w / ((y - x) / 2.0 + s);
                        for (int i = low; i <= nIdx; i++) {
                            h[i][i] -= s;
                        }
                        exshift += s;
                        x = y = w = 0.964;
                    }
                }
                iter++;
                if (++totalIter > 100 * Math.max(nn, 10)) {
                    throw new LinalgException("eig/schur: the QR algorithm did not converge for a " + nn + "x" + nn
                            + " matrix (does it contain NaN or infinity?)");
                }
                int m = nIdx - 2;
                while (m >= l) {
                    zz = h[m][m];
                    r = x - zz;
                    s = y - zz;
                    p = (r * s - w) / h[m + 1][m] + h[m][m + 1];
                    q = h[m + 1][m + 1] - zz - r - s;
                    r = h[m + 2][m + 1];
                    s = Math.abs(p) + Math.abs(q) + Math.abs(r);
                    p = p / s;
                    q = q / s;
                    r = r / s;
                    if (m == l) {
                        break;
                    }
                    if (Math.abs(h[m][m - 1]) * (Math.abs(q) + Math.abs(r))
                            < EPS * (Math.abs(p) * (Math.abs(h[m - 1][m - 1]) + Math.abs(zz) + Math.abs(h[m + 1][m + 1])))) {
                        break;
                    }
                    m--;
                }
                for (int i = m + 2; i <= nIdx; i++) {
                    h[i][i - 2] = 0.0;
                    if (i > m + 2) {
                        h[i][i - 3] = 0.0;
                    }
                }
                for (int k = m; k <= nIdx - 1; k++) {
                    boolean notlast = k != nIdx - 1;
                    if (k != m) {
                        p = h[k][k - 1];
                        q = h[k + 1][k - 1];
                        r = notlast ? h[k + 2][k - 1] : 0.0;
                        x = Math.abs(p) + Math.abs(q) + Math.abs(r);
                        if (x == 0.0) {
                            continue;
                        }
                        p = p / x;
                        q = q / x;
                        r = r / x;
                    }
                    s = Math.sqrt(p * p + q * q + r * r);
                    if (p < 0) {
                        s = -s;
                    }
                    if (s != 0) {
                        if (k != m) {
                            h[k][k - 1] = -s * x;
                        } else if (l != m) {
                            h[k][k - 1] = -h[k][k - 1];
                        }
                        p = p + s;
                        x = p / s;
                        y = q / s;
                        zz = r / s;
                        q = q / p;
                        r = r / p;
                        for (int j = k; j < nn; j++) {
                            p = h[k][j] + q * h[k + 1][j];
                            if (notlast) {
                                p = p + r * h[k + 2][j];
                                h[k + 2][j] = h[k + 2][j] - p * zz;
                            }
                            h[k][j] = h[k][j] - p * x;
                            h[k + 1][j] = h[k + 1][j] - p * y;
                        }
                        for (int i = 0; i <= Math.min(nIdx, k + 3); i++) {
                            p = x * h[i][k] + y * h[i][k + 1];
                            if (notlast) {
                                p = p + zz * h[i][k + 2];
                                h[i][k + 2] = h[i][k + 2] - p * r;
                            }
                            h[i][k] = h[i][k] - p;
                            h[i][k + 1] = h[i][k + 1] - p * q;
                        }
                        for (int i = low; i <= high; i++) {
                            p = x * z[i][k] + y * z[i][k + 1];
                            if (notlast) {
                                p = p + zz * z[i][k + 2];
                                z[i][k + 2] = z[i][k + 2] - p * r;
                            }
                            z[i][k] = z[i][k] - p;
                            z[i][k + 1] = z[i][k + 1] - p * q;
                        }
                    }
                }
            }
        }
        return nrm;
    }

    private double cdivr;
    private double cdivi;

    private void cdiv(double xr, double xi, double yr, double yi) {
        double r;
        double d;
        if (Math.abs(yr) > Math.abs(yi)) {
            r = yi / yr;
            d = yr + r * yi;
            cdivr = (xr + r * xi) / d;
            cdivi = (xi - r * xr) / d;
        } else {
            r = yr / yi;
            d = yi + r * yr;
            cdivr = (r * xr + xi) / d;
            cdivi = (r * xi - xr) / d;
        }
    }

    /** Eigenvectors in JAMA's block layout (see the class comment); does not change t or z. */
    public double[][] eigenvectors() {
        int nn = n;
        double[][] h = new double[nn][];
        for (int i = 0; i < nn; i++) {
            h[i] = t[i].clone();
        }
        double[][] v = new double[nn][];
        for (int i = 0; i < nn; i++) {
            v[i] = z[i].clone();
        }
        double p, q, r = 0, s = 0, zz = 0, tt, w, x, y;
        if (norm == 0.0) {
            return v;
        }
        for (int nIdx = nn - 1; nIdx >= 0; nIdx--) {
            p = wr[nIdx];
            q = wi[nIdx];
            if (q == 0) {
                int l = nIdx;
                h[nIdx][nIdx] = 1.0;
                for (int i = nIdx - 1; i >= 0; i--) {
                    w = h[i][i] - p;
                    r = 0.0;
                    for (int j = l; j <= nIdx; j++) {
                        r = r + h[i][j] * h[j][nIdx];
                    }
                    if (wi[i] < 0.0) {
                        zz = w;
                        s = r;
                    } else {
                        l = i;
                        if (wi[i] == 0.0) {
                            h[i][nIdx] = w != 0.0 ? -r / w : -r / (EPS * norm);
                        } else {
                            x = h[i][i + 1];
                            y = h[i + 1][i];
                            q = (wr[i] - p) * (wr[i] - p) + wi[i] * wi[i];
                            tt = (x * s - zz * r) / q;
                            h[i][nIdx] = tt;
                            h[i + 1][nIdx] = Math.abs(x) > Math.abs(zz) ? (-r - w * tt) / x : (-s - y * tt) / zz;
                        }
                        tt = Math.abs(h[i][nIdx]);
                        if ((EPS * tt) * tt > 1) {
                            for (int j = i; j <= nIdx; j++) {
                                h[j][nIdx] = h[j][nIdx] / tt;
                            }
                        }
                    }
                }
            } else if (q < 0) {
                int l = nIdx - 1;
                if (Math.abs(h[nIdx][nIdx - 1]) > Math.abs(h[nIdx - 1][nIdx])) {
                    h[nIdx - 1][nIdx - 1] = q / h[nIdx][nIdx - 1];
                    h[nIdx - 1][nIdx] = -(h[nIdx][nIdx] - p) / h[nIdx][nIdx - 1];
                } else {
                    cdiv(0.0, -h[nIdx - 1][nIdx], h[nIdx - 1][nIdx - 1] - p, q);
                    h[nIdx - 1][nIdx - 1] = cdivr;
                    h[nIdx - 1][nIdx] = cdivi;
                }
                h[nIdx][nIdx - 1] = 0.0;
                h[nIdx][nIdx] = 1.0;
                for (int i = nIdx - 2; i >= 0; i--) {
                    double ra = 0.0;
                    double sa = 0.0;
                    double vr;
                    double vi;
                    for (int j = l; j <= nIdx; j++) {
                        ra = ra + h[i][j] * h[j][nIdx - 1];
                        sa = sa + h[i][j] * h[j][nIdx];
                    }
                    w = h[i][i] - p;
                    if (wi[i] < 0.0) {
                        zz = w;
                        r = ra;
                        s = sa;
                    } else {
                        l = i;
                        if (wi[i] == 0) {
                            cdiv(-ra, -sa, w, q);
                            h[i][nIdx - 1] = cdivr;
                            h[i][nIdx] = cdivi;
                        } else {
                            x = h[i][i + 1];
                            y = h[i + 1][i];
                            vr = (wr[i] - p) * (wr[i] - p) + wi[i] * wi[i] - q * q;
                            vi = (wr[i] - p) * 2.0 * q;
                            if (vr == 0.0 && vi == 0.0) {
                                vr = EPS * norm * (Math.abs(w) + Math.abs(q) + Math.abs(x) + Math.abs(y) + Math.abs(zz));
                            }
                            cdiv(x * r - zz * ra + q * sa, x * s - zz * sa - q * ra, vr, vi);
                            h[i][nIdx - 1] = cdivr;
                            h[i][nIdx] = cdivi;
                            if (Math.abs(x) > (Math.abs(zz) + Math.abs(q))) {
                                h[i + 1][nIdx - 1] = (-ra - w * h[i][nIdx - 1] + q * h[i][nIdx]) / x;
                                h[i + 1][nIdx] = (-sa - w * h[i][nIdx] - q * h[i][nIdx - 1]) / x;
                            } else {
                                cdiv(-r - y * h[i][nIdx - 1], -s - y * h[i][nIdx], zz, q);
                                h[i + 1][nIdx - 1] = cdivr;
                                h[i + 1][nIdx] = cdivi;
                            }
                        }
                        tt = Math.max(Math.abs(h[i][nIdx - 1]), Math.abs(h[i][nIdx]));
                        if ((EPS * tt) * tt > 1) {
                            for (int j = i; j <= nIdx; j++) {
                                h[j][nIdx - 1] = h[j][nIdx - 1] / tt;
                                h[j][nIdx] = h[j][nIdx] / tt;
                            }
                        }
                    }
                }
            }
        }
        for (int j = nn - 1; j >= 0; j--) {
            for (int i = 0; i < nn; i++) {
                zz = 0.0;
                for (int k = 0; k <= j; k++) {
                    zz = zz + z[i][k] * h[k][j];
                }
                v[i][j] = zz;
            }
        }
        return v;
    }
}
