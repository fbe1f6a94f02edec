package dev.strix.notebooks;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Evaluates notebook cells with JShell in this JVM, without any socket: the part of the kernel
 * that tests drive directly.
 *
 * <p>A cell is split into JShell snippets; each is compiled and run in order, and the value of the
 * last one, if it is an expression, is the cell's result as a live object. Line magics
 * ({@code %classpath}, {@code %jars}) are lines of their own anywhere in the cell. Errors become
 * {@link CellException}s whose report names the cell line. {@code display(x)} in a cell sends
 * {@code x}'s rendering to the sink given at construction.
 */
public final class CellEvaluator implements AutoCloseable {
    /** The result of a cell that has none (a statement, a declaration, a void call). */
    public static final Object NO_RESULT = new Object() {
        @Override
        public String toString() {
            return "NO_RESULT";
        }
    };

    private static final Pattern MAGIC = Pattern.compile("^\\s*%(\\w+)\\s*(.*?)\\s*$");
    private static volatile CellEvaluator current;

    private final LiveExecutionControl control = new LiveExecutionControl();
    private final JShell shell;
    private final Consumer<Object> displaySink;
    private final List<String> addedClasspath = new ArrayList<>();
    /** Snippet id to {cell number, cell line where the snippet starts}, for stack traces. */
    private final Map<String, int[]> origins = new java.util.HashMap<>();
    private int cellNumber;
    private MavenMagic maven = MavenMagic.fromEnvironment();

    /**
     * A JShell on this JVM's class path with Strix imported.
     *
     * @param displaySink receives each object passed to {@code display(...)} in a cell
     */
    public CellEvaluator(Consumer<Object> displaySink) {
        this.displaySink = Objects.requireNonNull(displaySink);
        ExecutionControlProvider provider = new ExecutionControlProvider() {
            @Override
            public String name() {
                return "strix-live";
            }

            @Override
            public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
                return control;
            }
        };
        this.shell = JShell.builder()
                .executionEngine(provider, Map.of())
                .compilerOptions("-Xlint:none")
                .build();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                shell.addToClasspath(entry);
            }
        }
        current = this;
        try {
            evaluate(startupScript());
        } catch (CellException e) {
            throw new IllegalStateException("the start-up script failed:\n" + e, e);
        }
    }

    static String startupScript() {
        try (InputStream in = CellEvaluator.class.getResourceAsStream("startup.jsh")) {
            return new String(Objects.requireNonNull(in, "startup.jsh").readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The evaluator that cells' {@code display(...)} talks to: the one created last. */
    static CellEvaluator current() {
        return current;
    }

    void display(Object value) {
        displaySink.accept(value);
    }

    /** The JShell behind the cells, for completion and inspection. */
    public JShell shell() {
        return shell;
    }

    /** Class path entries added by magics, in order. */
    public List<String> addedClasspath() {
        return List.copyOf(addedClasspath);
    }

    /**
     * Evaluates one cell.
     *
     * @return the value of the cell's last snippet if it is an expression (possibly null), else
     *     {@link #NO_RESULT}
     * @throws CellException if a snippet does not compile or throws; earlier snippets stay run
     */
    public Object evaluate(String cell) throws CellException {
        current = this;
        cellNumber++;
        String code = runMagics(cell);
        Object result = NO_RESULT;
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        int offset = 0;
        try {
            while (true) {
                offset += firstCodeIndex(code.substring(offset));
                if (offset >= code.length()) {
                    break;
                }
                String rest = code.substring(offset);
                SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
                if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                    break;
                }
                int startLine = lineOf(code, offset);
                if (!info.completeness().isComplete()) {
                    throw new CellException("IncompleteInput", "incomplete input at cell line " + startLine,
                            List.of("Incomplete input at cell line " + startLine + ":",
                                    "    " + rest.strip().lines().findFirst().orElse("")));
                }
                offset += rest.length() - info.remaining().length();
                result = run(info.source(), startLine);
            }
        } finally {
            control.clearValues();
        }
        return result;
    }

    private Object run(String source, int startLine) throws CellException {
        List<SnippetEvent> events = shell.eval(source);
        Object result = NO_RESULT;
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null) {
                continue;
            }
            Snippet snippet = event.snippet();
            origins.put(snippet.id(), new int[] {cellNumber, startLine});
            if (event.status() == Snippet.Status.REJECTED) {
                throw compileError(snippet, startLine);
            }
            if (event.exception() != null) {
                throw runtimeError(event.exception(), snippet, startLine);
            }
            Object value = control.take(event.value());
            boolean expression = snippet instanceof ExpressionSnippet
                    || (snippet instanceof VarSnippet
                        && snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND);
            result = expression ? value : NO_RESULT;
        }
        return result;
    }

    private CellException compileError(Snippet snippet, int startLine) {
        List<String> report = new ArrayList<>();
        String first = null;
        String source = snippet.source();
        List<Diag> diags = shell.diagnostics(snippet).filter(Diag::isError).collect(Collectors.toList());
        for (Diag d : diags) {
            long pos = Math.max(0, d.getStartPosition());
            int line = startLine + lineOf(source, (int) Math.min(pos, source.length())) - 1;
            String message = d.getMessage(Locale.ROOT).lines()
                    .filter(l -> !l.strip().startsWith("location:"))
                    .collect(Collectors.joining(" "));
            if (first == null) {
                first = "cell line " + line + ": " + message;
            }
            report.add("Compile error at cell line " + line + ": " + message);
            String text = source.lines().skip(line - startLine).findFirst().orElse("");
            report.add("    " + text);
            int column = column(source, (int) Math.min(pos, source.length()));
            report.add("    " + " ".repeat(Math.max(0, column)) + "^");
        }
        if (snippet instanceof jdk.jshell.DeclarationSnippet) {
            List<String> unresolved = shell.unresolvedDependencies((jdk.jshell.DeclarationSnippet) snippet)
                    .collect(Collectors.toList());
            if (!unresolved.isEmpty()) {
                report.add("Unresolved at cell line " + startLine + ": " + String.join(", ", unresolved));
                if (first == null) {
                    first = "cell line " + startLine + ": unresolved " + String.join(", ", unresolved);
                }
            }
        }
        if (first == null) {
            first = "cell line " + startLine + ": rejected";
            report.add("Compile error at cell line " + startLine);
        }
        return new CellException("CompilationError", first, report);
    }

    private CellException runtimeError(JShellException e, Snippet snippet, int startLine) {
        String name;
        if (e instanceof EvalException) {
            name = ((EvalException) e).getExceptionClassName();
        } else if (e instanceof UnresolvedReferenceException) {
            name = "UnresolvedReference";
            List<String> unresolved = shell.unresolvedDependencies(((UnresolvedReferenceException) e).getSnippet())
                    .collect(Collectors.toList());
            String message = "cell line " + startLine + ": " + snippet.source().strip().lines().findFirst().orElse("")
                    + " uses what is not defined: " + String.join(", ", unresolved);
            return new CellException(name, message, List.of(message));
        } else {
            name = e.getClass().getName();
        }
        List<String> report = new ArrayList<>();
        String message = e.getMessage();
        report.add(name + (message == null ? "" : ": " + message));
        int line = -1;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t != e) {
                String causeName = t instanceof EvalException ? ((EvalException) t).getExceptionClassName()
                        : t.getClass().getName();
                report.add("Caused by: " + causeName + (t.getMessage() == null ? "" : ": " + t.getMessage()));
            }
            for (StackTraceElement el : t.getStackTrace()) {
                String file = el.getFileName();
                if (file != null && file.startsWith("#")) {
                    String id = file.substring(1);
                    int[] origin = origins.get(id);
                    int l = el.getLineNumber();
                    if (origin != null && origin[0] == cellNumber && l > 0) {
                        int cellLine = origin[1] + l - 1;
                        if (line < 0 && t == e) {
                            line = cellLine;
                        }
                        report.add("    at cell line " + cellLine);
                    } else {
                        report.add("    at " + describe(snippetById(id)) + (l > 0 ? ", line " + l : ""));
                    }
                } else if (!el.getClassName().startsWith("jdk.internal.reflect")
                        && !el.getClassName().startsWith("java.lang.reflect")
                        && !el.getClassName().startsWith("jdk.jshell")
                        && !el.getClassName().startsWith("dev.strix.notebooks")) {
                    report.add("    at " + el);
                }
            }
        }
        if (line < 0) {
            line = startLine;
        }
        report.add(1, "    (thrown at cell line " + line + ")");
        return new CellException(name, "cell line " + line + ": " + (message == null ? name : message), report);
    }

    private Snippet snippetById(String id) {
        return shell.snippets().filter(s -> s.id().equals(id)).findFirst().orElse(null);
    }

    private static String describe(Snippet s) {
        if (s == null) {
            return "an earlier cell";
        }
        String first = s.source().strip().lines().findFirst().orElse("");
        return "`" + (first.length() > 60 ? first.substring(0, 57) + "..." : first) + "` (an earlier cell)";
    }

    private String runMagics(String cell) throws CellException {
        StringBuilder code = new StringBuilder();
        int lineNo = 0;
        for (String line : cell.split("\n", -1)) {
            lineNo++;
            Matcher m = MAGIC.matcher(line);
            if (m.matches()) {
                magic(m.group(1), m.group(2), lineNo);
                code.append('\n'); // keep the cell's line numbers
            } else {
                code.append(line).append('\n');
            }
        }
        return code.toString();
    }

    private void magic(String name, String args, int line) throws CellException {
        switch (name) {
            case "classpath":
            case "jars":
                for (String arg : args.split("\\s+")) {
                    if (arg.isEmpty()) {
                        continue;
                    }
                    List<Path> paths;
                    try {
                        paths = Magics.expand(arg, name.equals("jars"));
                    } catch (IllegalArgumentException e) {
                        throw new CellException("ClasspathError", "cell line " + line + ": %" + name + ": " + e.getMessage(),
                                List.of("%" + name + " at cell line " + line + ": " + e.getMessage()));
                    }
                    for (Path p : paths) {
                        shell.addToClasspath(p.toString());
                        addedClasspath.add(p.toString());
                    }
                }
                break;
            case "maven":
                for (String coords : args.split("\\s+")) {
                    if (coords.isEmpty()) {
                        continue;
                    }
                    List<Path> jars;
                    try {
                        jars = maven.resolve(coords);
                    } catch (Exception e) {
                        String why = e.getMessage() == null ? e.toString() : e.getMessage();
                        throw new CellException("MavenResolutionError", "cell line " + line + ": %maven " + coords + ": " + why,
                                List.of("%maven " + coords + " at cell line " + line + " failed:", "    " + why));
                    }
                    for (Path p : jars) {
                        if (!addedClasspath.contains(p.toString())) {
                            shell.addToClasspath(p.toString());
                            addedClasspath.add(p.toString());
                        }
                    }
                }
                break;
            default:
                throw new CellException("UnknownMagic", "cell line " + line + ": unknown magic %" + name,
                        List.of("Unknown magic %" + name + " at cell line " + line
                                + " (known: %classpath, %jars, %maven)"));
        }
    }

    /** Index of the first character that is not whitespace ({@code s.length()} if none). */
    private static int firstCodeIndex(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** 1-based line of {@code index} in {@code s}. */
    private static int lineOf(String s, int index) {
        int line = 1;
        for (int i = 0; i < index && i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int column(String s, int index) {
        int col = 0;
        for (int i = Math.min(index, s.length()) - 1; i >= 0 && s.charAt(i) != '\n'; i--) {
            col++;
        }
        return col;
    }

    /** Where {@code %maven} resolves from and to (tests use a file repository). */
    void useMaven(MavenMagic magic) {
        this.maven = magic;
    }

    /** Interrupts the running cell (it stops where it checks its interrupt flag). */
    public void interrupt() {
        control.interruptRunning();
    }

    @Override
    public void close() {
        shell.close();
        if (current == this) {
            current = null;
        }
    }
}
