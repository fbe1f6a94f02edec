package dev.strix.ndarray.internal;

import dev.strix.ndarray.DType;
import dev.strix.ndarray.NdArray;
import dev.strix.ndarray.ShapeMismatchException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Human printing in NumPy's style: one format for every element so columns align, fixed notation
 * unless the magnitudes call for scientific, at most 8 fraction digits, and past 1000 elements only
 * the first and last 3 entries of each long axis with {@code ...} between.
 */
public final class Format {
    private Format() {
    }

    static final int THRESHOLD = 1000;
    static final int EDGE = 3;
    static final int PRECISION = 8;

    public static String format(NdArray a) {
        String header = "NdArray(" + a.dtype() + ", shape=" + ShapeMismatchException.shapeString(a.shape()) + ")";
        return header + "\n" + body(a);
    }

    /** The bracketed values alone, as NumPy's {@code str}. */
    public static String body(NdArray a) {
        if (a.size() == 0) {
            return "[]";
        }
        boolean summarise = a.size() > THRESHOLD;
        int[] shape = a.shape();
        List<int[]> visible = new ArrayList<>();
        for (int d = 0; d < shape.length; d++) {
            visible.add(visibleIndices(shape[d], summarise));
        }
        // collect visible values to choose one format
        List<Double> values = new ArrayList<>();
        collect(a, visible, 0, new int[shape.length], values);
        ElementFormat f = ElementFormat.choose(a.dtype(), values);
        StringBuilder sb = new StringBuilder();
        render(a, visible, 0, new int[shape.length], f, sb);
        return sb.toString();
    }

    private static int[] visibleIndices(int n, boolean summarise) {
        if (!summarise || n <= 2 * EDGE) {
            int[] r = new int[n];
            for (int i = 0; i < n; i++) {
                r[i] = i;
            }
            return r;
        }
        int[] r = new int[2 * EDGE + 1];
        for (int i = 0; i < EDGE; i++) {
            r[i] = i;
            r[EDGE + 1 + i] = n - EDGE + i;
        }
        r[EDGE] = -1; // the "..." marker
        return r;
    }

    private static void collect(NdArray a, List<int[]> visible, int d, int[] idx, List<Double> out) {
        if (d == idx.length) {
            out.add(a.getDouble(idx));
            return;
        }
        for (int i : visible.get(d)) {
            if (i < 0) {
                continue;
            }
            idx[d] = i;
            collect(a, visible, d + 1, idx, out);
        }
    }

    private static void render(NdArray a, List<int[]> visible, int d, int[] idx, ElementFormat f, StringBuilder sb) {
        if (idx.length == 0) {
            sb.append(f.format(a.dtype() == DType.BOOL ? (a.getBoolean() ? 1 : 0) : a.getDouble(), a, idx));
            return;
        }
        sb.append('[');
        int[] vis = visible.get(d);
        boolean last = d == idx.length - 1;
        for (int k = 0; k < vis.length; k++) {
            if (k > 0) {
                sb.append(last ? ", " : ",");
                if (!last) {
                    sb.append("\n".repeat(idx.length - d - 1)).append(" ".repeat(d + 1));
                }
            }
            if (vis[k] < 0) {
                sb.append("...");
                continue;
            }
            idx[d] = vis[k];
            if (last) {
                sb.append(f.format(a.getDouble(idx), a, idx));
            } else {
                render(a, visible, d + 1, idx, f, sb);
            }
        }
        sb.append(']');
    }

    /** One formatting rule for all elements of an array, with a common width. */
    static final class ElementFormat {
        final DType type;
        final boolean scientific;
        final int fractionDigits;
        final int intWidth;
        final int width;

        private ElementFormat(DType type, boolean scientific, int fractionDigits, int intWidth, int width) {
            this.type = type;
            this.scientific = scientific;
            this.fractionDigits = fractionDigits;
            this.intWidth = intWidth;
            this.width = width;
        }

        static ElementFormat choose(DType t, List<Double> values) {
            if (t == DType.BOOL) {
                return new ElementFormat(t, false, 0, 0, 5);
            }
            if (!t.isFloating()) {
                int w = 1;
                for (double v : values) {
                    w = Math.max(w, Long.toString((long) v).length());
                }
                return new ElementFormat(t, false, 0, w, w);
            }
            double maxAbs = 0;
            double minAbs = Double.POSITIVE_INFINITY;
            for (double v : values) {
                if (Double.isFinite(v) && v != 0) {
                    maxAbs = Math.max(maxAbs, Math.abs(v));
                    minAbs = Math.min(minAbs, Math.abs(v));
                }
            }
            boolean sci = maxAbs >= 1e8 || (minAbs < 1e-4 && maxAbs > 0) || (maxAbs > 0 && maxAbs / minAbs > 1e3);
            int fd = 0;
            for (double v : values) {
                if (!Double.isFinite(v)) {
                    continue;
                }
                fd = Math.max(fd, sci ? sciDigits(v, t) : fixedDigits(v, t));
            }
            ElementFormat probe = new ElementFormat(t, sci, fd, 0, 0);
            int intW = 1;
            int w = 1;
            for (double v : values) {
                String s = probe.raw(v);
                int dot = s.indexOf('.');
                if (Double.isFinite(v) && !sci) {
                    intW = Math.max(intW, dot);
                }
                w = Math.max(w, s.length());
            }
            return new ElementFormat(t, sci, fd, intW, Math.max(w, intW + (fd > 0 || !sci ? 1 + fd : 0)));
        }

        /** Fraction digits needed to show v exactly to 8 places (float32 at its own precision). */
        static int fixedDigits(double v, DType t) {
            String shortest = t == DType.FLOAT32 ? Float.toString((float) v) : Double.toString(v);
            BigDecimal bd = new BigDecimal(shortest).setScale(PRECISION, RoundingMode.HALF_EVEN).stripTrailingZeros();
            return Math.max(0, bd.scale());
        }

        static int sciDigits(double v, DType t) {
            if (v == 0) {
                return 0;
            }
            String shortest = t == DType.FLOAT32 ? Float.toString((float) v) : Double.toString(v);
            BigDecimal bd = new BigDecimal(shortest).round(new java.math.MathContext(PRECISION + 1,
                    RoundingMode.HALF_EVEN)).stripTrailingZeros();
            return Math.max(0, bd.precision() - 1);
        }

        String raw(double v) {
            if (Double.isNaN(v)) {
                return "nan";
            }
            if (Double.isInfinite(v)) {
                return v > 0 ? "inf" : "-inf";
            }
            if (scientific) {
                return String.format(Locale.ROOT, "%." + fractionDigits + "e", v);
            }
            // Each value gets the digits it needs (at most the common count); NumPy pads the rest with spaces.
            int own = Math.min(fractionDigits, fixedDigits(v, type));
            String s = new BigDecimal(v).setScale(own, RoundingMode.HALF_EVEN).toPlainString();
            if (own == 0) {
                s += ".";
            }
            if (v == 0 && 1 / v < 0 && !s.startsWith("-")) {
                s = "-" + s;
            }
            return s;
        }

        String format(double v, NdArray a, int[] idx) {
            if (type == DType.BOOL) {
                String s = v != 0 ? "true" : "false";
                return " ".repeat(Math.max(0, width - s.length())) + s;
            }
            if (!type.isFloating()) {
                String s = Long.toString(idx == null || a.ndim() != idx.length ? (long) v : a.getLong(idx));
                return " ".repeat(Math.max(0, width - s.length())) + s;
            }
            String s = raw(v);
            if (!scientific && Double.isFinite(v)) {
                int dot = s.indexOf('.');
                String left = " ".repeat(Math.max(0, intWidth - dot)) + s;
                return left + " ".repeat(Math.max(0, width - left.length()));
            }
            return " ".repeat(Math.max(0, width - s.length())) + s;
        }
    }
}
