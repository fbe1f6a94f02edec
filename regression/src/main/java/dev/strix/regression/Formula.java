package dev.strix.regression;

import dev.strix.ndarray.NdArray;
import dev.strix.ndarray.io.CsvTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.DoubleUnaryOperator;

/**
 * Model formulas over named columns, as patsy (and so statsmodels' {@code smf.ols}) reads them:
 * {@code Formula.parse("progression ~ bmi * bp + np.log(s5) + C(sex)").design(table)} gives the
 * design matrix with patsy's column order and names.
 *
 * <ul>
 *   <li>{@code a + b} adds terms, {@code a - b} removes them; {@code - 1}, {@code + 0} or a
 *       leading {@code 0 +} drop the intercept ({@code Intercept}), {@code + 1} keeps it.</li>
 *   <li>{@code a:b} is the interaction (the product of the columns), {@code a*b} is
 *       {@code a + b + a:b}, {@code a/b} is {@code a + a:b}, {@code (a + b)**2} all interactions
 *       up to order 2; parentheses group.</li>
 *   <li>{@code I(expr)} evaluates arithmetic on columns and numbers: {@code + - * /}, powers
 *       {@code **} or {@code ^}, parentheses; functions {@code log exp sqrt log10 log2 log1p expm1 abs}
 *       with or without {@code np.}; {@code Q("a name")} refers to a column by a quoted name.</li>
 *   <li>{@code C(x)} makes a column categorical (levels sorted; text columns are categorical
 *       anyway): treatment coding with the first level as reference, named {@code C(x)[T.b]}, or
 *       full coding {@code C(x)[a]} where patsy's rule needs it (no intercept, or an interaction
 *       whose lower-order term is absent).</li>
 * </ul>
 *
 * <p>Terms are ordered as patsy orders them: the intercept and purely categorical terms first,
 * then grouped by the numeric factors they contain, lower order first. Factor names are the code
 * re-spaced as patsy spaces it ({@code I(x**2)} is named {@code I(x ** 2)}). Numeric levels
 * of {@code C(x)} print as integers when integral ({@code C(k)[T.2]}).
 *
 * <p>Missing values are patsy's {@code NA_action="drop"} by default, as in statsmodels' formula
 * models: a row is left out when any factor it uses, the response included, is missing there: a NaN
 * in a numeric column, a missing-value token ({@link CsvTable#isMissing}) in a text column, or a NaN
 * that a transform made ({@code np.log(w)} at a negative {@code w}). Each factor's levels are those it
 * has in the rows where it is present, as patsy finds them. {@link Design#rows()} says which table
 * rows the design holds. {@link Missing#RAISE} makes a missing value an error naming the factor and
 * the row instead. An infinite value is always an error (statsmodels refuses it too).
 */
public final class Formula {
    private final String text;
    private final Factor lhs;
    private final boolean intercept;
    private final List<List<Factor>> terms;

    private Formula(String text, Factor lhs, boolean intercept, List<List<Factor>> terms) {
        this.text = text;
        this.lhs = lhs;
        this.intercept = intercept;
        this.terms = terms;
    }

    /**
     * Parses a formula such as {@code "y ~ x + C(g)"} ({@code "~ x"} has no response).
     *
     * @throws IllegalArgumentException naming the formula and the position, with a caret
     */
    public static Formula parse(String formula) {
        if (formula == null) {
            throw new IllegalArgumentException("Formula.parse: formula is null");
        }
        Parser p = new Parser(formula);
        return p.formula();
    }

    /** The formula as given. */
    public String text() {
        return text;
    }

    /** The response's name (patsy's normalised code), or null for a formula without {@code ~} left side. */
    public String response() {
        return lhs == null ? null : lhs.name;
    }

    public boolean hasIntercept() {
        return intercept;
    }

    /** The terms in formula order (after expansion), as {@code a:b} names; the intercept is not listed. */
    public List<String> terms() {
        List<String> out = new ArrayList<>();
        for (List<Factor> t : terms) {
            List<String> n = new ArrayList<>();
            for (Factor f : t) {
                n.add(f.name);
            }
            out.add(String.join(":", n));
        }
        return out;
    }

    @Override
    public String toString() {
        return text;
    }

    /**
     * The response and design matrix of this formula on a table's columns.
     *
     * @param yName the response's name (null without a left side)
     * @param y the numeric response, or null when it is a text column (see {@code yText})
     * @param yText the text response's cells, or null when it is numeric
     * @param names the design's column names, patsy's
     * @param x the design matrix (n, p)
     * @param rows the table rows the design's rows come from, in order (all of them unless rows with
     *     missing values were dropped)
     */
    public record Design(String yName, NdArray y, List<String> yText, NdArray x, DesignInfo info, List<Integer> rows) {
        public Design {
            yText = yText == null ? null : List.copyOf(yText);
            rows = List.copyOf(rows);
        }

        /** The design's column names, patsy's. */
        public List<String> names() {
            return info.names();
        }

        /** The number of table rows left out because a value they need is missing. */
        public int dropped(CsvTable table) {
            return table.nrows() - rows.size();
        }
    }

    /**
     * Values computed on a design's rows spread back over all {@code n} rows of its table (along the
     * first axis), NaN at the rows the design left out: statsmodels' reindexed {@code predict}.
     */
    static NdArray spread(NdArray values, Design design, int n) {
        if (design.rows().size() == n) {
            return values;
        }
        int[] shape = values.shape().clone();
        int width = values.size() / Math.max(1, shape[0]);
        double[] in = values.toDoubleArray();
        double[] out = new double[n * width];
        Arrays.fill(out, Double.NaN);
        for (int i = 0; i < design.rows().size(); i++) {
            System.arraycopy(in, i * width, out, design.rows().get(i) * width, width);
        }
        shape[0] = n;
        return NdArray.wrap(out, shape);
    }

    /**
     * The warning a fit carries when the design left rows out ("3 of 40 rows were left out ...: rows
     * 3, 8, 12"), or null when it kept every row of the {@code n}.
     */
    static String droppedNote(Design design, int n) {
        int kept = design.rows().size();
        if (kept == n) {
            return null;
        }
        List<Integer> gone = new ArrayList<>();
        for (int i = 0, r = 0; i < n && gone.size() < 10; i++) {
            if (r < kept && design.rows().get(r) == i) {
                r++;
            } else {
                gone.add(i);
            }
        }
        return (n - kept) + " of " + n + " rows were left out for missing values (patsy's NA_action='drop'): rows "
                + gone.toString().replaceAll("[\\[\\]]", "") + (n - kept > gone.size() ? ", ..." : "");
    }

    /** What a missing value does: patsy's {@code NA_action}. */
    public enum Missing {
        /** The row is left out of the design (patsy's and statsmodels' default). */
        DROP,
        /** The design is refused with an error naming the factor and the row. */
        RAISE
    }

    /**
     * What a design needs to be rebuilt on new rows, as patsy's {@code DesignInfo}: the formula, the
     * column names in order, and the levels each categorical factor had in the data the design was
     * built from. A model fitted from a formula keeps it, so that {@code predict(newTable)} codes
     * the new rows as the fit's rows were coded.
     *
     * @param formula the formula
     * @param names the design's column names, in order
     * @param levels each categorical factor's levels (by the factor's name, e.g. {@code C(sex)}), in
     *     coding order; the first is the reference of a treatment coding
     */
    public record DesignInfo(Formula formula, List<String> names, Map<String, List<String>> levels) {
        public DesignInfo {
            names = List.copyOf(names);
            Map<String, List<String>> copy = new LinkedHashMap<>();
            levels.forEach((k, v) -> copy.put(k, List.copyOf(v)));
            levels = java.util.Collections.unmodifiableMap(copy);
        }

        /**
         * The design matrix of new rows with this design's terms, categorical levels and column
         * order (patsy's {@code build_design_matrices([info], new_data)}); the response is not read,
         * so the table need not have it.
         *
         * @throws IllegalArgumentException on a level not seen in the original data (naming it, the
         *     factor and the row), a missing column, a missing or infinite value
         */
        public NdArray x(CsvTable newData) {
            return formula.build(newData, this, Missing.RAISE).x();
        }

        /**
         * The design of the new rows that have every value it needs, with {@link Design#rows()}
         * naming them; the response is neither read nor returned. The fits' {@code predict(table)}
         * use it to give NaN at the rows left out, as statsmodels' {@code predict(new_df)} does.
         *
         * @throws IllegalArgumentException on a level not seen in the original data, a missing
         *     column, an infinite value
         */
        public Design design(CsvTable newData) {
            return formula.build(newData, this, Missing.DROP);
        }
    }

    /**
     * Evaluates the formula on {@code table}, leaving out the rows with a missing value
     * ({@link Missing#DROP}, statsmodels' default).
     *
     * @throws IllegalArgumentException on an unknown column (listing the available ones), a text
     *     column in arithmetic, an infinite value (naming the row), no row without missing values, or
     *     an empty design
     */
    public Design design(CsvTable table) {
        return design(table, Missing.DROP);
    }

    /**
     * Evaluates the formula on {@code table}; {@code missing} says what a missing value does.
     *
     * @throws IllegalArgumentException as {@link #design(CsvTable)}, and with {@link Missing#RAISE} on
     *     the first missing value (naming the factor and the row)
     */
    public Design design(CsvTable table, Missing missing) {
        if (missing == null) {
            throw new IllegalArgumentException("Formula '" + text + "': missing is null (DROP or RAISE)");
        }
        return build(table, null, missing);
    }

    /** The design on {@code table}; with {@code fitted}, the design of new rows coded as {@code fitted}'s (no response). */
    private Design build(CsvTable table, DesignInfo fitted, Missing missing) {
        if (table == null) {
            throw new IllegalArgumentException("Formula '" + text + "': table is null");
        }
        int n = table.nrows();
        Map<String, Evaluated> cache = new HashMap<>();
        List<Factor> read = factors();
        if (lhs != null && fitted == null) {
            read.add(0, lhs);
        }
        for (Factor f : read) {
            if (fitted == null) {
                evaluate(f, table, cache);
            } else if (fitted.levels().containsKey(f.name)) {
                cache.put(f.name, recode(f, table, fitted.levels().get(f.name)));
            } else { // numeric when fitted: numeric now (a text column here is an error)
                Evaluated e = new Evaluated();
                e.values = numeric(f, table);
                cache.put(f.name, e);
            }
        }
        // patsy's NA_action: the rows where any factor used is missing
        Factor[] na = new Factor[n]; // the first factor (response first) missing at each row
        int kept = n;
        for (Factor f : read) {
            Evaluated e = cache.get(f.name);
            for (int i = 0; i < n; i++) {
                if (na[i] == null && e.isNa(i)) {
                    na[i] = f;
                    kept--;
                }
            }
        }
        if (missing == Missing.RAISE && kept < n) {
            int i = 0;
            while (na[i] == null) {
                i++;
            }
            Factor f = na[i];
            String where = f.column != null && f.name.equals(f.column) ? "column '" + f.column + "'" : f.name;
            throw new IllegalArgumentException("Formula '" + text + "': " + where + " is missing at row " + i
                    + " (" + (n - kept) + " of " + n + " rows have a missing value); drop or impute missing values first");
        }
        if (kept == 0) {
            throw new IllegalArgumentException("Formula '" + text + "': every one of the " + n
                    + " rows has a missing value in a column the formula uses");
        }
        int[] rows = new int[kept];
        for (int i = 0, r = 0; i < n; i++) {
            if (na[i] == null) {
                rows[r++] = i;
            }
        }
        if (kept < n) {
            cache.replaceAll((name, e) -> e.rows(rows));
            n = kept;
        }
        for (Factor f : read) {
            double[] v = cache.get(f.name).values;
            for (int i = 0; v != null && i < n; i++) {
                if (Double.isInfinite(v[i])) {
                    String where = f.column != null && f.name.equals(f.column) ? "column '" + f.column + "'" : f.name;
                    throw new IllegalArgumentException("Formula '" + text + "': " + where + " is " + v[i] + " at row "
                            + rows[i] + "; an infinite value is not a missing one: replace it or drop the row");
                }
            }
        }
        NdArray y = null;
        List<String> yText = null;
        if (lhs != null && fitted == null) {
            Evaluated e = cache.get(lhs.name);
            if (e.values != null) {
                y = NdArray.wrap(e.values, n);
            } else if (!lhs.explicitC) {
                List<String> all = table.textColumn(lhs.column);
                yText = new ArrayList<>(n);
                for (int r : rows) {
                    yText.add(all.get(r));
                }
            } else {
                throw new IllegalArgumentException("Formula '" + text + "': the response " + lhs.name
                        + " must be a numeric expression or a text column");
            }
        }
        // patsy: buckets by the set of numeric factors; the empty bucket (intercept, categorical-only
        // terms) first; within a bucket by degree, stably
        List<List<Factor>> all = new ArrayList<>();
        if (intercept) {
            all.add(List.of());
        }
        all.addAll(terms);
        Map<Set<String>, List<List<Factor>>> buckets = new LinkedHashMap<>();
        for (List<Factor> t : all) {
            Set<String> num = new HashSet<>();
            for (Factor f : t) {
                if (!evaluate(f, table, cache).isCategorical()) {
                    num.add(f.name);
                }
            }
            buckets.computeIfAbsent(num, k -> new ArrayList<>()).add(t);
        }
        List<Set<String>> order = new ArrayList<>(buckets.keySet());
        if (order.remove(Set.<String>of())) {
            order.add(0, Set.of());
        }
        List<String> names = new ArrayList<>();
        List<double[]> cols = new ArrayList<>();
        for (Set<String> bucket : order) {
            List<List<Factor>> bt = new ArrayList<>(buckets.get(bucket));
            bt.sort((a, b) -> Integer.compare(a.size(), b.size()));
            Set<Map<String, Boolean>> used = new HashSet<>();
            for (List<Factor> t : bt) {
                for (Map<String, Boolean> coding : contrasts(t, table, cache, used)) {
                    addColumns(t, coding, table, cache, n, names, cols);
                }
            }
        }
        if (cols.isEmpty()) {
            throw new IllegalArgumentException("Formula '" + text + "': the design has no columns");
        }
        if (fitted != null && !names.equals(fitted.names())) { // cannot happen unless the info was built by hand
            throw new IllegalArgumentException("Formula '" + text + "': the new rows give the columns " + names
                    + ", the fitted design has " + fitted.names());
        }
        Map<String, List<String>> levels = new LinkedHashMap<>();
        for (Factor f : factors()) {
            Evaluated e = cache.get(f.name);
            if (e != null && e.isCategorical()) {
                levels.put(f.name, e.levels);
            }
        }
        double[] flat = new double[n * cols.size()];
        for (int j = 0; j < cols.size(); j++) {
            double[] c = cols.get(j);
            for (int i = 0; i < n; i++) {
                flat[i * cols.size() + j] = c[i];
            }
        }
        List<Integer> rowList = new ArrayList<>(n);
        for (int r : rows) {
            rowList.add(r);
        }
        return new Design(lhs == null ? null : lhs.name, y, yText, NdArray.wrap(flat, n, cols.size()),
                new DesignInfo(this, names, levels), rowList);
    }

    /** The right side's factors, each once, in formula order. */
    private List<Factor> factors() {
        Map<String, Factor> out = new LinkedHashMap<>();
        for (List<Factor> t : terms) {
            for (Factor f : t) {
                out.putIfAbsent(f.name, f);
            }
        }
        return new ArrayList<>(out.values());
    }

    /** A categorical factor on new rows, coded with the levels it had when the model was fitted. */
    private Evaluated recode(Factor f, CsvTable table, List<String> levels) {
        checkColumn(f.column, table);
        int n = table.nrows();
        Map<String, Integer> index = new HashMap<>();
        for (int l = 0; l < levels.size(); l++) {
            index.put(levels.get(l), l);
        }
        boolean numeric = table.isNumeric(f.column);
        double[] v = numeric ? table.column(f.column).toDoubleArray() : null;
        List<String> s = numeric ? null : table.textColumn(f.column);
        Evaluated e = new Evaluated();
        e.levels = levels;
        e.codes = new int[n];
        for (int i = 0; i < n; i++) {
            String label;
            if (table.isMissing(f.column, i)) {
                e.codes[i] = NA;
                continue;
            }
            if (numeric) {
                if (Double.isInfinite(v[i])) {
                    throw infinite(f.column, i, v[i]);
                }
                label = MNLogit.labelText(v[i]);
            } else {
                label = s.get(i);
            }
            Integer code = index.get(label);
            if (code == null) {
                throw new IllegalArgumentException("Formula '" + text + "': " + f.name + " has the level '" + label
                        + "' at row " + i + ", which the fitted data did not have; its levels are " + levels);
            }
            e.codes[i] = code;
        }
        return e;
    }

    /** patsy's pick_contrasts_for_term: which categorical factors are coded in full (true) or reduced (false). */
    private List<Map<String, Boolean>> contrasts(List<Factor> term, CsvTable table, Map<String, Evaluated> cache,
                                                 Set<Map<String, Boolean>> used) {
        List<String> cat = new ArrayList<>();
        for (Factor f : term) {
            if (evaluate(f, table, cache).isCategorical()) {
                cat.add(f.name);
            }
        }
        // subsets, shortest first, ties by position
        List<int[]> subsets = new ArrayList<>();
        int m = cat.size();
        for (int mask = 0; mask < (1 << m); mask++) {
            int[] s = new int[Integer.bitCount(mask)];
            int k = 0;
            for (int i = 0; i < m; i++) {
                if ((mask & (1 << i)) != 0) {
                    s[k++] = i;
                }
            }
            subsets.add(s);
        }
        subsets.sort((a, b) -> a.length != b.length ? Integer.compare(a.length, b.length) : Arrays.compare(a, b));
        List<Map<String, Boolean>> subterms = new ArrayList<>();
        for (int[] s : subsets) {
            Map<String, Boolean> st = new TreeMap<>();
            for (int i : s) {
                st.put(cat.get(i), false);
            }
            if (!used.contains(st)) {
                subterms.add(st);
            }
        }
        used.addAll(subterms);
        boolean changed = true;
        while (changed) {
            changed = false;
            outer:
            for (int si = 0; si < subterms.size(); si++) {
                Map<String, Boolean> shortT = subterms.get(si);
                for (int li = si + 1; li < subterms.size(); li++) {
                    Map<String, Boolean> longT = subterms.get(li);
                    if (longT.size() - shortT.size() == 1 && longT.entrySet().containsAll(shortT.entrySet())) {
                        Map<String, Boolean> nt = new TreeMap<>(shortT);
                        for (String f : longT.keySet()) {
                            if (!shortT.containsKey(f)) {
                                nt.put(f, true);
                            }
                        }
                        subterms.set(li, nt);
                        subterms.remove(si);
                        changed = true;
                        break outer;
                    }
                }
            }
        }
        return subterms;
    }

    private void addColumns(List<Factor> term, Map<String, Boolean> coding, CsvTable table,
                            Map<String, Evaluated> cache, int n, List<String> names, List<double[]> cols) {
        List<String[]> fnames = new ArrayList<>();
        List<double[][]> fcols = new ArrayList<>();
        for (Factor f : term) {
            Evaluated e = evaluate(f, table, cache);
            if (!e.isCategorical()) {
                fnames.add(new String[] {f.name});
                fcols.add(new double[][] {e.values});
            } else if (coding.containsKey(f.name)) {
                boolean full = coding.get(f.name);
                int first = full ? 0 : 1;
                int nl = e.levels.size() - first;
                String[] nm = new String[nl];
                double[][] c = new double[nl][n];
                for (int l = 0; l < nl; l++) {
                    nm[l] = f.name + "[" + (full ? "" : "T.") + e.levels.get(l + first) + "]";
                    for (int i = 0; i < n; i++) {
                        c[l][i] = e.codes[i] == l + first ? 1 : 0;
                    }
                }
                fnames.add(nm);
                fcols.add(c);
            }
        }
        if (fnames.isEmpty()) {
            names.add("Intercept");
            double[] one = new double[n];
            Arrays.fill(one, 1);
            cols.add(one);
            return;
        }
        // the left-most factor varies fastest, as patsy (and R)
        int[] idx = new int[fnames.size()];
        while (true) {
            StringBuilder name = new StringBuilder();
            double[] c = new double[n];
            Arrays.fill(c, 1);
            for (int f = 0; f < idx.length; f++) {
                if (f > 0) {
                    name.append(':');
                }
                name.append(fnames.get(f)[idx[f]]);
                double[] v = fcols.get(f)[idx[f]];
                for (int i = 0; i < n; i++) {
                    c[i] *= v[i];
                }
            }
            names.add(name.toString());
            cols.add(c);
            int f = 0;
            while (f < idx.length && ++idx[f] == fnames.get(f).length) {
                idx[f] = 0;
                f++;
            }
            if (f == idx.length) {
                return;
            }
        }
    }

    // ---- factors -------------------------------------------------------------------------------------

    /** The code of a missing value of a categorical factor. */
    private static final int NA = -1;

    /** A factor's value on a table: numeric values (NaN where missing), or levels and codes ({@link #NA} where missing). */
    private static final class Evaluated {
        double[] values;
        List<String> levels;
        int[] codes;

        boolean isCategorical() {
            return values == null;
        }

        boolean isNa(int i) {
            return values != null ? Double.isNaN(values[i]) : codes[i] == NA;
        }

        /** The same factor on the given rows. */
        Evaluated rows(int[] rows) {
            Evaluated e = new Evaluated();
            e.levels = levels;
            if (values != null) {
                e.values = new double[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    e.values[i] = values[rows[i]];
                }
            } else {
                e.codes = new int[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    e.codes[i] = codes[rows[i]];
                }
            }
            return e;
        }
    }

    private Evaluated evaluate(Factor f, CsvTable table, Map<String, Evaluated> cache) {
        Evaluated hit = cache.get(f.name);
        if (hit != null) {
            return hit;
        }
        Evaluated e = new Evaluated();
        int n = table.nrows();
        boolean textColumn = f.expr instanceof ColumnOrText && table.header().contains(f.column)
                && !table.isNumeric(f.column);
        if (f.categorical || textColumn) {
            checkColumn(f.column, table);
            e.codes = new int[n];
            if (table.isNumeric(f.column)) {
                double[] v = table.column(f.column).toDoubleArray();
                TreeMap<Double, Integer> lv = new TreeMap<>();
                for (int i = 0; i < n; i++) {
                    if (Double.isInfinite(v[i])) {
                        throw infinite(f.column, i, v[i]);
                    }
                    if (!Double.isNaN(v[i])) {
                        lv.put(v[i], 0);
                    }
                }
                e.levels = new ArrayList<>();
                int k = 0;
                for (Map.Entry<Double, Integer> en : lv.entrySet()) {
                    en.setValue(k++);
                    e.levels.add(MNLogit.labelText(en.getKey()));
                }
                for (int i = 0; i < n; i++) {
                    e.codes[i] = Double.isNaN(v[i]) ? NA : lv.get(v[i]);
                }
            } else {
                List<String> v = table.textColumn(f.column);
                boolean[] absent = new boolean[n];
                TreeMap<String, Integer> lv = new TreeMap<>();
                for (int i = 0; i < n; i++) {
                    absent[i] = table.isMissing(f.column, i);
                    if (!absent[i]) {
                        lv.put(v.get(i), 0);
                    }
                }
                e.levels = new ArrayList<>();
                int k = 0;
                for (Map.Entry<String, Integer> en : lv.entrySet()) {
                    en.setValue(k++);
                    e.levels.add(en.getKey());
                }
                for (int i = 0; i < n; i++) {
                    e.codes[i] = absent[i] ? NA : lv.get(v.get(i));
                }
            }
        } else {
            e.values = numeric(f, table);
        }
        cache.put(f.name, e);
        return e;
    }

    private double[] numeric(Factor f, CsvTable table) {
        // NaN (missing, or made by the transform) is missing; infinities are refused once the rows
        // with missing values are gone (see build), as statsmodels refuses them after patsy's drop
        return f.expr.eval(this, table);
    }

    private IllegalArgumentException infinite(String column, int row, double v) {
        return new IllegalArgumentException("Formula '" + text + "': column '" + column + "' is " + v + " at row "
                + row + "; an infinite value is not a missing one: replace or drop it");
    }

    private void checkColumn(String column, CsvTable table) {
        if (!table.header().contains(column)) {
            throw new IllegalArgumentException("Formula '" + text + "': no column named '" + column
                    + "'; columns are " + table.header());
        }
    }

    double[] column(String column, CsvTable table) {
        checkColumn(column, table);
        if (!table.isNumeric(column)) {
            throw new IllegalArgumentException("Formula '" + text + "': column '" + column
                    + "' is text; use it alone or as C(" + column + ") (categorical), not in arithmetic");
        }
        return table.column(column).toDoubleArray();
    }

    /** A factor: a column, a categorical column, or an arithmetic expression; named by its normalised code. */
    private static final class Factor {
        final String name;
        final boolean categorical;
        final boolean explicitC;
        final String column; // categorical: the column
        final Expr expr; // numeric

        Factor(String name, boolean categorical, boolean explicitC, String column, Expr expr) {
            this.name = name;
            this.categorical = categorical;
            this.explicitC = explicitC;
            this.column = column;
            this.expr = expr;
        }
    }

    /** Arithmetic on columns, evaluated column-wise. */
    private interface Expr {
        double[] eval(Formula f, CsvTable t);
    }

    private static final Map<String, DoubleUnaryOperator> FUNCTIONS = new LinkedHashMap<>();

    static {
        FUNCTIONS.put("log", Math::log);
        FUNCTIONS.put("exp", Math::exp);
        FUNCTIONS.put("sqrt", Math::sqrt);
        FUNCTIONS.put("log10", Math::log10);
        FUNCTIONS.put("log2", v -> Math.log(v) / Math.log(2));
        FUNCTIONS.put("log1p", Math::log1p);
        FUNCTIONS.put("expm1", Math::expm1);
        FUNCTIONS.put("abs", Math::abs);
    }

    // ---- parsing ------------------------------------------------------------------------------------

    private record Token(String kind, String text, int pos) {}

    /** Intermediate value of a term expression (patsy's IntermediateExpr). */
    private static final class Terms {
        boolean intercept;
        boolean removed;
        boolean isZero;
        boolean isOne;
        List<List<Factor>> terms = new ArrayList<>();
    }

    private static final class Parser {
        final String src;
        final List<Token> toks = new ArrayList<>();
        int i;

        Parser(String src) {
            this.src = src;
            tokenize();
        }

        IllegalArgumentException error(int pos, String what) {
            return new IllegalArgumentException("Formula.parse: " + what + " at position " + pos + " in\n  "
                    + src + "\n  " + " ".repeat(Math.max(0, pos)) + "^");
        }

        void tokenize() {
            int p = 0;
            while (p < src.length()) {
                char c = src.charAt(p);
                if (Character.isWhitespace(c)) {
                    p++;
                } else if (Character.isLetter(c) || c == '_') {
                    int s = p;
                    while (p < src.length() && (Character.isLetterOrDigit(src.charAt(p)) || src.charAt(p) == '_'
                            || (src.charAt(p) == '.' && p + 1 < src.length()
                                && (Character.isLetter(src.charAt(p + 1)) || src.charAt(p + 1) == '_')))) {
                        p++;
                    }
                    toks.add(new Token("name", src.substring(s, p), s));
                } else if (Character.isDigit(c) || (c == '.' && p + 1 < src.length()
                        && Character.isDigit(src.charAt(p + 1)))) {
                    int s = p;
                    while (p < src.length() && (Character.isDigit(src.charAt(p)) || src.charAt(p) == '.')) {
                        p++;
                    }
                    if (p < src.length() && (src.charAt(p) == 'e' || src.charAt(p) == 'E')) {
                        int q = p + 1;
                        if (q < src.length() && (src.charAt(q) == '+' || src.charAt(q) == '-')) {
                            q++;
                        }
                        if (q < src.length() && Character.isDigit(src.charAt(q))) {
                            p = q;
                            while (p < src.length() && Character.isDigit(src.charAt(p))) {
                                p++;
                            }
                        }
                    }
                    String t = src.substring(s, p);
                    try {
                        Double.parseDouble(t);
                    } catch (NumberFormatException e) {
                        throw error(s, "malformed number '" + t + "'");
                    }
                    toks.add(new Token("number", t, s));
                } else if (c == '"' || c == '\'') {
                    int s = p;
                    int e = src.indexOf(c, p + 1);
                    if (e < 0) {
                        throw error(s, "unterminated string");
                    }
                    toks.add(new Token("string", src.substring(s, e + 1), s));
                    p = e + 1;
                } else if (c == '*' && p + 1 < src.length() && src.charAt(p + 1) == '*') {
                    toks.add(new Token("op", "**", p));
                    p += 2;
                } else if ("+-*/:~()^,".indexOf(c) >= 0) {
                    toks.add(new Token("op", String.valueOf(c), p));
                    p++;
                } else {
                    throw error(p, "unexpected character '" + c + "'");
                }
            }
        }

        Token peek() {
            return i < toks.size() ? toks.get(i) : new Token("end", "", src.length());
        }

        boolean at(String op) {
            Token t = peek();
            return t.kind.equals("op") && t.text.equals(op);
        }

        Token expect(String op) {
            Token t = peek();
            if (!(t.kind.equals("op") && t.text.equals(op))) {
                throw error(t.pos, "expected '" + op + "' but found " + describe(t));
            }
            i++;
            return t;
        }

        String describe(Token t) {
            return t.kind.equals("end") ? "the end of the formula" : "'" + t.text + "'";
        }

        Formula formula() {
            Factor lhs = null;
            int tilde = -1;
            for (int k = 0; k < toks.size(); k++) {
                if (toks.get(k).kind.equals("op") && toks.get(k).text.equals("~")) {
                    if (tilde >= 0) {
                        throw error(toks.get(k).pos, "a second '~'");
                    }
                    tilde = k;
                }
            }
            if (tilde > 0) {
                int start = peek().pos;
                Terms l = sum();
                if (!at("~")) {
                    throw error(peek().pos, "expected '~' but found " + describe(peek()));
                }
                if (l.terms.size() != 1 || l.terms.get(0).size() != 1 || l.isZero || l.isOne) {
                    throw error(start, "the response (left of ~) must be one column or expression");
                }
                lhs = l.terms.get(0).get(0);
            }
            if (tilde >= 0) {
                expect("~");
            }
            if (peek().kind.equals("end")) {
                throw error(peek().pos, "expected terms after '~'");
            }
            Terms r = sum();
            if (!peek().kind.equals("end")) {
                throw error(peek().pos, "unexpected " + describe(peek()));
            }
            List<List<Factor>> terms = new ArrayList<>();
            for (List<Factor> t : r.terms) {
                if (!t.isEmpty()) {
                    terms.add(t);
                }
            }
            return new Formula(src, lhs, !r.removed, List.copyOf(terms));
        }

        Terms sum() {
            Terms left = product();
            while (at("+") || at("-")) {
                Token op = toks.get(i++);
                int pos = peek().pos;
                Terms right = product();
                left = op.text.equals("+") ? plus(left, right) : minus(left, right, pos);
            }
            return left;
        }

        Terms plus(Terms a, Terms b) {
            Terms r = new Terms();
            if (b.isZero) {
                r.removed = true;
                r.terms = a.terms;
            } else if (b.intercept) {
                r.intercept = true;
                r.terms = union(a.terms, b.terms);
            } else {
                r.intercept = a.intercept;
                r.removed = a.removed;
                r.terms = union(a.terms, b.terms);
            }
            return r;
        }

        Terms minus(Terms a, Terms b, int pos) {
            Terms r = new Terms();
            r.terms = a.terms;
            if (b.isZero) {
                r.intercept = true;
            } else if (b.isOne) {
                r.removed = true;
            } else {
                r.intercept = a.intercept;
                r.removed = a.removed;
                List<List<Factor>> keep = new ArrayList<>();
                for (List<Factor> t : a.terms) {
                    if (indexOf(b.terms, t) < 0) {
                        keep.add(t);
                    }
                }
                r.terms = keep;
            }
            return r;
        }

        Terms product() {
            Terms left = colon();
            while (at("*") || at("/")) {
                Token op = toks.get(i++);
                Terms right = colon();
                checkInteractable(left, op);
                checkInteractable(right, op);
                Terms r = new Terms();
                if (op.text.equals("*")) {
                    r.terms = union(union(left.terms, right.terms), interaction(left.terms, right.terms));
                } else {
                    List<Factor> all = new ArrayList<>();
                    for (List<Factor> t : left.terms) {
                        all = mergeFactors(all, t);
                    }
                    r.terms = union(left.terms, interaction(List.of(all), right.terms));
                }
                left = r;
            }
            return left;
        }

        Terms colon() {
            Terms left = power();
            while (at(":")) {
                Token op = toks.get(i++);
                Terms right = power();
                checkInteractable(left, op);
                checkInteractable(right, op);
                Terms r = new Terms();
                r.terms = interaction(left.terms, right.terms);
                left = r;
            }
            return left;
        }

        Terms power() {
            Terms base = unary();
            if (at("**") || at("^")) {
                Token op = toks.get(i++);
                Token n = peek();
                if (!n.kind.equals("number") || !n.text.matches("[0-9]+") || Integer.parseInt(n.text) < 1) {
                    throw error(n.pos, "expected a positive integer power after '" + op.text + "'");
                }
                i++;
                checkInteractable(base, op);
                int k = Integer.parseInt(n.text);
                List<List<Factor>> all = base.terms;
                List<List<Factor>> big = base.terms;
                for (int j = 1; j < k; j++) {
                    big = interaction(base.terms, big);
                    all = union(all, big);
                }
                Terms r = new Terms();
                r.terms = all;
                return r;
            }
            return base;
        }

        Terms unary() {
            if (at("-") || at("+")) {
                Token op = toks.get(i++);
                Token n = peek();
                Terms arg = unary();
                if (op.text.equals("+")) {
                    return arg;
                }
                Terms r = new Terms();
                if (arg.isZero) {
                    r.intercept = true;
                } else if (arg.isOne) {
                    r.removed = true;
                } else {
                    throw error(n.pos, "unary minus applies only to 0 or 1");
                }
                return r;
            }
            return atom();
        }

        void checkInteractable(Terms t, Token op) {
            if (t.isZero || t.isOne || t.intercept || t.removed) {
                throw error(op.pos, "the intercept (0 or 1) cannot take part in '" + op.text + "'");
            }
        }

        Terms atom() {
            Token t = peek();
            if (at("(")) {
                i++;
                Terms inner = sum();
                expect(")");
                return inner;
            }
            if (t.kind.equals("number")) {
                i++;
                Terms r = new Terms();
                if (t.text.equals("0")) {
                    r.isZero = true;
                    r.removed = true;
                } else if (t.text.equals("1")) {
                    r.isOne = true;
                    r.intercept = true;
                } else {
                    throw error(t.pos, "a number term must be 0 or 1 (use I(...) for arithmetic)");
                }
                return r;
            }
            if (t.kind.equals("name")) {
                Factor f = factor();
                Terms r = new Terms();
                r.terms.add(List.of(f));
                return r;
            }
            throw error(t.pos, "expected a term but found " + describe(t));
        }

        /** A column name or a call NAME(...), as one factor. */
        Factor factor() {
            int start = i;
            Token name = toks.get(i++);
            if (!at("(")) {
                String col = name.text;
                return new Factor(col, false, false, col, new ColumnOrText(col));
            }
            int depth = 0;
            int end = i;
            while (true) {
                if (end >= toks.size()) {
                    throw error(src.length(), "unbalanced '(' opened at position " + toks.get(i).pos);
                }
                Token t = toks.get(end);
                if (t.kind.equals("op") && t.text.equals("(")) {
                    depth++;
                } else if (t.kind.equals("op") && t.text.equals(")")) {
                    depth--;
                    if (depth == 0) {
                        break;
                    }
                } else if (t.kind.equals("op") && t.text.equals("~")) {
                    throw error(t.pos, "'~' inside a function call");
                }
                end++;
            }
            List<Token> code = toks.subList(start, end + 1);
            i = end + 1;
            String fname = prettyName(code);
            String fn = name.text;
            if (fn.equals("C")) {
                List<Token> arg = code.subList(2, code.size() - 1);
                if (arg.size() != 1 || !arg.get(0).kind.equals("name")) {
                    throw error(code.get(2).pos, "C(...) takes one column name");
                }
                return new Factor(fname, true, true, arg.get(0).text, null);
            }
            ExprParser ep = new ExprParser(this, code);
            Expr e = ep.parseAll();
            return new Factor(fname, false, false, null, e);
        }
    }

    /** A bare name: numeric column (a numeric factor) or text column (categorical); resolved at design time. */
    private static final class ColumnOrText implements Expr {
        final String column;

        ColumnOrText(String column) {
            this.column = column;
        }

        @Override
        public double[] eval(Formula f, CsvTable t) {
            return f.column(column, t);
        }
    }

    /** Arithmetic inside a factor: Python precedence, {@code ^} as a power. */
    private static final class ExprParser {
        final Parser outer;
        final List<Token> toks;
        int i;

        ExprParser(Parser outer, List<Token> toks) {
            this.outer = outer;
            this.toks = toks;
        }

        Expr parseAll() {
            Expr e = sum();
            if (i != toks.size()) {
                throw outer.error(toks.get(i).pos, "unexpected '" + toks.get(i).text + "'");
            }
            return e;
        }

        boolean at(String op) {
            return i < toks.size() && toks.get(i).kind.equals("op") && toks.get(i).text.equals(op);
        }

        int pos() {
            return i < toks.size() ? toks.get(i).pos : toks.get(toks.size() - 1).pos + 1;
        }

        Expr sum() {
            Expr l = prod();
            while (at("+") || at("-")) {
                boolean plus = toks.get(i++).text.equals("+");
                Expr a = l;
                Expr b = prod();
                l = (f, t) -> binary(a.eval(f, t), b.eval(f, t), plus ? '+' : '-');
            }
            return l;
        }

        Expr prod() {
            Expr l = unary();
            while (at("*") || at("/")) {
                char op = toks.get(i++).text.charAt(0);
                Expr a = l;
                Expr b = unary();
                l = (f, t) -> binary(a.eval(f, t), b.eval(f, t), op);
            }
            return l;
        }

        Expr unary() {
            if (at("-") || at("+")) {
                boolean neg = toks.get(i++).text.equals("-");
                Expr a = unary();
                return neg ? (f, t) -> binary(new double[] {0}, a.eval(f, t), '-') : a;
            }
            return power();
        }

        Expr power() {
            Expr base = atom();
            if (at("**") || at("^")) {
                i++;
                Expr ex = unary(); // right-associative, binds tighter than a unary minus on its left
                return (f, t) -> binary(base.eval(f, t), ex.eval(f, t), '^');
            }
            return base;
        }

        Expr atom() {
            if (i >= toks.size()) {
                throw outer.error(pos(), "expected a value");
            }
            Token t = toks.get(i);
            if (t.kind.equals("number")) {
                i++;
                double v = Double.parseDouble(t.text);
                return (f, tb) -> new double[] {v};
            }
            if (at("(")) {
                i++;
                Expr e = sum();
                if (!at(")")) {
                    throw outer.error(pos(), "expected ')'");
                }
                i++;
                return e;
            }
            if (t.kind.equals("name")) {
                i++;
                if (!at("(")) {
                    String col = t.text;
                    return (f, tb) -> f.column(col, tb);
                }
                i++;
                String fn = t.text;
                if (fn.equals("Q")) {
                    if (i >= toks.size() || !toks.get(i).kind.equals("string")) {
                        throw outer.error(pos(), "Q(...) takes a quoted column name");
                    }
                    String s = toks.get(i++).text;
                    String col = s.substring(1, s.length() - 1);
                    closeCall(t);
                    return (f, tb) -> f.column(col, tb);
                }
                String base = fn.startsWith("np.") ? fn.substring(3) : fn.startsWith("numpy.") ? fn.substring(6) : fn;
                if (fn.equals("I")) {
                    Expr e = sum();
                    closeCall(t);
                    return e;
                }
                DoubleUnaryOperator op = FUNCTIONS.get(base);
                if (op == null || (fn.contains(".") && !fn.startsWith("np.") && !fn.startsWith("numpy."))) {
                    throw outer.error(t.pos, "unknown function '" + fn + "'; known: I, C, Q, "
                            + String.join(", ", FUNCTIONS.keySet()) + " (also as np.log etc.)");
                }
                Expr arg = sum();
                closeCall(t);
                return (f, tb) -> {
                    double[] a = arg.eval(f, tb).clone();
                    for (int k = 0; k < a.length; k++) {
                        a[k] = op.applyAsDouble(a[k]);
                    }
                    return a;
                };
            }
            throw outer.error(t.pos, "unexpected '" + t.text + "'");
        }

        void closeCall(Token fn) {
            if (!at(")")) {
                throw outer.error(pos(), fn.text + "(...) takes one argument; expected ')'");
            }
            i++;
        }
    }

    /** Element-wise with broadcasting of length-1 operands. */
    private static double[] binary(double[] a, double[] b, char op) {
        int n = Math.max(a.length, b.length);
        double[] r = new double[n];
        for (int k = 0; k < n; k++) {
            double x = a[a.length == 1 ? 0 : k];
            double y = b[b.length == 1 ? 0 : k];
            r[k] = switch (op) {
                case '+' -> x + y;
                case '-' -> x - y;
                case '*' -> x * y;
                case '/' -> x / y;
                default -> Math.pow(x, y);
            };
        }
        return r;
    }

    // ---- term algebra ----------------------------------------------------------------------------

    private static List<Factor> mergeFactors(List<Factor> a, List<Factor> b) {
        Map<String, Factor> m = new LinkedHashMap<>();
        for (Factor f : a) {
            m.putIfAbsent(f.name, f);
        }
        for (Factor f : b) {
            m.putIfAbsent(f.name, f);
        }
        return List.copyOf(m.values());
    }

    private static List<List<Factor>> interaction(List<List<Factor>> a, List<List<Factor>> b) {
        List<List<Factor>> r = new ArrayList<>();
        for (List<Factor> x : a) {
            for (List<Factor> y : b) {
                r = union(r, List.of(mergeFactors(x, y)));
            }
        }
        return r;
    }

    private static Set<String> key(List<Factor> t) {
        Set<String> s = new LinkedHashSet<>();
        for (Factor f : t) {
            s.add(f.name);
        }
        return s;
    }

    private static int indexOf(List<List<Factor>> terms, List<Factor> t) {
        Set<String> k = key(t);
        for (int j = 0; j < terms.size(); j++) {
            if (key(terms.get(j)).equals(k)) {
                return j;
            }
        }
        return -1;
    }

    private static List<List<Factor>> union(List<List<Factor>> a, List<List<Factor>> b) {
        List<List<Factor>> r = new ArrayList<>(a);
        for (List<Factor> t : b) {
            if (indexOf(r, t) < 0) {
                r.add(t);
            }
        }
        return r;
    }

    /** patsy's pretty_untokenize: the factor's name from its tokens. */
    private static String prettyName(List<Token> code) {
        Set<String> both = Set.of("+", "-", "*", "/", "%", "&", "^", "|", "<", ">", "==", "!=", "<=", ">=", "**");
        StringBuilder out = new StringBuilder();
        boolean prevWantsSpace = false;
        boolean prevSpaceDelim = false;
        boolean prevOpenOrComma = false;
        boolean prevObjectLike = false;
        for (Token t : code) {
            if (!t.kind.equals("op")) {
                if (prevWantsSpace || prevSpaceDelim) {
                    out.append(' ');
                }
                out.append(t.text);
                prevWantsSpace = false;
                prevSpaceDelim = true;
            } else {
                boolean before = both.contains(t.text);
                boolean after = both.contains(t.text) || t.text.equals(",") || t.text.equals(":");
                if ((t.text.equals("*") || t.text.equals("**")) && prevOpenOrComma) {
                    before = false;
                    after = false;
                }
                if ((t.text.equals("+") || t.text.equals("-")) && !prevObjectLike) {
                    before = false;
                    after = false;
                }
                if (prevWantsSpace || before) {
                    out.append(' ');
                }
                out.append(t.text);
                prevWantsSpace = after;
                prevSpaceDelim = false;
            }
            prevObjectLike = !t.kind.equals("op") || t.text.equals(")");
            prevOpenOrComma = t.text.equals("(") || t.text.equals(",");
        }
        return out.toString();
    }

}
