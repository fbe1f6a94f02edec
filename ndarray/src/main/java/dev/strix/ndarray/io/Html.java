package dev.strix.ndarray.io;

import java.util.ArrayList;
import java.util.List;

/**
 * A small writer of HTML tables for rich display (the {@code text/html} of a result's
 * {@code mimeBundle()}), with every text escaped. The output is well-formed XHTML (every element
 * closed, attributes quoted), so it parses as XML as well as HTML.
 *
 * <p>It lives here, at the bottom of the module graph, because {@code stats} and
 * {@code regression} both render their results as tables and neither may depend on the other's
 * internals or on a notebook kernel.
 *
 * <pre>{@code
 * Html.Table t = Html.table("simpletable").caption("OLS Regression Results");
 * t.row().th("Dep. Variable:").td("y").th("R-squared:").td("0.480");
 * String html = t.toString();
 * }</pre>
 */
public final class Html {
    private Html() {
    }

    /**
     * Escapes text for an HTML element body or a quoted attribute: {@code & < > " '}. Line breaks
     * are kept as they are (use {@link #lines} to show them).
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String r;
            switch (c) {
                case '&': r = "&amp;"; break;
                case '<': r = "&lt;"; break;
                case '>': r = "&gt;"; break;
                case '"': r = "&quot;"; break;
                case '\'': r = "&#39;"; break;
                default: r = null;
            }
            if (r != null) {
                if (sb == null) {
                    sb = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                sb.append(r);
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? text : sb.toString();
    }

    /** Escapes each line of {@code text} and joins them with {@code <br/>}. */
    public static String lines(String text) {
        String[] parts = (text == null ? "" : text).split("\r?\n", -1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            sb.append(i > 0 ? "<br/>" : "").append(escape(parts[i]));
        }
        return sb.toString();
    }

    /** A new table with the given CSS class (none when null or empty). */
    public static Table table(String cssClass) {
        return new Table(cssClass);
    }

    /**
     * An HTML table built row by row. Header cells ({@code th}) and data cells ({@code td}) may
     * be mixed in a row, as in statsmodels' summary tables (label, value, label, value).
     */
    public static final class Table {
        private final String cssClass;
        private String caption;
        private final List<Row> head = new ArrayList<>();
        private final List<Row> body = new ArrayList<>();

        private Table(String cssClass) {
            this.cssClass = cssClass;
        }

        /** Sets the caption (escaped). */
        public Table caption(String text) {
            this.caption = text;
            return this;
        }

        /** Appends a row to the table head ({@code thead}) and returns it to be filled. */
        public Row headRow() {
            Row r = new Row();
            head.add(r);
            return r;
        }

        /** Appends a row to the table body and returns it to be filled. */
        public Row row() {
            Row r = new Row();
            body.add(r);
            return r;
        }

        /** Appends a body row of a header cell then data cells, the usual "name: values" line. */
        public Table row(String header, String... cells) {
            Row r = row().th(header);
            for (String c : cells) {
                r.td(c);
            }
            return this;
        }

        /** The number of rows, head and body. */
        public int rows() {
            return head.size() + body.size();
        }

        /**
         * The same table as plain text, for {@code text/plain} beside the HTML: the caption on a
         * line of its own, then every row with the columns aligned, the first column (the row
         * labels) left-aligned and the others right-aligned, two spaces apart. Texts are not
         * escaped; each line ends in a line break.
         */
        public String toText() {
            List<Row> all = new ArrayList<>(head);
            all.addAll(body);
            int cols = 0;
            for (Row r : all) {
                cols = Math.max(cols, r.texts.size());
            }
            int[] w = new int[cols];
            for (Row r : all) {
                for (int c = 0; c < r.texts.size(); c++) {
                    w[c] = Math.max(w[c], text(r, c).length());
                }
            }
            StringBuilder sb = new StringBuilder();
            if (caption != null) {
                sb.append(caption).append('\n');
            }
            for (Row r : all) {
                StringBuilder line = new StringBuilder();
                for (int c = 0; c < r.texts.size(); c++) {
                    String t = text(r, c);
                    String pad = " ".repeat(w[c] - t.length());
                    line.append(c == 0 ? t + pad : "  " + pad + t);
                }
                sb.append(line.toString().stripTrailing()).append('\n');
            }
            return sb.toString();
        }

        private static String text(Row r, int c) {
            String t = r.texts.get(c);
            return t == null ? "" : t;
        }

        /** The table as HTML: {@code <table>}, caption, {@code thead} (if any rows), {@code tbody}. */
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            sb.append("<table");
            if (cssClass != null && !cssClass.isEmpty()) {
                sb.append(" class=\"").append(escape(cssClass)).append('"');
            }
            sb.append('>');
            if (caption != null) {
                sb.append("<caption>").append(escape(caption)).append("</caption>");
            }
            if (!head.isEmpty()) {
                sb.append("<thead>");
                head.forEach(r -> r.write(sb));
                sb.append("</thead>");
            }
            sb.append("<tbody>");
            body.forEach(r -> r.write(sb));
            sb.append("</tbody></table>");
            return sb.toString();
        }
    }

    /** One table row: a sequence of header and data cells, in order. */
    public static final class Row {
        private final List<String> tags = new ArrayList<>();
        private final List<String> texts = new ArrayList<>();

        private Row() {
        }

        /** Appends a header cell (escaped text; null is an empty cell). */
        public Row th(String text) {
            tags.add("th");
            texts.add(text);
            return this;
        }

        /** Appends a data cell (escaped text; null is an empty cell). */
        public Row td(String text) {
            tags.add("td");
            texts.add(text);
            return this;
        }

        private void write(StringBuilder sb) {
            sb.append("<tr>");
            for (int i = 0; i < tags.size(); i++) {
                String t = tags.get(i);
                sb.append('<').append(t).append('>').append(escape(texts.get(i))).append("</").append(t).append('>');
            }
            sb.append("</tr>");
        }
    }
}
