package dev.strix.unikernel.tool;

import java.nio.file.Path;
import java.util.List;

/**
 * One way of running an analysis (unix, jlink, qemu).
 */
public interface Target {
    /** {@code unix}, {@code jlink} or {@code qemu}. */
    String name();

    /**
     * Checks what this target needs on the host (tools, kernel, ports), beyond the checks common
     * to every target, and returns each problem as a sentence naming the thing and what to do.
     */
    List<String> check(Plan plan);

    /**
     * Builds the target's artefact under {@code plan.buildDir()} from the analysis' runtime
     * classpath (jars, the unikernel runtime among them). Never leaves a half-written artefact:
     * build beside it and move into place. Returns a human report (sizes, contents).
     */
    String build(Plan plan, List<Path> classpath, Progress progress) throws ToolException;

    /** Runs the built artefact, streaming its console to stdout; returns the analysis' exit code. */
    int run(Plan plan, Progress progress) throws ToolException;
}
