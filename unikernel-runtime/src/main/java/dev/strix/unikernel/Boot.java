package dev.strix.unikernel;

import dev.strix.unikernel.internal.BootDevices;
import dev.strix.unikernel.unix.StreamConsole;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The entry point on every target: reads the boot file that {@code strix build} wrote (which
 * analysis, which device bound to what), builds the devices, runs the analysis and exits with
 * its code. Exit code 1: the analysis threw; 2: the boot file or a device binding is wrong.
 *
 * <pre>
 * analysis=dev.strix.examples.diabetes.DiabetesReport
 * target=unix
 * block.data=/path/to/diabetes.csv
 * block.data.readonly=true
 * kv.results=dir:/path/to/results        (qemu: log:/dev/vdb)
 * http.report=8080
 * http.bind=127.0.0.1                    (qemu: 0.0.0.0)
 * entropy=system                         (or seed:42)
 * param.serve-seconds=0
 * console.level=INFO
 * </pre>
 */
public final class Boot {
    public static final int EXIT_ANALYSIS_FAILED = 1;
    public static final int EXIT_BAD_BOOT = 2;

    private Boot() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: java -cp <jars> dev.strix.unikernel.Boot <boot.properties>");
            System.exit(EXIT_BAD_BOOT);
        }
        Properties boot = new Properties();
        Path file = Path.of(args[0]);
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            boot.load(r);
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("strix boot: cannot read boot file " + file + ": " + e);
            System.exit(EXIT_BAD_BOOT);
        }
        System.exit(run(boot, System.out, System.err));
    }

    /**
     * Runs the analysis the boot properties name, in this JVM, and returns its exit code. Never
     * exits the JVM; device and analysis errors are reported on {@code log}.
     */
    public static int run(Properties boot, PrintStream out, PrintStream log) {
        Console.Level level;
        try {
            level = Console.Level.valueOf(boot.getProperty("console.level", "INFO").trim());
        } catch (IllegalArgumentException e) {
            log.println("strix boot: console.level must be one of DEBUG, INFO, WARN, ERROR");
            return EXIT_BAD_BOOT;
        }
        Console console = new StreamConsole(out, log, level);
        String className = boot.getProperty("analysis");
        if (className == null || className.isBlank()) {
            console.error("strix boot: the boot file names no analysis (analysis=<class>)");
            return EXIT_BAD_BOOT;
        }
        Analysis analysis;
        try {
            analysis = instantiate(className.trim());
        } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
            console.error("strix boot: cannot create analysis " + className + ": " + e);
            return EXIT_BAD_BOOT;
        }
        BootDevices devices;
        try {
            devices = BootDevices.open(boot, console);
        } catch (DeviceException | IllegalArgumentException e) {
            console.error("strix boot: " + e.getMessage());
            return EXIT_BAD_BOOT;
        }
        try (devices) {
            return analysis.run(devices);
        } catch (Exception e) {
            console.error("analysis " + className + " failed: " + e);
            e.printStackTrace(log);
            return EXIT_ANALYSIS_FAILED;
        }
    }

    private static Analysis instantiate(String className) throws ReflectiveOperationException {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Class<?> type = Class.forName(className, true, loader == null ? Boot.class.getClassLoader() : loader);
        if (!Analysis.class.isAssignableFrom(type)) {
            throw new ClassCastException(className + " does not implement " + Analysis.class.getName());
        }
        return (Analysis) type.getConstructor().newInstance();
    }
}
