package dev.strix.plotting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strix.ndarray.Nd;
import dev.strix.plotting.internal.Json;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Method;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The MIME bundle: what a notebook kernel receives. */
class DisplayTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void chartBundleHasPngSvgTextAndVegaLite() throws Exception {
        Chart c = Plot.line(Nd.linspace(0, 1, 10), Nd.linspace(0, 2, 10)).label("y = 2x").title("T").size(300, 200);
        Map<String, Object> b = c.mimeBundle();
        assertTrue(b.keySet().containsAll(List.of(Displayable.PNG, Displayable.SVG, Displayable.TEXT, Displayable.VEGA_LITE)),
                b.keySet().toString());
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode((String) b.get(Displayable.PNG))));
        assertEquals(300, img.getWidth());
        Images.parseSvg((String) b.get(Displayable.SVG));
        assertTrue(((String) b.get(Displayable.TEXT)).contains("line (10 points) \"y = 2x\""), (String) b.get(Displayable.TEXT));
        JsonNode vl = json.readTree(Json.write(b.get(Displayable.VEGA_LITE)));
        assertEquals("https://vega.github.io/schema/vega-lite/v5.json", vl.get("$schema").asText());
        assertEquals("T", vl.get("title").asText());
        JsonNode layer = vl.get("layer").get(0);
        assertEquals(10, layer.get("data").get("values").size());
        assertEquals("series", layer.get("encoding").get("color").get("field").asText());
        assertEquals("y = 2x", layer.get("data").get("values").get(0).get("series").asText());
        assertEquals("y = 2x", layer.get("encoding").get("color").get("scale").get("domain").get(0).asText());
        assertEquals("#0072b2", layer.get("encoding").get("color").get("scale").get("range").get(0).asText());
        Map<String, Object> meta = c.mimeMetadata();
        assertEquals(300L, ((Map<?, ?>) meta.get(Displayable.PNG)).get("width"));
    }

    @Test
    void everyGalleryFigureHasAValidBundle() throws Exception {
        for (Map.Entry<String, Supplier<Figure>> e : Gallery.examples().entrySet()) {
            Map<String, Object> b = e.getValue().get().size(300, 200).mimeBundle();
            assertNotNull(b.get(Displayable.PNG), e.getKey());
            assertNotNull(b.get(Displayable.TEXT), e.getKey());
            Object vl = b.get(Displayable.VEGA_LITE);
            assertNotNull(vl, e.getKey() + " should have a Vega-Lite spec");
            JsonNode node = json.readTree(Json.write(vl));
            assertTrue(node.has("layer") || node.has("vconcat"), e.getKey());
        }
    }

    @Test
    void logAxesAndLimitsReachVegaLite() throws Exception {
        Chart c = Plot.scatter(Nd.of(1, 10, 100), Nd.of(1, 2, 3)).logX().ylim(0, 5).xlabel("n");
        JsonNode x = json.readTree(Json.write(c.vegaLite())).get("layer").get(0).get("encoding").get("x");
        assertEquals("log", x.get("scale").get("type").asText());
        assertEquals("n", x.get("title").asText());
        JsonNode y = json.readTree(Json.write(c.vegaLite())).get("layer").get(0).get("encoding").get("y");
        assertEquals(5, y.get("scale").get("domain").get(1).asInt());
    }

    @Test
    void gridIsConcatenatedInVegaLite() throws Exception {
        Figure f = Figure.grid(1, 2).shareY().add(Plot.line(Nd.of(1, 2))).add(Plot.bar(Nd.of(3, 4)));
        JsonNode vl = json.readTree(Json.write(f.vegaLite()));
        assertEquals(2, vl.get("vconcat").get(0).get("hconcat").size());
        assertEquals("shared", vl.get("vconcat").get(0).get("resolve").get("scale").get("y").asText());
        Figure cols = Figure.grid(2, 1).shareX().add(Plot.line(Nd.of(1, 2))).add(Plot.line(Nd.of(3, 4)));
        JsonNode c = json.readTree(Json.write(cols.vegaLite()));
        assertEquals(2, c.get("hconcat").get(0).get("vconcat").size());
        assertEquals("shared", c.get("hconcat").get(0).get("resolve").get("scale").get("x").asText());
        assertTrue(f.toString().startsWith("Figure 1x2"), f.toString());
    }

    /** The structural contract a kernel uses: a public no-argument mimeBundle() found by reflection. */
    @Test
    void structuralContractIsReachableByReflection() throws Exception {
        Object o = Plot.bar(Nd.of(1, 2, 3));
        Method m = o.getClass().getMethod("mimeBundle");
        assertEquals(Map.class, m.getReturnType());
        Map<?, ?> b = (Map<?, ?>) m.invoke(o);
        assertTrue(b.containsKey("image/png"));
    }

    /** Contours have no Vega-Lite mark: the spec carries the computed lines (and bands), compactly. */
    @Test
    void contoursReachVegaLiteAsComputedLinesAndBands() throws Exception {
        Chart lines = Plot.contour((x, y) -> x * x + y * y, -2, 2, -2, 2).levels(1, 2, 3).label("r²");
        JsonNode vl = json.readTree(Json.write(lines.vegaLite()));
        assertEquals(0, vl.get("layer").get(0).get("mark").get("opacity").asInt(), "invisible corners span the grid");
        JsonNode layer = vl.get("layer").get(1);
        assertEquals("line", layer.get("mark").get("type").asText());
        assertEquals("line", layer.get("encoding").get("detail").get("field").asText());
        JsonNode pts = layer.get("data").get("values");
        java.util.Set<Double> levels = new java.util.TreeSet<>();
        for (JsonNode p : pts) {
            double r2 = p.get("x").asDouble() * p.get("x").asDouble() + p.get("y").asDouble() * p.get("y").asDouble();
            double level = p.get("level").asDouble();
            levels.add(level);
            // Marching squares on a 151-point grid over [-2, 2]: the points lie on their circle to
            // within the grid's interpolation error, 1% here.
            assertEquals(level, r2, 0.01 * level + 2e-3, "a point of level " + level + " on its circle");
        }
        assertEquals(java.util.Set.of(1.0, 2.0, 3.0), levels);
        assertTrue(pts.size() < 800, "simplified polylines: " + pts.size() + " points for 3 circles");
        Chart filled = Plot.contour((x, y) -> x * x + y * y, -2, 2, -2, 2).levels(1, 2, 3).filled();
        JsonNode f = json.readTree(Json.write(filled.vegaLite()));
        JsonNode rect = f.get("layer").get(1);
        assertEquals("rect", rect.get("mark").get("type").asText());
        assertEquals(4, rect.get("encoding").get("color").get("scale").get("domain").size(), "four bands for three levels");
        assertTrue(rect.get("data").get("values").size() < 150 * 150 / 10, "runs of cells, not one rect per cell");
        assertTrue(Json.write(filled.vegaLite()).length() < 400_000, "the spec stays small enough for a notebook");
    }
}
