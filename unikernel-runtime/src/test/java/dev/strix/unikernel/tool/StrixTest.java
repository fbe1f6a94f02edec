package dev.strix.unikernel.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line, without Maven: help, argument errors, configure and clean. */
class StrixTest {
    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {
    }

    private Result strix(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of("--root", dir.toString()));
        all.addAll(List.of(args));
        int code = new Strix(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .execute(all.toArray(new String[0]));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"configure", "build", "run", "clean", "help"})
    void everyCommandHasHelp(String command) {
        Result r = strix(command, "--help");
        assertEquals(0, r.code);
        assertTrue(r.out.startsWith("usage: strix"), r.out);
        if (!command.equals("help") && !command.equals("clean")) {
            assertTrue(r.out.contains("--block NAME=FILE"), r.out);
        }
    }

    @Test
    void noCommandOrAnUnknownOneShowsUsageAndFails() {
        assertEquals(Strix.EXIT_TOOL_ERROR, strix().code);
        Result r = strix("deploy");
        assertEquals(Strix.EXIT_TOOL_ERROR, r.code);
        assertTrue(r.err.contains("unknown command 'deploy'"), r.err);
        assertEquals(0, strix("help", "run").code);
    }

    @Test
    void badOptionsAreNamed() throws Exception {
        Path a = analysis();
        assertTrue(strix("run", "--frobnicate", "x", a.toString()).err.contains("unknown option '--frobnicate'"));
        assertTrue(strix("run", "-t", "vmware", a.toString()).err.contains("unknown target 'vmware'"));
        assertTrue(strix("run", a.toString(), "--block").err.contains("--block needs a value"));
        assertTrue(strix("run", a.toString(), a.toString()).err.contains("more than one analysis folder"));
        assertTrue(strix("run", dir.resolve("nowhere").toString()).err.contains("does not exist"));
        assertTrue(strix("clean", "-t", "unix", a.toString()).err.contains("clean takes no options"));
    }

    @Test
    void configureValidatesRemembersAndCleanForgets() throws Exception {
        Path a = analysis();
        Result bad = strix("configure", "--block", "data=" + dir.resolve("missing.csv"), a.toString());
        assertEquals(Strix.EXIT_TOOL_ERROR, bad.code);
        assertTrue(bad.err.contains("missing.csv does not exist"), bad.err);
        Path state = a.resolve("target/strix/configured.properties");
        assertTrue(Files.notExists(state), "a failed configure remembers nothing");

        Result ok = strix("configure", "-t", "jlink", "--http", "8088", a.toString());
        assertEquals(0, ok.code, ok.err);
        assertTrue(ok.out.contains("configured analysis for target jlink"), ok.out);
        assertTrue(ok.out.contains("http report -> 8088"), ok.out);
        String saved = Files.readString(state);
        assertTrue(saved.contains("target=jlink") && saved.contains("http=8088"), saved);

        Result again = strix("configure", "--param", "serve-seconds=2", "-o", "memory=300M", a.toString());
        assertTrue(again.out.contains("for target jlink") && again.out.contains("http report -> 8088")
                && again.out.contains("param serve-seconds = 2"), again.out);
        assertTrue(!again.err.contains("remembered from an earlier configure"), "given now, not remembered: " + again.err);
        // what the command line does not repeat is remembered, and said
        Result later = strix("configure", "--param", "serve-seconds=3", a.toString());
        assertTrue(later.err.contains("remembered from an earlier configure: -o memory=300M (give them again"),
                later.err);
        assertTrue(later.out.contains("param serve-seconds = 3") && later.out.contains("option memory = 300M"), later.out);
        Result other = strix("configure", "-t", "unix", a.toString());
        assertTrue(other.out.contains("http report -> (unbound, optional)"), "another target starts from the file: " + other.out);

        assertEquals(0, strix("clean", a.toString()).code);
        assertTrue(Files.notExists(a.resolve("target/strix")));
    }

    private Path analysis() throws Exception {
        Path a = Files.createDirectories(dir.resolve("analysis"));
        Files.writeString(a.resolve(StrixConfig.FILE_NAME), StrixConfigTest.VALID);
        Files.createDirectories(a.resolve("data"));
        Files.writeString(a.resolve("data/in.csv"), "x\n1\n");
        return a;
    }
}
