package dev.strix.unikernel.qemu;

import dev.strix.unikernel.tool.Builds;
import dev.strix.unikernel.tool.JlinkTarget;
import dev.strix.unikernel.tool.ToolException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The runtime for the image tests, linked once into {@code target/test-runtime} by the same code
 * the tool uses for the qemu target ({@link JlinkTarget#linkRuntime} with jdeps over this module's
 * classes), with the JDK running the tests.
 */
final class TestRuntime {
    private TestRuntime() {
    }

    static synchronized Path get() throws ToolException {
        Path dir = Path.of("target", "test-runtime").toAbsolutePath();
        if (Files.isRegularFile(dir.resolve("bin/java"))) {
            return dir;
        }
        try {
            Builds.deleteTree(dir);
            JlinkTarget.linkRuntime(List.of(Path.of("target", "classes").toAbsolutePath()), dir, null, true, step -> { });
        } catch (IOException e) {
            throw new ToolException("linking the test runtime into " + dir + " failed: " + e, e);
        }
        return dir;
    }
}
