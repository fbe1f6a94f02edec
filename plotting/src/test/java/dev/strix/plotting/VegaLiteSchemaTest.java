package dev.strix.plotting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.strix.ndarray.Nd;
import dev.strix.ndarray.NdArray;
import dev.strix.plotting.internal.Json;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every Vega-Lite spec the module emits validates against the official Vega-Lite v5 JSON schema
 * (draft-07), taken from the {@code org.webjars:vega-lite} jar (test scope), not from the web.
 */
class VegaLiteSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws Exception {
        Properties pom = new Properties();
        try (InputStream in = VegaLiteSchemaTest.class.getResourceAsStream(
                "/META-INF/maven/org.webjars/vega-lite/pom.properties")) {
            assertNotNull(in, "the org.webjars:vega-lite jar is not on the test classpath");
            pom.load(in);
        }
        String version = pom.getProperty("version");
        assertTrue(version.startsWith("5."), "Vega-Lite v5 schema expected, got " + version);
        String path = "/META-INF/resources/webjars/vega-lite/" + version + "/vega-lite-schema.json";
        try (InputStream in = VegaLiteSchemaTest.class.getResourceAsStream(path)) {
            assertNotNull(in, path + " is missing from the vega-lite WebJar");
            JsonNode node = JSON.readTree(in);
            assertEquals("http://json-schema.org/draft-07/schema#", node.get("$schema").asText());
            // The schema's $refs are resolved lazily, as validation reaches them: preloading them
            // all expands Vega-Lite's deeply shared definitions past gigabytes of heap.
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().preloadJsonSchema(false).build();
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(node, config);
        }
    }

    /** The validation errors of a spec, as text (empty when valid). */
    static String errors(Map<String, Object> spec) throws Exception {
        JsonNode node = JSON.readTree(Json.write(spec));
        Set<ValidationMessage> msgs = schema.validate(node);
        return msgs.stream().map(ValidationMessage::toString).sorted().collect(Collectors.joining("\n"));
    }

    /** Specs that are not valid Vega-Lite must be rejected: the check can fail. */
    @Test
    void theSchemaRejectsInvalidSpecs() throws Exception {
        Map<String, Object> good = new LinkedHashMap<>(Plot.line(Nd.of(1, 2, 3)).vegaLite());
        assertEquals("", errors(good));
        Map<String, Object> badMark = new LinkedHashMap<>(good);
        badMark.put("layer", List.of(Map.of("mark", "contour", "data", Map.of("values", List.of()))));
        assertFalse(errors(badMark).isEmpty(), "an unknown mark must not validate");
        Map<String, Object> badType = new LinkedHashMap<>(good);
        badType.put("width", "wide");
        assertFalse(errors(badType).isEmpty(), "a width that is not a number or a keyword must not validate");
    }

    @TestFactory
    Stream<DynamicTest> everyGallerySpecValidates() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, Supplier<Figure>> e : Gallery.examples().entrySet()) {
            tests.add(DynamicTest.dynamicTest(e.getKey(), () -> {
                Map<String, Object> spec = e.getValue().get().vegaLite();
                assertNotNull(spec, e.getKey() + " has no Vega-Lite spec");
                assertEquals("", errors(spec), e.getKey());
            }));
        }
        return tests.stream();
    }

    /** Options the gallery does not show: unlabelled layers, limits, log axes, every kind of grid. */
    @TestFactory
    Stream<DynamicTest> variantsValidate() {
        NdArray x = Nd.linspace(1, 10, 20);
        NdArray y = x.sqrt();
        Map<String, Supplier<Map<String, Object>>> cases = new LinkedHashMap<>();
        cases.put("unlabelled line", () -> Plot.line(y).vegaLite());
        cases.put("multi-column line", () -> Plot.line(x, Nd.stack(1, x, y)).label("k").vegaLite());
        cases.put("limits", () -> Plot.scatter(x, y).xlim(2, 5).ylim(0, 3).vegaLite());
        cases.put("log axes with limits", () -> Plot.line(x, y).logX().logY().ylim(1, 4).vegaLite());
        cases.put("scatter colour only", () -> Plot.scatter(x, y).colorBy(y).vegaLite());
        cases.put("scatter diverging colour with range", () -> Plot.scatter(x, y).colorBy(y.sub(2), "d")
                .colorRange(-2, 2).diverging(0).vegaLite());
        cases.put("heat map of names, annotated, diverging", () -> Plot.heatmap(Nd.of(new double[][] {{1, -0.5}, {-0.5, 1}}))
                .xLabels("a", "b").yLabels("a", "b").annotate().diverging(0).label("r").vegaLite());
        cases.put("heat map with a colour range", () -> Plot.heatmap(Nd.random(2).gaussian(3, 4)).colorRange(0, 1).vegaLite());
        cases.put("contour lines by index", () -> Plot.contour(Nd.random(3).gaussian(20, 30)).levels(3).label("z").vegaLite());
        cases.put("filled contour, diverging, in a grid", () -> Figure.grid(1, 2).shareY()
                .add(Plot.contour((a, b) -> a * b, -1, 1, -1, 1).filled().diverging(0).levelLabels())
                .add(Plot.line(y)).vegaLite());
        cases.put("contour lines with limits on log axes", () -> Plot.contour((a, b) -> a + b, 1, 10, 1, 10).logX()
                .ylim(2, 8).vegaLite());
        cases.put("scatter size only", () -> Plot.scatter(x, y).sizeBy(y).label("pts").vegaLite());
        cases.put("single bars", () -> Plot.bar(Nd.of(3, 1, 2)).vegaLite());
        cases.put("labelled bars on log y", () -> Plot.bar(Nd.of(3, 1, 2)).label("n").logY().vegaLite());
        cases.put("box of a matrix", () -> Plot.box(Nd.random(1).gaussian(30, 3)).vegaLite());
        cases.put("histogram with edges", () -> Plot.histogram(y, Nd.of(0.0, 2, 4)).label("h").vegaLite());
        cases.put("heat map with NaN", () -> Plot.heatmap(Nd.of(new double[][] {{1, Double.NaN}, {3, 4}})).vegaLite());
        cases.put("errors with bounds", () -> Plot.errorBars(x, y, y.sub(0.1), y.add(0.2)).vegaLite());
        cases.put("stem by index", () -> Plot.stem(y).label("h").vegaLite());
        cases.put("grid shareX", () -> Figure.grid(2, 2).shareX().add(Plot.line(y)).add(Plot.scatter(x, y))
                .add(Plot.area(x, y)).add(Plot.stem(y)).vegaLite());
        cases.put("grid shareY", () -> Figure.grid(2, 2).shareY().title("t").add(Plot.line(y)).add(Plot.bar(Nd.of(1, 2)))
                .add(Plot.qq(y)).vegaLite());
        cases.put("grid shareX shareY", () -> Figure.grid(2, 1).shareX().shareY().add(Plot.line(y))
                .add(Plot.residuals(x, y)).vegaLite());
        cases.put("grid unshared", () -> Figure.grid(1, 3).add(Plot.line(y)).set(0, 2, Plot.histogram(y)).vegaLite());
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, Supplier<Map<String, Object>>> e : cases.entrySet()) {
            tests.add(DynamicTest.dynamicTest(e.getKey(), () -> {
                Map<String, Object> spec = e.getValue().get();
                assertNotNull(spec, e.getKey());
                assertEquals("", errors(spec), e.getKey());
            }));
        }
        return tests.stream();
    }
}
