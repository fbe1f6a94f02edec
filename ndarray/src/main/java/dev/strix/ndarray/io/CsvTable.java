package dev.strix.ndarray.io;

import dev.strix.ndarray.DType;
import dev.strix.ndarray.Nd;
import dev.strix.ndarray.NdArray;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The columns of a CSV file as read by {@link Csv#read}: each column is numeric (a 1-D array of
 * the options' dtype, missing values NaN) or text (the cells as written, missing tokens included).
 * Immutable: the arrays handed out are copies.
 */
public final class CsvTable {
    private final String source;
    private final List<String> header;
    private final Map<String, Integer> index;
    private final Object[] columns; // NdArray or List<String>
    private final int nrows;
    private final DType dtype;
    private final Set<String> missingTokens;

    CsvTable(String source, List<String> header, Map<String, Integer> index, Object[] columns, int nrows,
            DType dtype, Set<String> missingTokens) {
        this.source = source;
        this.header = Collections.unmodifiableList(new ArrayList<>(header));
        this.index = index;
        this.columns = columns;
        this.nrows = nrows;
        this.dtype = dtype;
        this.missingTokens = missingTokens;
    }

    /**
     * The column names in file order (unmodifiable). Without a header row they are
     * {@code c0, c1, ...}; an empty name becomes {@code c<i>} and a repeated name gets a suffix
     * {@code .1}, {@code .2}... (as pandas), so names are unique.
     */
    public List<String> header() {
        return header;
    }

    /** The number of data rows (the header not counted). */
    public int nrows() {
        return nrows;
    }

    /** The number of columns. */
    public int ncols() {
        return header.size();
    }

    /** The dtype of the numeric columns. */
    public DType dtype() {
        return dtype;
    }

    /**
     * True when every non-missing cell of the column is a number.
     *
     * @throws IllegalArgumentException if there is no such column
     */
    public boolean isNumeric(String name) {
        return columns[col(name, "isNumeric")] instanceof NdArray;
    }

    /**
     * A numeric column as a new 1-D array of length {@link #nrows()}.
     *
     * @throws IllegalArgumentException if there is no such column or it is a text column
     */
    public NdArray column(String name) {
        Object c = columns[col(name, "column")];
        if (!(c instanceof NdArray)) {
            throw new IllegalArgumentException("CsvTable.column: column '" + name + "' is text, not numeric; use"
                    + " textColumn");
        }
        return ((NdArray) c).copy();
    }

    /**
     * A text column's cells, exactly as in the file (after unquoting), missing tokens included.
     *
     * @throws IllegalArgumentException if there is no such column or it is numeric
     */
    @SuppressWarnings("unchecked")
    public List<String> textColumn(String name) {
        Object c = columns[col(name, "textColumn")];
        if (!(c instanceof List)) {
            throw new IllegalArgumentException("CsvTable.textColumn: column '" + name + "' is numeric; use column");
        }
        return Collections.unmodifiableList((List<String>) c);
    }

    /**
     * True when the cell is missing: NaN in a numeric column, one of the read options' missing-value
     * tokens ({@link CsvOptions#missing}, compared after trimming) in a text column.
     *
     * @throws IllegalArgumentException if there is no such column
     * @throws IndexOutOfBoundsException if the row is not in {@code [0, nrows)}
     */
    public boolean isMissing(String name, int row) {
        Object c = columns[col(name, "isMissing")];
        java.util.Objects.checkIndex(row, nrows);
        if (c instanceof NdArray) {
            return Double.isNaN(((NdArray) c).getDouble(row));
        }
        String cell = ((List<?>) c).get(row).toString();
        return missingTokens.contains(cell.trim());
    }

    /**
     * A table of the given rows, in the given order (repeats allowed), with the same columns,
     * types and missing-value tokens: pandas' {@code df.iloc[rows]}.
     *
     * @throws IndexOutOfBoundsException naming a row outside {@code [0, nrows)}
     */
    public CsvTable rows(int... rows) {
        for (int r : rows) {
            if (r < 0 || r >= nrows) {
                throw new IndexOutOfBoundsException("CsvTable.rows: row " + r + " is outside [0, " + nrows + ") of "
                        + source);
            }
        }
        Object[] picked = new Object[columns.length];
        for (int j = 0; j < columns.length; j++) {
            if (columns[j] instanceof NdArray) {
                double[] v = ((NdArray) columns[j]).toDoubleArray();
                double[] out = new double[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    out[i] = v[rows[i]];
                }
                picked[j] = NdArray.wrap(out, rows.length).astype(dtype); // float32 values are exact in double
            } else {
                List<?> text = (List<?>) columns[j];
                List<String> out = new ArrayList<>(rows.length);
                for (int r : rows) {
                    out.add(text.get(r).toString());
                }
                picked[j] = out;
            }
        }
        return new CsvTable(source, header, index, picked, rows.length, dtype, missingTokens);
    }

    /**
     * The named numeric columns side by side as a new {@code nrows x names.length} array; with no
     * names, every numeric column in file order (possibly none: {@code nrows x 0}).
     *
     * @throws IllegalArgumentException if a name is unknown or a text column
     */
    public NdArray numeric(String... names) {
        List<NdArray> cols = new ArrayList<>();
        if (names.length == 0) {
            for (Object c : columns) {
                if (c instanceof NdArray) {
                    cols.add((NdArray) c);
                }
            }
        } else {
            for (String n : names) {
                Object c = columns[col(n, "numeric")];
                if (!(c instanceof NdArray)) {
                    throw new IllegalArgumentException("CsvTable.numeric: column '" + n + "' is text, not numeric");
                }
                cols.add((NdArray) c);
            }
        }
        if (cols.isEmpty()) {
            return Nd.zeros(dtype, nrows, 0);
        }
        NdArray out = Nd.zeros(dtype, nrows, cols.size());
        for (int j = 0; j < cols.size(); j++) {
            out.set(":, " + j, cols.get(j));
        }
        return out;
    }

    private int col(String name, String op) {
        Integer i = index.get(name);
        if (i == null) {
            throw new IllegalArgumentException("CsvTable." + op + ": no column named '" + name + "'; columns are "
                    + header);
        }
        return i;
    }

    /** A summary: source, size and each column's name and type (the first 20). */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("CsvTable(").append(source).append(": ").append(nrows)
                .append(nrows == 1 ? " row x " : " rows x ").append(header.size())
                .append(header.size() == 1 ? " column" : " columns");
        for (int j = 0; j < header.size() && j < 20; j++) {
            b.append(j == 0 ? ": " : ", ").append(header.get(j)).append(' ')
                    .append(columns[j] instanceof NdArray ? dtype.toString() : "text");
        }
        if (header.size() > 20) {
            b.append(", ... (").append(header.size() - 20).append(" more)");
        }
        return b.append(')').toString();
    }
}
