package dev.strix.notebooks;

import dev.strix.ndarray.DType;
import dev.strix.ndarray.NdArray;

/**
 * An NdArray as an HTML table. A vector is one row, a matrix its rows and columns, a higher-rank
 * array one table per leading index (captioned with it). Past 1000 elements only the first and
 * last 3 indices of each axis are shown, around a {@code ⋯} row or column, as in the text form.
 */
final class HtmlTable {
    static final int THRESHOLD = 1000;
    static final int EDGE = 3;
    private static final int MAX_TABLES = 2 * EDGE;

    private HtmlTable() {
    }

    static String of(NdArray a) {
        StringBuilder sb = new StringBuilder();
        sb.append("<div class=\"strix-ndarray\">");
        int[] shape = a.shape();
        boolean summarise = a.size() > THRESHOLD;
        if (a.ndim() == 0) {
            sb.append("<table><tr><td>").append(cell(a, new int[0])).append("</td></tr></table>");
        } else if (a.ndim() <= 2) {
            table(a, new int[0], summarise, sb);
        } else {
            int[] lead = new int[a.ndim() - 2];
            leading(a, lead, 0, summarise, sb);
        }
        sb.append("<p style=\"font-size:smaller\">").append(a.dtype()).append(", shape (");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i > 0 ? ", " : "").append(shape[i]);
        }
        if (shape.length == 1) {
            sb.append(',');
        }
        sb.append(")</p></div>");
        return sb.toString();
    }

    private static void leading(NdArray a, int[] lead, int d, boolean summarise, StringBuilder sb) {
        if (d == lead.length) {
            sb.append("<table><caption style=\"text-align:left\">[");
            for (int i = 0; i < lead.length; i++) {
                sb.append(lead[i]).append(", ");
            }
            sb.append(":, :]</caption>");
            rows(a, lead, summarise, sb);
            sb.append("</table>");
            return;
        }
        int n = a.shape(d);
        for (int i : visible(n, summarise)) {
            if (i < 0) {
                sb.append("<p>⋮</p>");
                continue;
            }
            lead[d] = i;
            leading(a, lead, d + 1, summarise, sb);
        }
    }

    private static void table(NdArray a, int[] lead, boolean summarise, StringBuilder sb) {
        sb.append("<table>");
        rows(a, lead, summarise, sb);
        sb.append("</table>");
    }

    private static void rows(NdArray a, int[] lead, boolean summarise, StringBuilder sb) {
        int nd = a.ndim();
        boolean vector = nd == 1;
        int rows = vector ? 1 : a.shape(nd - 2);
        int cols = a.shape(nd - 1);
        int[] colIdx = visible(cols, summarise);
        sb.append("<thead><tr><th></th>");
        for (int j : colIdx) {
            sb.append("<th>").append(j < 0 ? "⋯" : String.valueOf(j)).append("</th>");
        }
        sb.append("</tr></thead><tbody>");
        for (int i : vector ? new int[] {0} : visible(rows, summarise)) {
            sb.append("<tr><th>").append(i < 0 ? "⋮" : vector ? "" : String.valueOf(i)).append("</th>");
            for (int j : colIdx) {
                sb.append("<td>");
                if (i < 0 || j < 0) {
                    sb.append(i < 0 && j < 0 ? "⋱" : i < 0 ? "⋮" : "⋯");
                } else {
                    int[] idx = new int[nd];
                    System.arraycopy(lead, 0, idx, 0, lead.length);
                    if (!vector) {
                        idx[nd - 2] = i;
                    }
                    idx[nd - 1] = j;
                    sb.append(cell(a, idx));
                }
                sb.append("</td>");
            }
            sb.append("</tr>");
        }
        sb.append("</tbody>");
    }

    static int[] visible(int n, boolean summarise) {
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
        r[EDGE] = -1;
        return r;
    }

    private static String cell(NdArray a, int[] idx) {
        DType t = a.dtype();
        if (t == DType.BOOL) {
            return String.valueOf(a.getBoolean(idx));
        }
        if (t.isInteger()) {
            return String.valueOf(a.getLong(idx));
        }
        double v = a.getDouble(idx);
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(java.util.Locale.ROOT, "%.1f", v);
        }
        double m = Math.abs(v);
        String s = (m >= 1e-4 && m < 1e8)
                ? String.format(java.util.Locale.ROOT, "%.8g", v)
                : String.format(java.util.Locale.ROOT, "%.6e", v);
        if (s.contains(".") && !s.contains("e")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", ".0");
        }
        return s;
    }
}
