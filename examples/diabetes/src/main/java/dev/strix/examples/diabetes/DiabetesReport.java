package dev.strix.examples.diabetes;

import dev.strix.ndarray.Nd;
import dev.strix.ndarray.NdArray;
import dev.strix.ndarray.NdRandom;
import dev.strix.ndarray.io.Csv;
import dev.strix.ndarray.io.CsvOptions;
import dev.strix.ndarray.io.CsvTable;
import dev.strix.unikernel.Analysis;
import dev.strix.unikernel.Block;
import dev.strix.unikernel.Blocks;
import dev.strix.unikernel.Console;
import dev.strix.unikernel.DeviceException;
import dev.strix.unikernel.Devices;
import dev.strix.unikernel.KvStore;
import dev.strix.unikernel.Network;
import java.nio.charset.StandardCharsets;
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
 * statistics, the correlation matrix, which baseline variables go with disease progression, a
 * bootstrap interval for the strongest correlation, and progression by sex.
 *
 * <p>Written once against the unikernel devices: it reads the CSV from block device {@code data},
 * writes {@code report.txt}, {@code summary.csv} and {@code correlation.csv} to key-value store
 * {@code results}, prints the report on the console, and, when http device {@code report} is
 * bound, serves the files for {@code serve-seconds} (or until {@code POST /quit}). It never touches
 * a file, a socket or a clock except through its devices, so it runs unchanged as a unix process,
 * a jlink runtime or a qemu VM.
 */
public final class DiabetesReport implements Analysis {
    static final String TARGET = "progression";
    static final int BOOTSTRAP_RESAMPLES = 2000;

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
        Map<String, String> files = analyse(table, seed);

        for (String line : files.get("report.txt").split("\n", -1)) {
            console.println(line);
        }
        KvStore results = devices.kv("results");
        for (Map.Entry<String, String> f : files.entrySet()) {
            results.put(f.getKey(), f.getValue().getBytes(StandardCharsets.UTF_8));
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
        NdArray median = n % 2 == 1 ? sorted.row(n / 2) : sorted.row(n / 2 - 1).add(sorted.row(n / 2)).div(2.0);
        NdArray corr = correlation(x);

        StringBuilder r = new StringBuilder();
        r.append("Diabetes progression report\n");
        r.append("===========================\n");
        r.append(String.format(Locale.ROOT, "%d patients, %d variables; '%s' is disease progression one year after baseline.%n%n",
                n, p, TARGET));
        r.append(String.format(Locale.ROOT, "%-12s %10s %10s %10s %10s %10s%n", "variable", "mean", "std", "min", "median", "max"));
        StringBuilder summary = new StringBuilder("variable,mean,std,min,median,max\n");
        for (int j = 0; j < p; j++) {
            r.append(String.format(Locale.ROOT, "%-12s %10.4f %10.4f %10.4f %10.4f %10.4f%n", names.get(j),
                    mean.getDouble(j), std.getDouble(j), min.getDouble(j), median.getDouble(j), max.getDouble(j)));
            summary.append(String.format(Locale.ROOT, "%s,%.10g,%.10g,%.10g,%.10g,%.10g%n", names.get(j),
                    mean.getDouble(j), std.getDouble(j), min.getDouble(j), median.getDouble(j), max.getDouble(j)));
        }

        r.append(String.format(Locale.ROOT, "%nCorrelation with %s (Pearson r, strongest first):%n", TARGET));
        List<Integer> order = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            if (j != target) {
                order.add(j);
            }
        }
        order.sort(Comparator.comparingDouble((Integer j) -> -Math.abs(corr.getDouble(j, target))).thenComparing(j -> j));
        for (int j : order) {
            double rj = corr.getDouble(j, target);
            r.append(String.format(Locale.ROOT, "  %-6s %+.4f  %s%n", names.get(j), rj, bar(rj)));
        }

        int best = order.get(0);
        double[] ci = bootstrapInterval(x.col(best), x.col(target), seed);
        r.append(String.format(Locale.ROOT, "%nBootstrap 95%% interval for r(%s, %s): [%.4f, %.4f] (%d resamples, percentile method)%n",
                names.get(best), TARGET, ci[0], ci[1], BOOTSTRAP_RESAMPLES));

        int sex = names.indexOf("sex");
        if (sex >= 0) {
            r.append(String.format(Locale.ROOT, "%n%s by sex:%n", TARGET));
            NdArray y = x.col(target);
            NdArray codes = x.col(sex);
            double[] levels = codes.unique().values().toDoubleArray();
            if (levels.length == 2) {
                double[] m = new double[2];
                double[] v = new double[2];
                int[] count = new int[2];
                for (int k = 0; k < 2; k++) {
                    NdArray g = y.get(codes.eq(levels[k]));
                    count[k] = g.shape(0);
                    m[k] = g.mean().item();
                    v[k] = g.var(null, 1, false).item();
                    r.append(String.format(Locale.ROOT, "  sex=%.0f  n=%3d  mean=%9.4f  sd=%8.4f%n", levels[k], count[k], m[k], Math.sqrt(v[k])));
                }
                double se2a = v[0] / count[0];
                double se2b = v[1] / count[1];
                double t = (m[0] - m[1]) / Math.sqrt(se2a + se2b);
                double df = (se2a + se2b) * (se2a + se2b)
                        / (se2a * se2a / (count[0] - 1) + se2b * se2b / (count[1] - 1));
                r.append(String.format(Locale.ROOT, "  Welch t = %.4f on %.2f degrees of freedom%n", t, df));
            }
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
        return files;
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
    private static void serve(Devices devices, Map<String, String> files) throws DeviceException, InterruptedException {
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
            String body = files.get(key);
            if (body == null) {
                return Network.Response.text(404, "no such file; try / " + String.join(" ", files.keySet()) + "\n");
            }
            String type = key.endsWith(".csv") ? "text/csv; charset=utf-8" : "text/plain; charset=utf-8";
            return new Network.Response(200, type, body.getBytes(StandardCharsets.UTF_8));
        })) {
            console.info("serving the report on port " + service.port() + " for " + seconds
                    + " s (GET / or /summary.csv, POST /quit to stop)");
            boolean asked = quit.await(seconds, TimeUnit.SECONDS);
            console.info(asked ? "stopped serving: /quit was posted" : "stopped serving after " + seconds + " s");
        }
    }
}
