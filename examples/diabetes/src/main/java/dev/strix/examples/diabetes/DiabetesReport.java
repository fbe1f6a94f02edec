package dev.strix.examples.diabetes;

import dev.strix.ndarray.Nd;
import dev.strix.ndarray.NdArray;
import dev.strix.ndarray.NdRandom;
import dev.strix.ndarray.io.Csv;
import dev.strix.ndarray.io.CsvOptions;
import dev.strix.ndarray.io.CsvTable;
import dev.strix.plotting.Plot;
import dev.strix.regression.CvResult;
import dev.strix.regression.LinearFit;
import dev.strix.regression.Ols;
import dev.strix.regression.Penalized;
import dev.strix.stats.Alternative;
import dev.strix.stats.AnovaTable;
import dev.strix.stats.Correlation;
import dev.strix.stats.Hypothesis;
import dev.strix.stats.QuantileMethod;
import dev.strix.stats.Stats;
import dev.strix.stats.TestResult;
import dev.strix.unikernel.Analysis;
import dev.strix.unikernel.Block;
import dev.strix.unikernel.Blocks;
import dev.strix.unikernel.Console;
import dev.strix.unikernel.DeviceException;
import dev.strix.unikernel.Devices;
import dev.strix.unikernel.KvStore;
import dev.strix.unikernel.Network;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The flagship analysis: a report on the diabetes data (Efron et al. 2004) — descriptive
 * statistics, the correlation matrix, which baseline variables go with disease progression
 * (Pearson and Spearman), a bootstrap interval for the strongest correlation, progression across
 * BMI quartiles (one-way ANOVA), by sex (Welch's t-test) and its normality (Jarque-Bera), an OLS fit
 * of progression on the ten baseline variables (statsmodels' summary) and a lasso path with
 * 10-fold cross-validation (lambdaMin, lambda1se and the coefficients kept at lambda1se).
 *
 * <p>Written once against the unikernel devices: it reads the CSV from block device {@code data},
 * writes {@code report.txt}, {@code summary.csv}, {@code correlation.csv}, {@code lasso-cv.csv} and
 * four PNG figures under {@code figures/} to key-value store {@code results}, prints the report on
 * the console, and, when http device {@code report} is bound, serves the files for
 * {@code serve-seconds} (or until {@code POST /quit}). It never touches
 * a file, a socket or a clock except through its devices, so it runs unchanged as a unix process,
 * a jlink runtime or a qemu VM.
 */
public final class DiabetesReport implements Analysis {
    static final String TARGET = "progression";
    static final int BOOTSTRAP_RESAMPLES = 2000;
    static final int CV_FOLDS = 10;
    /**
     * The time stamp of the OLS summary's Date and Time lines. statsmodels prints the current
     * time there; the report prints a fixed one so that it is the same bytes on every run and target.
     */
    static final ZonedDateTime SUMMARY_STAMP = ZonedDateTime.ofInstant(Instant.EPOCH, ZoneOffset.UTC);
    /** The figures written under {@code figures/} and served over HTTP, in this order. */
    static final List<String> FIGURES = List.of("figures/bmi-vs-progression.png", "figures/progression-histogram.png",
            "figures/correlation-heatmap.png", "figures/ols-diagnostics.png");

    @Override
    public int run(Devices devices) throws Exception {
        Console console = devices.console();
        long t0 = devices.monotonicClock().nanos();
        Block data = devices.block("data");
        console.info("reading " + data.capacity() + " bytes from block device 'data'");
        CsvTable table = Csv.parse(stripPadding(Blocks.readAll(data)), "block device 'data'", CsvOptions.defaults());
        if (!table.header().contains(TARGET)) {
            console.error("block device 'data' has no column '" + TARGET + "' (columns: " + table.header() + ")");
            return 3;
        }
        for (String column : table.header()) {
            if (!table.isNumeric(column)) {
                console.error("column '" + column + "' of block device 'data' is not numeric");
                return 3;
            }
        }
        if (table.nrows() < 10) {
            console.error("block device 'data' has " + table.nrows() + " rows; the report needs at least 10");
            return 3;
        }
        long seed = devices.entropy().nextLong();
        Map<String, String> text = analyse(table, seed);
        for (String line : text.get("report.txt").split("\n", -1)) {
            console.println(line);
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        text.forEach((k, v) -> files.put(k, v.getBytes(StandardCharsets.UTF_8)));
        files.putAll(figures(table));

        KvStore results = devices.kv("results");
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            results.put(f.getKey(), f.getValue());
        }
        console.info("wrote " + String.join(", ", files.keySet()) + " to key-value store 'results' in "
                + String.format(Locale.ROOT, "%.0f ms", (devices.monotonicClock().nanos() - t0) / 1e6));

        if (devices.names("http").contains("report")) {
            serve(devices, files);
        }
        return 0;
    }

    /** The text of the CSV: the device's bytes without the zero padding of its last sector. */
    static byte[] stripPadding(byte[] bytes) {
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] == 0) {
            end--;
        }
        return java.util.Arrays.copyOf(bytes, end);
    }

    /** The report files, by key; deterministic for a given table and seed. */
    static Map<String, String> analyse(CsvTable table, long seed) {
        List<String> names = table.header();
        NdArray x = table.numeric(names.toArray(new String[0]));     // (n, p) float64
        int n = x.shape(0);
        int p = x.shape(1);
        int target = names.indexOf(TARGET);

        NdArray mean = x.mean(0);
        NdArray std = x.std(new int[] {0}, 1, false);
        NdArray sorted = x.sort(0);
        NdArray min = sorted.row(0);
        NdArray max = sorted.row(n - 1);
        NdArray q1 = Stats.quantile(x, 0.25, 0, QuantileMethod.LINEAR);
        NdArray median = Stats.median(x, 0);
        NdArray q3 = Stats.quantile(x, 0.75, 0, QuantileMethod.LINEAR);
        NdArray corr = correlation(x);
        NdArray spearman = Stats.corr(x, Correlation.SPEARMAN);

        StringBuilder r = new StringBuilder();
        r.append("Diabetes progression report\n");
        r.append("===========================\n");
        r.append(String.format(Locale.ROOT, "%d patients, %d variables; '%s' is disease progression one year after baseline.%n%n",
                n, p, TARGET));
        r.append(String.format(Locale.ROOT, "%-12s %9s %9s %9s %9s %9s %9s %9s%n", "variable", "mean", "std", "min", "q1",
                "median", "q3", "max"));
        StringBuilder summary = new StringBuilder("variable,mean,std,min,q1,median,q3,max\n");
        for (int j = 0; j < p; j++) {
            double[] row = {mean.getDouble(j), std.getDouble(j), min.getDouble(j), q1.getDouble(j), median.getDouble(j),
                q3.getDouble(j), max.getDouble(j)};
            r.append(String.format(Locale.ROOT, "%-12s", names.get(j)));
            summary.append(names.get(j));
            for (double v : row) {
                r.append(String.format(Locale.ROOT, " %9.4f", v));
                summary.append(String.format(Locale.ROOT, ",%.10g", v));
            }
            r.append('\n');
            summary.append('\n');
        }

        r.append(String.format(Locale.ROOT, "%nCorrelation with %s (strongest Pearson r first; Spearman rho beside it):%n", TARGET));
        List<Integer> order = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            if (j != target) {
                order.add(j);
            }
        }
        order.sort(Comparator.comparingDouble((Integer j) -> -Math.abs(corr.getDouble(j, target))).thenComparing(j -> j));
        for (int j : order) {
            double rj = corr.getDouble(j, target);
            r.append(String.format(Locale.ROOT, "  %-6s r %+.4f  rho %+.4f  %s%n", names.get(j), rj,
                    spearman.getDouble(j, target), bar(rj)));
        }

        int best = order.get(0);
        double[] ci = bootstrapInterval(x.col(best), x.col(target), seed);
        r.append(String.format(Locale.ROOT, "%nBootstrap 95%% interval for r(%s, %s): [%.4f, %.4f] (%d resamples, percentile method)%n",
                names.get(best), TARGET, ci[0], ci[1], BOOTSTRAP_RESAMPLES));

        NdArray y = x.col(target);
        int bmi = names.indexOf("bmi");
        if (bmi >= 0) {
            NdArray b = x.col(bmi);
            double[] cuts = {Stats.quantile(b, 0.25), Stats.quantile(b, 0.5), Stats.quantile(b, 0.75)};
            NdArray[] groups = {
                y.get(b.le(cuts[0])),
                y.get(b.gt(cuts[0]).and(b.le(cuts[1]))),
                y.get(b.gt(cuts[1]).and(b.le(cuts[2]))),
                y.get(b.gt(cuts[2]))};
            AnovaTable anova = Hypothesis.anova(groups);
            r.append(String.format(Locale.ROOT, "%n%s by bmi quartile (cut at %.2f, %.2f, %.2f):%n", TARGET, cuts[0], cuts[1], cuts[2]));
            for (int k = 0; k < groups.length; k++) {
                r.append(String.format(Locale.ROOT, "  Q%d  n=%3d  mean=%9.4f%n", k + 1, groups[k].shape(0), groups[k].mean().item()));
            }
            r.append(String.format(Locale.ROOT, "  one-way ANOVA F(%.0f, %.0f) = %.4f, p = %.3e, eta^2 = %.4f%n",
                    anova.dfBetween(), anova.dfWithin(), anova.f(), anova.pValue(), anova.rSquared()));
        }

        int sex = names.indexOf("sex");
        if (sex >= 0) {
            NdArray codes = x.col(sex);
            double[] levels = codes.unique().values().toDoubleArray();
            if (levels.length == 2) {
                r.append(String.format(Locale.ROOT, "%n%s by sex:%n", TARGET));
                NdArray[] g = {y.get(codes.eq(levels[0])), y.get(codes.eq(levels[1]))};
                for (int k = 0; k < 2; k++) {
                    r.append(String.format(Locale.ROOT, "  sex=%.0f  n=%3d  mean=%9.4f  sd=%8.4f%n", levels[k], g[k].shape(0),
                            g[k].mean().item(), Stats.std(g[k], 1)));
                }
                TestResult t = Hypothesis.welchTTest(g[0], g[1], Alternative.TWO_SIDED);
                r.append(String.format(Locale.ROOT, "  Welch t = %.4f on %.2f degrees of freedom, p = %.4f; difference 95%% CI [%.4f, %.4f]%n",
                        t.statistic(), t.df(), t.pValue(), t.ciLow(), t.ciHigh()));
            }
        }

        TestResult jb = Hypothesis.jarqueBera(y);
        r.append(String.format(Locale.ROOT, "%nNormality of %s: skewness %.4f, excess kurtosis %.4f, Jarque-Bera %.4f (p = %.3e)%n",
                TARGET, Stats.skewness(y), Stats.kurtosis(y), jb.statistic(), jb.pValue()));

        List<String> baseline = new ArrayList<>(names);
        baseline.remove(TARGET);
        String[] xNames = baseline.toArray(new String[0]);
        NdArray xb = table.numeric(xNames);
        LinearFit ols = olsFit(table);
        r.append(String.format(Locale.ROOT, "%nOLS fit of %s on the %d baseline variables (statsmodels' summary; Date and Time are fixed%n"
                + "to the epoch so that the report is the same bytes on every run):%n%n", TARGET, xNames.length));
        r.append(ols.summary(0.05, SUMMARY_STAMP)).append('\n');

        CvResult cv = Penalized.cv(xb, y, 1.0, CV_FOLDS, seed);
        double[] coef = cv.fit1se().coef().toDoubleArray();
        double[] coefMin = cv.fitMin().coef().toDoubleArray();
        r.append(String.format(Locale.ROOT, "%nLasso path (%d lambdas from %.6g down to %.6g; columns standardised) with %d-fold%n"
                + "cross-validation, folds drawn with the entropy device's seed:%n", cv.lambdas().length, cv.lambdas()[0],
                cv.lambdas()[cv.lambdas().length - 1], CV_FOLDS));
        r.append(String.format(Locale.ROOT, "  lambdaMin = %.6g (CV MSE %.2f)   lambda1se = %.6g (CV MSE %.2f)%n",
                cv.lambdaMin(), cvMseAt(cv, cv.lambdaMin()), cv.lambda1se(), cvMseAt(cv, cv.lambda1se())));
        r.append(String.format(Locale.ROOT, "  %-10s %12s %12s%n", "coef", "lambdaMin", "lambda1se"));
        r.append(String.format(Locale.ROOT, "  %-10s %12.4f %12.4f%n", "intercept", cv.fitMin().intercept(), cv.fit1se().intercept()));
        List<String> kept = new ArrayList<>();
        for (int j = 0; j < xNames.length; j++) {
            r.append(String.format(Locale.ROOT, "  %-10s %12.4f %12.4f%n", xNames[j], coefMin[j], coef[j]));
            if (coef[j] != 0) {
                kept.add(xNames[j]);
            }
        }
        r.append(String.format(Locale.ROOT, "  at lambda1se the lasso keeps %d of %d variables: %s%n", kept.size(), xNames.length,
                String.join(", ", kept)));
        StringBuilder cvCsv = new StringBuilder("lambda,cv_mse,cv_se\n");
        for (int l = 0; l < cv.lambdas().length; l++) {
            cvCsv.append(String.format(Locale.ROOT, "%.10g,%.10g,%.10g%n", cv.lambdas()[l], cv.cvMean()[l], cv.cvSe()[l]));
        }

        r.append(String.format(Locale.ROOT, "%nCorrelation matrix (%s):%n", String.join(", ", names)));
        StringBuilder corrCsv = new StringBuilder("variable," + String.join(",", names) + "\n");
        r.append(String.format(Locale.ROOT, "%-12s", ""));
        for (String name : names) {
            r.append(String.format(Locale.ROOT, " %11s", name));
        }
        r.append('\n');
        for (int i = 0; i < p; i++) {
            r.append(String.format(Locale.ROOT, "%-12s", names.get(i)));
            corrCsv.append(names.get(i));
            for (int j = 0; j < p; j++) {
                r.append(String.format(Locale.ROOT, " %11.3f", corr.getDouble(i, j)));
                corrCsv.append(String.format(Locale.ROOT, ",%.10g", corr.getDouble(i, j)));
            }
            r.append('\n');
            corrCsv.append('\n');
        }

        Map<String, String> files = new LinkedHashMap<>();
        files.put("report.txt", r.toString());
        files.put("summary.csv", summary.toString());
        files.put("correlation.csv", corrCsv.toString());
        files.put("lasso-cv.csv", cvCsv.toString());
        return files;
    }

    /** OLS of {@value #TARGET} on every other column (with a constant). */
    static LinearFit olsFit(CsvTable table) {
        List<String> baseline = new ArrayList<>(table.header());
        baseline.remove(TARGET);
        String[] xNames = baseline.toArray(new String[0]);
        return Ols.model(table.numeric(xNames), table.column(TARGET)).names(xNames).yName(TARGET).fit();
    }

    private static double cvMseAt(CvResult cv, double lambda) {
        for (int l = 0; l < cv.lambdas().length; l++) {
            if (cv.lambdas()[l] == lambda) {
                return cv.cvMean()[l];
            }
        }
        return Double.NaN;
    }

    /**
     * The PNG figures, by key: progression against BMI with the least-squares line, the histogram
     * of progression, the correlation heat map and the OLS diagnostics. Deterministic: the same
     * bytes for the same table, JDK and fonts.
     */
    static Map<String, byte[]> figures(CsvTable table) {
        List<String> names = table.header();
        NdArray x = table.numeric(names.toArray(new String[0]));
        NdArray y = table.column(TARGET);
        Map<String, byte[]> out = new LinkedHashMap<>();
        if (names.contains("bmi")) {
            NdArray bmi = table.column("bmi");
            LinearFit line = Ols.fit(table.numeric("bmi"), y, List.of("bmi"));
            double[] sortedBmi = bmi.sort(0).toDoubleArray();
            double lo = sortedBmi[0];
            double hi = sortedBmi[sortedBmi.length - 1];
            NdArray xs = Nd.linspace(lo, hi, 2);
            NdArray ys = xs.mul(line.param("bmi")).add(line.param("const"));
            out.put(FIGURES.get(0), Plot.scatter(bmi, y).label("patients")
                    .line(xs, ys).label(String.format(Locale.ROOT, "OLS: %.2f + %.2f bmi (R\u00b2 = %.3f)",
                            line.param("const"), line.param("bmi"), line.rsquared()))
                    .title("Disease progression against body mass index").xlabel("bmi (kg/m\u00b2)")
                    .ylabel(TARGET + " after one year").toPng());
        }
        out.put(FIGURES.get(1), Plot.histogram(y).title("Distribution of disease progression")
                .xlabel(TARGET + " after one year").ylabel("patients").toPng());
        // Rounded to 1e-9: the vectorised kernels (unix, jlink) and the scalar ones (the qemu image has
        // no Vector API) sum in different orders, and a last-bit difference in the colour bar's range
        // would move a few of its pixels; rounded, the PNG is the same bytes on every target.
        NdArray corr = correlation(x);
        int p = corr.shape(0);
        double[][] rounded = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                rounded[i][j] = Math.rint(corr.getDouble(i, j) * 1e9) / 1e9;
            }
        }
        out.put(FIGURES.get(2), Plot.heatmap(Nd.of(rounded))
                .title("Pearson correlation, rows and columns 0-" + (names.size() - 1) + ": " + String.join(", ", names)).toPng());
        LinearFit ols = olsFit(table);
        out.put(FIGURES.get(3), Plot.diagnostics(ols.fittedValues(), ols.resid())
                .title("OLS of " + TARGET + " on the baseline variables: diagnostics").toPng());
        return out;
    }

    /** Pearson correlation matrix of the columns: standardise, then Z^T Z / (n - 1). */
    static NdArray correlation(NdArray x) {
        NdArray z = x.sub(x.mean(0)).div(x.std(new int[] {0}, 1, false));
        return z.transpose().matmul(z).div(x.shape(0) - 1.0);
    }

    /** Percentile bootstrap interval (2.5%, 97.5%) of Pearson r, resampling pairs. */
    static double[] bootstrapInterval(NdArray a, NdArray b, long seed) {
        NdRandom random = Nd.random(seed);
        int n = a.shape(0);
        NdArray pairs = Nd.stack(1, a, b);
        double[] rs = new double[BOOTSTRAP_RESAMPLES];
        for (int i = 0; i < rs.length; i++) {
            NdArray sample = pairs.take(random.integers(0, n, n), 0);
            rs[i] = correlation(sample).getDouble(0, 1);
        }
        java.util.Arrays.sort(rs);
        return new double[] {rs[(int) Math.floor(0.025 * (rs.length - 1))], rs[(int) Math.ceil(0.975 * (rs.length - 1))]};
    }

    private static String bar(double r) {
        return "#".repeat((int) Math.round(Math.abs(r) * 40));
    }

    /** Serves the report files until {@code serve-seconds} pass or a client posts to /quit. */
    private static void serve(Devices devices, Map<String, byte[]> files) throws DeviceException, InterruptedException {
        Console console = devices.console();
        long seconds;
        String param = devices.parameter("serve-seconds").orElse("60");
        try {
            seconds = Long.parseLong(param.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter serve-seconds must be a whole number, got '" + param + "'");
        }
        CountDownLatch quit = new CountDownLatch(1);
        Network network = devices.network("report");
        try (Network.Service service = network.serve(request -> {
            String path = request.path();
            if (path.equals("/quit")) {
                if (!request.method().equals("POST")) {
                    return Network.Response.text(405, "POST to /quit ends the analysis\n");
                }
                quit.countDown();
                return Network.Response.text(200, "bye\n");
            }
            String key = path.equals("/") ? "report.txt" : path.substring(1);
            byte[] body = files.get(key);
            if (body == null) {
                return Network.Response.text(404, "no such file; try / " + String.join(" ", files.keySet()) + "\n");
            }
            String type = key.endsWith(".png") ? "image/png"
                    : key.endsWith(".csv") ? "text/csv; charset=utf-8" : "text/plain; charset=utf-8";
            return new Network.Response(200, type, body);
        })) {
            console.info("serving the report on port " + service.port() + " for " + seconds
                    + " s (GET / or /summary.csv or /" + FIGURES.get(0) + ", POST /quit to stop)");
            boolean asked = quit.await(seconds, TimeUnit.SECONDS);
            console.info(asked ? "stopped serving: /quit was posted" : "stopped serving after " + seconds + " s");
        }
    }
}
