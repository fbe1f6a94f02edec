package dev.strix.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strix.ndarray.NdArray;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The HTML summaries against statsmodels 0.13.5's {@code summary().as_html()}, cell by cell
 * (golden/statsmodels_html.json, written by make_html_goldens.py from the same fits as
 * statsmodels_goldens.json). Our HTML is parsed with the JDK's XML parser, which also proves it
 * is well-formed XHTML; statsmodels' own HTML is not (an unescaped {@code P>|t|}), so the
 * generator parsed it with Python's HTML parser.
 */
class HtmlSummaryTest {
    private static final ZonedDateTime WHEN = ZonedDateTime.of(2026, 11, 25, 23, 31, 21, 0, ZoneOffset.UTC);
    private static JsonNode html;

    static synchronized JsonNode html() {
        if (html == null) {
            try (InputStream in = HtmlSummaryTest.class.getResourceAsStream("/golden/statsmodels_html.json")) {
                html = new ObjectMapper().readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return html;
    }

    static JsonNode goldenTables(String kind, String name) {
        for (JsonNode c : html().get(kind)) {
            if (c.get("name").asText().equals(name)) {
                return c.get("tables");
            }
        }
        throw new AssertionError("no HTML golden for " + kind + " " + name);
    }

    /** A parsed table: caption (or null) and rows of cells "th:text" / "td:text". */
    record Table(String caption, List<List<String>> rows) {
    }

    static Element parse(String xhtml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(xhtml.getBytes(StandardCharsets.UTF_8)));
            return d.getDocumentElement();
        } catch (Exception e) {
            throw new AssertionError("not well-formed XHTML: " + e.getMessage() + "\n" + xhtml, e);
        }
    }

    static List<Table> tables(Element root) {
        List<Table> out = new ArrayList<>();
        NodeList ts = root.getElementsByTagName("table");
        for (int i = 0; i < ts.getLength(); i++) {
            Element t = (Element) ts.item(i);
            NodeList caps = t.getElementsByTagName("caption");
            String caption = caps.getLength() == 0 ? null : caps.item(0).getTextContent();
            List<List<String>> rows = new ArrayList<>();
            NodeList trs = t.getElementsByTagName("tr");
            for (int r = 0; r < trs.getLength(); r++) {
                List<String> cells = new ArrayList<>();
                for (Node n = trs.item(r).getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element) {
                        Element e = (Element) n;
                        assertTrue(e.getTagName().equals("th") || e.getTagName().equals("td"), e.getTagName());
                        assertEquals(0, e.getElementsByTagName("*").getLength(), "markup inside a cell");
                        cells.add(e.getTagName() + ":" + e.getTextContent());
                    }
                }
                rows.add(cells);
            }
            out.add(new Table(caption, rows));
        }
        return out;
    }

    static Table golden(JsonNode t) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode r : t.get("rows")) {
            List<String> cells = new ArrayList<>();
            r.forEach(c -> cells.add(c.get(0).asText() + ":" + c.get(1).asText()));
            rows.add(cells);
        }
        return new Table(t.get("caption").isNull() ? null : t.get("caption").asText(), rows);
    }

    static Stream<JsonNode> olsCases() {
        return StreamSupport.stream(Golden.root().get("ols").spliterator(), false);
    }

    /** Header, coefficient and diagnostics tables equal statsmodels' cell by cell (Date/Time aside). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("olsCases")
    void linearFitMatchesStatsmodelsAsHtml(JsonNode c) {
        String name = c.get("name").asText();
        LinearFit f = OlsTest.fit(c);
        List<Table> ours = tables(parse(f.summaryHtml(0.05, WHEN)));
        assertEquals(3, ours.size(), name + ": tables");
        assertTablesMatch(name, goldenTables("ols", name), ours, name.equals("rank_deficient"));
    }

    /**
     * Our tables equal statsmodels', caption and cells, except the Date and Time values (checked
     * against WHEN) and, when {@code condNoise}, the rounding-noise condition number.
     */
    static void assertTablesMatch(String name, JsonNode gold, List<Table> ours, boolean condNoise) {
        assertEquals(gold.size(), ours.size(), name + ": tables");
        for (int i = 0; i < ours.size(); i++) {
            Table want = golden(gold.get(i));
            Table got = ours.get(i);
            assertEquals(want.caption(), got.caption(), name + " table " + i + " caption");
            assertEquals(want.rows().size(), got.rows().size(), name + " table " + i + " rows");
            for (int r = 0; r < want.rows().size(); r++) {
                List<String> w = want.rows().get(r);
                List<String> g = got.rows().get(r);
                if (i == 0 && (w.get(0).equals("th:Date:") || w.get(0).equals("th:Time:"))) {
                    assertEquals(w.get(0), g.get(0));
                    String v = g.get(1);
                    assertEquals(w.get(0).equals("th:Date:") ? "td:Wed, 25 Nov 2026" : "td:23:31:21", v);
                    w = w.subList(2, w.size());
                    g = g.subList(2, g.size());
                }
                if (condNoise && w.size() > 2 && w.get(2).equals("th:Cond. No.")) {
                    // the smallest singular value is rounding noise; see OlsTest
                    w = w.subList(0, 3);
                    g = g.subList(0, 3);
                }
                assertEquals(w, g, name + " table " + i + " row " + r);
            }
        }
    }

    /** The notes paragraph holds the text summary's notes, line breaks as {@code <br/>}. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("olsCases")
    void linearFitNotesMatchTheTextSummary(JsonNode c) {
        LinearFit f = OlsTest.fit(c);
        Element root = parse(f.summaryHtml(0.05, WHEN));
        NodeList ps = root.getElementsByTagName("p");
        assertEquals(1, ps.getLength());
        StringBuilder text = new StringBuilder();
        for (Node n = ps.item(0).getFirstChild(); n != null; n = n.getNextSibling()) {
            text.append(n instanceof Element && ((Element) n).getTagName().equals("br") ? "\n" : n.getTextContent());
        }
        String summary = f.summary(0.05, WHEN);
        String expected = summary.substring(summary.indexOf("\nNotes:") + 1);
        if (c.get("name").asText().equals("rank_deficient")) {
            expected = expected.replaceAll("eigenvalue is +\\S+\\.", "#");
            assertEquals(expected, text.toString().replaceAll("eigenvalue is +\\S+\\.", "#"));
        } else {
            assertEquals(expected, text.toString());
        }
    }

    @Test
    void linearFitMimeBundleHasHtmlAndTheTextSummary() {
        JsonNode c = olsCases().filter(n -> n.get("name").asText().equals("diabetes_bmi_bp_s5")).findFirst().orElseThrow();
        Map<String, Object> m = OlsTest.fit(c).mimeBundle();
        assertEquals(List.of("text/html", "text/plain"), new ArrayList<>(m.keySet()));
        assertEquals(3, tables(parse((String) m.get("text/html"))).size());
        String text = (String) m.get("text/plain");
        assertTrue(text.startsWith("                            OLS Regression Results"), text);
        assertEquals(c.get("summary").asText().lines().count(), text.lines().count());
    }

    /** A dependent-variable and column names with markup are escaped, not interpreted. */
    @Test
    void namesAreEscaped() {
        NdArray x = NdArray.wrap(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 2, 1, 4, 3, 6, 5, 8, 7}, 8, 2);
        NdArray y = NdArray.wrap(new double[] {1.1, 2.3, 2.9, 4.2, 5.1, 5.8, 7.2, 7.9}, 8);
        LinearFit f = Ols.model(x, y).names("<b>x</b>", "a&b").yName("y \"q\" 'r'").fit();
        String h = f.summaryHtml(0.05, WHEN);
        assertFalse(h.contains("<b>"), h);
        assertTrue(h.contains("&lt;b&gt;x&lt;/b&gt;") && h.contains("a&amp;b") && h.contains("P&gt;|t|"), h);
        List<Table> t = tables(parse(h));
        assertEquals(List.of("th:Dep. Variable:", "td:y \"q\" 'r'", "th:R-squared:"), t.get(0).rows().get(0).subList(0, 3));
        assertEquals("th:<b>x</b>", t.get(1).rows().get(2).get(0));
        assertEquals("th:a&b", t.get(1).rows().get(3).get(0));
    }

    static Stream<JsonNode> glmCases() {
        return StreamSupport.stream(Golden.root().get("glm").spliterator(), false);
    }

    /** Both tables equal statsmodels' (Logit's for logistic regression, GLM's for Poisson) cell by cell. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("glmCases")
    void glmFitMatchesStatsmodelsAsHtml(JsonNode c) {
        String name = c.get("name").asText();
        NdArray x = Golden.array(c.get("X")).get(":, 1:").copy();
        NdArray y = Golden.array(c.get("y"));
        List<String> names = Golden.strings(c.get("names"));
        GlmFit f = c.get("family").asText().equals("binomial")
                ? Glm.logistic(x, y, names.subList(1, names.size()))
                : Glm.poisson(x, y, names.subList(1, names.size()));
        List<Table> ours = tables(parse(f.summaryHtml(0.05, WHEN)));
        assertTablesMatch(name, goldenTables("glm", name), ours, false);
        for (Table t : ours) {
            for (List<String> r : t.rows()) {
                pairsOrParams(r);
            }
        }
        Map<String, Object> bundle = f.mimeBundle();
        assertEquals(List.of("text/html", "text/plain"), new ArrayList<>(bundle.keySet()));
        assertTrue(((String) bundle.get("text/plain")).contains(ours.get(0).caption()));
    }

    /** A header row is label/value pairs; a coefficient row a name then values, or the head row. */
    private static void pairsOrParams(List<String> r) {
        if (r.get(0).equals("td:")) {
            assertTrue(r.subList(1, r.size()).stream().allMatch(c -> c.startsWith("th:")), r.toString());
            return;
        }
        if (r.size() == 7) {
            assertTrue(r.get(0).startsWith("th:") && r.subList(1, 7).stream().allMatch(c -> c.startsWith("td:")), r.toString());
            return;
        }
        pairs(new Table(null, List.of(r)));
    }

    private static Map<String, String> pairs(Table t) {
        Map<String, String> m = new HashMap<>();
        for (List<String> r : t.rows()) {
            for (int i = 0; i + 1 < r.size(); i += 2) {
                if (!r.get(i).startsWith("th:") || !r.get(i + 1).startsWith("td:")) {
                    fail("not a label/value pair: " + r);
                }
                m.put(r.get(i).substring(3), r.get(i + 1).substring(3));
            }
        }
        return m;
    }

    @Test
    void penalizedAndCvResultsAreTables() {
        NdArray x = NdArray.wrap(new double[] {1, 0, 2, 1, 3, 0, 4, 1, 5, 0, 6, 1, 7, 0, 8, 1}, 8, 2);
        NdArray y = NdArray.wrap(new double[] {1, 2.1, 2.9, 4.2, 5, 6.1, 6.8, 8.1}, 8);
        PenalizedFit fit = new PenalizedFit(0.5, 1.0, 0.25, NdArray.wrap(new double[] {0.875, 0}, 2), 12, true);
        Map<String, Object> m = fit.mimeBundle();
        List<Table> t = tables(parse("<div>" + m.get("text/html") + "</div>"));
        assertEquals("Lasso fit", t.get(0).caption());
        assertEquals(List.of("th:lambda", "td:0.5"), t.get(0).rows().get(0));
        assertEquals(List.of("th:non-zero coefficients", "td:1 of 2"), t.get(0).rows().get(2));
        assertEquals(List.of(List.of("td:", "th:coef"), List.of("th:const", "td:0.25"), List.of("th:x1", "td:0.875"),
                List.of("th:x2", "td:0")), t.get(1).rows());
        assertEquals("Lasso fit\nlambda                    0.5\nl1Ratio                     1\n"
                + "non-zero coefficients  1 of 2\nsweeps                     12\nconverged                 yes\n"
                + "        coef\nconst   0.25\nx1     0.875\nx2         0\n", m.get("text/plain"));

        PenalizedFit other = new PenalizedFit(2.0, 1.0, 1.5, NdArray.wrap(new double[] {0.5, 0}, 2), 7, true);
        CvResult cv = new CvResult(new double[] {2.0, 0.5}, new double[] {3.0, 1.25}, new double[] {0.5, 0.125},
                0.5, 2.0, fit, other, List.of(other, fit));
        List<Table> ct = tables(parse((String) cv.mimeBundle().get("text/html")));
        assertEquals("Lasso cross-validation (2 lambdas)", ct.get(0).caption());
        List<List<String>> rows = ct.get(0).rows();
        assertEquals(List.of("td:", "th:lambda_min", "th:lambda_1se"), rows.get(0));
        assertEquals(List.of("th:lambda", "td:0.5", "td:2"), rows.get(1));
        assertEquals(List.of("th:CV mean squared error", "td:1.25", "td:3"), rows.get(2));
        assertEquals(List.of("th:its standard error", "td:0.125", "td:0.5"), rows.get(3));
        assertEquals(List.of("th:x1", "td:0.875", "td:0.5"), rows.get(6));
        assertEquals(8, rows.size());
    }

    @Test
    void nlsFitIsATable() {
        NlsFit f = new NlsFit(NdArray.wrap(new double[] {238.94, 5.5e-4}, 2), NdArray.wrap(new double[] {2.7, 7.3e-6}, 2),
                0.1, 14, 9, false, "step < 1e-12 but <cond> > 1e10 & worse");
        String h = (String) f.mimeBundle().get("text/html");
        assertTrue(h.contains("&lt;cond&gt; &gt; 1e10 &amp; worse"), h);
        List<Table> t = tables(parse(h));
        assertEquals(List.of("th:converged", "td:NO"), t.get(0).rows().get(4));
        assertEquals(List.of(List.of("td:", "th:estimate", "th:std err"), List.of("th:b1", "td:238.94", "td:2.7"),
                List.of("th:b2", "td:0.00055", "td:7.3e-06")), t.get(1).rows());
    }
}
