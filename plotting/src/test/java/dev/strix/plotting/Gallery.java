package dev.strix.plotting;

import dev.strix.ndarray.Nd;
import dev.strix.ndarray.NdArray;
import dev.strix.ndarray.NdRandom;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The examples of docs/plotting.md, one per chart type, on seeded data. GalleryTest renders and
 * checks them all; with {@code -Dstrix.docs.images=DIR} it also writes them as DIR/NAME.png,
 * which is how docs/images/plotting/ is made (see docs/plotting.md).
 */
final class Gallery {
    private Gallery() {}

    static Map<String, Supplier<Figure>> examples() {
        Map<String, Supplier<Figure>> m = new LinkedHashMap<>();
        m.put("line", () -> {
            NdArray x = Nd.linspace(0, 2 * Math.PI, 200);
            return Plot.line(x, x.sin()).label("sin x")
                    .line(x, x.cos()).label("cos x")
                    .title("Line").xlabel("x").ylabel("y").figure();
        });
        m.put("scatter", () -> {
            NdRandom rng = Nd.random(7);
            NdArray x = rng.gaussian(300);
            NdArray y = x.mul(0.8).add(rng.gaussian(300).mul(0.6));
            NdArray size = rng.uniform(300);
            return Plot.scatter(x, y).colorBy(y.sub(x), "y - x").sizeBy(size)
                    .title("Scatter, coloured and sized by value").xlabel("x").ylabel("y").figure();
        });
        m.put("bar-grouped", () -> Plot.bar(List.of("Q1", "Q2", "Q3", "Q4"),
                        Nd.of(new double[][] {{12, 9, 4}, {15, 11, 6}, {14, 13, 9}, {18, 12, 11}}))
                .seriesNames("north", "south", "west")
                .title("Grouped bars").ylabel("sales").figure());
        m.put("bar-stacked", () -> Plot.bar(List.of("Q1", "Q2", "Q3", "Q4"),
                        Nd.of(new double[][] {{12, 9, 4}, {15, 11, 6}, {14, 13, 9}, {18, 12, 11}}))
                .stacked().seriesNames("north", "south", "west")
                .title("Stacked bars").ylabel("sales").figure());
        m.put("histogram", () -> Plot.histogram(Nd.random(1).gaussian(2000), BinRule.FD)
                .title("Histogram (Freedman-Diaconis bins)").xlabel("value").figure());
        m.put("box", () -> {
            NdRandom rng = Nd.random(3);
            return Plot.box(List.of("control", "dose 1", "dose 2"),
                            rng.gaussian(120), rng.gaussian(120).mul(1.5).add(1), rng.uniform(120).log().neg().add(0.5))
                    .title("Box plots").ylabel("response").figure();
        });
        m.put("heatmap", () -> {
            NdArray i = Nd.arange(0.0, 12.0, 1.0).reshape(12, 1);
            NdArray j = Nd.arange(0.0, 16.0, 1.0).reshape(1, 16);
            NdArray m2 = i.div(3.0).sin().mul(j.div(4.0).cos()).add(i.mul(j).div(100.0)); // (12, 16)
            return Plot.heatmap(m2).label("value").title("Heat map of a 12 x 16 matrix")
                    .xlabel("column").ylabel("row").figure();
        });
        m.put("heatmap-corr", () -> {
            // Eight measurements driven by three hidden factors (size, fitness, age), 500 people.
            NdRandom rng = Nd.random(21);
            NdArray size = rng.gaussian(500, 1);
            NdArray fit = rng.gaussian(500, 1);
            NdArray age = rng.gaussian(500, 1);
            NdArray data = Nd.hstack(
                    size.mul(0.9).add(rng.gaussian(500, 1).mul(0.4)),                    // height
                    size.mul(0.7).sub(fit.mul(0.4)).add(rng.gaussian(500, 1).mul(0.5)),  // weight
                    fit.mul(-0.3).add(size.mul(0.2)).add(rng.gaussian(500, 1).mul(0.8)), // waist-to-height
                    fit.mul(0.8).add(rng.gaussian(500, 1).mul(0.5)),                     // VO2 max
                    fit.mul(-0.7).add(age.mul(0.3)).add(rng.gaussian(500, 1).mul(0.6)),  // resting pulse
                    age.mul(0.9).add(rng.gaussian(500, 1).mul(0.3)),                     // age
                    age.mul(0.6).sub(fit.mul(0.2)).add(rng.gaussian(500, 1).mul(0.7)),   // blood pressure
                    rng.gaussian(500, 1));                                                // shoe colour
            NdArray z = data.sub(data.mean(0)).div(data.std(0));
            NdArray corr = z.transpose().matmul(z).div(500.0);                           // (8, 8)
            List<String> names = List.of("height", "weight", "waist-to-height", "VO2 max", "resting pulse",
                    "age", "blood pressure", "shoe colour");
            return Plot.heatmap(corr).xLabels(names).yLabels(names)
                    .colorRange(-1, 1).diverging(0).annotate("%.2f").label("Pearson r")
                    .title("Correlation matrix").size(640, 560).figure();
        });
        m.put("contour", () -> Plot.contour((x, y) -> Math.sin(x) * Math.cos(y) + 0.1 * x, -3, 3, -3, 3)
                .levels(10).filled().levelLabels().label("f(x, y)")
                .title("Filled contour of sin(x) cos(y) + x/10").xlabel("x").ylabel("y").figure());
        m.put("contour-lines", () -> Plot.contour((x, y) -> x * x + 2 * y * y - x * y, -2, 2, -2, 2)
                .levels(0.5, 1, 2, 3, 4, 6).levelLabels().label("f")
                .title("Contour lines of x² + 2y² - xy, labelled").xlabel("x").ylabel("y").figure());
        m.put("errorbars", () -> {
            NdArray x = Nd.arange(1.0, 9.0, 1.0);
            NdArray y = x.sqrt();
            NdArray err = x.mul(0.03).add(0.1);
            return Plot.line(x, x.sqrt()).label("√x")
                    .errorBars(x, y.add(err.mul(x.mul(1.3).sin())), err).label("mean ± s.e.")
                    .title("Error bars").xlabel("dose").ylabel("effect").figure();
        });
        m.put("stem", () -> {
            NdArray n = Nd.arange(0.0, 30.0, 1.0);
            return Plot.stem(n, n.mul(0.4).cos().mul(n.mul(-0.08).exp()))
                    .title("Stem: a damped cosine").xlabel("n").ylabel("h[n]").figure();
        });
        m.put("area", () -> {
            NdArray x = Nd.linspace(0, 10, 200);
            return Plot.area(x, x.sub(5).square().mul(-0.5).exp()).label("N(5, 1) density × √(2π)")
                    .area(x, x.sub(3).square().mul(-1).exp().mul(0.6)).label("a narrower bump")
                    .title("Area").xlabel("x").figure();
        });
        m.put("qq", () -> Plot.qq(Nd.random(11).uniform(200).log().neg())
                .title("Normal QQ plot of an exponential sample").figure());
        m.put("residuals", () -> {
            NdRandom rng = Nd.random(2);
            NdArray fitted = rng.uniform(150).mul(10);
            NdArray resid = rng.gaussian(150).mul(fitted.mul(0.15).add(0.3));
            return Plot.residuals(fitted, resid).title("Residuals vs fitted (heteroscedastic)").figure();
        });
        m.put("diagnostics", () -> {
            NdRandom rng = Nd.random(4);
            NdArray fitted = rng.uniform(200).mul(10);
            NdArray resid = rng.gaussian(200);
            return Plot.diagnostics(fitted, resid);
        });
        m.put("log-axes", () -> {
            NdArray x = Nd.logspace(0, 4, 50);
            return Plot.line(x, x.pow(1.5)).label("x^1.5").line(x, x.mul(30)).label("30x")
                    .logX().logY().title("Log axes").xlabel("n").ylabel("time").figure();
        });
        m.put("grid", () -> {
            NdRandom rng = Nd.random(9);
            NdArray x = Nd.linspace(0, 10, 100);
            return Figure.grid(2, 2).title("A 2 x 2 grid sharing x per column and y per row").shareX().shareY()
                    .add(Plot.line(x, x.sin()).title("sin").ylabel("y"))
                    .add(Plot.line(x, x.cos()).title("cos"))
                    .add(Plot.scatter(x, x.sin().add(rng.gaussian(100).mul(0.2))).title("noisy sin")
                            .xlabel("x").ylabel("y"))
                    .add(Plot.area(x, x.mul(0.5).sin().abs()).title("|sin(x/2)|").xlabel("x"))
                    .size(800, 560);
        });
        return m;
    }

    /** Writes every example as DIR/NAME.png: {@code Gallery DIR}. */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "docs/images/plotting");
        Files.createDirectories(dir);
        for (Map.Entry<String, Supplier<Figure>> e : examples().entrySet()) {
            e.getValue().get().savePng(dir.resolve(e.getKey() + ".png"));
        }
    }
}
