package dev.strix.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The rich display (mimeBundle) of TestResult and AnovaTable: the HTML is parsed as XML (so it is
 * well-formed) and checked row by row and cell by cell; values are the records' own fields, given
 * here, so the test checks layout, formatting and escaping, not the statistics.
 */
class ResultDisplayTest {

    static Element parse(String xhtml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xhtml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
    }

    static List<List<String>> rows(Element table) {
        List<List<String>> out = new ArrayList<>();
        NodeList trs = table.getElementsByTagName("tr");
        for (int r = 0; r < trs.getLength(); r++) {
            List<String> cells = new ArrayList<>();
            for (Node n = trs.item(r).getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element) {
                    cells.add(((Element) n).getTagName() + ":" + n.getTextContent());
                }
            }
            out.add(cells);
        }
        return out;
    }

    @Test
    void welchTestWithInterval() throws Exception {
        TestResult r = new TestResult("Welch two-sample t-test", -2.5, 0.0153, 17.3, Double.NaN,
                Alternative.TWO_SIDED, -1.12, -3.25, -0.4, 0.95);
        Map<String, Object> m = r.mimeBundle();
        Element t = parse((String) m.get("text/html"));
        assertEquals("table", t.getTagName());
        assertEquals("Welch two-sample t-test", t.getElementsByTagName("caption").item(0).getTextContent());
        assertEquals(List.of(
                List.of("th:statistic", "td:-2.5"),
                List.of("th:p-value", "td:0.0153"),
                List.of("th:df", "td:17.3"),
                List.of("th:alternative", "td:two-sided"),
                List.of("th:effect size", "td:-1.12"),
                List.of("th:95% CI", "td:[-3.25, -0.4]")), rows(t));
        assertEquals("Welch two-sample t-test\n"
                + "statistic             -2.5\n"
                + "p-value             0.0153\n"
                + "df                    17.3\n"
                + "alternative      two-sided\n"
                + "effect size          -1.12\n"
                + "95% CI       [-3.25, -0.4]\n", m.get("text/plain"));
    }

    @Test
    void fTestShowsBothDfAndOmitsWhatIsUndefined() throws Exception {
        TestResult r = new TestResult("Levene <median> & co", 3.1, 1.23456789e-7, 2, 27, Alternative.GREATER,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        String h = (String) r.mimeBundle().get("text/html");
        assertFalse(h.contains("<median>"));
        Element t = parse(h);
        assertEquals("Levene <median> & co", t.getElementsByTagName("caption").item(0).getTextContent());
        assertEquals(List.of(
                List.of("th:statistic", "td:3.1"),
                List.of("th:p-value", "td:1.23457e-07"),
                List.of("th:df (numerator)", "td:2"),
                List.of("th:df (denominator)", "td:27"),
                List.of("th:alternative", "td:greater")), rows(t));
    }

    @Test
    void oneSidedIntervalShowsInfinity() throws Exception {
        TestResult r = new TestResult("one-sample t-test", 1, 0.2, 9, Double.NaN, Alternative.LESS, 0.3,
                Double.NEGATIVE_INFINITY, 2.5, 0.9);
        List<List<String>> rows = rows(parse((String) r.mimeBundle().get("text/html")));
        assertEquals(List.of("th:alternative", "td:less"), rows.get(3));
        assertEquals(List.of("th:90% CI", "td:[-inf, 2.5]"), rows.get(5));
    }

    @Test
    void anovaTable() throws Exception {
        AnovaTable a = new AnovaTable(2, 27, 3.6, 4.5, 1.8, 1.0 / 6, 10.8, 3.5e-4, 0.444444444, 0.40824829);
        Map<String, Object> m = a.mimeBundle();
        Element div = parse((String) m.get("text/html"));
        Element t = (Element) div.getElementsByTagName("table").item(0);
        assertEquals("One-way ANOVA", t.getElementsByTagName("caption").item(0).getTextContent());
        assertEquals(List.of(
                List.of("td:", "th:df", "th:sum sq", "th:mean sq", "th:F", "th:p-value"),
                List.of("th:between groups", "td:2", "td:3.6", "td:1.8", "td:10.8", "td:0.00035"),
                List.of("th:within groups", "td:27", "td:4.5", "td:0.166667", "td:", "td:"),
                List.of("th:total", "td:29", "td:8.1", "td:", "td:", "td:")), rows(t));
        assertEquals("R-squared 0.444444, residual sd 0.408248",
                div.getElementsByTagName("p").item(0).getTextContent());
        String text = (String) m.get("text/plain");
        assertEquals("One-way ANOVA", text.lines().findFirst().orElseThrow());
        assertEquals("between groups   2     3.6       1.8  10.8  0.00035", text.lines().skip(2).findFirst().orElseThrow());
    }
}
