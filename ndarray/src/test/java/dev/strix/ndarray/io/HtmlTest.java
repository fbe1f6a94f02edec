package dev.strix.ndarray.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class HtmlTest {

    @Test
    void escapesTheFiveSpecialCharacters() {
        assertEquals("a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39;", Html.escape("a <b> & \"c\" 'd'"));
        assertEquals("plain ü ⋯", Html.escape("plain ü ⋯"));
        assertEquals("", Html.escape(null));
        assertEquals("&amp;amp;", Html.escape("&amp;"));
    }

    @Test
    void linesJoinsEscapedLinesWithBreaks() {
        assertEquals("a &lt; b<br/>c<br/>", Html.lines("a < b\nc\r\n"));
    }

    @Test
    void tableIsWellFormedXhtmlWithHeadBodyAndMixedCells() throws Exception {
        Html.Table t = Html.table("simple \"x\"").caption("R&D <results>");
        t.headRow().td("").th("coef").th("P>|t|");
        t.row().th("x<1>").td("1.5").td(null);
        t.row("b", "2", "0.03");
        String h = t.toString();
        assertEquals("<table class=\"simple &quot;x&quot;\"><caption>R&amp;D &lt;results&gt;</caption>"
                + "<thead><tr><td></td><th>coef</th><th>P&gt;|t|</th></tr></thead>"
                + "<tbody><tr><th>x&lt;1&gt;</th><td>1.5</td><td></td></tr>"
                + "<tr><th>b</th><td>2</td><td>0.03</td></tr></tbody></table>", h);
        Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(h.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        assertEquals("simple \"x\"", root.getAttribute("class"));
        assertEquals("R&D <results>", root.getElementsByTagName("caption").item(0).getTextContent());
        NodeList ths = root.getElementsByTagName("th");
        assertEquals("P>|t|", ths.item(1).getTextContent());
        assertEquals("x<1>", ths.item(2).getTextContent());
        assertEquals(3, t.rows());
    }

    @Test
    void noCssClassAndNoHead() {
        assertEquals("<table><tbody><tr><th>a</th><td>1</td></tr></tbody></table>",
                Html.table(null).row("a", "1").toString());
    }

    @Test
    void textFormAlignsColumns() {
        Html.Table t = Html.table("t").caption("Title");
        t.headRow().td("").th("coef").th("p");
        t.row("const", "-1.25", "0.5");
        t.row("a<b", "10", "");
        assertEquals("Title\n"
                + "        coef    p\n"
                + "const  -1.25  0.5\n"
                + "a<b       10\n", t.toText());
    }
}
