package dev.strix.unikernel.qemu;

import dev.strix.unikernel.tool.ToolException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A minimal jlink'd runtime (java.base only) for the image tests, built once into
 * {@code target/test-runtime} with the JDK running the tests. The lead's JlinkTarget replaces
 * this in the real tool.
 */
final class TestRuntime {
    private TestRuntime() {
    }

    static synchronized Path get() throws ToolException {
        Path dir = Path.of("target", "test-runtime").toAbsolutePath();
        if (Files.isRegularFile(dir.resolve("bin/java"))) {
            return dir;
        }
        Path jlink = Path.of(System.getProperty("java.home"), "bin", "jlink");
        DebianPackages.deleteTree(dir);
        DebianPackages.Tools.run(List.of(jlink.toString(), "--add-modules", "java.base", "--strip-debug",
                "--no-header-files", "--no-man-pages", "--compress=2", "--output", dir.toString()), null, 300,
                "jlink for the test runtime");
        return dir;
    }

    static long size() throws IOException {
        try (var s = Files.walk(get0())) {
            long t = 0;
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                t += Files.size(p);
            }
            return t;
        }
    }

    private static Path get0() {
        return Path.of("target", "test-runtime").toAbsolutePath();
    }
}
