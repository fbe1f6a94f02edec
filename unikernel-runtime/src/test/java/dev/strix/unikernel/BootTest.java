package dev.strix.unikernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BootTest {
    @TempDir
    Path dir;

    /** Uses every device kind and reports what it saw. */
    public static final class Probe implements Analysis {
        @Override
        public int run(Devices d) throws Exception {
            d.console().println("target=" + d.target());
            d.console().println("data=" + Blocks.readText(d.block("data")).strip());
            d.kv("out").putText("seen.txt", "ok");
            d.console().println("param=" + d.parameter("p").orElse("none"));
            d.console().println("seeded=" + d.entropy().isDeterministic() + " " + d.entropy().nextLong());
            d.console().println("clock=" + (d.monotonicClock().nanos() > 0) + " " + (d.wallClock().now().getEpochSecond() > 1_700_000_000L));
            d.console().debug("hidden at INFO");
            return 5;
        }
    }

    /** Asks for a device that is not bound. */
    public static final class AsksForGhost implements Analysis {
        @Override
        public int run(Devices d) {
            d.kv("ghost");
            return 0;
        }
    }

    public static final class NotAnAnalysis {
    }

    private Properties probe() throws Exception {
        Path data = dir.resolve("data.txt");
        Files.writeString(data, "forty-two\n");
        Properties p = new Properties();
        p.setProperty("analysis", Probe.class.getName());
        p.setProperty("target", "unix");
        p.setProperty("block.data", data.toString());
        p.setProperty("block.data.readonly", "true");
        p.setProperty("kv.out", "dir:" + dir.resolve("out"));
        p.setProperty("param.p", "v");
        p.setProperty("entropy", "seed:1");
        return p;
    }

    private String[] run(Properties p, int expectedCode) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        int code = Boot.run(p, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(log, true, StandardCharsets.UTF_8));
        String[] r = {out.toString(StandardCharsets.UTF_8), log.toString(StandardCharsets.UTF_8)};
        assertEquals(expectedCode, code, r[0] + r[1]);
        return r;
    }

    @Test
    void runsTheAnalysisWithItsDevicesAndReturnsItsCode() throws Exception {
        String[] r = run(probe(), 5);
        assertTrue(r[0].contains("target=unix\ndata=forty-two\n"), r[0]);
        assertTrue(r[0].contains("param=v\nseeded=true "), r[0]);
        assertTrue(r[0].contains("clock=true true"), r[0]);
        assertEquals("ok", Files.readString(dir.resolve("out/seen.txt")));
        assertTrue(!r[1].contains("hidden at INFO"), r[1]);
        String seeded = r[0];
        assertEquals(seeded, run(probe(), 5)[0], "a seeded run repeats exactly");
    }

    @Test
    void bootProblemsExitWith2AndSayWhat() throws Exception {
        Properties p = probe();
        p.remove("analysis");
        assertTrue(run(p, Boot.EXIT_BAD_BOOT)[1].contains("names no analysis"));
        p.setProperty("analysis", "no.such.Analysis");
        assertTrue(run(p, Boot.EXIT_BAD_BOOT)[1].contains("cannot create analysis no.such.Analysis"));
        p.setProperty("analysis", NotAnAnalysis.class.getName());
        assertTrue(run(p, Boot.EXIT_BAD_BOOT)[1].contains("does not implement dev.strix.unikernel.Analysis"));
        p = probe();
        p.setProperty("console.level", "LOUD");
        assertTrue(run(p, Boot.EXIT_BAD_BOOT)[1].contains("console.level must be one of"));
        p = probe();
        p.setProperty("entropy", "seed:x");
        assertTrue(run(p, Boot.EXIT_BAD_BOOT)[1].contains("seed must be a 64-bit integer"));
        p = probe();
        p.setProperty("kv.out", "s3://bucket");
        assertTrue(run(p, Boot.EXIT_BAD_BOOT)[1].contains("must be dir:<folder> or log:<block device>"));
        p = probe();
        p.setProperty("http.web", "http");
        assertTrue(run(p, Boot.EXIT_BAD_BOOT)[1].contains("http port must be a number"));
    }

    @Test
    void anAnalysisThatThrowsExitsWith1AndAnUnboundDeviceListsTheBoundOnes() throws Exception {
        Properties p = probe();
        p.setProperty("analysis", AsksForGhost.class.getName());
        String log = run(p, Boot.EXIT_ANALYSIS_FAILED)[1];
        assertTrue(log.contains("no kv device named 'ghost' is bound; bound kv devices: out"), log);
    }
}
