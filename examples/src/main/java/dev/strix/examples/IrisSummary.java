package dev.strix.examples;

import dev.strix.ndarray.Nd;
import dev.strix.ndarray.NdArray;
import dev.strix.ndarray.io.Csv;
import dev.strix.ndarray.io.CsvTable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A small real analysis of Fisher's iris data: per-species means and standard deviations, the
 * correlation matrix of the four measurements, and which measurement separates the species best
 * (ratio of between-species to within-species variance, the one-way ANOVA F statistic).
 */
public final class IrisSummary {
    private IrisSummary() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "data/iris.csv");
        CsvTable table = Csv.read(file);
        List<String> features = List.of("sepal_length", "sepal_width", "petal_length", "petal_width");
        NdArray x = table.numeric(features.toArray(new String[0]));
        List<String> species = table.textColumn("species");
        NdArray labels = codes(species);
        List<String> names = species.stream().distinct().toList();

        System.out.printf(Locale.ROOT, "Iris: %d flowers, %d measurements (cm), %d species%n%n",
                x.shape(0), x.shape(1), names.size());
        System.out.println("Overall mean:  " + row(x.mean(0)));
        System.out.println("Overall std:   " + row(x.std(new int[] {0}, 1, false)));
        System.out.println();

        for (int k = 0; k < names.size(); k++) {
            NdArray group = x.get(labels.eq((double) k));           // boolean mask selects the rows
            System.out.printf(Locale.ROOT, "%-11s n=%d%n", names.get(k), group.shape(0));
            System.out.println("  mean:        " + row(group.mean(0)));
            System.out.println("  std:         " + row(group.std(new int[] {0}, 1, false)));
        }
        System.out.println();

        // Pearson correlation: standardise the columns, then Z^T Z / (n - 1).
        NdArray z = x.sub(x.mean(0)).div(x.std(new int[] {0}, 1, false));
        NdArray corr = z.transpose().matmul(z).div(x.shape(0) - 1.0);
        System.out.println("Correlation matrix (" + String.join(", ", features) + "):");
        System.out.println(corr.round(3));
        System.out.println();

        // One-way ANOVA F per measurement: between-group mean square over within-group mean square.
        int n = x.shape(0);
        int g = names.size();
        NdArray grand = x.mean(0);
        NdArray between = Nd.zeros(x.shape(1));
        NdArray within = Nd.zeros(x.shape(1));
        for (int k = 0; k < g; k++) {
            NdArray group = x.get(labels.eq((double) k));
            NdArray m = group.mean(0);
            between = between.add(m.sub(grand).square().mul((double) group.shape(0)));
            within = within.add(group.sub(m).square().sum(0));
        }
        NdArray f = between.div(g - 1.0).div(within.div((double) (n - g)));
        int best = (int) f.argmax().itemLong();
        System.out.println("ANOVA F by measurement: " + row(f));
        System.out.printf(Locale.ROOT, "Best single separator of the species: %s (F = %.1f)%n",
                features.get(best), f.getDouble(best));
    }

    /** Integer codes 0, 1, 2... for the labels, in order of first appearance. */
    static NdArray codes(List<String> labels) {
        List<String> distinct = labels.stream().distinct().toList();
        int[] c = new int[labels.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = distinct.indexOf(labels.get(i));
        }
        return Nd.ofInts(c);
    }

    static String row(NdArray v) {
        StringBuilder sb = new StringBuilder();
        for (double d : v.toDoubleArray()) {
            sb.append(String.format(Locale.ROOT, "%10.4f", d));
        }
        return sb.toString();
    }
}
