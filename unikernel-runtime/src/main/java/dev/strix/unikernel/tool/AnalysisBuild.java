package dev.strix.unikernel.tool;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Builds an analysis folder (a module of the Strix Maven build) with the repository's Maven
 * wrapper, and returns its runtime classpath: the analysis jar, the modules it uses and their
 * third-party jars. Runs with the JDK the tool runs on, so the classes, jdeps and jlink agree.
 */
final class AnalysisBuild {
    static final String CLASSPATH_FILE = "target/strix-classpath.txt";

    private AnalysisBuild() {
    }

    static List<Path> classpath(Path repoRoot, Path analysisDir, Progress progress) throws ToolException {
        if (!Files.isRegularFile(analysisDir.resolve("pom.xml"))) {
            throw new ToolException(analysisDir + " has no pom.xml: an analysis folder is a Maven module of this"
                    + " repository (listed in the root pom.xml's <modules>)");
        }
        Path rel = repoRoot.relativize(analysisDir);
        if (rel.startsWith("..")) {
            throw new ToolException(analysisDir + " is outside the repository " + repoRoot);
        }
        Path mvnw = repoRoot.resolve("mvnw");
        if (!Files.isRegularFile(mvnw)) {
            throw new ToolException("no Maven wrapper at " + mvnw + "; run strix from a Strix checkout");
        }
        Path log = analysisDir.resolve("target").resolve("strix").resolve("maven.log");
        List<String> cmd = List.of("bash", mvnw.toString(), "-B", "-q", "-f", repoRoot.resolve("pom.xml").toString(),
                "-pl", rel.toString().replace('\\', '/'), "-am", "-Dmaven.test.skip=true",
                "package", "dependency:build-classpath",
                "-Dmdep.outputFile=" + CLASSPATH_FILE, "-DincludeScope=runtime");
        progress.step("building " + rel + " with Maven (the first build downloads dependencies; log: "
                + repoRoot.relativize(log) + ")");
        int code;
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(repoRoot.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
            code = pb.start().waitFor();
        } catch (IOException e) {
            throw new ToolException("cannot start Maven (" + String.join(" ", cmd) + "): " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolException("interrupted while building " + rel, e);
        }
        if (code != 0) {
            throw new ToolException("building " + rel + " failed (Maven exit code " + code + "); the end of "
                    + log + ":\n" + tail(log, 30));
        }
        List<Path> cp = new ArrayList<>();
        cp.add(moduleJar(analysisDir));
        Path cpFile = analysisDir.resolve(CLASSPATH_FILE);
        try {
            String text = Files.readString(cpFile, StandardCharsets.UTF_8).strip();
            if (!text.isEmpty()) {
                for (String entry : text.split(java.io.File.pathSeparator)) {
                    cp.add(Path.of(entry));
                }
            }
        } catch (IOException e) {
            throw new ToolException("Maven wrote no classpath file " + cpFile + ": " + e, e);
        }
        for (Path p : cp) {
            if (!Files.isRegularFile(p)) {
                throw new ToolException("the classpath of " + rel + " names " + p + ", which is not a jar file");
            }
        }
        return cp;
    }

    private static Path moduleJar(Path analysisDir) throws ToolException {
        try (Stream<Path> s = Files.list(analysisDir.resolve("target"))) {
            return s.filter(p -> p.getFileName().toString().endsWith(".jar"))
                    .filter(p -> !p.getFileName().toString().endsWith("-sources.jar"))
                    .max((a, b) -> Long.compare(a.toFile().lastModified(), b.toFile().lastModified()))
                    .orElseThrow(() -> new ToolException("Maven built no jar in " + analysisDir.resolve("target")));
        } catch (IOException e) {
            throw new ToolException("cannot list " + analysisDir.resolve("target") + ": " + e, e);
        }
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }
}
