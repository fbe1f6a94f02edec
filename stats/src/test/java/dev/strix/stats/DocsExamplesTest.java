package dev.strix.stats;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
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
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/stats.md honest: every example in it is compiled in-process (javax.tools) against the
 * test classpath and run. Examples are the code spans of the "Example" column of each table and
 * any ```java block (its imports become the imports of the generated class). Declarations the
 * prose introduces (`NdArray x = ...;` in a sentence or a table header "Example (`...`)") become
 * static fields, so an example may use or shadow them. Each example runs in its own static method;
 * a span that is an expression rather than a statement is assigned to an Object.
 */
class DocsExamplesTest {
    private static final Pattern SPAN = Pattern.compile("`([^`]+)`");
    private static final Pattern DECL = Pattern.compile("^([A-Z][\\w.<>]*) (\\w+) = (.+);$");

    static Path docs() {
        for (Path p : List.of(Path.of("../docs/stats.md"), Path.of("docs/stats.md"))) {
            if (Files.exists(p)) {
                return p;
            }
        }
        throw new IllegalStateException("docs/stats.md not found from " + Path.of("").toAbsolutePath());
    }

    record Extracted(List<String> imports, List<String> fields, List<String> examples) {
    }

    static Extracted extract(List<String> lines) {
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

    static String source(Extracted e) {
        StringBuilder s = new StringBuilder("package docs;\n");
        for (String i : e.imports()) {
            s.append(i).append('\n');
        }
        s.append("public final class DocExamples {\n");
        for (String f : e.fields()) {
            s.append("    static ").append(f).append('\n');
        }
        for (int i = 0; i < e.examples().size(); i++) {
            String ex = e.examples().get(i);
            String body = ex.endsWith(";") || ex.endsWith("}") || ex.contains("\n") ? ex : "Object result = " + ex + ";";
            s.append("    // example ").append(i).append('\n');
            s.append("    public static void example").append(i).append("() throws Exception {\n        ")
                    .append(body).append("\n    }\n");
        }
        return s.append("}\n").toString();
    }

    static List<String> classpath() throws IOException {
        List<String> out = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            out.add(entry);
            if (entry.endsWith(".jar") && new File(entry).isFile()) {
                try (JarFile jar = new JarFile(entry)) { // surefire's manifest-only booter jar
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

    @Test
    void everyExampleCompilesAndRuns() throws Exception {
        Extracted e = extract(Files.readAllLines(docs()));
        assertTrue(e.examples().size() >= 70, "found only " + e.examples().size() + " examples");
        assertTrue(e.imports().size() >= 2, "the ```java import block is missing");
        String src = source(e);
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
            fail("docs/stats.md examples do not compile:\n" + diagnostics + "\n--- generated source ---\n" + numbered(src));
        }
        List<String> failures = new ArrayList<>();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            Class<?> c = loader.loadClass("docs.DocExamples");
            for (int i = 0; i < e.examples().size(); i++) {
                Method m = c.getMethod("example" + i);
                try {
                    m.invoke(null);
                } catch (InvocationTargetException ex) {
                    failures.add(e.examples().get(i) + "\n    threw " + ex.getCause());
                }
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " docs/stats.md examples fail when run:\n" + String.join("\n", failures));
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
