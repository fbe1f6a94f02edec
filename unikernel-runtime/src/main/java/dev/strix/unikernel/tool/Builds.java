package dev.strix.unikernel.tool;

import java.io.IOException;
import java.io.Writer;
import java.lang.module.ModuleFinder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

/** File and process helpers shared by the targets. */
public final class Builds {
    /** The boot class every target starts. */
    public static final String BOOT_CLASS = "dev.strix.unikernel.Boot";
    static final String VECTOR_MODULE = "jdk.incubator.vector";

    private Builds() {
    }

    /**
     * Writes the boot properties for {@code plan} with host paths (unix and jlink targets): block
     * devices are the bound files, key-value stores the bound folders.
     */
    static Properties hostBoot(Plan plan) {
        Properties p = new Properties();
        p.setProperty("analysis", plan.analysisClass());
        p.setProperty("target", plan.target());
        p.setProperty("entropy", plan.entropy());
        p.setProperty("http.bind", "127.0.0.1");
        plan.bindings().forEach((name, value) -> {
            DeviceSpec d = plan.devices().get(name);
            switch (d.kind()) {
                case "block":
                    p.setProperty("block." + name, value);
                    p.setProperty("block." + name + ".readonly", Boolean.toString(d.readOnly()));
                    break;
                case "kv":
                    p.setProperty("kv." + name, "dir:" + value);
                    break;
                default:
                    p.setProperty("http." + name, value);
            }
        });
        plan.params().forEach((k, v) -> p.setProperty("param." + k, v));
        return p;
    }

    /** Writes properties sorted, without the date comment, so equal inputs give equal bytes. */
    public static void writeProperties(Path file, Properties p, String comment) throws IOException {
        Map<String, String> sorted = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> sorted.put(k, p.getProperty(k)));
        Files.createDirectories(file.getParent());
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("# " + comment + "\n");
            for (Map.Entry<String, String> e : sorted.entrySet()) {
                w.write(escape(e.getKey(), true) + "=" + escape(e.getValue(), false) + "\n");
            }
        }
    }

    private static String escape(String s, boolean key) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || (key && (c == '=' || c == ':' || c == ' ')) || c == '#' || c == '!') {
                sb.append('\\').append(c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c < 0x20 || c > 0x7e) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Whether the JDK the tool runs on has the Vector API module (Strix's fast kernels use it). */
    static boolean jdkHasVectorModule() {
        return ModuleFinder.ofSystem().find(VECTOR_MODULE).isPresent();
    }

    /** The java launcher of the JDK the tool runs on. */
    static Path hostJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    static Path jdkTool(String name) throws ToolException {
        Path tool = Path.of(System.getProperty("java.home"), "bin", name);
        if (!Files.isExecutable(tool)) {
            throw new ToolException(name + " is not in " + tool.getParent() + ": the jlink and qemu targets need a full JDK"
                    + " (not a JRE); run strix with JAVA_HOME set to a JDK 17 or newer");
        }
        return tool;
    }

    /** Copies the jars into {@code libDir} under their file names; names must not collide. */
    static void copyJars(List<Path> classpath, Path libDir) throws IOException, ToolException {
        Files.createDirectories(libDir);
        for (Path jar : classpath) {
            Path dst = libDir.resolve(jar.getFileName().toString());
            if (Files.exists(dst)) {
                throw new ToolException("two jars on the classpath share the name " + jar.getFileName());
            }
            Files.copy(jar, dst, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    /** A fresh staging folder beside {@code dir}, for building before the atomic swap. */
    static Path staging(Path dir) throws IOException {
        Files.createDirectories(dir.getParent());
        Path s = dir.resolveSibling(dir.getFileName() + ".staging");
        deleteTree(s);
        Files.createDirectories(s);
        return s;
    }

    /**
     * Replaces {@code dir} by the finished {@code staging} folder: the old build is moved aside
     * first, so at every moment either the old or the new complete build is in place.
     */
    public static void swapInto(Path staging, Path dir) throws IOException {
        Path old = dir.resolveSibling(dir.getFileName() + ".old");
        deleteTree(old);
        if (Files.exists(dir)) {
            Files.move(dir, old, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot rename " + staging + " to " + dir + " atomically", e);
        }
        deleteTree(old);
    }

    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Total size in bytes of the regular files under {@code dir}. */
    public static long size(Path dir) throws IOException {
        if (Files.isRegularFile(dir)) {
            return Files.size(dir);
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    public static String mib(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }

    /** Runs a short command, returning its output; a non-zero exit is a ToolException with the output. */
    static String capture(List<String> cmd, Path dir) throws ToolException {
        try {
            Process p = new ProcessBuilder(cmd).directory(dir == null ? null : dir.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int code = p.waitFor();
            if (code != 0) {
                throw new ToolException(String.join(" ", cmd) + " failed with exit code " + code + ":\n" + out.strip());
            }
            return out;
        } catch (IOException e) {
            throw new ToolException("cannot run " + cmd.get(0) + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolException("interrupted while running " + cmd.get(0), e);
        }
    }

    /** Runs a command with the terminal attached; returns its exit code. */
    static int runAttached(List<String> cmd, Path dir) throws ToolException {
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).inheritIO().start();
            return p.waitFor();
        } catch (IOException e) {
            throw new ToolException("cannot run " + cmd.get(0) + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolException("interrupted while running " + cmd.get(0), e);
        }
    }
}
