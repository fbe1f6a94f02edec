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
 * NIST StRD linear regression: LRE of coefficients and their standard deviations against the
 * certified values. Bounds: the goal of 9 digits everywhere (NumPy's Householder QR gets 5.8 on
 * Wampler5 and 7.9 on Filip). The table is printed for docs/accuracy.md.
 */
class NistLinearTest {

    record Dataset(String name, double[][] data, double[] b, double[] sd) {}

    static Dataset load(String name) throws IOException {
        try (InputStream in = NistLinearTest.class.getResourceAsStream("/nist/linear/" + name + ".dat")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.US_ASCII).replace("\r", "").split("\n");
            List<double[]> cert = new ArrayList<>();
            boolean inCert = false;
            for (int i = 0; i < 60; i++) {
                String l = lines[i].trim();
                if (l.startsWith("Parameter") && l.contains("Estimate")) {
                    inCert = true;
                    continue;
                }
                if (inCert) {
                    String[] t = l.split("\\s+");
                    if (t.length == 3 && t[0].matches("B\\d+")) {
                        cert.add(new double[] {Double.parseDouble(t[1]), Double.parseDouble(t[2])});
                    } else if (l.startsWith("Residual")) {
                        inCert = false;
                    }
                }
            }
            List<double[]> rows = new ArrayList<>();
            for (int i = 60; i < lines.length; i++) {
                String l = lines[i].trim();
                if (l.isEmpty()) {
                    continue;
                }
                String[] t = l.split("\\s+");
                double[] r = new double[t.length];
                for (int j = 0; j < t.length; j++) {
                    r[j] = Double.parseDouble(t[j]);
                }
                rows.add(r);
            }
            double[] b = new double[cert.size()];
            double[] sd = new double[cert.size()];
            for (int j = 0; j < b.length; j++) {
                b[j] = cert.get(j)[0];
                sd[j] = cert.get(j)[1];
            }
            return new Dataset(name, rows.toArray(new double[0][]), b, sd);
        }
    }

    static double lre(double est, double cert, double cap) {
        double e = cert == 0 ? Math.abs(est) : Math.abs(est - cert) / Math.abs(cert);
        if (e == 0) {
            return cap;
        }
        double l = -Math.log10(e);
        if (Double.isNaN(l) || l < 1) {
            return 0;
        }
        return Math.min(cap, l);
    }

    static LinearFit fit(Dataset d) {
        int n = d.data().length;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = d.data()[i][0];
        }
        NdArray yy = NdArray.wrap(y, n);
        switch (d.name()) {
            case "Norris":
            case "Longley": {
                int k = d.data()[0].length - 1;
                double[] x = new double[n * k];
                for (int i = 0; i < n; i++) {
                    System.arraycopy(d.data()[i], 1, x, i * k, k);
                }
                return Ols.fit(NdArray.wrap(x, n, k), yy);
            }
            case "NoInt1":
            case "NoInt2": {
                double[] x = new double[n];
                for (int i = 0; i < n; i++) {
                    x[i] = d.data()[i][1];
                }
                return Ols.model(NdArray.wrap(x, n, 1), yy).intercept(false).fit();
            }
            default: {
                double[] x = new double[n];
                for (int i = 0; i < n; i++) {
                    x[i] = d.data()[i][1];
                }
                return Regression.poly(NdArray.wrap(x, n), yy, d.b().length - 1);
            }
        }
    }

    static final String[] SETS = {"Norris", "Pontius", "NoInt1", "NoInt2", "Filip", "Longley",
        "Wampler1", "Wampler2", "Wampler3", "Wampler4", "Wampler5"};
    static final Map<String, Double> NUMPY = new LinkedHashMap<>();

    static {
        double[] np = {12.4, 12.2, 14.7, 14.7, 7.9, 10.9, 9.4, 13.0, 9.1, 7.8, 5.8};
        for (int i = 0; i < SETS.length; i++) {
            NUMPY.put(SETS[i], np[i]);
        }
    }

    @Test
    void lreTable() throws IOException {
        StringBuilder table = new StringBuilder();
        table.append("| set | NumPy QR (coef.) | Strix min LRE coef. | Strix min LRE std. err. | refinement steps |\n");
        table.append("|---|---|---|---|---|\n");
        List<String> failures = new ArrayList<>();
        for (String name : SETS) {
            Dataset d = load(name);
            LinearFit f = fit(d);
            double[] b = f.params().toDoubleArray();
            double[] se = f.bse().toDoubleArray();
            double minB = 15;
            double minS = 15;
            for (int j = 0; j < b.length; j++) {
                minB = Math.min(minB, lre(b[j], d.b()[j], 15));
                minS = Math.min(minS, lre(se[j], d.sd()[j], 15));
            }
            table.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %d |%n", name,
                    NUMPY.get(name), minB, minS, f.refinementSteps()));
            // the goal is 9; Strix reaches 13.2 or more everywhere, so 13 guards against regressions
            if (minB < 13 || minS < 13 || minB < NUMPY.get(name)) {
                failures.add(name + String.format(Locale.ROOT, " (coef %.1f, sd %.1f)", minB, minS));
            }
        }
        System.out.println(table);
        assertTrue(failures.isEmpty(), "LRE below 13 or below NumPy: " + failures + "\n" + table);
    }
}
