package dev.strix.stats.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Compiles and runs the examples of a docs/*.md page in-process (javax.tools) against the test
 * classpath, so a page cannot drift from the API. Shared by the modules' DocsExamplesTest (other
 * modules get it from strix-stats' test-jar).
 *
 * <p>Examples are the code spans of the "Example" column of each table and every ```java block
 * (its imports become the imports of the generated class). Declarations the prose introduces
 * ({@code `NdArray x = ...;`} in a sentence, or a table header "Example (`...`)") become static
 * fields, initialised in order before any example runs (they may throw checked exceptions), so an
 * example may use or shadow them. Each example runs in its own static method; a span that is an
 * expression rather than a statement is assigned to an Object. What an example prints is captured,
 * not shown, and reported only when it fails.
 */
public final class DocExamples {
    private static final Pattern SPAN = Pattern.compile("`([^`]+)`");
    private static final Pattern DECL = Pattern.compile("^([A-Z][\\w.<>]*) (\\w+) = (.+);$");

    private DocExamples() {}

    /** docs/{@code name} seen from a module's directory (Maven's working directory) or the repository root. */
    public static Path page(String name) {
        for (Path p : List.of(Path.of("..", "docs", name), Path.of("docs", name))) {
            if (Files.exists(p)) {
                return p;
            }
        }
        throw new IllegalStateException("docs/" + name + " not found from " + Path.of("").toAbsolutePath());
    }

    /** The import lines, the prose declarations (as {@code Type name = init;}) and the examples of a page. */
    public record Extracted(List<String> imports, List<String> fields, List<String> examples) {
    }

    public static Extracted extract(List<String> lines) {
        List<String> imports = new ArrayList<>();
        Set<String> fields = new LinkedHashSet<>();
        List<String> examples = new ArrayList<>();
        int exampleCol = -1;
        boolean inJava = false;
        StringBuilder block = new StringBuilder();
        for (String line : lines) {
            if (line.startsWith("```")) {
                if (inJava) {
                    if (block.length() > 0) {
                        examples.add(block.toString());
                    }
                    block.setLength(0);
                }
                inJava = !inJava && line.trim().equals("```java");
                continue;
            }
            if (inJava) {
                if (line.trim().startsWith("import ")) {
                    imports.add(line.trim());
                } else if (!line.isBlank()) {
                    block.append(line).append('\n');
                }
                continue;
            }
            if (line.startsWith("|")) {
                String[] cells = line.split("\\|", -1);
                if (line.contains("Example")) { // a header row
                    exampleCol = -1;
                    for (int i = 0; i < cells.length; i++) {
                        if (cells[i].trim().startsWith("Example")) {
                            exampleCol = i;
                            Matcher m = SPAN.matcher(cells[i]);
                            while (m.find()) {
                                fields.add(m.group(1).trim());
                            }
                        }
                    }
                    continue;
                }
                if (exampleCol >= 0 && exampleCol < cells.length && !cells[exampleCol].trim().startsWith("---")) {
                    Matcher m = SPAN.matcher(cells[exampleCol]);
                    while (m.find()) {
                        examples.add(m.group(1).trim());
                    }
                }
                continue;
            }
            exampleCol = -1;
            Matcher m = SPAN.matcher(line);
            while (m.find()) {
                if (DECL.matcher(m.group(1).trim()).matches()) {
                    fields.add(m.group(1).trim());
                }
            }
        }
        return new Extracted(imports, new ArrayList<>(fields), examples);
    }

    /** The generated class {@code docs.DocExamples}: the fields, then {@code example0()}, {@code example1()}, ... */
    public static String source(Extracted e) {
        StringBuilder s = new StringBuilder("package docs;\n");
        for (String i : e.imports()) {
            s.append(i).append('\n');
        }
        s.append("public final class DocExamples {\n");
        StringBuilder init = new StringBuilder();
        for (String f : e.fields()) {
            Matcher m = DECL.matcher(f);
            if (!m.matches()) {
                throw new IllegalStateException("not a declaration: " + f);
            }
            s.append("    static ").append(m.group(1)).append(' ').append(m.group(2)).append(";\n");
            init.append("            ").append(m.group(2)).append(" = ").append(m.group(3)).append(";\n");
        }
        s.append("    static {\n        try {\n").append(init)
                .append("        } catch (Exception ex) {\n            throw new IllegalStateException(ex);\n        }\n    }\n");
        for (int i = 0; i < e.examples().size(); i++) {
            String ex = e.examples().get(i);
            String body = ex.endsWith(";") || ex.endsWith("}") || ex.contains("\n") ? ex : "Object result = " + ex + ";";
            s.append("    // example ").append(i).append('\n');
            s.append("    public static void example").append(i).append("() throws Exception {\n        ")
                    .append(body).append("\n    }\n");
        }
        return s.append("}\n").toString();
    }

    /** The test JVM's classpath, with the entries of surefire's manifest-only booter jar expanded. */
    public static List<String> classpath() throws IOException {
        List<String> out = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            out.add(entry);
            if (entry.endsWith(".jar") && new File(entry).isFile()) {
                try (JarFile jar = new JarFile(entry)) {
                    Manifest mf = jar.getManifest();
                    String cp = mf == null ? null : mf.getMainAttributes().getValue("Class-Path");
                    if (cp != null) {
                        for (String u : cp.trim().split("\\s+")) {
                            try {
                                out.add(new File(new URL(new URL(new File(entry).toURI().toString()), u).toURI()).getPath());
                            } catch (Exception ignored) {
                                // not a file URL: skip
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    /**
     * Compiles the examples and runs each; fails (JUnit) listing the compiler's diagnostics with the
     * numbered generated source, or every example that threw, with what it printed.
     *
     * @param page the page's name, for the messages
     * @param files file names the examples read (string literals such as {@code "diabetes.csv"}),
     *     each replaced by the path of the copy the test provides
     */
    public static void compileAndRun(String page, Extracted e, Map<String, Path> files) throws Exception {
        String src = source(e);
        for (Map.Entry<String, Path> f : files.entrySet()) {
            String path = f.getValue().toAbsolutePath().toString().replace("\\", "\\\\");
            src = src.replace("\"" + f.getKey() + "\"", "\"" + path + "\"");
        }
        Path dir = Files.createTempDirectory("strix-doc-examples");
        Path file = dir.resolve("docs/DocExamples.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, src);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        List<String> args = List.of("-d", dir.toString(), "-classpath", String.join(File.pathSeparator, classpath()),
                "-proc:none", "-Xlint:none");
        boolean ok = javac.getTask(diagnostics, null, null, args, null, javac.getStandardFileManager(null, null, null)
                .getJavaFileObjects(file.toFile())).call();
        if (!ok) {
            fail("docs/" + page + " examples do not compile:\n" + diagnostics + "\n--- generated source ---\n"
                    + numbered(src));
        }
        List<String> failures = new ArrayList<>();
        PrintStream out = System.out;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
                DocExamples.class.getClassLoader())) {
            Class<?> c = loader.loadClass("docs.DocExamples");
            for (int i = 0; i < e.examples().size(); i++) {
                Method m = c.getMethod("example" + i);
                ByteArrayOutputStream printed = new ByteArrayOutputStream();
                System.setOut(new PrintStream(printed, true, "UTF-8"));
                try {
                    m.invoke(null);
                } catch (InvocationTargetException ex) {
                    Throwable cause = ex.getCause() instanceof ExceptionInInitializerError init && init.getCause() != null
                            ? init.getCause() : ex.getCause();
                    failures.add(e.examples().get(i) + "\n    threw " + cause
                            + (printed.size() > 0 ? "\n    after printing:\n" + printed.toString("UTF-8") : ""));
                } finally {
                    System.setOut(out);
                }
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " docs/" + page + " examples fail when run:\n" + String.join("\n", failures));
        }
    }

    private static String numbered(String src) {
        StringBuilder b = new StringBuilder();
        String[] lines = src.split("\n");
        for (int i = 0; i < lines.length; i++) {
            b.append(String.format("%4d  %s%n", i + 1, lines[i]));
        }
        return b.toString();
    }
}
