package dev.strix.unikernel.qemu;

import dev.strix.unikernel.DeviceException;
import dev.strix.unikernel.KvStore;
import dev.strix.unikernel.internal.LogKvStore;
import dev.strix.unikernel.unix.DirectoryKvStore;
import dev.strix.unikernel.qemu.DebianPackages.Kernel;
import dev.strix.unikernel.qemu.DebianPackages.Tools;
import dev.strix.unikernel.tool.Builds;
import dev.strix.unikernel.tool.DeviceSpec;
import dev.strix.unikernel.tool.Plan;
import dev.strix.unikernel.tool.Progress;
import dev.strix.unikernel.tool.Target;
import dev.strix.unikernel.tool.ToolException;
import dev.strix.unikernel.unix.FileBlock;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The {@code qemu} target: a Debian kernel plus an initramfs whose only program is the JVM running
 * the analysis, booted by {@code qemu-system-x86_64}.
 *
 * <h2>Build ({@code <buildDir>/image/})</h2>
 * {@code vmlinuz}, {@code initramfs.img} (gzip'd newc cpio, reproducible: same inputs, same
 * bytes), {@code probe.img} (a tiny initramfs for the KVM probe) and {@code manifest.txt} (sizes,
 * devices, every file). The initramfs holds {@code /init} (a busybox sh script: mounts, loads the
 * virtio modules in dependency order, configures eth0, runs {@code /strix/runtime/bin/java -cp
 * '/strix/app/lib/*' <boot class> /strix/boot.properties}, prints {@code STRIX-EXIT <code>},
 * syncs and powers off with sysrq {@code o}), busybox, the modules, the Java runtime, the
 * analysis' jars and {@code boot.properties}.
 *
 * <h2>Run</h2>
 * Disks are attached as virtio-blk in declaration order ({@code /dev/vda}, {@code vdb}, ...):
 * a block device's host file directly when its size is a multiple of 512, else a zero-padded copy
 * in {@code <buildDir>/disks/}; a kv device is a raw image {@code <buildDir>/disks/<name>.kv.img}
 * kept across runs, created (and filled from the binding folder's files) on first run. After the VM
 * exits, every key of each kv store is written as a file under its binding folder.
 *
 * <h2>Options</h2>
 * {@code memory} (default 512M), {@code timeout} (seconds, or with s/m/h; default 300),
 * {@code accel} ({@code auto}, {@code tcg} or {@code kvm}; the environment variable
 * {@code STRIX_QEMU_ACCEL} overrides it), {@code machine} ({@code microvm} or {@code q35}),
 * {@code cpus} (default 2), {@code tcg.thread} ({@code single} or {@code multi}), {@code <kv>.size} (default 16M), {@code <http>.guest-port} (default:
 * the host port), {@code java.options} (JVM flags in the guest), {@code kernel.append} (more
 * kernel arguments), {@code compression} (gzip level 0-9; default 0, stored: under TCG inflating a level-6 image costs the guest 4-8 s of its boot, for half the size).
 */
public final class QemuTarget implements Target {
    /** Builds (or finds) the Java runtime folder that goes into the image as {@code /strix/runtime}. */
    @FunctionalInterface
    public interface RuntimeBuilder {
        /** Returns a folder holding {@code bin/java} (a jlink'd runtime) for the analysis' classpath. */
        Path build(Plan plan, List<Path> classpath, Progress progress) throws ToolException;
    }

    public static final String DEFAULT_BOOT_CLASS = "dev.strix.unikernel.Boot";
    public static final String SENTINEL = "STRIX-EXIT ";
    static final String PROBE_SENTINEL = "STRIX-PROBE-OK";
    static final String GUEST_IP = "10.0.2.15";
    static final String GUEST_GATEWAY = "10.0.2.2";
    static final String GUEST_DNS = "10.0.2.3";
    /**
     * Full tiered compilation: C1 only (TieredStopAtLevel=1) shortens a tiny analysis' boot by a
     * second, but the flagship (CV, charts) ran 466 s with it and 147 s without under TCG.
     */
    static final String DEFAULT_JAVA_OPTIONS = "-XX:+UseSerialGC -XX:-UsePerfData";
    /** Two vCPUs: the JIT compiles beside the analysis (under TCG they take turns on one host thread, see tcgThread). */
    static final String DEFAULT_CPUS = "2";
    private static final Pattern KERNEL_LINE = Pattern.compile("^\\[\\s*\\d+\\.\\d+\\] .*");
    private static final Pattern SIZE = Pattern.compile("(\\d+)([KMG]?)i?B?", Pattern.CASE_INSENSITIVE);

    private final RuntimeBuilder runtimeBuilder;
    private final String bootClass;
    private final PrintStream console;
    private final DebianPackages debian;

    /**
     * @param runtimeBuilder where the Java runtime comes from (the jlink target's output folder)
     */
    public QemuTarget(RuntimeBuilder runtimeBuilder) {
        this(runtimeBuilder, DEFAULT_BOOT_CLASS, System.out, new DebianPackages(DebianPackages.defaultCache()));
    }

    /**
     * @param bootClass the main class the guest runs with {@code /strix/boot.properties}
     * @param console   where the VM's console lines go
     * @param debian    the kernel and busybox source (its cache folder)
     */
    public QemuTarget(RuntimeBuilder runtimeBuilder, String bootClass, PrintStream console, DebianPackages debian) {
        this.runtimeBuilder = runtimeBuilder;
        this.bootClass = bootClass;
        this.console = console;
        this.debian = debian;
    }

    @Override
    public String name() {
        return "qemu";
    }

    // ---- check -------------------------------------------------------------------------------

    @Override
    public List<String> check(Plan plan) {
        List<String> problems = new ArrayList<>();
        if (Tools.find("qemu-system-x86_64").isEmpty()) {
            problems.add("qemu-system-x86_64 was not found on PATH: install the Debian package 'qemu-system-x86'");
        }
        problems.addAll(debian.check());
        try {
            memoryMiB(plan);
        } catch (ToolException e) {
            problems.add(e.getMessage());
        }
        for (OptionCheck option : List.<OptionCheck>of(QemuTarget::timeoutSeconds, QemuTarget::accel,
                QemuTarget::machine, QemuTarget::tcgThread, QemuTarget::compression)) {
            try {
                option.check(plan);
            } catch (ToolException e) {
                problems.add(e.getMessage());
            }
        }
        int disks = 0;
        for (DeviceSpec d : plan.devices().values()) {
            String bound = plan.bindings().get(d.name());
            if (bound == null) {
                if (!d.optional() && !d.kind().equals("http")) {
                    problems.add(d.kind() + " device '" + d.name() + "' is not bound to anything");
                }
                continue;
            }
            switch (d.kind()) {
                case "block" -> {
                    disks++;
                    Path p = Path.of(bound);
                    if (!Files.isRegularFile(p)) {
                        problems.add("block device '" + d.name() + "' is bound to " + p + ", which is not a file");
                    } else if (!Files.isReadable(p)) {
                        problems.add("block device '" + d.name() + "' is bound to " + p + ", which is not readable");
                    } else if (!d.readOnly()) {
                        try {
                            long size = Files.size(p);
                            if (size % 512 != 0) {
                                problems.add("block device '" + d.name() + "' is writable and its file " + p + " holds "
                                        + size + " bytes, not a multiple of 512: pad it (truncate -s " + pad(size)
                                        + ") or bind it read-only");
                            }
                        } catch (IOException e) {
                            problems.add("cannot size " + p + ": " + e.getMessage());
                        }
                    }
                }
                case "kv" -> {
                    disks++;
                    Path p = Path.of(bound);
                    if (Files.exists(p) && !Files.isDirectory(p)) {
                        problems.add("kv store '" + d.name() + "' is bound to " + p + ", which is not a folder");
                    }
                    try {
                        kvSize(plan, d.name());
                    } catch (ToolException e) {
                        problems.add(e.getMessage());
                    }
                }
                case "http" -> {
                    try {
                        guestPort(plan, d.name());
                    } catch (ToolException e) {
                        problems.add(e.getMessage());
                    }
                }
                default -> problems.add("the qemu target has no device of kind '" + d.kind() + "' ('" + d.name() + "')");
            }
        }
        if (disks > 26) {
            problems.add("the qemu target attaches at most 26 disks, the configuration binds " + disks);
        }
        return problems;
    }

    @FunctionalInterface
    private interface OptionCheck {
        Object check(Plan plan) throws ToolException;
    }

    static int compression(Plan plan) throws ToolException {
        String c = plan.options().getOrDefault("compression", "0").trim();
        if (!c.matches("[0-9]")) {
            throw new ToolException("option compression '" + c + "' must be a gzip level 0-9 (0 stores, fastest to boot)");
        }
        return Integer.parseInt(c);
    }

    private static long pad(long size) {
        return (size + 511) / 512 * 512;
    }

    // ---- options -----------------------------------------------------------------------------

    static long parseSize(String what, String text) throws ToolException {
        Matcher m = SIZE.matcher(text.trim());
        if (!m.matches()) {
            throw new ToolException(what + " '" + text + "' is not a size like 512M, 2G or 1048576");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2).toUpperCase(Locale.ROOT)) {
            case "K" -> n << 10;
            case "M" -> n << 20;
            case "G" -> n << 30;
            default -> n;
        };
    }

    static long memoryMiB(Plan plan) throws ToolException {
        long bytes = parseSize("option memory", plan.options().getOrDefault("memory", "512M"));
        long mib = bytes >> 20;
        if (mib < 128) {
            throw new ToolException("option memory = " + plan.options().get("memory")
                    + " is too small: the initramfs and the JVM need at least 256M (128M is the hard floor)");
        }
        return mib;
    }

    static long timeoutSeconds(Plan plan) throws ToolException {
        String t = plan.options().getOrDefault("timeout", "300").trim();
        Matcher m = Pattern.compile("(\\d+)\\s*([smh]?)").matcher(t);
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new ToolException("option timeout '" + t + "' is not a positive duration like 300, 90s or 5m");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "m" -> n * 60;
            case "h" -> n * 3600;
            default -> n;
        };
    }

    static String accel(Plan plan) throws ToolException {
        String env = System.getenv("STRIX_QEMU_ACCEL");
        String a = env != null && !env.isBlank() ? env.trim() : plan.options().getOrDefault("accel", "auto").trim();
        if (!Set.of("auto", "tcg", "kvm").contains(a)) {
            throw new ToolException("accelerator '" + a + "' (option accel or STRIX_QEMU_ACCEL) must be auto, tcg or kvm");
        }
        return a;
    }

    /**
     * How TCG runs the vCPUs: {@code single} (the default) on one host thread in turn, or
     * {@code multi}, one host thread each. Multi-threaded TCG does not honour x86's rules for code
     * that one CPU rewrites while another runs it, and HotSpot relies on them when it patches
     * compiled methods: under it the flagship's JVM died of SIGILL/SIGSEGV inside freshly patched
     * C1 code (docs/unikernel.md). KVM runs real CPUs and is not affected.
     */
    static String tcgThread(Plan plan) throws ToolException {
        String t = plan.options().getOrDefault("tcg.thread", "single").trim();
        if (!t.equals("single") && !t.equals("multi")) {
            throw new ToolException("option tcg.thread '" + t + "' must be single or multi");
        }
        return t;
    }

    static String machine(Plan plan) throws ToolException {
        String m = plan.options().getOrDefault("machine", "microvm").trim();
        if (!m.equals("microvm") && !m.equals("q35")) {
            throw new ToolException("option machine '" + m + "' must be microvm or q35");
        }
        return m;
    }

    static long kvSize(Plan plan, String name) throws ToolException {
        long size = parseSize("option " + name + ".size", plan.options().getOrDefault(name + ".size", "16M"));
        if (size < 64 * 1024 || size % 512 != 0) {
            throw new ToolException("option " + name + ".size must be a multiple of 512 and at least 64K, got " + size);
        }
        return size;
    }

    static int guestPort(Plan plan, String name) throws ToolException {
        String v = plan.options().getOrDefault(name + ".guest-port", plan.bindings().get(name));
        try {
            int port = Integer.parseInt(v.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (RuntimeException e) {
            throw new ToolException("http device '" + name + "': port '" + v + "' is not a port number 1-65535");
        }
    }

    // ---- devices -----------------------------------------------------------------------------

    /** A disk attached to the VM. */
    record Disk(String name, String kind, String guestPath, boolean readOnly) {
    }

    /** Bound block and kv devices in declaration order, named vda, vdb, ... */
    static List<Disk> disks(Plan plan) {
        List<Disk> disks = new ArrayList<>();
        for (DeviceSpec d : plan.devices().values()) {
            if ((d.kind().equals("block") || d.kind().equals("kv")) && plan.bindings().containsKey(d.name())) {
                String dev = "/dev/vd" + (char) ('a' + disks.size());
                disks.add(new Disk(d.name(), d.kind(), dev, d.kind().equals("block") && d.readOnly()));
            }
        }
        return disks;
    }

    static List<String> httpDevices(Plan plan) {
        List<String> out = new ArrayList<>();
        for (DeviceSpec d : plan.devices().values()) {
            if (d.kind().equals("http") && plan.bindings().containsKey(d.name())) {
                out.add(d.name());
            }
        }
        return out;
    }

    /** The boot file the guest's Boot reads. */
    String bootProperties(Plan plan) throws ToolException {
        StringBuilder b = new StringBuilder();
        b.append("# written by strix build -t qemu\n");
        b.append("analysis=").append(plan.analysisClass()).append('\n');
        b.append("target=qemu\n");
        for (Disk d : disks(plan)) {
            if (d.kind().equals("block")) {
                b.append("block.").append(d.name()).append('=').append(d.guestPath()).append('\n');
                b.append("block.").append(d.name()).append(".readonly=").append(d.readOnly()).append('\n');
            } else {
                b.append("kv.").append(d.name()).append("=log:").append(d.guestPath()).append('\n');
            }
        }
        List<String> http = httpDevices(plan);
        for (String h : http) {
            b.append("http.").append(h).append('=').append(guestPort(plan, h)).append('\n');
        }
        if (!http.isEmpty()) {
            b.append("http.bind=0.0.0.0\n");
        }
        b.append("entropy=").append(plan.entropy()).append('\n');
        for (var p : new TreeMap<>(plan.params()).entrySet()) {
            b.append("param.").append(escape(p.getKey())).append('=').append(escape(p.getValue())).append('\n');
        }
        return b.toString();
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '=', ':', '#', '!' -> b.append('\\').append(c);
                default -> {
                    if (c > 0x7e || c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    static Set<String> wantedModules(Plan plan, String machine) {
        Set<String> m = new LinkedHashSet<>();
        m.add(machine.equals("microvm") ? "virtio_mmio" : "virtio_pci");
        if (!disks(plan).isEmpty()) {
            m.add("virtio_blk");
        }
        if (!httpDevices(plan).isEmpty()) {
            m.add("virtio_net");
        }
        m.add("virtio_rng");
        return m;
    }

    private static String shellQuote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** The /init script: PID 1 of the guest. */
    String initScript(Plan plan, List<String> modules) throws ToolException {
        List<Disk> disks = disks(plan);
        String javaOptions = plan.options().getOrDefault("java.options", DEFAULT_JAVA_OPTIONS);
        StringBuilder s = new StringBuilder();
        s.append("#!/bin/sh\n");
        s.append("# PID 1 of the Strix qemu image (written by strix build; runs the analysis, then powers off)\n");
        s.append("export PATH=/bin\n");
        s.append("mount -t proc proc /proc\n");
        s.append("mount -t sysfs sysfs /sys\n");
        s.append("mount -t devtmpfs devtmpfs /dev\n");
        s.append("echo 1 > /proc/sys/kernel/printk\n");
        s.append("for m in ").append(String.join(" ", modules)).append("; do\n");
        s.append("  insmod /lib/modules/$m.ko || echo \"strix-init: cannot load kernel module $m\"\n");
        s.append("done\n");
        if (!disks.isEmpty()) {
            String last = disks.get(disks.size() - 1).guestPath();
            s.append("n=0\n");
            s.append("while [ ! -b ").append(last).append(" ] && [ $n -lt 100 ]; do usleep 50000; n=$((n+1)); done\n");
            s.append("[ -b ").append(last).append(" ] || echo \"strix-init: disk ").append(last)
                    .append(" did not appear\"\n");
        }
        s.append("ip link set lo up\n");
        s.append("hostname strix\n");
        if (!httpDevices(plan).isEmpty()) {
            s.append("ip link set eth0 up && ip addr add ").append(GUEST_IP).append("/24 dev eth0 && ip route add default via ")
                    .append(GUEST_GATEWAY).append(" || echo \"strix-init: cannot configure eth0\"\n");
        }
        s.append("cd /strix\n");
        s.append("/strix/runtime/bin/java -Djava.awt.headless=true ").append(javaOptions).append(" -cp '/strix/app/lib/*' ")
                .append(shellQuote(bootClass)).append(" /strix/boot.properties\n");
        s.append("code=$?\n");
        // A JVM that dies of a signal leaves its only record on the VM's RAM disk: print it before power-off.
        s.append("if [ $code -ge 128 ]; then\n");
        s.append("  echo \"strix-init: the JVM died of signal $((code - 128)); guest memory:\"\n");
        s.append("  cat /proc/meminfo | head -5\n");
        s.append("  for f in /strix/hs_err_pid*.log; do [ -f \"$f\" ] && echo \"strix-init: $f:\" && cat \"$f\"; done\n");
        s.append("fi\n");
        s.append("sync\n");
        s.append("echo \"").append(SENTINEL).append("$code\"\n");
        s.append("echo o > /proc/sysrq-trigger\n");
        s.append("sleep 30\n");
        return s.toString();
    }

    private static final List<String> APPLETS = List.of("sh", "mount", "insmod", "ip", "usleep", "sleep",
            "sync", "hostname", "cat", "ls", "echo", "head");

    private static void addBase(Initramfs fs, Path busybox) {
        fs.hostFile("bin/busybox", 0755, busybox);
        for (String a : APPLETS) {
            fs.symlink("bin/" + a, "busybox");
        }
        fs.directory("dev").charDevice("dev/console", 0600, 5, 1).charDevice("dev/null", 0666, 1, 3);
        fs.directory("proc").directory("sys").directory("tmp");
        fs.text("etc/hosts", 0644, "127.0.0.1 localhost strix\n");
    }

    // ---- build -------------------------------------------------------------------------------

    @Override
    public String build(Plan plan, List<Path> classpath, Progress progress) throws ToolException {
        String machine = machine(plan);
        Kernel kernel = debian.kernel(progress);
        Path busybox = debian.busybox(progress);
        Path runtime = runtimeBuilder.build(plan, classpath, progress);
        if (!Files.isRegularFile(runtime.resolve("bin/java"))) {
            throw new ToolException("the Java runtime " + runtime + " has no bin/java; build the jlink target first");
        }
        long mtime = sourceDateEpoch();
        Path imageDir = plan.buildDir().resolve("image");
        Path tmp = null;
        try {
            Files.createDirectories(plan.buildDir());
            tmp = Files.createTempDirectory(plan.buildDir(), ".image-");
            List<String> modules = KernelModules.loadOrder(wantedModules(plan, machine), kernel.modules());
            Map<String, Path> ko = kernel.modules();

            progress.step("collecting the initramfs contents");
            Initramfs fs = new Initramfs();
            addBase(fs, busybox);
            for (String m : modules) {
                fs.hostFile("lib/modules/" + m + ".ko", 0644, ko.get(m));
            }
            if (!httpDevices(plan).isEmpty()) {
                fs.text("etc/resolv.conf", 0644, "nameserver " + GUEST_DNS + "\n");
            }
            fs.text("init", 0755, initScript(plan, modules));
            fs.text("strix/boot.properties", 0644, bootProperties(plan));
            fs.tree("strix/runtime", runtime);
            long fontBytes = Files.isRegularFile(runtime.resolve("lib/libfontmanager.so")) ? addFonts(fs) : 0;
            Map<String, Path> libs = hostLibraries(runtime);
            long libBytes = 0;
            for (var l : libs.entrySet()) {
                fs.hostFile(l.getKey(), 0755, l.getValue());
                libBytes += Files.size(l.getValue());
            }
            Map<String, byte[]> jars = appJars(classpath);
            long appBytes = 0;
            for (var j : jars.entrySet()) {
                fs.file("strix/app/lib/" + j.getKey(), 0644, j.getValue());
                appBytes += j.getValue().length;
            }
            int level = compression(plan);
            progress.step("writing the initramfs (cpio in a gzip stream, level " + level + ")");
            Initramfs.Stats stats = fs.writeGzip(tmp.resolve("initramfs.img"), mtime, level);
            Files.copy(kernel.vmlinuz(), tmp.resolve("vmlinuz"));

            Initramfs probe = new Initramfs();
            addBase(probe, busybox);
            probe.text("init", 0755, "#!/bin/sh\nexport PATH=/bin\nmount -t proc proc /proc\necho 1 > /proc/sys/kernel/printk\n"
                    + "echo " + PROBE_SENTINEL + "\necho o > /proc/sysrq-trigger\nsleep 30\n");
            probe.writeGzip(tmp.resolve("probe.img"), mtime, level);

            long kernelBytes = Files.size(kernel.vmlinuz());
            long runtimeBytes = Builds.size(runtime);
            long moduleBytes = 0;
            for (String m : modules) {
                moduleBytes += Files.size(ko.get(m));
            }
            StringBuilder report = new StringBuilder();
            report.append("qemu image ").append(imageDir).append('\n');
            report.append(String.format(Locale.ROOT, "  kernel     %s %s: %s%n", kernel.packageName(), kernel.version(), mb(kernelBytes)));
            report.append(String.format(Locale.ROOT, "  initramfs  %s, gzip level %d (%s of cpio, %d entries, %d files)%n",
                    mb(stats.compressedBytes()), level, mb(stats.uncompressedBytes()), stats.entries(), stats.files()));
            report.append(String.format(Locale.ROOT, "    runtime  %s (%s)%n", mb(runtimeBytes), runtime));
            report.append(String.format(Locale.ROOT, "    app      %s in %d jars%n", mb(appBytes), jars.size()));
            report.append(String.format(Locale.ROOT, "    libc     %s: %d shared libraries the runtime links against%n",
                    mb(libBytes), libs.size()));
            if (fontBytes > 0) {
                report.append(String.format(Locale.ROOT, "    fonts    %s: %d DejaVu TTFs for java.desktop (lib/fontconfig.properties)%n",
                        mb(fontBytes), FONT_FILES.size()));
            }
            report.append(String.format(Locale.ROOT, "    modules  %s: %s%n", mb(moduleBytes), String.join(" ", modules)));
            report.append(String.format(Locale.ROOT, "    busybox  %s%n", mb(Files.size(busybox))));
            report.append("  disks     ");
            List<Disk> disks = disks(plan);
            if (disks.isEmpty()) {
                report.append("none");
            }
            for (Disk d : disks) {
                report.append(d.guestPath()).append('=').append(d.kind()).append(':').append(d.name())
                        .append(d.readOnly() ? "(ro) " : " ");
            }
            report.append('\n');
            StringBuilder manifest = new StringBuilder(report);
            manifest.append("\ncontents:\n");
            fs.listing().forEach((p, what) -> manifest.append("  /").append(p).append("  ").append(what).append('\n'));
            Files.writeString(tmp.resolve("manifest.txt"), manifest.toString(), StandardCharsets.UTF_8);
            Files.writeString(tmp.resolve("kernel.properties"), "package=" + kernel.packageName() + "\nversion="
                    + kernel.version() + "\nhz=" + kernel.hz() + "\n", StandardCharsets.UTF_8);
            Builds.swapInto(tmp, imageDir);
            tmp = null;
            return report.toString().stripTrailing();
        } catch (IOException | RuntimeException e) {
            throw new ToolException("cannot build the qemu image in " + imageDir + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                DebianPackages.deleteTree(tmp);
            }
        }
    }

    private static long sourceDateEpoch() throws ToolException {
        String s = System.getenv("SOURCE_DATE_EPOCH");
        if (s == null || s.isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw new ToolException("SOURCE_DATE_EPOCH '" + s + "' is not a number of seconds");
        }
    }

    /** Where the fonts come from on the host and go in the image (Debian's fonts-dejavu-core). */
    static final String FONT_DIR = "/usr/share/fonts/truetype/dejavu";
    static final String FONT_LICENSE = "/usr/share/doc/fonts-dejavu-core/copyright";
    /** The TTFs behind the JDK's five logical fonts: full font name (as in the TTF) to file. */
    static final Map<String, String> FONT_FILES = fontFiles();

    private static Map<String, String> fontFiles() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String[] f : new String[][] {{"DejaVu Sans", "DejaVuSans", " Oblique", "-Oblique"},
            {"DejaVu Serif", "DejaVuSerif", " Italic", "-Italic"}, {"DejaVu Sans Mono", "DejaVuSansMono", " Oblique", "-Oblique"}}) {
            m.put(f[0], f[1] + ".ttf");
            m.put(f[0] + " Bold", f[1] + "-Bold.ttf");
            m.put(f[0] + f[2], f[1] + f[3] + ".ttf");
            m.put(f[0] + " Bold" + f[2], f[1] + "-Bold" + f[3].substring(1) + ".ttf");
        }
        return m;
    }

    /**
     * Fonts for a runtime with {@code java.desktop} (text in charts): there is no fontconfig in the
     * image, so the JDK falls back to {@code lib/fontconfig.properties}, which this maps onto the
     * host's DejaVu TTFs, copied to the same paths. The host's JDK finds the very same files through
     * fontconfig ({@code fc-match sans-serif} is DejaVu Sans on Debian), so host and guest rasterise
     * text identically. DejaVu's licence (Bitstream Vera; DejaVu changes public domain) allows
     * redistribution with its notice, which goes in too. Returns the bytes of font files added.
     */
    static long addFonts(Initramfs fs) throws IOException, ToolException {
        long bytes = 0;
        StringBuilder props = new StringBuilder();
        props.append("# Written by strix for the qemu image: the JDK's logical fonts on the DejaVu TTFs under ")
                .append(FONT_DIR).append("\n# (no fontconfig in the image; see docs/unikernel.md).\nversion=1\n");
        String[] logical = {"serif", "sansserif", "monospaced", "dialog", "dialoginput"};
        String[] families = {"DejaVu Serif", "DejaVu Sans", "DejaVu Sans Mono", "DejaVu Sans", "DejaVu Sans Mono"};
        String[] styles = {"plain", "bold", "italic", "bolditalic"};
        for (int l = 0; l < logical.length; l++) {
            String slant = families[l].equals("DejaVu Serif") ? " Italic" : " Oblique";
            String[] names = {families[l], families[l] + " Bold", families[l] + slant, families[l] + " Bold" + slant};
            for (int k = 0; k < styles.length; k++) {
                props.append(logical[l]).append('.').append(styles[k]).append(".latin-1=").append(names[k]).append('\n');
            }
        }
        props.append("sequence.allfonts=latin-1\n");
        for (var font : FONT_FILES.entrySet()) {
            Path ttf = Path.of(FONT_DIR, font.getValue());
            if (!Files.isRegularFile(ttf)) {
                throw new ToolException("the analysis uses java.desktop (AWT, charts), and the image needs fonts: " + ttf
                        + " was not found; install the Debian package 'fonts-dejavu-core'");
            }
            props.append("filename.").append(font.getKey().replace(' ', '_')).append('=').append(ttf).append('\n');
            fs.hostFile(ttf.toString().substring(1), 0644, ttf.toRealPath());
            bytes += Files.size(ttf);
        }
        fs.text("strix/runtime/lib/fontconfig.properties", 0644, props.toString());
        Path license = Path.of(FONT_LICENSE);
        if (Files.isRegularFile(license)) {
            fs.hostFile(FONT_LICENSE.substring(1), 0644, license.toRealPath());
        }
        return bytes;
    }

    /**
     * The host's shared libraries the runtime's executables and libraries link against (glibc,
     * libstdc++, zlib and the dynamic loader), by the path the loader looks them up under, found
     * with {@code ldd}. A jlink'd runtime is self-contained for Java, not for the C library.
     */
    static Map<String, Path> hostLibraries(Path runtime) throws IOException, ToolException {
        if (Tools.find("ldd").isEmpty()) {
            throw new ToolException("ldd is needed to find the C libraries the Java runtime needs in the image "
                    + "and was not found on PATH: install the Debian package 'libc-bin'");
        }
        List<String> cmd = new ArrayList<>(List.of("ldd"));
        try (Stream<Path> s = Files.walk(runtime)) {
            for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
                String n = f.getFileName().toString();
                if (n.endsWith(".so") || f.getParent().getFileName().toString().equals("bin")) {
                    cmd.add(f.toString());
                }
            }
        }
        String out;
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getOutputStream().close();
            out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolException("interrupted while running ldd", e);
        }
        Map<String, Path> libs = new TreeMap<>();
        Path rt = runtime.toAbsolutePath().normalize().toRealPath();
        Matcher m = Pattern.compile("(?m)^\\s+(?:\\S+ => )?(/\\S+) \\(0x").matcher(out);
        while (m.find()) {
            Path lib = Path.of(m.group(1));
            Path real = lib.toRealPath();
            if (real.startsWith(rt)) {
                continue;
            }
            libs.put(lib.normalize().toString().substring(1), real);
        }
        if (libs.keySet().stream().noneMatch(l -> l.contains("ld-linux"))) {
            throw new ToolException("ldd found no dynamic loader for the Java runtime " + runtime
                    + " (is it a statically linked or foreign runtime?):\n" + out.strip());
        }
        return libs;
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    /**
     * The classpath as jars for {@code /strix/app/lib}: jar files as they are, folders (a
     * module's {@code target/classes}) packed into reproducible jars (sorted, fixed times).
     */
    static Map<String, byte[]> appJars(List<Path> classpath) throws IOException {
        Map<String, byte[]> jars = new LinkedHashMap<>();
        int i = 0;
        for (Path entry : classpath) {
            i++;
            if (Files.isDirectory(entry)) {
                String base = entry.getParent() != null && entry.getParent().getParent() != null
                        ? entry.getParent().getParent().getFileName() + "-" + entry.getFileName() : entry.getFileName().toString();
                jars.put(unique(jars, String.format(Locale.ROOT, "%02d-%s.jar", i, base)), jarOf(entry));
            } else if (Files.isRegularFile(entry)) {
                jars.put(unique(jars, entry.getFileName().toString()), Files.readAllBytes(entry));
            } else {
                throw new IOException("classpath entry " + entry + " does not exist");
            }
        }
        return jars;
    }

    private static String unique(Map<String, byte[]> jars, String name) {
        String n = name;
        for (int k = 2; jars.containsKey(n); k++) {
            n = name.replaceFirst("\\.jar$", "") + "-" + k + ".jar";
        }
        return n;
    }

    static byte[] jarOf(Path dir) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LocalDateTime fixed = LocalDateTime.of(1980, 1, 1, 0, 0);
        try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted().toList()) {
                if (p.equals(dir)) {
                    continue;
                }
                String name = dir.relativize(p).toString().replace('\\', '/');
                boolean isDir = Files.isDirectory(p);
                ZipEntry e = new ZipEntry(isDir ? name + "/" : name);
                e.setTimeLocal(fixed);
                zip.putNextEntry(e);
                if (!isDir) {
                    Files.copy(p, zip);
                }
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    // ---- disks -------------------------------------------------------------------------------

    /** The host file attached for each disk (creating padded copies and kv images as needed). */
    Map<Disk, Path> prepareDisks(Plan plan, Progress progress) throws ToolException {
        Map<Disk, Path> files = new LinkedHashMap<>();
        Path dir = plan.buildDir().resolve("disks");
        try {
            Files.createDirectories(dir);
            for (Disk d : disks(plan)) {
                Path bound = Path.of(plan.bindings().get(d.name()));
                if (d.kind().equals("block")) {
                    files.put(d, blockImage(d, bound, dir));
                } else {
                    files.put(d, kvImage(plan, d, bound, dir, progress));
                }
            }
        } catch (IOException e) {
            throw new ToolException("cannot prepare the disk images in " + dir + ": " + e.getMessage(), e);
        }
        return files;
    }

    private static Path blockImage(Disk d, Path bound, Path dir) throws IOException, ToolException {
        if (!Files.isRegularFile(bound)) {
            throw new ToolException("block device '" + d.name() + "' is bound to " + bound
                    + ", which does not exist or is not a file; fix the binding (--block " + d.name() + "=<file>)");
        }
        long size = Files.size(bound);
        if (size % 512 == 0 && size > 0) {
            return bound; // attached as it is: writes land in the host file, as on the unix target
        }
        if (!d.readOnly()) {
            throw new ToolException("block device '" + d.name() + "' is writable and " + bound + " holds " + size
                    + " bytes, not a positive multiple of 512: pad it or bind it read-only");
        }
        Path image = dir.resolve(d.name() + ".img");
        long padded = Math.max(512, pad(size));
        if (Files.isRegularFile(image) && Files.size(image) == padded
                && Files.getLastModifiedTime(image).compareTo(Files.getLastModifiedTime(bound)) >= 0) {
            return image;
        }
        Path tmp = Files.createTempFile(dir, "." + d.name(), ".tmp");
        try {
            Files.copy(bound, tmp, StandardCopyOption.REPLACE_EXISTING);
            try (RandomAccessFile f = new RandomAccessFile(tmp.toFile(), "rw")) {
                f.setLength(padded);
            }
            moveAtomically(tmp, image);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return image;
    }

    private static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The kv store's image: kept across runs; created, formatted and filled from the host folder once. */
    static Path kvImage(Plan plan, Disk d, Path bound, Path dir, Progress progress) throws IOException, ToolException {
        Path image = dir.resolve(d.name() + ".kv.img");
        long size = kvSize(plan, d.name());
        if (Files.isRegularFile(image)) {
            if (Files.size(image) != size) {
                progress.step("kv store '" + d.name() + "': image is " + Files.size(image) + " bytes, option "
                        + d.name() + ".size asks " + size + "; keeping the image (strix clean to start afresh)");
            }
            return image;
        }
        Path tmp = Files.createTempFile(dir, "." + d.name(), ".tmp");
        try {
            try (RandomAccessFile f = new RandomAccessFile(tmp.toFile(), "rw")) {
                f.setLength(size);
            }
            int imported = 0;
            try (LogKvStore store = LogKvStore.open(d.name(), FileBlock.open(d.name(), tmp, false))) {
                if (Files.isDirectory(bound)) {
                    try (Stream<Path> s = Files.walk(bound)) {
                        for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                            String key = bound.relativize(p).toString().replace('\\', '/');
                            if (KvStore.keyProblem(key) == null && !p.getFileName().toString().startsWith(".")) {
                                store.put(key, Files.readAllBytes(p));
                                imported++;
                            }
                        }
                    }
                }
            } catch (DeviceException e) {
                throw new ToolException("kv store '" + d.name() + "': cannot create its image from " + bound + ": "
                        + e.getMessage() + (e.reason() == DeviceException.Reason.FULL
                        ? "; raise option " + d.name() + ".size" : ""), e);
            }
            moveAtomically(tmp, image);
            progress.step("kv store '" + d.name() + "': created " + image.getFileName() + " (" + mb(size) + ")"
                    + (imported > 0 ? " with the " + imported + " files of " + bound : ""));
        } finally {
            Files.deleteIfExists(tmp);
        }
        return image;
    }

    /** Writes every key of a kv image as a file under {@code folder} (atomically, only when changed). */
    public static int exportKv(String name, Path image, Path folder) throws ToolException {
        int written = 0;
        try (LogKvStore store = LogKvStore.open(name, FileBlock.open(name, image, true))) {
            // The same store the unix target writes to, so the files look the same on both.
            DirectoryKvStore host = DirectoryKvStore.open(name, folder, false);
            for (String key : store.list("")) {
                byte[] value = store.get(key).orElseThrow();
                if (java.util.Arrays.equals(host.get(key).orElse(null), value)) {
                    continue;
                }
                host.put(key, value);
                written++;
            }
        } catch (DeviceException e) {
            throw new ToolException("cannot export kv store '" + name + "' from " + image + " to " + folder + ": "
                    + e.getMessage(), e);
        }
        return written;
    }

    // ---- run ---------------------------------------------------------------------------------

    /** Host TSC frequency in kHz from /proc/cpuinfo, if known. */
    static Optional<Long> hostKhz() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.US_ASCII)) {
                if (line.startsWith("cpu MHz")) {
                    double mhz = Double.parseDouble(line.substring(line.indexOf(':') + 1).trim());
                    return Optional.of(Math.round(mhz * 1000));
                }
            }
        } catch (IOException | RuntimeException e) {
            // unknown
        }
        return Optional.empty();
    }

    private String kernelArgs(Plan plan, Path image) {
        StringBuilder a = new StringBuilder("console=ttyS0 panic=-1 quiet loglevel=1");
        Optional<Long> khz = hostKhz();
        if (khz.isPresent()) {
            // without these, TCG microvm guests can hang calibrating the TSC
            int hz = hzOf(image);
            a.append(" tsc_early_khz=").append(khz.get()).append(" lpj=").append(khz.get() * 1000 / hz);
        }
        String extra = plan.options().get("kernel.append");
        if (extra != null && !extra.isBlank()) {
            a.append(' ').append(extra.trim());
        }
        return a.toString();
    }

    private int hzOf(Path imageDir) {
        try {
            Matcher m = Pattern.compile("(?m)^hz=(\\d+)$").matcher(Files.readString(imageDir.resolve("kernel.properties")));
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
        } catch (IOException | RuntimeException e) {
            // default below
        }
        return 250;
    }

    /** The qemu command line {@code run} uses (disks as prepared by {@link #prepareDisks}). */
    List<String> command(Plan plan, String accel, Map<Disk, Path> disks) throws ToolException {
        Path image = plan.buildDir().resolve("image");
        String machine = machine(plan);
        String suffix = machine.equals("microvm") ? "-device" : "-pci";
        List<String> c = new ArrayList<>(List.of("qemu-system-x86_64",
                "-M", machine.equals("microvm") ? "microvm" : "q35", "-nodefaults", "-no-user-config",
                "-accel", accel.equals("tcg") ? "tcg,thread=" + tcgThread(plan) : accel,
                "-smp", plan.options().getOrDefault("cpus", DEFAULT_CPUS).trim(),
                "-m", memoryMiB(plan) + "M", "-display", "none", "-serial", "stdio", "-no-reboot",
                "-kernel", image.resolve("vmlinuz").toString(),
                "-initrd", image.resolve("initramfs.img").toString(),
                "-append", kernelArgs(plan, image)));
        int i = 0;
        for (var e : disks.entrySet()) {
            String id = "disk" + i++;
            c.add("-drive");
            c.add("id=" + id + ",if=none,format=raw,file=" + e.getValue().toString().replace(",", ",,")
                    + (e.getKey().readOnly() ? ",readonly=on" : ""));
            c.add("-device");
            c.add("virtio-blk" + suffix + ",drive=" + id);
        }
        List<String> http = httpDevices(plan);
        if (!http.isEmpty()) {
            StringBuilder net = new StringBuilder("user,id=net0");
            for (String h : http) {
                net.append(",hostfwd=tcp:127.0.0.1:").append(plan.bindings().get(h).trim()).append("-:")
                        .append(guestPort(plan, h));
            }
            c.add("-netdev");
            c.add(net.toString());
            c.add("-device");
            c.add("virtio-net" + suffix + ",netdev=net0");
        }
        c.add("-device");
        c.add("virtio-rng" + suffix);
        return c;
    }

    /** Chooses the accelerator: forced, or KVM only when a short probe boot proves it works. */
    String chooseAccel(Plan plan, Progress progress) throws ToolException {
        String a = accel(plan);
        if (!a.equals("auto")) {
            return a;
        }
        Path kvm = Path.of("/dev/kvm");
        if (!Files.isReadable(kvm) || !Files.isWritable(kvm)) {
            return "tcg";
        }
        Path cacheFile = null;
        try {
            String bootId = Files.readString(Path.of("/proc/sys/kernel/random/boot_id")).trim();
            cacheFile = debian.cache().resolve("kvm-probe").resolve(bootId);
            if (Files.isRegularFile(cacheFile)) {
                return Files.readString(cacheFile).trim().equals("kvm") ? "kvm" : "tcg";
            }
        } catch (IOException e) {
            // probe without a cache
        }
        progress.step("probing whether KVM works (a short test boot)");
        Path image = plan.buildDir().resolve("image");
        List<String> cmd = List.of("qemu-system-x86_64", "-M", "microvm", "-nodefaults", "-no-user-config",
                "-accel", "kvm", "-m", "128M", "-display", "none", "-serial", "stdio", "-no-reboot",
                "-kernel", image.resolve("vmlinuz").toString(), "-initrd", image.resolve("probe.img").toString(),
                "-append", "console=ttyS0 panic=-1 quiet loglevel=1");
        boolean ok = false;
        long t0 = System.nanoTime();
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getOutputStream().close();
            StringBuilder out = new StringBuilder();
            Thread reader = new Thread(() -> {
                try {
                    out.append(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    // ignore
                }
            });
            reader.start();
            if (!p.waitFor(8, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
            }
            reader.join(2000);
            ok = out.toString().contains(PROBE_SENTINEL);
        } catch (IOException e) {
            ok = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String result = ok ? "kvm" : "tcg";
        progress.step(String.format(Locale.ROOT, "KVM %s (probe took %.1f s); using %s",
                ok ? "works" : "does not work here", (System.nanoTime() - t0) / 1e9, result));
        if (cacheFile != null) {
            try {
                Files.createDirectories(cacheFile.getParent());
                Files.writeString(cacheFile, result + "\n");
            } catch (IOException e) {
                // the probe just runs again next time
            }
        }
        return result;
    }

    /** What one boot did. */
    public record Outcome(Integer exitCode, boolean timedOut, double firstLineSeconds, double totalSeconds,
            String accel, List<String> tail) {
    }

    @Override
    public int run(Plan plan, Progress progress) throws ToolException {
        Outcome o = boot(plan, progress);
        if (o.timedOut()) {
            throw new ToolException("the VM did not finish within " + timeoutSeconds(plan)
                    + " s (option timeout) and was killed; raise the timeout or look at the console output above");
        }
        if (o.exitCode() == null) {
            throw new ToolException("the VM stopped without reporting the analysis' exit code (kernel panic, "
                    + "out of memory or a broken init?); last console lines:\n  " + String.join("\n  ", o.tail())
                    + "\nTry option memory=1G, or look at the image's manifest.txt");
        }
        return o.exitCode();
    }

    /** Boots the image, streams the console, exports the kv stores; does not throw on a failed guest. */
    public Outcome boot(Plan plan, Progress progress) throws ToolException {
        Path image = plan.buildDir().resolve("image");
        if (!Files.isRegularFile(image.resolve("initramfs.img")) || !Files.isRegularFile(image.resolve("vmlinuz"))) {
            throw new ToolException("no qemu image in " + image + ": run 'strix build -t qemu' first");
        }
        if (Tools.find("qemu-system-x86_64").isEmpty()) {
            throw new ToolException("qemu-system-x86_64 was not found on PATH: install the Debian package 'qemu-system-x86'");
        }
        long timeout = timeoutSeconds(plan);
        Map<Disk, Path> disks = prepareDisks(plan, progress);
        String accel = chooseAccel(plan, progress);
        List<String> cmd = command(plan, accel, disks);
        progress.step("booting the VM (" + accel + (accel.equals("tcg") ? ", software emulation" : "") + ")");
        long t0 = System.nanoTime();
        AtomicLong firstLine = new AtomicLong(-1);
        AtomicInteger exit = new AtomicInteger(Integer.MIN_VALUE);
        List<String> tail = new ArrayList<>();
        boolean timedOut = false;
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new ToolException("cannot start qemu-system-x86_64: " + e.getMessage(), e);
        }
        try {
            p.getOutputStream().close();
            Thread reader = new Thread(() -> pump(p, t0, firstLine, exit, tail), "qemu-console");
            reader.setDaemon(true);
            reader.start();
            if (!p.waitFor(timeout, TimeUnit.SECONDS)) {
                timedOut = true;
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
            reader.join(5000);
        } catch (IOException e) {
            throw new ToolException("lost the VM's console: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ToolException("interrupted while the VM ran; it was killed", e);
        } finally {
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
        double total = (System.nanoTime() - t0) / 1e9;
        double first = firstLine.get() < 0 ? -1 : (firstLine.get() - t0) / 1e9;
        progress.step(String.format(Locale.ROOT, "VM %s after %.1f s (%s); first console line after %.1f s",
                timedOut ? "killed" : "stopped", total, accel, first));
        for (Disk d : disks.keySet()) {
            if (d.kind().equals("kv")) {
                Path folder = Path.of(plan.bindings().get(d.name()));
                int n = exportKv(d.name(), disks.get(d), folder);
                progress.step("kv store '" + d.name() + "': " + n + " changed keys written to " + folder);
            }
        }
        Integer code = exit.get() == Integer.MIN_VALUE ? null : exit.get();
        return new Outcome(code, timedOut, first, total, accel, List.copyOf(tail));
    }

    private void pump(Process p, long t0, AtomicLong firstLine, AtomicInteger exit, List<String> tail) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                line = line.replace("\r", "");
                synchronized (tail) {
                    tail.add(line);
                    if (tail.size() > 20) {
                        tail.remove(0);
                    }
                }
                if (line.startsWith(SENTINEL)) {
                    try {
                        exit.set(Integer.parseInt(line.substring(SENTINEL.length()).trim()));
                    } catch (NumberFormatException e) {
                        console.println(line);
                    }
                    continue;
                }
                if (KERNEL_LINE.matcher(line).matches() && !line.contains("panic") && !line.contains("Out of memory")) {
                    continue; // kernel noise (power-off messages): hidden
                }
                firstLine.compareAndSet(-1, System.nanoTime());
                console.println(line);
            }
        } catch (IOException e) {
            // the process went away
        }
        console.flush();
    }
}
