package dev.strix.unikernel.qemu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.strix.unikernel.Boot;
import dev.strix.unikernel.internal.LogKvStore;
import dev.strix.unikernel.tool.DeviceSpec;
import dev.strix.unikernel.tool.Plan;
import dev.strix.unikernel.tool.Progress;
import dev.strix.unikernel.tool.ToolException;
import dev.strix.unikernel.unix.FileBlock;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QemuTargetTest {
    private static final Progress PROGRESS = m -> System.out.println("[strix] " + m);

    private static Plan plan(Path dir, String analysis, Map<String, DeviceSpec> devices, Map<String, String> bindings,
            Map<String, String> params, Map<String, String> options) {
        return new Plan("qemu", dir, "test", analysis, devices, bindings, params, "system", options, dir.resolve("build"));
    }

    private static Map<String, DeviceSpec> devices(DeviceSpec... specs) {
        Map<String, DeviceSpec> m = new LinkedHashMap<>();
        for (DeviceSpec d : specs) {
            m.put(d.name(), d);
        }
        return m;
    }

    private static QemuTarget target(PrintStream console) {
        return new QemuTarget((p, cp, pr) -> TestRuntime.get(), Boot.class.getName(), console,
                new DebianPackages(DebianPackages.defaultCache()));
    }

    private static List<Path> classpath() {
        return List.of(Path.of("target/classes").toAbsolutePath(), Path.of("target/test-classes").toAbsolutePath());
    }

    /** Skips with a visible message when qemu is missing, unless CI=true, where that is a failure. */
    private static void requireQemu() {
        List<String> missing = new java.util.ArrayList<>();
        if (DebianPackages.Tools.find("qemu-system-x86_64").isEmpty()) {
            missing.add("qemu-system-x86_64 (Debian package qemu-system-x86)");
        }
        missing.addAll(new DebianPackages(DebianPackages.defaultCache()).check());
        if (missing.isEmpty()) {
            return;
        }
        String msg = "qemu image test needs " + missing;
        if ("true".equals(System.getenv("CI"))) {
            fail(msg + " (CI=true: missing tools are a failure)");
        }
        System.out.println("SKIPPED: " + msg);
        Assumptions.assumeTrue(false, msg);
    }

    @Test
    void checkNamesEveryProblem(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("odd.bin"), new byte[100]);
        Files.write(dir.resolve("kvfile"), new byte[1]);
        Plan p = plan(dir, "x.Y",
                devices(new DeviceSpec("data", "block", true, false), new DeviceSpec("scratch", "block", false, false),
                        new DeviceSpec("results", "kv", false, false), new DeviceSpec("report", "http", false, true)),
                Map.of("data", dir.resolve("missing.csv").toString(), "scratch", dir.resolve("odd.bin").toString(),
                        "results", dir.resolve("kvfile").toString(), "report", "99999"),
                Map.of(), Map.of("memory", "lots", "timeout", "0", "tcg.thread", "many"));
        String all = String.join("\n", target(System.out).check(p));
        for (String expect : new String[] {"missing.csv, which is not a file", "not a multiple of 512",
            "kvfile, which is not a folder", "'99999' is not a port", "option memory 'lots'", "option timeout '0'",
            "option tcg.thread 'many' must be single or multi"}) {
            assertTrue(all.contains(expect), "expected '" + expect + "' in:\n" + all);
        }
    }

    @Test
    void bootFileAndInitScriptFollowTheDeclaredDevices(@TempDir Path dir) throws Exception {
        Plan p = plan(dir, "a.B",
                devices(new DeviceSpec("data", "block", true, false), new DeviceSpec("results", "kv", false, false),
                        new DeviceSpec("report", "http", false, false), new DeviceSpec("extra", "block", true, true)),
                Map.of("data", "/x/data.csv", "results", "/x/results", "report", "8080"), Map.of("serve-seconds", "0"),
                Map.of());
        QemuTarget t = target(System.out);
        String boot = t.bootProperties(p);
        assertTrue(boot.contains("analysis=a.B\ntarget=qemu\nblock.data=/dev/vda\nblock.data.readonly=true\n"
                + "kv.results=log:/dev/vdb\nhttp.report=8080\nhttp.bind=0.0.0.0\nentropy=system\nparam.serve-seconds=0\n"), boot);
        String init = t.initScript(p, List.of("virtio_ring", "virtio", "virtio_mmio", "virtio_blk"));
        assertTrue(init.contains("for m in virtio_ring virtio virtio_mmio virtio_blk; do"), init);
        assertTrue(init.contains("ip addr add 10.0.2.15/24 dev eth0"), init);
        assertTrue(init.contains("-cp '/strix/app/lib/*' '" + Boot.class.getName() + "' /strix/boot.properties"), init);
        assertTrue(init.contains("echo \"STRIX-EXIT $code\""), init);
        // a JVM killed by a signal gets its hs_err file printed on the console before power-off
        assertTrue(init.contains("if [ $code -ge 128 ]; then") && init.contains("cat \"$f\"")
                && init.indexOf("hs_err_pid") < init.indexOf("STRIX-EXIT"), init);
        List<String> cmd = t.command(p, "tcg", new LinkedHashMap<>(Map.of(new QemuTarget.Disk("data", "block", "/dev/vda", true),
                Path.of("/x/data.img"))));
        String c = String.join(" ", cmd);
        assertTrue(c.contains("-M microvm") && c.contains("-accel tcg,thread=single") && c.contains("-m 512M"), c);
        Plan multi = plan(dir, "a.B", devices(), Map.of(), Map.of(), Map.of("tcg.thread", "multi"));
        assertTrue(String.join(" ", t.command(multi, "tcg", new LinkedHashMap<>())).contains("-accel tcg,thread=multi"));
        assertTrue(String.join(" ", t.command(multi, "kvm", new LinkedHashMap<>())).contains("-accel kvm -smp"));
        assertTrue(c.contains("file=/x/data.img,readonly=on -device virtio-blk-device,drive=disk0"), c);
        assertTrue(c.contains("hostfwd=tcp:127.0.0.1:8080-:8080"), c);
    }

    @Test
    void aDesktopRuntimeGetsTheDejaVuFontsAndAFontconfigPropertiesFile() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(Path.of(QemuTarget.FONT_DIR, "DejaVuSans.ttf")),
                "fonts-dejavu-core is not installed");
        Initramfs fs = new Initramfs();
        long bytes = QemuTarget.addFonts(fs);
        Map<String, String> listing = fs.listing();
        assertEquals(12, QemuTarget.FONT_FILES.size());
        long sum = 0;
        for (String ttf : QemuTarget.FONT_FILES.values()) {
            String path = QemuTarget.FONT_DIR.substring(1) + "/" + ttf;
            assertTrue(listing.containsKey(path), path + " in " + listing.keySet());
            sum += Files.size(Path.of(QemuTarget.FONT_DIR, ttf));
        }
        assertEquals(sum, bytes);
        assertTrue(listing.containsKey("strix/runtime/lib/fontconfig.properties"), listing.toString());
        ByteArrayOutputStream cpio = new ByteArrayOutputStream();
        fs.writeCpio(cpio, 0);
        String text = cpio.toString(StandardCharsets.ISO_8859_1);
        assertTrue(text.contains("sansserif.plain.latin-1=DejaVu Sans\n"), "sansserif");
        assertTrue(text.contains("serif.italic.latin-1=DejaVu Serif Italic\n"), "serif italic");
        assertTrue(text.contains("filename.DejaVu_Sans_Bold_Oblique=/usr/share/fonts/truetype/dejavu/DejaVuSans-BoldOblique.ttf\n"),
                "bold oblique");
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        Initramfs fs2 = new Initramfs();
        QemuTarget.addFonts(fs2);
        fs2.writeCpio(again, 0);
        assertArrayEquals(cpio.toByteArray(), again.toByteArray());
    }

    @Test
    void bootsAnAnalysisUnderTcgWithItsDevicesAndExitCode(@TempDir Path dir) throws Exception {
        requireQemu();
        Path data = dir.resolve("data.csv");
        Files.writeString(data, "a,b\n1,2\n");
        Path results = dir.resolve("results");
        Plan p = plan(dir, HelloAnalysis.class.getName(),
                devices(new DeviceSpec("data", "block", true, false), new DeviceSpec("results", "kv", false, false)),
                Map.of("data", data.toString(), "results", results.toString()), Map.of("answer", "42"),
                Map.of("accel", "tcg", "timeout", "150", "results.size", "1M"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream console = new PrintStream(new TeeStream(out), true, StandardCharsets.UTF_8);
        QemuTarget t = target(console);
        assertEquals(List.of(), t.check(p));

        long b0 = System.nanoTime();
        String report = t.build(p, classpath(), PROGRESS);
        double buildSeconds = (System.nanoTime() - b0) / 1e9;
        System.out.println(report);
        assertTrue(report.contains("initramfs") && report.contains("virtio_blk"), report);
        byte[] first = Files.readAllBytes(p.buildDir().resolve("image/initramfs.img"));

        // same inputs, same bytes: rebuild elsewhere and compare
        Plan again = new Plan(p.target(), p.analysisDir(), p.name(), p.analysisClass(), p.devices(), p.bindings(),
                p.params(), p.entropy(), p.options(), dir.resolve("build2"));
        t.build(again, classpath(), m -> { });
        assertArrayEquals(first, Files.readAllBytes(again.buildDir().resolve("image/initramfs.img")),
                "two builds of the same inputs give byte-identical initramfs images");

        QemuTarget.Outcome o = t.boot(p, PROGRESS);
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(3, o.exitCode(), "exit code; console:\n" + text);
        assertTrue(text.contains("hello from the qemu target\n"), text);
        assertTrue(text.contains("data: 1 sectors, first line 'a,b'"), text);
        assertTrue(!text.contains("STRIX-EXIT") && !text.contains("\r"), "sentinel and CRs hidden:\n" + text);
        assertEquals("written in the VM, answer=42\n", Files.readString(results.resolve("report/greeting.txt")));
        System.out.printf(Locale.ROOT, "MEASURED build %.1f s; TCG boot: first analysis line %.1f s, exit %.1f s%n",
                buildSeconds, o.firstLineSeconds(), o.totalSeconds());

        // a second run keeps the store: the key is still there, and run() returns the code
        Files.delete(results.resolve("report/greeting.txt"));
        assertEquals(3, t.run(p, PROGRESS));
        assertTrue(Files.isRegularFile(results.resolve("report/greeting.txt")));

        // a VM that does not finish in time is killed with a message naming the option
        Map<String, String> hurried = new java.util.HashMap<>(p.options());
        hurried.put("timeout", "1");
        Plan quick = new Plan(p.target(), p.analysisDir(), p.name(), p.analysisClass(), p.devices(), p.bindings(),
                p.params(), p.entropy(), hurried, p.buildDir());
        long k0 = System.nanoTime();
        ToolException e = org.junit.jupiter.api.Assertions.assertThrows(ToolException.class, () -> t.run(quick, m -> { }));
        assertTrue(e.getMessage().contains("did not finish within 1 s (option timeout) and was killed"), e.getMessage());
        assertTrue((System.nanoTime() - k0) / 1e9 < 10, "killed promptly");
    }

    @Test
    void killingTheVmMidWriteLosesNoCommittedKey(@TempDir Path dir) throws Exception {
        requireQemu();
        Path results = dir.resolve("results");
        Plan p = plan(dir, CrashWriter.class.getName(), devices(new DeviceSpec("results", "kv", false, false)),
                Map.of("results", results.toString()), Map.of("count", "100000"),
                Map.of("accel", "tcg", "results.size", "192K"));
        QemuTarget t = target(System.out);
        t.build(p, classpath(), PROGRESS);
        long t0 = System.nanoTime();
        Map<QemuTarget.Disk, Path> disks = t.prepareDisks(p, PROGRESS);
        Path image = disks.values().iterator().next();
        Process vm = new ProcessBuilder(t.command(p, "tcg", disks)).redirectErrorStream(true).start();
        vm.getOutputStream().close();
        int last = -1;
        int killAt = 150; // a few compactions of the 96K log have happened by then
        try (BufferedReader r = new BufferedReader(new InputStreamReader(vm.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                line = line.strip();
                if (line.startsWith("committed ")) {
                    last = Integer.parseInt(line.substring("committed ".length()));
                    if (last >= killAt) {
                        vm.destroyForcibly(); // SIGKILL: QEMU dies mid-write, as on a power cut
                        break;
                    }
                } else if (line.startsWith("STRIX-EXIT") || System.nanoTime() - t0 > 150e9) {
                    break;
                }
            }
        } finally {
            vm.destroyForcibly();
            vm.waitFor(10, TimeUnit.SECONDS);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertTrue(last >= killAt, "the writer got to commit " + last);
        try (LogKvStore s = LogKvStore.open("results", FileBlock.open("results", image, true))) {
            assertEquals(40, s.list("").size());
            // The store must hold the state right after one commit c (each key its newest value as
            // of c), plus possibly the write in flight (c + 1). c >= last, the last commit the host
            // read; on a loaded host the guest may commit a few more before the SIGKILL lands.
            int consistentWith = -1;
            for (int c = last; c <= last + 400 && consistentWith < 0; c++) {
                boolean all = true;
                for (int k = 0; k < 40 && all; k++) {
                    byte[] v = s.get("key-" + k + "/v").orElseThrow();
                    int newest = c - ((c - k) % 40 + 40) % 40;
                    all = java.util.Arrays.equals(v, CrashWriter.value(newest))
                            || java.util.Arrays.equals(v, CrashWriter.value(newest + 40)) && newest + 40 == c + 1;
                }
                if (all) {
                    consistentWith = c;
                }
            }
            assertTrue(consistentWith >= 0, "the store is not the state after any commit from " + last + " on");
            System.out.printf(Locale.ROOT, "MEASURED crash test: killed after commit %d, %.1f s; store generation %d%n",
                    last, seconds, s.generation());
            assertTrue(s.generation() >= 2, "compactions happened before the kill: generation " + s.generation());
        }
        assertEquals(40, QemuTarget.exportKv("results", image, results));
    }

    /** Writes to a buffer and to stdout, so the test log shows the VM console. */
    private static final class TeeStream extends java.io.OutputStream {
        private final ByteArrayOutputStream buf;

        TeeStream(ByteArrayOutputStream buf) {
            this.buf = buf;
        }

        @Override
        public void write(int b) {
            buf.write(b);
            System.out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            buf.write(b, off, len);
            System.out.write(b, off, len);
        }
    }
}
