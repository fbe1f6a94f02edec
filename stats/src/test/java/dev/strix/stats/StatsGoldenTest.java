package dev.strix.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.strix.ndarray.NdArray;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every descriptive statistic against NumPy 1.24 / SciPy 1.10 (golden/descriptive.json, made by
 * golden/make_stats_golden.py). Tolerances are carried per case: 1e-12 relative for sums and
 * moments (Strix's compensated sums may differ from NumPy's pairwise ones in the last digits),
 * 1e-10 for skewness and kurtosis (ratios of moments), exact for ranks.
 */
class StatsGoldenTest {

    @TestFactory
    Stream<DynamicTest> descriptiveCases() {
        return Golden.load("descriptive.json").stream()
                .map(c -> DynamicTest.dynamicTest(c.toString(), () -> check(c)));
    }

    private static void check(Golden.Case c) {
        assertNull(c.error(), "no descriptive case expects an error");
        NdArray x = c.in("x");
        Integer axis = c.has("axis") ? c.params().get("axis").asInt() : null;
        int ddof = c.has("ddof") ? c.params().get("ddof").asInt() : 0;
        boolean bias = !c.has("bias") || c.params().get("bias").asBoolean();
        NdArray got;
        switch (c.op()) {
            case "mean" -> got = axis == null ? scalar(Stats.mean(x)) : Stats.mean(x, axis);
            case "median" -> got = axis == null ? scalar(Stats.median(x)) : Stats.median(x, axis);
            case "var" -> got = axis == null ? scalar(Stats.var(x, ddof)) : Stats.var(x, ddof, axis);
            case "std" -> got = axis == null ? scalar(Stats.std(x, ddof)) : Stats.std(x, ddof, axis);
            case "zscore" -> got = axis == null ? Stats.zscore(x, ddof) : Stats.zscore(x, ddof, axis);
            case "skewness" -> got = axis == null ? scalar(Stats.skewness(x, bias)) : Stats.skewness(x, axis, bias);
            case "kurtosis" -> got = axis == null ? scalar(Stats.kurtosis(x, bias)) : Stats.kurtosis(x, axis, bias);
            case "iqr" -> got = axis == null ? scalar(Stats.iqr(x)) : Stats.iqr(x, axis);
            case "mad" -> {
                double scale = c.params().get("scale").isTextual() ? Stats.MAD_NORMAL_SCALE : c.params().get("scale").asDouble();
                got = axis == null ? scalar(Stats.mad(x, scale)) : Stats.mad(x, axis, scale);
            }
            case "quantile" -> {
                double q = c.params().get("q").asDouble();
                QuantileMethod m = QuantileMethod.valueOf(c.params().get("method").asText().toUpperCase(Locale.ROOT));
                got = axis == null ? scalar(Stats.quantile(x, q, m)) : Stats.quantile(x, q, axis, m);
            }
            case "minmax" -> got = Stats.minMaxScale(x, axis);
            case "rank" -> {
                Ties t = Ties.valueOf(c.params().get("method").asText().toUpperCase(Locale.ROOT));
                got = axis == null ? Stats.rank(x, t) : Stats.rank(x, t, axis);
            }
            case "nanmean" -> got = axis == null ? scalar(Stats.nanMean(x)) : Stats.nanMean(x, axis);
            case "nanmedian" -> got = axis == null ? scalar(Stats.nanMedian(x)) : Stats.nanMedian(x, axis);
            case "nanvar" -> got = axis == null ? scalar(Stats.nanVar(x, ddof)) : Stats.nanVar(x, ddof, axis);
            case "nanstd" -> got = axis == null ? scalar(Stats.nanStd(x, ddof)) : Stats.nanStd(x, ddof, axis);
            case "nanquantile" -> got = axis == null
                    ? scalar(Stats.nanQuantile(x, 0.3, QuantileMethod.LINEAR))
                    : Stats.nanQuantile(x, 0.3, axis, QuantileMethod.LINEAR);
            case "weighted_mean" -> got = scalar(Stats.weightedMean(x, c.in("w")));
            case "weighted_var" -> got = scalar(Stats.weightedVar(x, c.in("w")));
            case "cov" -> got = Stats.cov(x, ddof);
            case "corr" -> got = Stats.corr(x, Correlation.valueOf(c.params().get("method").asText().toUpperCase(Locale.ROOT)));
            case "autocorr" -> got = scalar(Stats.autocorr(x, c.params().get("lag").asInt()));
            case "histogram" -> {
                Histogram h;
                if (c.params().get("bins").isTextual()) {
                    h = Stats.histogram(x, BinRule.valueOf(c.params().get("bins").asText().toUpperCase(Locale.ROOT)));
                } else if (c.has("range")) {
                    h = Stats.histogram(x, c.params().get("bins").asInt(),
                            c.params().get("range").get(0).asDouble(), c.params().get("range").get(1).asDouble());
                } else {
                    h = Stats.histogram(x, c.params().get("bins").asInt());
                }
                assertEquals(c.out("counts"), h.counts(), "counts of " + c);
                Golden.assertClose(c.out("edges"), h.edges(), c.rtol(), c.atol(), c);
                return;
            }
            case "ecdf" -> {
                Ecdf e = Stats.ecdf(x);
                Golden.assertClose(c.out("values"), e.values(), 0, 0, c);
                Golden.assertClose(c.out("probabilities"), e.probabilities(), 1e-15, 0, c);
                Golden.assertClose(c.out("at"), e.evaluate(c.in("t")), 1e-15, 0, c);
                return;
            }
            case "mode" -> {
                Stats.Mode m = Stats.mode(x);
                assertEquals(c.out("value").item(), m.value(), c.toString());
                assertEquals(c.out("count").itemLong(), m.count(), c.toString());
                return;
            }
            default -> throw new AssertionError("unknown op " + c.op());
        }
        Golden.assertClose(c.out("out"), got, c.rtol(), c.atol(), c);
    }

    private static NdArray scalar(double v) {
        return NdArray.wrap(new double[] {v});
    }
}
