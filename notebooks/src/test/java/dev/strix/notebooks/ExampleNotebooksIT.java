package dev.strix.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Executes the example notebooks for real: the kernelspec Maven built (target/kernel) is installed
 * under a scratch prefix and Debian's {@code jupyter nbconvert --execute} runs each notebook in
 * {@code examples/}. Fails on any error output or stderr, and checks the MIME types each notebook
 * must show. Runs in the package phase (after target/kernel/lib is filled), so its name ends in IT.
 *
 * <p>Without Jupyter the test is skipped with a message, except under CI=true, where it fails:
 * CI must install the Debian packages jupyter-nbconvert, python3-nbclient and jupyter-client.
 */
class ExampleNotebooksIT {
    static final Path MODULE = Path.of("").toAbsolutePath();
    static final Path KERNEL = MODULE.resolve("target/kernel");
    static final Path SCRATCH = MODULE.resolve("target/notebook-run");
    static String jupyter;

    @BeforeAll
    static void installKernel() throws Exception {
        jupyter = findJupyter();
        if (jupyter == null) {
            String msg = "jupyter with nbconvert and nbclient not found; install the Debian packages "
                    + "jupyter-nbconvert python3-nbclient jupyter-client to execute the example notebooks";
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true: " + msg);
            }
            System.err.println("SKIPPED ExampleNotebooksIT: " + msg);
            Assumptions.abort(msg);
        }
        assertTrue(Files.isRegularFile(KERNEL.resolve("kernel.json")), "no kernelspec at " + KERNEL);
        deleteTree(SCRATCH);
        Files.createDirectories(SCRATCH);
        run(List.of(jupyter, "kernelspec", "install", "--prefix", SCRATCH.resolve("prefix").toString(),
                "--name", "strix", KERNEL.toString()), 60);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "array-basics,   text/html text/plain,                                              5, ''",
        "linear-algebra, text/html text/plain image/png,                                    6, ''",
        "figure-gallery, image/png image/svg+xml application/vnd.vegalite.v5+json text/plain, 8, ''",
        "statistics,     text/html text/plain image/png,                                    8, strix-test strix-anova describe",
        "regression,     text/html text/plain image/png,                                    7, simpletable strix-cv strix-fit",
    })
    void exampleNotebookExecutesCleanly(String name, String mimeTypes, int minOutputs, String tableClasses)
            throws Exception {
        Path in = MODULE.resolve("examples").resolve(name + ".ipynb");
        Path outDir = SCRATCH.resolve("out");
        long t0 = System.nanoTime();
        run(List.of(jupyter, "nbconvert", "--to", "notebook", "--execute",
                "--ExecutePreprocessor.timeout=300", "--ExecutePreprocessor.kernel_name=strix",
                "--output-dir", outDir.toString(), in.toString()), 600);
        System.out.printf("%s executed in %.1f s%n", name, (System.nanoTime() - t0) / 1e9);

        JsonNode nb = new ObjectMapper().readTree(outDir.resolve(name + ".ipynb").toFile());
        Set<String> seen = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        List<String> html = new ArrayList<>();
        int rich = 0;
        for (JsonNode cell : nb.get("cells")) {
            if (!"code".equals(cell.get("cell_type").asText())) {
                continue;
            }
            String src = String.join("", textOf(cell.get("source")));
            for (JsonNode out : cell.get("outputs")) {
                String type = out.get("output_type").asText();
                if ("error".equals(type)) {
                    problems.add("error in cell `" + firstLine(src) + "`: " + out.get("ename").asText() + ": "
                            + out.get("evalue").asText());
                } else if ("stream".equals(type) && "stderr".equals(out.get("name").asText())) {
                    problems.add("stderr in cell `" + firstLine(src) + "`: " + String.join("", textOf(out.get("text"))));
                } else if (out.has("data")) {
                    rich++;
                    out.get("data").fieldNames().forEachRemaining(seen::add);
                    if (out.get("data").has("text/html")) {
                        html.add(String.join("", textOf(out.get("data").get("text/html"))));
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        for (String mime : mimeTypes.trim().split("\\s+")) {
            assertTrue(seen.contains(mime), name + " shows no " + mime + "; it shows " + seen);
        }
        assertTrue(rich >= minOutputs, name + ": " + rich + " rich outputs, expected at least " + minOutputs);
        // fit and test results must show as their HTML tables, not only as text
        for (String cls : tableClasses.trim().split("\\s+")) {
            if (!cls.isEmpty()) {
                assertTrue(html.stream().anyMatch(h -> h.contains("<table class=\"" + cls + "\">")),
                        name + " shows no HTML table of class " + cls);
            }
        }
    }

    private static List<String> textOf(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        } else {
            out.add(node.asText());
        }
        return out;
    }

    private static String firstLine(String s) {
        return s.strip().lines().findFirst().orElse("");
    }

    /** /usr/bin/jupyter (or jupyter on PATH) if nbconvert and nbclient answer, else null. */
    static String findJupyter() {
        List<String> candidates = new ArrayList<>(List.of("/usr/bin/jupyter"));
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            candidates.add(Path.of(dir, "jupyter").toString());
        }
        for (String c : candidates) {
            if (!Files.isExecutable(Path.of(c))) {
                continue;
            }
            try {
                ProcessBuilder pb = new ProcessBuilder(c, "nbconvert", "--version");
                pb.redirectErrorStream(true);
                Process p = pb.start();
                p.getInputStream().readAllBytes();
                if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    Process q = new ProcessBuilder(pythonOf(c), "-c", "import nbclient, jupyter_client")
                            .redirectErrorStream(true).start();
                    q.getInputStream().readAllBytes();
                    if (q.waitFor(60, TimeUnit.SECONDS) && q.exitValue() == 0) {
                        return c;
                    }
                }
            } catch (IOException | InterruptedException e) {
                // try the next
            }
        }
        return null;
    }

    /** The Python that runs the jupyter script (its #! line), not whatever python3 is first on PATH. */
    static String pythonOf(String script) throws IOException {
        String first = Files.readAllLines(Path.of(script), StandardCharsets.UTF_8).stream().findFirst().orElse("");
        if (first.startsWith("#!")) {
            String[] parts = first.substring(2).trim().split("\\s+");
            if (parts.length > 0 && parts[0].endsWith("python3")) {
                return parts[0];
            }
        }
        return "python3";
    }

    static String run(List<String> command, int timeoutSeconds) throws Exception {
        return run(SCRATCH, command, timeoutSeconds);
    }

    /** Runs a command with Jupyter confined to {@code scratch}; fails on a non-zero exit or a timeout. */
    static String run(Path scratch, List<String> command, int timeoutSeconds) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.putAll(jupyterEnv(scratch));
        pb.redirectErrorStream(true);
        Path log = Files.createTempFile(scratch, "run", ".log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("timed out after " + timeoutSeconds + " s: " + command + "\n" + Files.readString(log));
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), "failed: " + command + "\n" + output);
        return output;
    }

    /** Jupyter looks only in the scratch prefix, never in the user's own folders. */
    static Map<String, String> jupyterEnv(Path scratch) {
        Map<String, String> env = new HashMap<>();
        env.put("JUPYTER_PATH", scratch.resolve("prefix/share/jupyter").toString());
        env.put("JUPYTER_DATA_DIR", scratch.resolve("data").toString());
        env.put("JUPYTER_CONFIG_DIR", scratch.resolve("config").toString());
        env.put("JUPYTER_RUNTIME_DIR", scratch.resolve("runtime").toString());
        env.put("JUPYTER_PLATFORM_DIRS", "1");
        env.put("IPYTHONDIR", scratch.resolve("ipython").toString());
        return env;
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var walk = Files.walk(root)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
