package dev.strix.unikernel.tool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The unix target: the analysis runs in a child JVM of the host's JDK, host files as block
 * devices, host folders as key-value stores, the host network.
 */
public final class UnixTarget implements Target {
    @Override
    public String name() {
        return "unix";
    }

    @Override
    public List<String> check(Plan plan) {
        return List.of();
    }

    @Override
    public String build(Plan plan, List<Path> classpath, Progress progress) throws ToolException {
        try {
            Path staging = Builds.staging(plan.buildDir());
            Builds.copyJars(classpath, staging.resolve("lib"));
            Builds.writeProperties(staging.resolve("boot.properties"), Builds.hostBoot(plan),
                    "strix boot file for " + plan.name() + " on target unix");
            Builds.swapInto(staging, plan.buildDir());
            return "unix: " + classpath.size() + " jars, " + Builds.mib(Builds.size(plan.buildDir().resolve("lib")))
                    + ", in " + plan.buildDir();
        } catch (IOException e) {
            throw new ToolException("building the unix target in " + plan.buildDir() + " failed: " + e, e);
        }
    }

    @Override
    public int run(Plan plan, Progress progress) throws ToolException {
        Path dir = plan.buildDir();
        if (!Files.isRegularFile(dir.resolve("boot.properties"))) {
            throw new ToolException("the unix target of " + plan.analysisDir() + " is not built; run strix build");
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(Builds.hostJava().toString());
        cmd.addAll(jvmOptions());
        cmd.add("-cp");
        cmd.add(dir.resolve("lib").toString() + "/*");
        cmd.add(Builds.BOOT_CLASS);
        cmd.add(dir.resolve("boot.properties").toString());
        return Builds.runAttached(cmd, plan.analysisDir());
    }

    /**
     * The heap flags of the unix and jlink targets: a 1 GB initial heap touched at start-up in
     * transparent huge pages. On the project's VMs a page the JVM has not touched, or touches
     * again after a collection, costs about 7 us to fault in, so without them a 10K-element
     * {@code a.add(b)} took 205-223 us and a 1K one 20 us; with them 6.6 and 0.74 us (JDK 17 and
     * 25, see docs/ndarray.md). Huge pages make the pre-touch cheap: 0.18 s for 1 GB, against
     * 1.7 s in 4 KB pages. Where the kernel has no transparent huge pages the JVM warns once and
     * pre-touches in small pages. STRIX_JAVA_OPTS (jlink launcher) can override them.
     */
    static final List<String> HEAP_OPTIONS = List.of("-Xms1g", "-XX:+AlwaysPreTouch", "-XX:+UseTransparentHugePages");

    /** JVM options every target uses: headless, the heap flags, and the Vector API when the JDK has it. */
    static List<String> jvmOptions() {
        List<String> o = new ArrayList<>();
        o.add("-Djava.awt.headless=true");
        o.add("-XX:+UseSerialGC");
        o.addAll(HEAP_OPTIONS);
        if (Builds.jdkHasVectorModule()) {
            o.add("--add-modules=" + Builds.VECTOR_MODULE);
        }
        return o;
    }
}
