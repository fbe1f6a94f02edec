package dev.strix.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.strix.ndarray.Nd;
import dev.strix.ndarray.NdArray;
import dev.strix.plotting.Plot;
import dev.strix.regression.LinearFit;
import dev.strix.regression.Ols;
import dev.strix.stats.Alternative;
import dev.strix.stats.Hypothesis;

/**
 * The IJava start-up script (src/ijava/strix-ijava.jshell), run for real: its text is evaluated
 * snippet by snippet in a JShell with local execution, the way IJava's CodeEvaluator runs start-up
 * scripts, with one substitution: {@code io.github.spencerpark.ijava.IJava} becomes
 * {@link IJavaStandIn}, whose {@code getKernelInstance().getRenderer()} is a jupyter-jvm-basekernel
 * 2.3.0 {@link Renderer}, the class IJava's kernel uses. Then that renderer renders Strix objects.
 *
 * <p>Not tested here (IJava cannot be installed on this machine): IJava's own class path handling
 * of {@code IJAVA_CLASSPATH}, and IJava's class loaders.
 */
class IJavaAdapterTest {
    static final Path SCRIPT = Path.of("src/ijava/strix-ijava.jshell");
    static final String IJAVA_CALL = "io.github.spencerpark.ijava.IJava.getKernelInstance()";
    static final List<String> TYPES = List.of("text/plain", "text/html", "image/png", "image/svg+xml",
            "application/vnd.vegalite.v5+json", "text/markdown");
    static Renderer renderer;
    static JShell shell;

    @BeforeAll
    static void runTheScript() throws Exception {
        String script = Files.readString(SCRIPT, StandardCharsets.UTF_8);
        int at = script.indexOf(IJAVA_CALL);
        assertTrue(at >= 0 && script.indexOf(IJAVA_CALL, at + 1) < 0, "the script calls " + IJAVA_CALL + " once");
        script = script.replace(IJAVA_CALL, IJavaStandIn.class.getName() + ".getKernelInstance()");

        renderer = new Renderer();
        // a renderer registered for a specific type before the script keeps its precedence
        renderer.createRegistration(StringBuilder.class).preferring("text/markdown")
                .register((sb, ctx) -> ctx.getOutputContainer().putMarkdown("**" + sb + "**"));
        IJavaStandIn.set(renderer);

        shell = JShell.builder().executionEngine("local").build();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                shell.addToClasspath(entry);
            }
        }
        eval(script);
    }

    @AfterAll
    static void close() {
        IJavaStandIn.set(null);
        if (shell != null) {
            shell.close();
        }
    }

    /** IJava's CodeEvaluator.eval: complete snippets one by one; anything left must be empty. */
    static void eval(String code) {
        SourceCodeAnalysis sca = shell.sourceCodeAnalysis();
        SourceCodeAnalysis.CompletionInfo info;
        int snippets = 0;
        for (info = sca.analyzeCompletion(code); info.completeness().isComplete();
             info = sca.analyzeCompletion(info.remaining())) {
            for (SnippetEvent e : shell.eval(info.source())) {
                if (e.causeSnippet() != null) {
                    continue;
                }
                if (e.exception() != null) {
                    fail("snippet threw: " + info.source().trim() + "\n" + e.exception());
                }
                if (!e.status().isDefined()) {
                    List<String> diags = new ArrayList<>();
                    shell.diagnostics(e.snippet()).forEach(d -> diags.add(d.getMessage(null)));
                    fail("snippet rejected (" + e.status() + "): " + info.source().trim() + "\n" + diags);
                }
                snippets++;
            }
        }
        assertEquals(SourceCodeAnalysis.Completeness.EMPTY, info.completeness(), "left over: " + info.remaining());
        assertTrue(snippets > 0);
    }

    static List<String> types(DisplayData d) {
        List<String> out = new ArrayList<>();
        for (String t : TYPES) {
            if (d.hasDataForType(MIMEType.parse(t))) {
                out.add(t);
            }
        }
        return out;
    }

    @Test
    void ndarrayRendersAsHtmlTable() {
        DisplayData d = renderer.render(Nd.arange(6).reshape(2, 3));
        assertEquals(List.of("text/plain", "text/html"), types(d));
        String html = (String) d.getData(MIMEType.parse("text/html"));
        assertTrue(html.startsWith("<div class=\"strix-ndarray\"><table>"), html);
    }

    @Test
    void chartRendersAsPngSvgAndVegaLiteWithMetadata() {
        NdArray x = Nd.linspace(0, 1, 20);
        DisplayData d = renderer.render(Plot.line(x, x.mul(x)).title("square"));
        assertEquals(List.of("text/plain", "image/png", "image/svg+xml", "application/vnd.vegalite.v5+json"), types(d));
        byte[] png = Base64.getDecoder().decode((String) d.getData(MIMEType.parse("image/png")));
        assertEquals((byte) 0x89, png[0]);
        assertEquals("PNG", new String(png, 1, 3, StandardCharsets.US_ASCII));
        assertTrue(d.getData(MIMEType.parse("application/vnd.vegalite.v5+json")) instanceof Map);
    }

    @Test
    void renderAsGivesOnlyTheRequestedTypes() {
        NdArray x = Nd.linspace(0, 1, 20);
        DisplayData d = renderer.renderAs(Plot.line(x, x), "image/png");
        assertEquals(List.of("text/plain", "image/png"), types(d));
    }

    @Test
    void fitAndTestResultsRenderAsHtmlTables() {
        NdArray xs = Nd.random(3).gaussian(40, 2);
        NdArray y = xs.get(":, 0").mul(2).add(xs.get(":, 1"));
        LinearFit fit = Ols.fit(xs, y.add(Nd.random(4).gaussian(40)));
        DisplayData d = renderer.render(fit);
        assertEquals(List.of("text/plain", "text/html"), types(d));
        String html = (String) d.getData(MIMEType.parse("text/html"));
        assertEquals(3, html.split("<table", -1).length - 1, html);
        assertTrue(((String) d.getData(MIMEType.parse("text/plain"))).contains("OLS Regression Results"));

        DisplayData t = renderer.render(Hypothesis.tTest(y, 0, Alternative.TWO_SIDED));
        assertTrue(((String) t.getData(MIMEType.parse("text/html"))).startsWith("<table class=\"strix-test\">"));
    }

    @Test
    void otherObjectsKeepTheirTextAndSpecificRenderersWin() {
        assertEquals(List.of("text/plain"), types(renderer.render("plain")));
        DisplayData sb = renderer.render(new StringBuilder("x"));
        assertEquals(List.of("text/plain", "text/markdown"), types(sb));
        assertEquals("**x**", sb.getData(MIMEType.parse("text/markdown")));
        assertNull(sb.getData(MIMEType.parse("text/html")));
    }

    @Test
    void theScriptImportsStrix() {
        List<SnippetEvent> ev = shell.eval("Stats.mean(Nd.of(1, 2, 3)) + Linalg.detValue(Nd.eye(2))");
        assertEquals(1, ev.size());
        assertEquals(Snippet.Status.VALID, ev.get(0).status(), String.valueOf(ev.get(0)));
        assertNotNull(ev.get(0).value());
        assertEquals("3.0", ev.get(0).value());
        assertFalse(shell.eval("BinRule x = null;").get(0).status().isDefined(),
                "BinRule is in stats and plotting: ambiguous, as documented");
    }
}
