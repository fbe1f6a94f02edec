package dev.strix.unikernel.tool;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The jlink target: a self-contained folder with a runtime trimmed to the JDK modules the
 * analysis uses (found by {@code jdeps}), its jars, its boot file and a launcher,
 * {@code bin/<name>}, that runs on a machine with no JDK.
 *
 * <pre>
 * target/strix/jlink/
 *   runtime/            jlink output (--strip-debug --no-header-files --no-man-pages, CDS archive)
 *   app/lib/*.jar
 *   boot.properties
 *   bin/&lt;name&gt;
 * </pre>
 */
public final class JlinkTarget implements Target {
    /** Modules the runtime always gets: the boot code's own needs that jdeps cannot see in config. */
    static final List<String> ALWAYS = List.of("java.base", "jdk.httpserver", "java.net.http");
    static final String STAMP = ".strix-modules";

    @Override
    public String name() {
        return "jlink";
    }

    @Override
    public List<String> check(Plan plan) {
        List<String> problems = new ArrayList<>();
        for (String tool : List.of("jlink", "jdeps")) {
            if (!Files.isExecutable(Path.of(System.getProperty("java.home"), "bin", tool))) {
                problems.add(tool + " is missing from " + System.getProperty("java.home")
                        + ": run strix with JAVA_HOME set to a full JDK 17 or newer");
            }
        }
        return problems;
    }

    @Override
    public String build(Plan plan, List<Path> classpath, Progress progress) throws ToolException {
        Path out = plan.buildDir();
        try {
            Path staging = Builds.staging(out);
            Path runtime = staging.resolve("runtime");
            List<String> modules = linkRuntime(classpath, runtime, out.resolve("runtime"), false, progress);
            Builds.copyJars(classpath, staging.resolve("app").resolve("lib"));
            Builds.writeProperties(staging.resolve("boot.properties"), Builds.hostBoot(plan),
                    "strix boot file for " + plan.name() + " on target jlink");
            writeLauncher(staging.resolve("bin").resolve(plan.name()));
            Builds.swapInto(staging, out);
            long rt = Builds.size(out.resolve("runtime"));
            long app = Builds.size(out.resolve("app"));
            return "jlink: runtime " + Builds.mib(rt) + " (modules " + String.join(",", modules) + "), app "
                    + Builds.mib(app) + " (" + classpath.size() + " jars), total " + Builds.mib(rt + app)
                    + "; launcher " + out.resolve("bin").resolve(plan.name());
        } catch (IOException e) {
            throw new ToolException("building the jlink target in " + out + " failed: " + e, e);
        }
    }

    /**
     * The runtime that goes into the qemu image, linked into {@code target/strix/qemu-runtime}
     * (reused while the JDK and the modules stay the same). It has neither a CDS archive nor the
     * Vector API module: under QEMU's software emulation neither shortened the boot (measured), the
     * guest JVM runs C1 only, where Vector API code is not compiled to vector instructions, and each
     * would add megabytes the emulated guest has to unpack.
     */
    public static Path runtimeForImage(Plan plan, List<Path> classpath, Progress progress) throws ToolException {
        Path dir = plan.buildDir().resolveSibling("qemu-runtime");
        try {
            Path staging = Builds.staging(dir);
            linkRuntime(classpath, staging.resolve("runtime"), dir.resolve("runtime"), true, progress);
            Builds.swapInto(staging, dir);
            return dir.resolve("runtime");
        } catch (IOException e) {
            throw new ToolException("linking the image's runtime in " + dir + " failed: " + e, e);
        }
    }

    /**
     * Writes a trimmed runtime for {@code classpath} to {@code output} (which must not exist). When
     * {@code previous} holds a runtime linked from the same JDK with the same modules, it is copied
     * instead of linked again. {@code forImage} leaves out the CDS archive and the Vector API (see
     * {@link #runtimeForImage}). Returns the modules.
     */
    public static List<String> linkRuntime(List<Path> classpath, Path output, Path previous, boolean forImage,
            Progress progress) throws ToolException, IOException {
        List<String> modules = new ArrayList<>(modulesFor(classpath, progress));
        if (forImage) {
            modules.remove(Builds.VECTOR_MODULE);
        }
        String stamp = System.getProperty("java.home") + " " + System.getProperty("java.version") + " " + modules
                + (forImage ? " image" : " cds");
        if (previous != null && Files.isRegularFile(previous.resolve(STAMP))
                && Files.readString(previous.resolve(STAMP), StandardCharsets.UTF_8).equals(stamp)) {
            progress.step("reusing the runtime linked before (same JDK, same modules)");
            copyTree(previous, output);
            return modules;
        }
        progress.step("linking a runtime with " + String.join(",", modules) + " (jlink)");
        List<String> cmd = new ArrayList<>(List.of(Builds.jdkTool("jlink").toString(),
                "--add-modules", String.join(",", modules), "--strip-debug", "--no-header-files", "--no-man-pages",
                "--generate-cds-archive", "--output", output.toString()));
        if (forImage) {
            cmd.remove("--generate-cds-archive");
        }
        try {
            Builds.capture(cmd, null);
        } catch (ToolException e) {
            if (forImage) {
                throw e;
            }
            // Some JDK builds cannot dump a CDS archive; the runtime works without one, only starts slower.
            cmd.remove("--generate-cds-archive");
            Builds.deleteTree(output);
            progress.step("jlink could not generate a CDS archive; linking without it");
            Builds.capture(cmd, null);
        }
        // jlink dumps two CDS archives; the one for -XX:-UseCompressedOops (heaps over 32 GB) is
        // 11 MB that a deployed analysis never uses (the JVM runs without CDS if it were needed).
        Files.deleteIfExists(output.resolve("lib").resolve("server").resolve("classes_nocoops.jsa"));
        Files.writeString(output.resolve(STAMP), stamp, StandardCharsets.UTF_8);
        return List.copyOf(modules);
    }

    /** The JDK modules the jars need, by {@code jdeps}, plus {@link #ALWAYS} and the Vector API. */
    static List<String> modulesFor(List<Path> classpath, Progress progress) throws ToolException {
        progress.step("finding the JDK modules the analysis uses (jdeps)");
        String cp = String.join(java.io.File.pathSeparator, classpath.stream().map(Path::toString).toList());
        List<String> cmd = new ArrayList<>(List.of(Builds.jdkTool("jdeps").toString(), "--print-module-deps",
                "--ignore-missing-deps", "--multi-release", Integer.toString(Runtime.version().feature()),
                "--class-path", cp));
        classpath.forEach(p -> cmd.add(p.toString()));
        String out = Builds.capture(cmd, null).strip();
        String last = out.isEmpty() ? "" : out.lines().reduce((a, b) -> b).orElse("");
        TreeSet<String> modules = new TreeSet<>(ALWAYS);
        for (String m : last.split(",")) {
            if (!m.isBlank()) {
                if (!m.strip().matches("[a-z][a-z0-9_.]*")) {
                    throw new ToolException("jdeps printed an unexpected module list: " + out);
                }
                modules.add(m.strip());
            }
        }
        if (Builds.jdkHasVectorModule()) {
            modules.add(Builds.VECTOR_MODULE);
        }
        return List.copyOf(modules);
    }

    private static void writeLauncher(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        StringBuilder opts = new StringBuilder();
        for (String o : UnixTarget.jvmOptions()) {
            opts.append(' ').append(o);
        }
        String script = "#!/bin/sh\n"
                + "# Runs the analysis on the runtime beside it; needs no JDK on the machine.\n"
                + "here=\"$(cd \"$(dirname \"$0\")/..\" && pwd)\"\n"
                + "exec \"$here/runtime/bin/java\"" + opts + " $STRIX_JAVA_OPTS -cp \"$here/app/lib/*\" "
                + Builds.BOOT_CLASS + " \"$here/boot.properties\"\n";
        Files.writeString(file, script, StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException ignored) {
            // Not a POSIX file system: the launcher is a shell script anyway.
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path dst = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dst);
                } else {
                    Files.copy(p, dst, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    @Override
    public int run(Plan plan, Progress progress) throws ToolException {
        Path launcher = plan.buildDir().resolve("bin").resolve(plan.name());
        if (!Files.isExecutable(launcher)) {
            throw new ToolException("the jlink target of " + plan.analysisDir() + " is not built; run strix build -t jlink");
        }
        return Builds.runAttached(List.of(launcher.toString()), plan.analysisDir());
    }
}
