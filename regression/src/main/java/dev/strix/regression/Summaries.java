package dev.strix.regression;

import dev.strix.regression.internal.PyFormat;
import java.util.List;

/** statsmodels' SimpleTable layouts (two-column header blocks and the coefficient table). */
final class Summaries {
    private Summaries() {}

    /** Left and right (label, value) columns; every line ends in '\n' and has the same width. */
    static String twoColumns(List<String[]> left, List<String[]> right) {
        int lv = 19;
        for (String[] r : left) {
            lv = Math.max(lv, r[1].length() + 1);
        }
        int rl = 19;
        for (String[] r : right) {
            rl = Math.max(rl, r[0].length());
        }
        int rows = Math.max(left.size(), right.size());
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            String[] a = i < left.size() ? left.get(i) : new String[] {"", ""};
            String[] b = i < right.size() ? right.get(i) : new String[] {"", ""};
            sb.append(PyFormat.padRight(a[0], 18)).append(PyFormat.pad(a[1].trim(), lv)).append("   ")
                    .append(PyFormat.padRight(b[0], rl)).append(PyFormat.pad(b[1].trim(), 19)).append('\n');
        }
        return sb.toString();
    }

    /** The coefficient table, ending with a '=' rule line. */
    static String paramTable(List<String> names, double[] coef, double[] se, double[] stat, double[] pv,
                             double[] ci, double alpha, boolean useT) {
        int stub = 10;
        for (String n : names) {
            stub = Math.max(stub, n.length());
        }
        int width = stub + 68;
        StringBuilder sb = new StringBuilder();
        String lo = "[" + pyFloat(alpha / 2);
        String hi = pyFloat(1 - alpha / 2) + "]";
        sb.append(" ".repeat(stub)).append(PyFormat.pad("coef", 11)).append(PyFormat.pad("std err", 11))
                .append(PyFormat.pad(useT ? "t" : "z", 11)).append(PyFormat.pad(useT ? "P>|t|" : "P>|z|", 11))
                .append(PyFormat.pad(lo, 12)).append(PyFormat.pad(hi, 12)).append('\n');
        sb.append("-".repeat(width)).append('\n');
        for (int j = 0; j < names.size(); j++) {
            sb.append(PyFormat.padRight(names.get(j), stub))
                    .append(PyFormat.pad(forg(coef[j], 4), 11))
                    .append(PyFormat.pad(forg(se[j], 3), 11))
                    .append(PyFormat.pad(forg(stat[j], 3), 11))
                    .append(PyFormat.pad(PyFormat.f(pv[j], 6, 3), 11))
                    .append(PyFormat.pad(forg(ci[2 * j], 3), 12))
                    .append(PyFormat.pad(forg(ci[2 * j + 1], 3), 12)).append('\n');
        }
        sb.append("=".repeat(width)).append('\n');
        return sb.toString();
    }

    /**
     * One equation's block of a multi-equation coefficient table (statsmodels'
     * {@code summary_params_2dflat}): the equation's title right-aligned in the header's stub of
     * width {@code stub}, a '-' rule, the rows; no closing rule.
     */
    static String paramBlock(String title, int stub, List<String> names, double[] coef, double[] se,
                             double[] stat, double[] pv, double[] ci, double alpha, boolean useT) {
        String t = paramTableWithStub(stub, names, coef, se, stat, pv, ci, alpha, useT);
        int nl = t.indexOf('\n');
        int width = nl;
        String body = t.substring(nl + 1, t.length() - (width + 1)); // without the closing '=' rule
        return PyFormat.pad(title, width - 68) + t.substring(width - 68, nl + 1) + body;
    }

    /** {@link #paramTable} with a given minimum stub width. */
    static String paramTableWithStub(int minStub, List<String> names, double[] coef, double[] se, double[] stat,
                                     double[] pv, double[] ci, double alpha, boolean useT) {
        String t = paramTable(names, coef, se, stat, pv, ci, alpha, useT);
        int stub = t.indexOf('\n') - 68;
        if (minStub <= stub) {
            return t;
        }
        StringBuilder sb = new StringBuilder();
        String extra = " ".repeat(minStub - stub);
        for (String line : t.split("\n")) {
            if (line.startsWith("---") || line.startsWith("===")) {
                sb.append(String.valueOf(line.charAt(0)).repeat(minStub + 68));
            } else {
                sb.append(line, 0, stub).append(extra).append(line.substring(stub));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Adds statsmodels' Date and Time rows. */
    static void dateTime(List<String[]> left, java.time.ZonedDateTime when) {
        left.add(new String[] {"Date:", when.format(java.time.format.DateTimeFormatter.ofPattern("EEE, dd MMM yyyy",
                java.util.Locale.ENGLISH))});
        left.add(new String[] {"Time:", when.format(java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss",
                java.util.Locale.ENGLISH))});
    }

    /** statsmodels' {@code forg}. */
    static String forg(double x, int prec) {
        double a = Math.abs(x);
        if (a >= 1e4 || a < 1e-4) {
            return PyFormat.g(x, prec == 3 ? 9 : 10, prec, false);
        }
        return PyFormat.f(x, prec == 3 ? 9 : 10, prec);
    }

    /** Python's str(float) for simple values like 0.025 and 0.975. */
    private static String pyFloat(double v) {
        String s = Double.toString(v);
        return s;
    }
}
