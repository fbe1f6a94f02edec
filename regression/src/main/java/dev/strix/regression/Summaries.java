package dev.strix.regression;

import dev.strix.ndarray.io.Html;
import dev.strix.regression.internal.PyFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * statsmodels' SimpleTable layouts (two-column header blocks and the coefficient table), as text
 * ({@code summary()}) and as HTML tables ({@code summary().as_html()}), from the same cell strings.
 */
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
        String[] head = paramHeader(alpha, useT);
        sb.append(" ".repeat(stub));
        for (int c = 0; c < head.length; c++) {
            sb.append(PyFormat.pad(head[c], c < 4 ? 11 : 12));
        }
        sb.append('\n');
        sb.append("-".repeat(width)).append('\n');
        for (String[] row : paramCells(names, coef, se, stat, pv, ci)) {
            sb.append(PyFormat.padRight(row[0], stub));
            for (int c = 1; c < row.length; c++) {
                sb.append(PyFormat.pad(row[c], c <= 4 ? 11 : 12));
            }
            sb.append('\n');
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

    /** The column heads of the coefficient table (after the empty stub column). */
    private static String[] paramHeader(double alpha, boolean useT) {
        return new String[] {"coef", "std err", useT ? "t" : "z", useT ? "P>|t|" : "P>|z|",
                "[" + pyFloat(alpha / 2), pyFloat(1 - alpha / 2) + "]"};
    }

    /** One row per parameter: name, coef, std err, statistic, p-value, CI low, CI high (unpadded). */
    private static List<String[]> paramCells(List<String> names, double[] coef, double[] se, double[] stat,
                                             double[] pv, double[] ci) {
        List<String[]> rows = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
            rows.add(new String[] {names.get(j), forg(coef[j], 4), forg(se[j], 3), forg(stat[j], 3),
                    PyFormat.f(pv[j], 6, 3), forg(ci[2 * j], 3), forg(ci[2 * j + 1], 3)});
        }
        return rows;
    }

    /**
     * The two-column block as an HTML table: each row is label (th), value (td), label (th),
     * value (td), as statsmodels' {@code as_html()}; missing cells are empty. Texts are trimmed.
     */
    static Html.Table htmlTwoColumns(String caption, List<String[]> left, List<String[]> right) {
        Html.Table t = Html.table("simpletable");
        if (caption != null) {
            t.caption(caption);
        }
        int rows = Math.max(left.size(), right.size());
        for (int i = 0; i < rows; i++) {
            String[] a = i < left.size() ? left.get(i) : new String[] {"", ""};
            String[] b = i < right.size() ? right.get(i) : new String[] {"", ""};
            t.row().th(a[0].trim()).td(a[1].trim()).th(b[0].trim()).td(b[1].trim());
        }
        return t;
    }

    /** The coefficient table as HTML: a head row (empty corner, then th) and a row per parameter. */
    static Html.Table htmlParamTable(List<String> names, double[] coef, double[] se, double[] stat, double[] pv,
                                     double[] ci, double alpha, boolean useT) {
        Html.Table t = Html.table("simpletable");
        Html.Row h = t.headRow().td("");
        for (String c : paramHeader(alpha, useT)) {
            h.th(c);
        }
        for (String[] row : paramCells(names, coef, se, stat, pv, ci)) {
            Html.Row r = t.row().th(row[0]);
            for (int c = 1; c < row.length; c++) {
                r.td(row[c].trim());
            }
        }
        return t;
    }

    /** The notes under a summary, numbered as statsmodels numbers them, as an HTML paragraph. */
    static String htmlNotes(List<String> notes) {
        if (notes.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("<p class=\"strix-notes\">Notes:");
        for (int i = 0; i < notes.size(); i++) {
            sb.append("<br/>[").append(i + 1).append("] ").append(Html.lines(notes.get(i)));
        }
        return sb.append("</p>").toString();
    }

    /** {@code "%.6g"} with trailing zeros removed: how the smaller result tables show numbers. */
    static String num(double v) {
        return PyFormat.g(v, 0, 6, false);
    }

    /** {@code x1 .. xk}: the default column names of a design without names, as {@link Ols}. */
    static List<String> defaultNames(int k) {
        List<String> n = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            n.add("x" + (j + 1));
        }
        return n;
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
