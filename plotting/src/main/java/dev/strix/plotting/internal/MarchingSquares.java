package dev.strix.plotting.internal;

import java.util.Arrays;

/**
 * Contour lines by marching squares: each grid cell whose corners straddle the level contributes
 * one or two segments, with end points linearly interpolated along the cell's edges. Saddle cells
 * are resolved by the mean of the four corners. Cells with a NaN corner are skipped.
 */
public final class MarchingSquares {
    private MarchingSquares() {}

    /** Polylines as x/y arrays separated by NaN (the NaN breaks the line); {@code count} segments in all. */
    public static final class Segments {
        public final double[] x;
        public final double[] y;
        public final int count;

        Segments(double[] x, double[] y, int count) {
            this.x = x;
            this.y = y;
            this.count = count;
        }
    }

    /** z[i][j] is the value at (x[j], y[i]). */
    public static Segments contour(double[] x, double[] y, double[][] z, double level) {
        int ny = y.length;
        int nx = x.length;
        double[] sx = new double[64];
        double[] sy = new double[64];
        int n = 0;
        for (int i = 0; i + 1 < ny; i++) {
            for (int j = 0; j + 1 < nx; j++) {
                double a = z[i][j];         // (x[j],   y[i])   bottom-left
                double b = z[i][j + 1];     // (x[j+1], y[i])   bottom-right
                double c = z[i + 1][j + 1]; // (x[j+1], y[i+1]) top-right
                double d = z[i + 1][j];     // (x[j],   y[i+1]) top-left
                if (Double.isNaN(a) || Double.isNaN(b) || Double.isNaN(c) || Double.isNaN(d)) {
                    continue;
                }
                int code = (a >= level ? 1 : 0) | (b >= level ? 2 : 0) | (c >= level ? 4 : 0) | (d >= level ? 8 : 0);
                if (code == 0 || code == 15) {
                    continue;
                }
                // Edge points: 0 bottom (a-b), 1 right (b-c), 2 top (d-c), 3 left (a-d).
                double[] ex = new double[4];
                double[] ey = new double[4];
                ex[0] = lerp(x[j], x[j + 1], a, b, level);
                ey[0] = y[i];
                ex[1] = x[j + 1];
                ey[1] = lerp(y[i], y[i + 1], b, c, level);
                ex[2] = lerp(x[j], x[j + 1], d, c, level);
                ey[2] = y[i + 1];
                ex[3] = x[j];
                ey[3] = lerp(y[i], y[i + 1], a, d, level);
                int[] pairs;
                switch (code) {
                    case 1: case 14: pairs = new int[] {3, 0}; break;
                    case 2: case 13: pairs = new int[] {0, 1}; break;
                    case 3: case 12: pairs = new int[] {3, 1}; break;
                    case 4: case 11: pairs = new int[] {1, 2}; break;
                    case 6: case 9: pairs = new int[] {0, 2}; break;
                    case 7: case 8: pairs = new int[] {3, 2}; break;
                    case 5: case 10: {
                        boolean centreHigh = (a + b + c + d) / 4 >= level;
                        boolean aHigh = code == 5;
                        // When the centre agrees with corner a, a's region connects to c's.
                        pairs = centreHigh == aHigh ? new int[] {3, 2, 0, 1} : new int[] {3, 0, 1, 2};
                        break;
                    }
                    default: throw new AssertionError(code);
                }
                for (int k = 0; k < pairs.length; k += 2) {
                    if (n + 3 > sx.length) {
                        sx = Arrays.copyOf(sx, sx.length * 2);
                        sy = Arrays.copyOf(sy, sy.length * 2);
                    }
                    sx[n] = ex[pairs[k]];
                    sy[n++] = ey[pairs[k]];
                    sx[n] = ex[pairs[k + 1]];
                    sy[n++] = ey[pairs[k + 1]];
                    sx[n] = Double.NaN;
                    sy[n++] = Double.NaN;
                }
            }
        }
        return join(sx, sy, n / 3);
    }

    /**
     * Chains segments that share an end point into polylines (a shared cell edge gives both cells
     * bit-identical points), so that a level is a few long paths rather than thousands of pieces.
     */
    private static Segments join(double[] sx, double[] sy, int count) {
        java.util.Map<Long, java.util.List<Integer>> ends = new java.util.HashMap<>();
        boolean[] used = new boolean[count];
        for (int k = 0; k < count; k++) {
            if (sx[3 * k] == sx[3 * k + 1] && sy[3 * k] == sy[3 * k + 1]) {
                used[k] = true; // a level through a grid point gives zero-length pieces: drop them
                continue;
            }
            ends.computeIfAbsent(key(sx[3 * k], sy[3 * k]), t -> new java.util.ArrayList<>()).add(k);
            ends.computeIfAbsent(key(sx[3 * k + 1], sy[3 * k + 1]), t -> new java.util.ArrayList<>()).add(k);
        }
        double[] ox = new double[count * 3];
        double[] oy = new double[count * 3];
        int n = 0;
        for (int k = 0; k < count; k++) {
            if (used[k]) {
                continue;
            }
            used[k] = true;
            java.util.ArrayDeque<double[]> line = new java.util.ArrayDeque<>();
            line.add(new double[] {sx[3 * k], sy[3 * k]});
            line.add(new double[] {sx[3 * k + 1], sy[3 * k + 1]});
            for (boolean forward : new boolean[] {true, false}) {
                while (true) {
                    double[] end = forward ? line.peekLast() : line.peekFirst();
                    int next = -1;
                    for (int c : ends.getOrDefault(key(end[0], end[1]), java.util.List.of())) {
                        if (!used[c]) {
                            next = c;
                            break;
                        }
                    }
                    if (next < 0) {
                        break;
                    }
                    used[next] = true;
                    boolean startMatches = key(sx[3 * next], sy[3 * next]) == key(end[0], end[1]);
                    int o = startMatches ? 3 * next + 1 : 3 * next;
                    double[] p = {sx[o], sy[o]};
                    if (forward) {
                        line.addLast(p);
                    } else {
                        line.addFirst(p);
                    }
                }
            }
            if (n + line.size() + 1 > ox.length) {
                ox = Arrays.copyOf(ox, (n + line.size() + 1) * 2);
                oy = Arrays.copyOf(oy, (n + line.size() + 1) * 2);
            }
            for (double[] p : line) {
                ox[n] = p[0];
                oy[n++] = p[1];
            }
            ox[n] = Double.NaN;
            oy[n++] = Double.NaN;
        }
        return new Segments(Arrays.copyOf(ox, n), Arrays.copyOf(oy, n), count);
    }

    private static long key(double x, double y) {
        long a = Double.doubleToLongBits(x + 0.0);
        long b = Double.doubleToLongBits(y + 0.0);
        return a * 31 + Long.rotateLeft(b, 17);
    }

    private static double lerp(double p0, double p1, double v0, double v1, double level) {
        double t = v1 == v0 ? 0.5 : (level - v0) / (v1 - v0);
        // Exact end points, so that cells meeting at a grid point agree on it bit for bit.
        if (t <= 0) {
            return p0;
        }
        if (t >= 1) {
            return p1;
        }
        return p0 + t * (p1 - p0);
    }

    /** "Nice" contour levels strictly inside (min, max): about {@code n} of them on a 1-2-5 step. */
    public static double[] niceLevels(double min, double max, int n) {
        if (!(max > min)) {
            return new double[] {min};
        }
        double raw = (max - min) / (n + 1);
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = mag;
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            step = m * mag;
            if (step >= raw) {
                break;
            }
        }
        double first = Math.floor(min / step) * step + step;
        int count = 0;
        double[] lv = new double[n * 3 + 3];
        for (double v = first; v < max - 1e-12 * step && count < lv.length; v += step) {
            lv[count++] = Math.abs(v) < 1e-12 * step ? 0 : v;
        }
        return Arrays.copyOf(lv, count);
    }
}
