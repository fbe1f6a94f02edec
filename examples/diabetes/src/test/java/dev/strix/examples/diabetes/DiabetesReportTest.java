package dev.strix.examples.diabetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strix.ndarray.io.Csv;
import dev.strix.ndarray.io.CsvTable;
import dev.strix.unikernel.Boot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiabetesReportTest {
    static final Path DATA = Path.of("data", "diabetes.csv");

    @TempDir
    Path dir;

    /**
     * Reference values computed independently with NumPy 1.24.2 / SciPy 1.10.1 (Debian
     * python3-numpy, python3-scipy): x.mean(0), x.std(0, ddof=1), np.median(x, 0),
     * np.corrcoef(x, rowvar=False)[:, -1], scipy.stats.ttest_ind(..., equal_var=False) and the
     * Welch-Satterthwaite df, on data/diabetes.csv.
     */
    static final double[] MEAN = {48.51809955, 1.46832579, 26.37579186, 94.64701357, 189.14027149, 115.43914027,
        49.78846154, 4.07024887, 4.64141086, 91.260181, 152.13348416};
    static final double[] STD = {13.10902782, 0.49956117, 4.41812156, 13.83128342, 34.60805168, 30.41308097,
        12.93420215, 1.2904499, 0.52239056, 11.49633474, 77.09300453};
    static final double[] MEDIAN = {50, 1, 25.7, 93, 186, 113, 48, 4, 4.62005, 91, 140.5};
    static final double[] R_WITH_PROGRESSION = {0.18788875, 0.043062, 0.58645013, 0.44148176, 0.21202248,
        0.17405359, -0.39478925, 0.43045288, 0.56588259, 0.38248348, 1};
    /** np.quantile(x, [0.25, 0.75], axis=0) (linear method). */
    static final double[] Q1 = {38.25, 1, 23.2, 84, 164.25, 96.05, 40.25, 3, 4.2767, 83.25, 87};
    static final double[] Q3 = {59, 2, 29.275, 105, 209.75, 134.5, 57.75, 5, 4.9972, 98, 211.5};

    @Test
    void figuresMatchNumpyAndScipy() throws IOException {
        Map<String, String> files = DiabetesReport.analyse(Csv.read(DATA), 1L);
        CsvTable summary = Csv.parse(files.get("summary.csv").getBytes(StandardCharsets.UTF_8), "summary.csv",
                dev.strix.ndarray.io.CsvOptions.defaults());
        // NumPy printed 8 decimals (10 significant digits at most): compare at 5e-9 relative.
        assertClose(MEAN, summary.column("mean").toDoubleArray(), 5e-9);
        assertClose(STD, summary.column("std").toDoubleArray(), 5e-9);
        assertClose(MEDIAN, summary.column("median").toDoubleArray(), 1e-12);
        assertClose(Q1, summary.column("q1").toDoubleArray(), 1e-12);
        assertClose(Q3, summary.column("q3").toDoubleArray(), 1e-12);
        CsvTable corr = Csv.parse(files.get("correlation.csv").getBytes(StandardCharsets.UTF_8), "correlation.csv",
                dev.strix.ndarray.io.CsvOptions.defaults());
        assertClose(R_WITH_PROGRESSION, corr.column("progression").toDoubleArray(), 5e-8);
        String report = files.get("report.txt");
        // scipy.stats: ttest_ind(equal_var=False) t = -0.902222, p = 0.367445, CI of the difference
        // [-21.1225, 7.8317]; spearmanr(bmi, y) = 0.561382; f_oneway over bmi quartile groups (cuts
        // by np.quantile) F = 61.0564, p = 5.3758e-33; jarque_bera(y) = 28.6794, p = 5.920e-07.
        assertTrue(report.contains("Welch t = -0.9022 on 429.00 degrees of freedom, p = 0.3674; difference 95% CI [-21.1225, 7.8317]"), report);
        assertTrue(report.contains("  bmi    r +0.5865  rho +0.5614"), report);
        assertTrue(report.contains("one-way ANOVA F(3, 438) = 61.0564, p = 5.376e-33"), report);
        assertTrue(report.contains("Jarque-Bera 28.6794 (p = 5.920e-07)"), report);
        assertTrue(report.contains("  Q1  n=113") && report.contains("  Q4  n=111"), report);
        assertTrue(report.contains("442 patients, 11 variables"), report);
    }

    /**
     * statsmodels 0.13.5 (Debian python3-statsmodels, /usr/bin/python3):
     * {@code sm.OLS(y, sm.add_constant(X)).fit()} with X the ten baseline columns of data/diabetes.csv;
     * params, bse, rsquared, rsquared_adj, fvalue, llf printed with repr.
     */
    static final double[] OLS_PARAMS = {-334.5671385188, -0.03636122422363, -22.85964809050, 5.602962091924, 1.116807993318,
        -1.089996334063, 0.7464504555142, 0.3720047150891, 6.533831935990, 68.48312496479, 0.2801169893215};
    static final double[] OLS_BSE = {67.454621104341, 0.217041435409, 5.835821285015, 0.717105500561, 0.225238169188,
        0.57333185855, 0.530834389766, 0.782463845627, 5.958637837216, 15.669719238707, 0.273313950359};
    static final double OLS_R2 = 0.5177484222203499;
    static final double OLS_R2_ADJ = 0.5065592904853231;
    static final double OLS_F = 46.27243958524321;
    static final double OLS_LLF = -2385.9928621235194;

    /**
     * scikit-learn 1.2.1 (Debian python3-sklearn): the same 10-fold CV computed independently.
     * Folds: fold[perm[i]] = i % 10 where perm is the Fisher-Yates shuffle of 0..441 by
     * java.util.SplittableRandom(1) (j = nextInt(i + 1) for i = 441 down to 1; printed by a
     * ten-line JDK-only program, no Strix code), as Penalized.cv documents. Lambda grid:
     * lambda_max = max|Z^T (y - mean y)| / n on columns standardised with the population sd,
     * times 1e-3^(k/99), k = 0..99. Each fit: sklearn.linear_model.Lasso(alpha=lambda, tol=1e-14)
     * on the training rows standardised with their own mean and sd, coefficients divided by the sd.
     * CV error: mean over folds of the held-out MSE; se = std(ddof=1) / sqrt(10); lambda1se = the
     * largest lambda with mean <= min + se at the minimum.
     */
    static final double LASSO_LAMBDA_MAX = 45.16003002046289;
    static final double LASSO_LAMBDA_MIN = 0.07359959661734275;
    static final double LASSO_LAMBDA_1SE = 7.359959661734273;
    static final double LASSO_CV_MSE_1SE = 3202.864697561426;
    static final double LASSO_INTERCEPT_1SE = -210.6913718097478;
    static final double[] LASSO_COEF_1SE = {0, 0, 5.348982345498, 0.607466706923, 0, 0, -0.364492707043, 0, 39.297066769622, 0};

    @Test
    void olsFitMatchesStatsmodels() throws IOException {
        CsvTable t = Csv.read(DATA);
        dev.strix.regression.LinearFit fit = DiabetesReport.olsFit(t);
        assertClose(OLS_PARAMS, fit.params().toDoubleArray(), 1e-10);
        assertClose(OLS_BSE, fit.bse().toDoubleArray(), 1e-10);
        assertClose(new double[] {OLS_R2, OLS_R2_ADJ, OLS_F, OLS_LLF},
                new double[] {fit.rsquared(), fit.rsquaredAdj(), fit.fvalue(), fit.llf()}, 1e-12);
        String report = DiabetesReport.analyse(t, 1L).get("report.txt");
        // The statsmodels summary lines, as statsmodels 0.13.5 prints them for this fit.
        assertTrue(report.contains("Dep. Variable:            progression   R-squared:                       0.518"), report);
        assertTrue(report.contains("bmi            5.6030      0.717      7.813      0.000       4.194       7.012"), report);
        assertTrue(report.contains("s5            68.4831     15.670      4.370      0.000      37.685      99.282"), report);
        assertTrue(report.contains("Date:                Thu, 01 Jan 1970"), report);
    }

    @Test
    void lassoCrossValidationMatchesScikitLearnOnTheSameFolds() throws IOException {
        Map<String, String> files = DiabetesReport.analyse(Csv.read(DATA), 1L);
        CsvTable cv = Csv.parse(files.get("lasso-cv.csv").getBytes(StandardCharsets.UTF_8), "lasso-cv.csv",
                dev.strix.ndarray.io.CsvOptions.defaults());
        double[] lambdas = cv.column("lambda").toDoubleArray();
        assertEquals(100, lambdas.length);
        assertClose(new double[] {LASSO_LAMBDA_MAX}, new double[] {lambdas[0]}, 1e-9);
        String report = files.get("report.txt");
        Matcher m = Pattern.compile("lambdaMin = (\\S+) \\(CV MSE (\\S+)\\)\\s+lambda1se = (\\S+) \\(CV MSE (\\S+)\\)").matcher(report);
        assertTrue(m.find(), report);
        assertClose(new double[] {LASSO_LAMBDA_MIN, LASSO_LAMBDA_1SE, LASSO_CV_MSE_1SE},
                new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4))}, 1e-5);
        // The coefficients kept at lambda1se (4 decimals in the report) against scikit-learn's.
        String[] vars = {"age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"};
        for (int j = 0; j < vars.length; j++) {
            Matcher c = Pattern.compile("\\n  " + vars[j] + " +(\\S+) +(\\S+)\\n").matcher(report);
            assertTrue(c.find(), vars[j]);
            assertEquals(LASSO_COEF_1SE[j], Double.parseDouble(c.group(2)), 6e-5, vars[j]);
        }
        Matcher c = Pattern.compile("\\n  intercept +(\\S+) +(\\S+)\\n").matcher(report);
        assertTrue(c.find(), report);
        assertEquals(LASSO_INTERCEPT_1SE, Double.parseDouble(c.group(2)), 6e-5);
        assertTrue(report.contains("at lambda1se the lasso keeps 4 of 10 variables: bmi, bp, s3, s5"), report);
    }

    @Test
    void figuresArePngsAndRepeatBitForBit() throws IOException {
        CsvTable t = Csv.read(DATA);
        Map<String, byte[]> a = DiabetesReport.figures(t);
        Map<String, byte[]> b = DiabetesReport.figures(t);
        assertEquals(DiabetesReport.FIGURES, List.copyOf(a.keySet()));
        for (String key : DiabetesReport.FIGURES) {
            byte[] png = a.get(key);
            assertTrue(png.length > 5000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', key);
            assertTrue(java.util.Arrays.equals(png, b.get(key)), key);
        }
    }

    @Test
    void bootstrapIsDeterministicForASeedAndBracketsTheEstimate() throws IOException {
        CsvTable t = Csv.read(DATA);
        String a = DiabetesReport.analyse(t, 42L).get("report.txt");
        String b = DiabetesReport.analyse(t, 42L).get("report.txt");
        assertEquals(a, b);
        Matcher m = Pattern.compile("r\\(bmi, progression\\): \\[([0-9.]+), ([0-9.]+)\\]").matcher(a);
        assertTrue(m.find(), a);
        double lo = Double.parseDouble(m.group(1));
        double hi = Double.parseDouble(m.group(2));
        // The sample r is 0.5865; its normal-theory 95% interval (Fisher z) is about [0.52, 0.646].
        assertTrue(lo > 0.47 && lo < 0.5865 && hi > 0.5865 && hi < 0.70, lo + " " + hi);
    }

    @Test
    void runsThroughBootWithHostDevicesAndWritesItsResults() throws IOException {
        Path results = dir.resolve("results");
        Run run = boot(DATA, results, null);
        assertEquals(0, run.code, run.log);
        assertTrue(run.out.contains("Diabetes progression report"), run.out);
        for (String key : List.of("report.txt", "summary.csv", "correlation.csv", "lasso-cv.csv",
                "figures/bmi-vs-progression.png", "figures/ols-diagnostics.png")) {
            assertTrue(Files.isRegularFile(results.resolve(key)), key);
        }
        assertEquals(run.out.strip(), Files.readString(results.resolve("report.txt")).strip());
    }

    @Test
    void aCsvWithoutTheTargetColumnIsRefusedWithExitCode3() throws IOException {
        Path csv = dir.resolve("other.csv");
        Files.writeString(csv, "a,b\n" + "1,2\n".repeat(20));
        Run run = boot(csv, dir.resolve("r"), null);
        assertEquals(3, run.code);
        assertTrue(run.log.contains("has no column 'progression'"), run.log);
    }

    @Test
    void aMalformedCsvNamesTheDeviceAndLine() throws IOException {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "age,progression\n1,2\n3\n");
        Run run = boot(csv, dir.resolve("r"), null);
        assertEquals(Boot.EXIT_ANALYSIS_FAILED, run.code);
        assertTrue(run.log.contains("block device 'data': line 3"), run.log);
    }

    @Test
    void aMissingDataFileStopsBeforeTheAnalysisRuns() throws IOException {
        Run run = boot(dir.resolve("missing.csv"), dir.resolve("r"), null);
        assertEquals(Boot.EXIT_BAD_BOOT, run.code);
        assertTrue(run.log.contains("missing.csv does not exist"), run.log);
    }

    @Test
    void servesTheReportOverHttpUntilQuit() throws Exception {
        PipedLog log = new PipedLog();
        AtomicInteger code = new AtomicInteger(-1);
        Properties p = props(DATA, dir.resolve("results"));
        p.setProperty("http.report", "0");
        p.setProperty("param.serve-seconds", "60");
        Thread t = new Thread(() -> code.set(Boot.run(p, new PrintStream(OutputStream.nullOutputStream()), log.stream)));
        t.start();
        int port = log.awaitPort(30_000);
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertTrue(r.body().startsWith("Diabetes progression report"), r.body());
        HttpResponse<String> missing = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/nope")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, missing.statusCode());
        HttpResponse<byte[]> png = client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/figures/progression-histogram.png")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, png.statusCode());
        assertEquals("image/png", png.headers().firstValue("Content-Type").orElse(""));
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(dir.resolve("results/figures/progression-histogram.png")), png.body()));
        HttpResponse<String> quit = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/quit"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, quit.statusCode());
        t.join(30_000);
        assertEquals(0, code.get());
    }

    private Properties props(Path csv, Path results) {
        Properties p = new Properties();
        p.setProperty("analysis", DiabetesReport.class.getName());
        p.setProperty("block.data", csv.toAbsolutePath().toString());
        p.setProperty("block.data.readonly", "true");
        p.setProperty("kv.results", "dir:" + results.toAbsolutePath());
        p.setProperty("entropy", "seed:7");
        return p;
    }

    private Run boot(Path csv, Path results, String port) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        int code = Boot.run(props(csv, results), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(log, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), log.toString(StandardCharsets.UTF_8));
    }

    private record Run(int code, String out, String log) {
    }

    private static void assertClose(double[] expected, double[] actual, double rel) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            double tol = rel * Math.max(1, Math.abs(expected[i]));
            assertEquals(expected[i], actual[i], tol, "index " + i);
        }
    }

    /** A log stream that tells when the analysis has started serving, and on which port. */
    private static final class PipedLog {
        private final StringBuilder text = new StringBuilder();
        final PrintStream stream = new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                synchronized (text) {
                    text.append((char) b);
                    text.notifyAll();
                }
            }
        }, true);

        int awaitPort(long millis) throws InterruptedException {
            Pattern p = Pattern.compile("serving the report on port (\\d+) for");
            long end = System.currentTimeMillis() + millis;
            synchronized (text) {
                while (true) {
                    Matcher m = p.matcher(text);
                    if (m.find()) {
                        return Integer.parseInt(m.group(1));
                    }
                    long left = end - System.currentTimeMillis();
                    if (left <= 0) {
                        throw new AssertionError("the analysis did not start serving; log:\n" + text);
                    }
                    text.wait(left);
                }
            }
        }
    }
}
