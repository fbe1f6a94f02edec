package dev.strix.unikernel.qemu;

import dev.strix.unikernel.tool.Progress;
import dev.strix.unikernel.tool.ToolException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The kernel and busybox the qemu image boots, taken from Debian's packages without root:
 * {@code apt-cache} resolves the package and version, {@code apt-get download} fetches the
 * {@code .deb}, {@code dpkg-deb -x} unpacks it, and only the files the image needs are kept in
 * the cache ({@code $STRIX_CACHE} or {@code ~/.cache/strix}), under a folder named by package
 * and version, so a new Debian kernel gives a new folder and the old one is never half-replaced.
 */
public final class DebianPackages {
    /** The Debian meta-package whose dependency is the kernel image. */
    public static final String KERNEL_META = "linux-image-cloud-amd64";
    public static final String BUSYBOX = "busybox-static";

    /** A kernel unpacked into the cache: the bzImage, its config and the virtio modules. */
    public record Kernel(String packageName, String version, Path dir) {
        public Path vmlinuz() {
            return dir.resolve("vmlinuz");
        }

        public Path config() {
            return dir.resolve("config");
        }

        /** Module name (dashes as underscores) to its {@code .ko} file. */
        public Map<String, Path> modules() throws IOException {
            Map<String, Path> m = new TreeMap<>();
            try (Stream<Path> s = Files.list(dir.resolve("modules"))) {
                for (Path p : s.toList()) {
                    String f = p.getFileName().toString();
                    if (f.endsWith(".ko")) {
                        m.put(KernelModules.normalize(f.substring(0, f.length() - 3)), p);
                    }
                }
            }
            return m;
        }

        /** CONFIG_HZ of the kernel (for the lpj= boot argument); 250 if the config does not say. */
        public int hz() {
            try {
                for (String line : Files.readAllLines(config(), StandardCharsets.UTF_8)) {
                    if (line.startsWith("CONFIG_HZ=")) {
                        return Integer.parseInt(line.substring("CONFIG_HZ=".length()).trim());
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // fall through
            }
            return 250;
        }
    }

    /** Which kernel modules are worth keeping from the package (the image picks among them). */
    private static final Pattern KEEP_MODULE = Pattern.compile(
            "(virtio|virtio_ring|virtio_mmio|virtio_pci|virtio_pci_modern_dev|virtio_pci_legacy_dev|virtio_blk"
            + "|virtio_net|net_failover|failover|virtio_console|virtio-rng|virtio_rng)\\.ko");

    private final Path cache;

    public DebianPackages(Path cache) {
        this.cache = cache;
    }

    /** {@code $STRIX_CACHE}, or {@code ~/.cache/strix}. */
    public static Path defaultCache() {
        String env = System.getenv("STRIX_CACHE");
        if (env != null && !env.isBlank()) {
            return Path.of(env).toAbsolutePath();
        }
        return Path.of(System.getProperty("user.home"), ".cache", "strix");
    }

    public Path cache() {
        return cache;
    }

    /** The kernel, from the cache or downloaded into it. */
    public Kernel kernel(Progress progress) throws ToolException {
        Optional<String> pkg = resolveDependency(KERNEL_META);
        if (pkg.isEmpty()) {
            Path cached = newestCached("linux-image-").orElseThrow(() -> new ToolException(
                    "cannot find the Debian kernel package: apt-cache is not available or does not know "
                    + KERNEL_META + ". On Debian, install the package 'apt' and run 'apt-get update'"));
            progress.step("apt-cache unavailable; using the cached kernel " + cached.getFileName());
            return kernelAt(cached);
        }
        String version = version(pkg.get());
        Path dir = cache.resolve("debian").resolve(key(pkg.get(), version));
        if (!Files.isRegularFile(dir.resolve("vmlinuz"))) {
            progress.step("downloading " + pkg.get() + " " + version + " from Debian");
            fetch(pkg.get(), version, dir, this::keepKernel);
        }
        return kernelAt(dir);
    }

    private static Kernel kernelAt(Path dir) {
        String name = dir.getFileName().toString();
        int us = name.indexOf('_');
        return new Kernel(name.substring(0, us), name.substring(us + 1), dir);
    }

    /** The statically linked busybox binary, from the cache or downloaded into it. */
    public Path busybox(Progress progress) throws ToolException {
        Optional<String> version = aptAvailable() ? Optional.of(version(BUSYBOX)) : Optional.empty();
        if (version.isEmpty()) {
            Path cached = newestCached(BUSYBOX + "_").orElseThrow(() -> new ToolException(
                    "cannot find Debian's " + BUSYBOX + ": apt-cache is not available. On Debian, install the package 'apt'"));
            return cached.resolve("busybox");
        }
        Path dir = cache.resolve("debian").resolve(key(BUSYBOX, version.get()));
        if (!Files.isRegularFile(dir.resolve("busybox"))) {
            progress.step("downloading " + BUSYBOX + " " + version.get() + " from Debian");
            fetch(BUSYBOX, version.get(), dir, (x, out) -> {
                Path bin = x.resolve("bin/busybox");
                if (!Files.isRegularFile(bin)) {
                    bin = x.resolve("usr/bin/busybox");
                }
                if (!Files.isRegularFile(bin)) {
                    throw new IOException(BUSYBOX + " package holds no bin/busybox");
                }
                Files.copy(bin, out.resolve("busybox"));
            });
        }
        return dir.resolve("busybox");
    }

    /** Whether everything needed to download is present, or a kernel is already cached. */
    public List<String> check() {
        List<String> problems = new ArrayList<>();
        boolean cached = newestCached("linux-image-").isPresent() && newestCached(BUSYBOX + "_").isPresent();
        if (!cached) {
            for (String[] tool : new String[][] {{"apt-get", "apt"}, {"apt-cache", "apt"}, {"dpkg-deb", "dpkg"}}) {
                if (Tools.find(tool[0]).isEmpty()) {
                    problems.add(tool[0] + " is needed to download the kernel and busybox from Debian and was not "
                            + "found on PATH: install the Debian package '" + tool[1] + "'");
                }
            }
        }
        return problems;
    }

    private interface Keep {
        void keep(Path extracted, Path out) throws IOException;
    }

    private void keepKernel(Path x, Path out) throws IOException {
        Path vmlinuz = single(x.resolve("boot"), "vmlinuz-");
        Files.copy(vmlinuz, out.resolve("vmlinuz"));
        Files.copy(single(x.resolve("boot"), "config-"), out.resolve("config"));
        Path mods = out.resolve("modules");
        Files.createDirectories(mods);
        int n = 0;
        for (Path root : List.of(x.resolve("lib/modules"), x.resolve("usr/lib/modules"))) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> s = Files.walk(root)) {
                for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                    if (KEEP_MODULE.matcher(p.getFileName().toString()).matches()) {
                        Files.copy(p, mods.resolve(p.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
                        n++;
                    }
                }
            }
        }
        if (n == 0) {
            throw new IOException("the kernel package holds no virtio modules (are they compressed or built in?)");
        }
    }

    private static Path single(Path dir, String prefix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst()
                    .orElseThrow(() -> new IOException("no " + prefix + "* in " + dir.getFileName()));
        }
    }

    private void fetch(String pkg, String version, Path dir, Keep keep) throws ToolException {
        requireTool("apt-get", "apt");
        requireTool("dpkg-deb", "dpkg");
        Path tmp = null;
        try {
            Files.createDirectories(dir.getParent());
            tmp = Files.createTempDirectory(dir.getParent(), ".download-");
            Tools.run(List.of("apt-get", "download", pkg + "=" + version), tmp, 600,
                    "downloading " + pkg + " with apt-get (is the network up and 'apt-get update' done?)");
            Path deb;
            try (Stream<Path> s = Files.list(tmp)) {
                deb = s.filter(p -> p.toString().endsWith(".deb")).findFirst()
                        .orElseThrow(() -> new ToolException("apt-get download " + pkg + " produced no .deb file"));
            }
            Path x = tmp.resolve("x");
            Tools.run(List.of("dpkg-deb", "-x", deb.toString(), x.toString()), tmp, 600, "unpacking " + deb.getFileName());
            Path out = tmp.resolve("out");
            Files.createDirectories(out);
            keep.keep(x, out);
            try {
                Files.move(out, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(out, dir);
            } catch (java.nio.file.FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
                // another build unpacked the same version meanwhile: keep theirs
            }
        } catch (IOException e) {
            throw new ToolException("cannot unpack " + pkg + " " + version + " into " + dir + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                deleteTree(tmp);
            }
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }

    private static void requireTool(String tool, String debianPackage) throws ToolException {
        if (Tools.find(tool).isEmpty()) {
            throw new ToolException(tool + " is needed to download the kernel and busybox from Debian and was not "
                    + "found on PATH: install the Debian package '" + debianPackage + "'");
        }
    }

    private static boolean aptAvailable() {
        return Tools.find("apt-cache").isPresent();
    }

    /** The first "Depends:" of a package (the versioned kernel image of the meta-package). */
    private Optional<String> resolveDependency(String meta) throws ToolException {
        if (!aptAvailable()) {
            return Optional.empty();
        }
        String out = Tools.run(List.of("apt-cache", "depends", meta), null, 60, "asking apt-cache about " + meta);
        Matcher m = Pattern.compile("(?m)^\\s*Depends:\\s*(\\S+)").matcher(out);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static String version(String pkg) throws ToolException {
        String out = Tools.run(List.of("apt-cache", "show", "--no-all-versions", pkg), null, 60,
                "asking apt-cache for the version of " + pkg);
        Matcher m = Pattern.compile("(?m)^Version:\\s*(\\S+)").matcher(out);
        if (!m.find()) {
            throw new ToolException("apt-cache knows no version of " + pkg + "; run 'apt-get update'");
        }
        return m.group(1);
    }

    private static String key(String pkg, String version) {
        return pkg + "_" + version.replace(':', '~');
    }

    private Optional<Path> newestCached(String prefix) {
        Path d = cache.resolve("debian");
        if (!Files.isDirectory(d)) {
            return Optional.empty();
        }
        try (Stream<Path> s = Files.list(d)) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix)).max(Comparator.naturalOrder());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Running host tools. */
    static final class Tools {
        private Tools() {
        }

        static Optional<Path> find(String tool) {
            String path = System.getenv("PATH");
            if (path == null) {
                return Optional.empty();
            }
            for (String dir : path.split(java.io.File.pathSeparator)) {
                if (dir.isEmpty()) {
                    continue;
                }
                Path p = Path.of(dir, tool);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
            return Optional.empty();
        }

        /** Runs a command, returns its stdout; a failure is a ToolException quoting its output. */
        static String run(List<String> cmd, Path cwd, long timeoutSeconds, String what) throws ToolException {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            if (cwd != null) {
                pb.directory(cwd.toFile());
            }
            pb.environment().put("LC_ALL", "C");
            try {
                Process p = pb.start();
                p.getOutputStream().close();
                byte[][] out = new byte[1][];
                Thread reader = new Thread(() -> {
                    try {
                        out[0] = p.getInputStream().readAllBytes();
                    } catch (IOException e) {
                        out[0] = new byte[0];
                    }
                });
                reader.start();
                if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new ToolException(what + ": '" + String.join(" ", cmd) + "' did not finish in "
                            + timeoutSeconds + " s");
                }
                reader.join();
                String text = new String(out[0], StandardCharsets.UTF_8);
                if (p.exitValue() != 0) {
                    throw new ToolException(what + ": '" + String.join(" ", cmd) + "' failed with exit code "
                            + p.exitValue() + ":\n" + text.strip());
                }
                return text;
            } catch (IOException e) {
                throw new ToolException(what + ": cannot run " + cmd.get(0) + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ToolException(what + ": interrupted", e);
            }
        }
    }
}
