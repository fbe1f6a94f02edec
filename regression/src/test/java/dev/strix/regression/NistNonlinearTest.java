package dev.strix.regression;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strix.ndarray.NdArray;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * NIST StRD nonlinear regression, all 27 sets from start 1 and start 2, finite-difference
 * Jacobians. Every fit must either report non-convergence or be right: a converged fit with
 * parameter LRE below 4 is a silent wrong answer and fails the test. Beyond that, bounds from the
 * issue: LRE >= 6 from start 2 on every set the solver converges on, and >= 4 from start 1 on
 * the lower and average sets that converge; the number of sets that converge is also pinned.
 */
class NistNonlinearTest {
    static final double PI = Math.PI;
    static final Map<String, Nls.Model> MODELS = new LinkedHashMap<>();

    static {
        MODELS.put("Misra1a", (x, b) -> b[0] * (1 - Math.exp(-b[1] * x[0])));
        MODELS.put("Chwirut2", (x, b) -> Math.exp(-b[0] * x[0]) / (b[1] + b[2] * x[0]));
        MODELS.put("Chwirut1", (x, b) -> Math.exp(-b[0] * x[0]) / (b[1] + b[2] * x[0]));
        MODELS.put("Lanczos3", NistNonlinearTest::lanczos);
        MODELS.put("Gauss1", NistNonlinearTest::gauss);
        MODELS.put("Gauss2", NistNonlinearTest::gauss);
        MODELS.put("DanWood", (x, b) -> b[0] * Math.pow(x[0], b[1]));
        MODELS.put("Misra1b", (x, b) -> b[0] * (1 - Math.pow(1 + b[1] * x[0] / 2, -2)));
        MODELS.put("Kirby2", (x, b) -> (b[0] + b[1] * x[0] + b[2] * x[0] * x[0])
                / (1 + b[3] * x[0] + b[4] * x[0] * x[0]));
        MODELS.put("Hahn1", NistNonlinearTest::rational33);
        MODELS.put("Nelson", (x, b) -> b[0] - b[1] * x[0] * Math.exp(-b[2] * x[1]));
        MODELS.put("MGH17", (x, b) -> b[0] + b[1] * Math.exp(-x[0] * b[3]) + b[2] * Math.exp(-x[0] * b[4]));
        MODELS.put("Lanczos1", NistNonlinearTest::lanczos);
        MODELS.put("Lanczos2", NistNonlinearTest::lanczos);
        MODELS.put("Gauss3", NistNonlinearTest::gauss);
        MODELS.put("Misra1c", (x, b) -> b[0] * (1 - Math.pow(1 + 2 * b[1] * x[0], -0.5)));
        MODELS.put("Misra1d", (x, b) -> b[0] * b[1] * x[0] / (1 + b[1] * x[0]));
        MODELS.put("Roszman1", (x, b) -> b[0] - b[1] * x[0] - Math.atan(b[2] / (x[0] - b[3])) / PI);
        MODELS.put("ENSO", (x, b) -> b[0] + b[1] * Math.cos(2 * PI * x[0] / 12) + b[2] * Math.sin(2 * PI * x[0] / 12)
                + b[4] * Math.cos(2 * PI * x[0] / b[3]) + b[5] * Math.sin(2 * PI * x[0] / b[3])
                + b[7] * Math.cos(2 * PI * x[0] / b[6]) + b[8] * Math.sin(2 * PI * x[0] / b[6]));
        MODELS.put("MGH09", (x, b) -> b[0] * (x[0] * x[0] + x[0] * b[1]) / (x[0] * x[0] + x[0] * b[2] + b[3]));
        MODELS.put("Thurber", NistNonlinearTest::rational33);
        MODELS.put("BoxBOD", (x, b) -> b[0] * (1 - Math.exp(-b[1] * x[0])));
        MODELS.put("Rat42", (x, b) -> b[0] / (1 + Math.exp(b[1] - b[2] * x[0])));
        MODELS.put("MGH10", (x, b) -> b[0] * Math.exp(b[1] / (x[0] + b[2])));
        MODELS.put("Eckerle4", (x, b) -> (b[0] / b[1]) * Math.exp(-0.5 * Math.pow((x[0] - b[2]) / b[1], 2)));
        MODELS.put("Rat43", (x, b) -> b[0] / Math.pow(1 + Math.exp(b[1] - b[2] * x[0]), 1 / b[3]));
        MODELS.put("Bennett5", (x, b) -> b[0] * Math.pow(b[1] + x[0], -1 / b[2]));
    }

    static final List<String> HIGHER = List.of("MGH09", "Thurber", "BoxBOD", "Rat42", "MGH10", "Eckerle4",
            "Rat43", "Bennett5");

    static double lanczos(double[] x, double[] b) {
        return b[0] * Math.exp(-b[1] * x[0]) + b[2] * Math.exp(-b[3] * x[0]) + b[4] * Math.exp(-b[5] * x[0]);
    }

    static double gauss(double[] x, double[] b) {
        double t = x[0];
        return b[0] * Math.exp(-b[1] * t) + b[2] * Math.exp(-(t - b[3]) * (t - b[3]) / (b[4] * b[4]))
                + b[5] * Math.exp(-(t - b[6]) * (t - b[6]) / (b[7] * b[7]));
    }

    static double rational33(double[] x, double[] b) {
        double t = x[0];
        return (b[0] + b[1] * t + b[2] * t * t + b[3] * t * t * t) / (1 + b[4] * t + b[5] * t * t + b[6] * t * t * t);
    }

    record Set(String name, double[][] x, double[] y, double[] start1, double[] start2, double[] cert, double[] certSd) {}

    static Set load(String name) throws IOException {
        try (InputStream in = NistNonlinearTest.class.getResourceAsStream("/nist/nonlinear/" + name + ".dat")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.US_ASCII).replace("\r", "").split("\n");
            List<double[]> par = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                String[] t = lines[i].trim().split("\\s+");
                if (t.length >= 6 && t[0].matches("b\\d+") && t[1].equals("=")) {
                    par.add(new double[] {Double.parseDouble(t[2]), Double.parseDouble(t[3]),
                        Double.parseDouble(t[t.length - 2]), Double.parseDouble(t[t.length - 1])});
                }
            }
            List<double[]> rows = new ArrayList<>();
            for (int i = 60; i < lines.length; i++) {
                String l = lines[i].trim();
                if (!l.isEmpty()) {
                    String[] t = l.split("\\s+");
                    double[] r = new double[t.length];
                    for (int j = 0; j < t.length; j++) {
                        r[j] = Double.parseDouble(t[j]);
                    }
                    rows.add(r);
                }
            }
            int n = rows.size();
            int k = rows.get(0).length - 1;
            double[][] x = new double[n][k];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = rows.get(i)[0];
                System.arraycopy(rows.get(i), 1, x[i], 0, k);
            }
            if (name.equals("Nelson")) {
                for (int i = 0; i < n; i++) {
                    y[i] = Math.log(y[i]);
                }
            }
            int p = par.size();
            double[][] c = new double[4][p];
            for (int j = 0; j < p; j++) {
                for (int a = 0; a < 4; a++) {
                    c[a][j] = par.get(j)[a];
                }
            }
            return new Set(name, x, y, c[0], c[1], c[2], c[3]);
        }
    }

    @Test
    void allSetsFromBothStarts() throws IOException {
        StringBuilder table = new StringBuilder("| set | start 1: min LRE params | start 1 iterations | start 2: min LRE params | start 2: min LRE std. err. | start 2 iterations |\n|---|---|---|---|---|---|\n");
        List<String> failures = new ArrayList<>();
        int conv1 = 0;
        int conv2 = 0;
        for (String name : MODELS.keySet()) {
            Set s = load(name);
            int n = s.y().length;
            int k = s.x()[0].length;
            double[] flat = new double[n * k];
            for (int i = 0; i < n; i++) {
                System.arraycopy(s.x()[i], 0, flat, i * k, k);
            }
            NdArray x = NdArray.wrap(flat, n, k);
            NdArray y = NdArray.wrap(s.y(), n);
            String[] cells = new String[2];
            int[] its = new int[2];
            double sd2 = 0;
            for (int st = 0; st < 2; st++) {
                NlsFit f = Nls.fit(MODELS.get(name), x, y, st == 0 ? s.start1() : s.start2());
                double[] b = f.params().toDoubleArray();
                double[] se = f.bse().toDoubleArray();
                double lre = 11;
                double lreSd = 11;
                for (int j = 0; j < b.length; j++) {
                    lre = Math.min(lre, NistLinearTest.lre(b[j], s.cert()[j], 11));
                    lreSd = Math.min(lreSd, NistLinearTest.lre(se[j], s.certSd()[j], 11));
                }
                its[st] = f.iterations();
                cells[st] = f.converged() ? String.format(Locale.ROOT, "%.1f", lre) : "not converged (reported)";
                if (st == 1) {
                    sd2 = lreSd;
                }
                if (f.converged()) {
                    if (st == 0) {
                        conv1++;
                    } else {
                        conv2++;
                    }
                    boolean lowerOrAverage = !HIGHER.contains(name);
                    double bound = st == 1 ? 6 : (lowerOrAverage ? 4 : 4);
                    if (lre < bound) {
                        failures.add(name + " start " + (st + 1) + ": converged (" + f.message() + ") with LRE "
                                + String.format(Locale.ROOT, "%.1f", lre));
                    }
                }
            }
            table.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %.1f | %d |%n", name, cells[0], its[0],
                    cells[1], sd2, its[1]));
        }
        table.append("\nconverged: start 1 ").append(conv1).append("/27, start 2 ").append(conv2).append("/27\n");
        System.out.println(table);
        assertTrue(failures.isEmpty(), "silent wrong answers: " + failures + "\n" + table);
        // measured: start 2 converges on all 27, start 1 on 24 (MGH17, BoxBOD and MGH10 are reported)
        assertTrue(conv2 == 27 && conv1 >= 24, "fewer sets converge than measured\n" + table);
    }
}
