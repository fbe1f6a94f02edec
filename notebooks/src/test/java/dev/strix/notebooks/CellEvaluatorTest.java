package dev.strix.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.strix.ndarray.NdArray;

/** Drives the kernel's evaluation directly, without Jupyter or sockets. */
class CellEvaluatorTest {
    static final List<Object> displayed = new ArrayList<>();
    static CellEvaluator eval;

    @BeforeAll
    static void start() {
        eval = new CellEvaluator(displayed::add);
    }

    @AfterAll
    static void stop() {
        eval.close();
    }

    @Test
    void anExpressionIsTheCellsResult() throws Exception {
        assertEquals(2, eval.evaluate("1 + 1"));
    }

    @Test
    void aVariableDefinedInOneCellIsUsedInTheNext() throws Exception {
        assertSame(CellEvaluator.NO_RESULT, eval.evaluate("int answerBase = 21;"));
        assertEquals(42, eval.evaluate("answerBase * 2"));
    }

    @Test
    void manyStatementsInOneCellGiveTheLastExpression() throws Exception {
        Object r = eval.evaluate("var xs = new ArrayList<Integer>();\nfor (int i = 0; i < 4; i++) xs.add(i);\nxs.size()");
        assertEquals(4, r);
        assertSame(CellEvaluator.NO_RESULT, eval.evaluate("System.out.println(\"hi\");"));
    }

    @Test
    void strixIsImportedAndResultsAreLiveObjects() throws Exception {
        Object r = eval.evaluate("var a = Nd.arange(6).reshape(2, 3);\na");
        NdArray a = assertInstanceOf(NdArray.class, r);
        assertEquals(2, a.shape(0));
    }

    @Test
    void anArrayShowsAsAnHtmlTableAndText() throws Exception {
        Rendering r = Rendering.of(eval.evaluate("Nd.arange(6).reshape(2, 3)"));
        String html = (String) r.data().get("text/html");
        assertTrue(html.contains("<table>"), html);
        assertTrue(html.contains("<td>5</td>") || html.contains("<td>5.0</td>"), html);
        assertTrue(((String) r.data().get("text/plain")).contains("shape"), r.data().toString());
    }

    @Test
    void aLargeArrayTableIsTruncatedLikeItsText() throws Exception {
        Rendering r = Rendering.of(eval.evaluate("Nd.arange(10000).reshape(100, 100)"));
        String html = (String) r.data().get("text/html");
        assertTrue(html.contains("⋯") && html.contains("⋮"), html);
        assertTrue(html.length() < 5000, "a 100x100 table is shown as 7x7: " + html.length());
        assertTrue(html.contains("<td>9999") , html);
    }

    @Test
    void aPlotShowsAsPngSvgAndVegaLite() throws Exception {
        Rendering r = Rendering.of(eval.evaluate(
                "var x = Nd.linspace(0, 1, 20);\nPlot.line(x, x.mul(x)).title(\"square\")"));
        String png = (String) r.data().get("image/png");
        byte[] bytes = Base64.getDecoder().decode(png);
        assertEquals((byte) 0x89, bytes[0]);
        assertEquals('P', bytes[1]);
        assertTrue(r.data().containsKey("image/svg+xml"));
        assertTrue(r.data().containsKey("text/plain"));
        assertInstanceOf(Map.class, r.data().get("application/vnd.vegalite.v5+json"));
    }

    @Test
    void displaySendsTheObjectToTheSink() throws Exception {
        displayed.clear();
        eval.evaluate("display(Nd.ones(2));\ndisplay(\"text\");");
        assertEquals(2, displayed.size());
        assertInstanceOf(NdArray.class, displayed.get(0));
    }

    @Test
    void anyMimeBundleObjectIsRenderedWithItsBundle() throws Exception {
        Object o = eval.evaluate(
                "class Md { public Map<String, Object> mimeBundle() { return Map.of(\"text/markdown\", \"**b**\"); } }\nnew Md()");
        Rendering r = Rendering.of(o);
        assertEquals("**b**", r.data().get("text/markdown"));
        assertTrue(r.data().containsKey("text/plain"));
    }

    @Test
    void aCompileErrorNamesTheCellLine() {
        CellException e = assertThrows(CellException.class,
                () -> eval.evaluate("int ok = 1;\n\nint bad = undefinedThing + 1;"));
        assertEquals("CompilationError", e.name());
        assertTrue(e.getMessage().contains("cell line 3"), e.getMessage());
        assertTrue(String.join("\n", e.report()).contains("undefinedThing"), e.toString());
    }

    @Test
    void aCompileErrorInsideAMultiLineSnippetNamesItsLine() {
        CellException e = assertThrows(CellException.class,
                () -> eval.evaluate("int f(int a) {\n  int b = a;\n  return b + \"x\";\n}"));
        assertTrue(e.getMessage().contains("cell line 3"), e.getMessage());
        assertTrue(e.toString().contains("return b + \"x\";"), e.toString());
    }

    @Test
    void callingAMethodWithAnUndefinedNameSaysWhatIsMissing() throws Exception {
        // JShell allows forward references: the method is defined, calling it names what is missing.
        eval.evaluate("int g(int a) {\n  return a + notYetDefined;\n}");
        CellException e = assertThrows(CellException.class, () -> eval.evaluate("1 +\n g(2)"));
        assertTrue(e.getMessage().contains("notYetDefined"), e.getMessage());
        assertTrue(e.getMessage().contains("cell line 1"), e.getMessage());
    }

    @Test
    void aRuntimeErrorNamesTheExceptionAndTheCellLine() {
        CellException e = assertThrows(CellException.class,
                () -> eval.evaluate("int zero = 0;\nint one = 1;\nint boom = one / zero;"));
        assertEquals("java.lang.ArithmeticException", e.name());
        assertTrue(e.getMessage().contains("cell line 3"), e.getMessage());
        assertTrue(e.toString().contains("/ by zero"), e.toString());
    }

    @Test
    void aRuntimeErrorInAMethodPointsAtTheLineInsideIt() {
        CellException e = assertThrows(CellException.class, () -> eval.evaluate(
                "void thrower(int n) {\n  if (n > 0)\n    throw new IllegalStateException(\"n=\" + n);\n}\nthrower(5);"));
        assertEquals("java.lang.IllegalStateException", e.name());
        assertTrue(e.getMessage().startsWith("cell line 3:"), e.getMessage());
        assertTrue(e.toString().contains("at cell line 3\n    at cell line 5"), e.toString());
    }

    @Test
    void aMethodFromAnEarlierCellIsNamedInTheTrace() throws Exception {
        eval.evaluate("void thrower2(int n) {\n  if (n > 0)\n    throw new IllegalStateException(\"n=\" + n);\n}");
        CellException e = assertThrows(CellException.class, () -> eval.evaluate("int k = 2;\nthrower2(k);"));
        assertTrue(e.toString().contains("`void thrower2(int n) {` (an earlier cell), line 3"), e.toString());
        assertTrue(e.toString().contains("at cell line 2"), e.toString());
    }

    @Test
    void strixErrorsKeepTheirMessage() {
        CellException e = assertThrows(CellException.class,
                () -> eval.evaluate("Nd.ones(2, 3).add(Nd.ones(4))"));
        assertTrue(e.getMessage().contains("cell line 1"), e.getMessage());
    }

    @Test
    void incompleteInputIsReported() {
        CellException e = assertThrows(CellException.class, () -> eval.evaluate("int x = 1;\nif (x > 0) {"));
        assertEquals("IncompleteInput", e.name());
        assertTrue(e.getMessage().contains("cell line 2"), e.getMessage());
    }

    @Test
    void anUnknownMagicIsAnError() {
        CellException e = assertThrows(CellException.class, () -> eval.evaluate("%nosuch x"));
        assertTrue(e.getMessage().contains("unknown magic"), e.getMessage());
    }

    @Test
    void classpathMagicAddsAClassFolder(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("src/demo/Greeter.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, "package demo; public class Greeter { public static String hi() { return \"hi from jar\"; } }");
        Path classes = dir.resolve("classes");
        compile(src, classes);
        Object r = eval.evaluate("%classpath " + classes + "\ndemo.Greeter.hi()");
        assertEquals("hi from jar", r);
    }

    @Test
    void aMissingClasspathEntryIsACellError() {
        CellException e = assertThrows(CellException.class, () -> eval.evaluate("\n%jars /no/such/folder/x.jar"));
        assertTrue(e.getMessage().contains("cell line 2"), e.getMessage());
    }

    @Test
    void mavenMagicResolvesAnArtifactAndItsDependencies(@TempDir Path dir) throws Exception {
        // A file repository with demo:greet:1.0, which depends on demo:helper:1.0.
        Path repo = dir.resolve("repo");
        Path helperSrc = dir.resolve("src/demo/helper/Helper.java");
        Files.createDirectories(helperSrc.getParent());
        Files.writeString(helperSrc, "package demo.helper; public class Helper { public static String name() { return \"maven\"; } }");
        Path greetSrc = dir.resolve("src/demo/greet/Greet.java");
        Files.createDirectories(greetSrc.getParent());
        Files.writeString(greetSrc, "package demo.greet; public class Greet { public static String hi() { return \"hi from \" + demo.helper.Helper.name(); } }");
        Path classes = dir.resolve("classes");
        compile(helperSrc, classes);
        compile(greetSrc, classes, "-cp", classes.toString());
        publish(repo, "helper", classes, "demo/helper/Helper.class", "");
        publish(repo, "greet", classes, "demo/greet/Greet.class",
                "<dependencies><dependency><groupId>demo</groupId><artifactId>helper</artifactId><version>1.0</version></dependency></dependencies>");

        eval.useMaven(new MavenMagic(List.of(repo.toUri().toString()), dir.resolve("local")));
        Object r = eval.evaluate("%maven demo:greet:1.0\ndemo.greet.Greet.hi()");
        assertEquals("hi from maven", r);
        assertTrue(Files.isRegularFile(dir.resolve("local/demo/helper/1.0/helper-1.0.jar")));

        CellException e = assertThrows(CellException.class, () -> eval.evaluate("%maven demo:absent:9.9"));
        assertEquals("MavenResolutionError", e.name());
        assertTrue(e.getMessage().contains("cell line 1"), e.getMessage());
    }

    private static void publish(Path repo, String artifact, Path classes, String classFile, String deps) throws IOException {
        Path d = repo.resolve("demo/" + artifact + "/1.0");
        Files.createDirectories(d);
        try (var jar = new java.util.jar.JarOutputStream(Files.newOutputStream(d.resolve(artifact + "-1.0.jar")))) {
            jar.putNextEntry(new java.util.jar.JarEntry(classFile));
            jar.write(Files.readAllBytes(classes.resolve(classFile)));
            jar.closeEntry();
        }
        Files.writeString(d.resolve(artifact + "-1.0.pom"),
                "<project><modelVersion>4.0.0</modelVersion><groupId>demo</groupId><artifactId>" + artifact
                        + "</artifactId><version>1.0</version>" + deps + "</project>");
    }

    static void compile(Path src, Path out, String... extra) throws IOException {
        javax.tools.JavaCompiler c = javax.tools.ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("-d", out.toString()));
        args.addAll(List.of(extra));
        args.add(src.toString());
        int rc = c.run(null, null, null, args.toArray(new String[0]));
        assertEquals(0, rc);
    }
}
