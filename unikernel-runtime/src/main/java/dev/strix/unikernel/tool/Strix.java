package dev.strix.unikernel.tool;

import dev.strix.unikernel.qemu.QemuTarget;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The {@code strix} command: configure, build, run and clean an analysis for one of three targets.
 * {@code ./strix} at the repository root starts it. Library code never exits the JVM; this
 * {@code main} is the one place that turns a result into an exit code.
 */
public final class Strix {
    static final String CONFIGURED = "configured.properties";
    static final int EXIT_TOOL_ERROR = 2;

    private static final String USAGE = String.join("\n",
            "usage: strix <command> [options] [analysis-folder]",
            "",
            "Builds one analysis (a folder with a strix.conf) into one of three targets and runs it:",
            "  unix   a JVM process on this machine, host files and folders as devices",
            "  jlink  a self-contained folder with a trimmed Java runtime and a launcher",
            "  qemu   a bootable VM image (Linux kernel + initramfs whose only program is the JVM)",
            "",
            "commands:",
            "  configure  check the configuration for a target and remember it",
            "  build      build the configured target (configures unix first if nothing is configured)",
            "  run        build, then run; exits with the analysis' exit code",
            "  clean      delete the analysis' build output (target/strix)",
            "  help       show this text, or `strix help <command>`",
            "",
            "The analysis folder defaults to the current directory. `strix <command> --help` explains each command.");

    private static final String BINDING_OPTIONS = String.join("\n",
            "  -t, --target unix|jlink|qemu   the target (default: the configured one, else unix)",
            "  --block NAME=FILE              bind block device NAME to a host file",
            "  --kv NAME=FOLDER               bind key-value store NAME to a host folder",
            "  --http [NAME=]PORT|off         serve http device NAME on host port PORT",
            "  --param NAME=VALUE             set an analysis parameter",
            "  --entropy system|seed:N        random bytes from the system or a fixed seed",
            "  -o, --option KEY=VALUE         a target option (qemu: memory=512M, timeout=300, <kv>.size=16M)");

    private static final String CONFIGURE_HELP = String.join("\n",
            "usage: strix configure [options] [analysis-folder]",
            "",
            "Reads <analysis-folder>/strix.conf, applies the options, checks every binding and what the",
            "target needs on this machine, reports every problem at once, and remembers the result in",
            "target/strix/configured.properties for build and run.",
            "",
            "options:",
            BINDING_OPTIONS);

    private static final String BUILD_HELP = String.join("\n",
            "usage: strix build [options] [analysis-folder]",
            "",
            "Compiles the analysis with Maven and builds the configured target under target/strix/<target>/,",
            "replacing the previous build only when the new one is complete; prints its size and contents.",
            "Options as for configure; given options reconfigure first.",
            "",
            "options:",
            BINDING_OPTIONS);

    private static final String RUN_HELP = String.join("\n",
            "usage: strix run [options] [analysis-folder]",
            "",
            "Configures (with the options given, on top of the remembered configuration), builds and runs the",
            "analysis, streaming its console; exits with the analysis' exit code (qemu: read from the VM).",
            "",
            "options:",
            BINDING_OPTIONS);

    private static final String CLEAN_HELP = String.join("\n",
            "usage: strix clean [analysis-folder]",
            "",
            "Deletes target/strix in the analysis folder: every target's build, the remembered configuration",
            "and the qemu disk images (key-value stores bound to host folders are left alone).");

    private final PrintStream out;
    private final PrintStream err;
    private final long started = System.nanoTime();

    Strix(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new Strix(System.out, System.err).execute(args));
    }

    /** Runs one command line; returns the process exit code. */
    int execute(String[] argv) {
        List<String> args = new ArrayList<>(List.of(argv));
        Path root = null;
        if (args.size() >= 2 && args.get(0).equals("--root")) {
            root = Path.of(args.get(1)).toAbsolutePath().normalize();
            args = args.subList(2, args.size());
        }
        if (args.isEmpty() || args.get(0).equals("help") || args.get(0).equals("--help") || args.get(0).equals("-h")) {
            if (args.size() >= 2) {
                String help = helpOf(args.get(1));
                if (help != null) {
                    out.println(help);
                    return 0;
                }
            }
            out.println(USAGE);
            return args.isEmpty() ? EXIT_TOOL_ERROR : 0;
        }
        String command = args.get(0);
        String help = helpOf(command);
        if (help == null) {
            err.println("strix: unknown command '" + command + "'\n\n" + USAGE);
            return EXIT_TOOL_ERROR;
        }
        try {
            Invocation inv = Invocation.parse(command, args.subList(1, args.size()));
            if (inv.help) {
                out.println(help);
                return 0;
            }
            Path repoRoot = root != null ? root : findRoot(inv.dir);
            switch (command) {
                case "configure": {
                    Plan plan = configure(inv, true);
                    out.println("configured " + plan.name() + " for target " + plan.target() + ": " + describe(plan));
                    return 0;
                }
                case "build": {
                    Plan plan = configure(inv, !inv.overrides.isEmpty() || inv.target != null || !isConfigured(inv.dir));
                    out.println(build(plan, repoRoot));
                    return 0;
                }
                case "run": {
                    Plan plan = configure(inv, !inv.overrides.isEmpty() || inv.target != null || !isConfigured(inv.dir));
                    String report = build(plan, repoRoot);
                    progress("built: " + report);
                    progress("running " + plan.name() + " on target " + plan.target());
                    int code = target(plan.target()).run(plan, this::progress);
                    progress("finished with exit code " + code);
                    return code;
                }
                case "clean": {
                    Path dir = inv.dir.resolve("target").resolve("strix");
                    Builds.deleteTree(dir);
                    out.println("removed " + dir);
                    return 0;
                }
                default:
                    throw new AssertionError(command);
            }
        } catch (ToolException e) {
            err.println("strix: error: " + e.getMessage());
            return EXIT_TOOL_ERROR;
        } catch (IOException e) {
            err.println("strix: error: " + e);
            return EXIT_TOOL_ERROR;
        }
    }

    private static String helpOf(String command) {
        switch (command) {
            case "configure": return CONFIGURE_HELP;
            case "build": return BUILD_HELP;
            case "run": return RUN_HELP;
            case "clean": return CLEAN_HELP;
            case "help": return USAGE;
            default: return null;
        }
    }

    /** Resolves the plan; when {@code reconfigure}, validates it fully and remembers it. */
    private Plan configure(Invocation inv, boolean reconfigure) throws ToolException, IOException {
        StrixConfig config = StrixConfig.load(inv.dir);
        Path state = inv.dir.resolve("target").resolve("strix").resolve(CONFIGURED);
        Properties saved = new Properties();
        if (Files.isRegularFile(state)) {
            try (Reader r = Files.newBufferedReader(state, StandardCharsets.UTF_8)) {
                saved.load(r);
            }
        }
        String target = inv.target != null ? inv.target : saved.getProperty("target", "unix");
        Overrides merged = Overrides.load(saved);
        if (!target.equals(saved.getProperty("target", target))) {
            merged = new Overrides(); // another target: its own bindings, not the last target's
        }
        // settings an earlier configure or run remembered and this command line does not repeat:
        // said on stderr, since they silently shape the run (an earlier -o memory=420M stays)
        List<String> remembered = new ArrayList<>();
        merged.options.forEach((k, v) -> {
            if (!inv.overrides.options.containsKey(k)) {
                remembered.add("-o " + k + "=" + v);
            }
        });
        merged.params.forEach((k, v) -> {
            if (!inv.overrides.params.containsKey(k)) {
                remembered.add("--param " + k + "=" + v);
            }
        });
        if (!remembered.isEmpty()) {
            progress("remembered from an earlier configure: " + String.join(" ", remembered)
                    + " (give them again to change them; 'strix clean' forgets them)");
        }
        merged.bindings.putAll(inv.overrides.bindings);
        merged.bindingKinds.putAll(inv.overrides.bindingKinds);
        merged.params.putAll(inv.overrides.params);
        merged.options.putAll(inv.overrides.options);
        if (inv.overrides.entropy != null) {
            merged.entropy = inv.overrides.entropy;
        }
        if (inv.overrides.anonymousHttpPort != null) {
            merged.anonymousHttpPort = inv.overrides.anonymousHttpPort;
        }
        Plan plan = Planner.plan(config, target, merged);
        if (reconfigure) {
            List<String> problems = target(target).check(plan);
            if (!problems.isEmpty()) {
                throw new ToolException(Planner.report(config, target, problems));
            }
            Properties p = new Properties();
            p.setProperty("target", target);
            merged.store(p);
            Path tmp = state.resolveSibling(CONFIGURED + ".tmp");
            Builds.writeProperties(tmp, p, "written by strix configure; strix build and run read it");
            Files.move(tmp, state, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return plan;
    }

    private static boolean isConfigured(Path dir) {
        return Files.isRegularFile(dir.resolve("target").resolve("strix").resolve(CONFIGURED));
    }

    private String build(Plan plan, Path repoRoot) throws ToolException {
        List<Path> cp = AnalysisBuild.classpath(repoRoot, plan.analysisDir(), this::progress);
        progress("building target " + plan.target());
        return target(plan.target()).build(plan, cp, this::progress);
    }

    static Target target(String name) throws ToolException {
        switch (name) {
            case "unix": return new UnixTarget();
            case "jlink": return new JlinkTarget();
            case "qemu":
                return new QemuTarget(JlinkTarget::runtimeForImage);
            default:
                throw new ToolException("unknown target '" + name + "'; targets are " + String.join(", ", StrixConfig.TARGETS));
        }
    }

    private static String describe(Plan plan) {
        StringBuilder sb = new StringBuilder(plan.analysisClass());
        plan.devices().values().forEach(d -> {
            String b = plan.bindings().get(d.name());
            sb.append("\n  ").append(d.kind()).append(' ').append(d.name()).append(" -> ")
                    .append(b == null ? "(unbound, optional)" : b);
        });
        sb.append("\n  entropy -> ").append(plan.entropy());
        plan.params().forEach((k, v) -> sb.append("\n  param ").append(k).append(" = ").append(v));
        plan.options().forEach((k, v) -> sb.append("\n  option ").append(k).append(" = ").append(v));
        return sb.toString();
    }

    private void progress(String message) {
        double s = (System.nanoTime() - started) / 1e9;
        err.println(String.format(Locale.ROOT, "strix [%5.1fs] %s", s, message));
        err.flush();
    }

    /** The repository root: the nearest folder above {@code dir} with both mvnw and pom.xml. */
    static Path findRoot(Path dir) throws ToolException {
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("mvnw")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p;
            }
        }
        throw new ToolException("cannot find the Strix checkout (a folder with mvnw and pom.xml) above " + dir);
    }

    /** One parsed command line. */
    static final class Invocation {
        String target;
        Path dir = Path.of("").toAbsolutePath();
        boolean help;
        final Overrides overrides = new Overrides();

        static Invocation parse(String command, List<String> args) throws ToolException {
            Invocation inv = new Invocation();
            Path cwd = Path.of("").toAbsolutePath();
            String folder = null;
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                if (a.equals("--help") || a.equals("-h")) {
                    inv.help = true;
                    return inv;
                }
                String flag = a;
                String value = null;
                int eq = a.indexOf('=');
                if (a.startsWith("--") && eq > 0 && (a.startsWith("--target=") || a.startsWith("--entropy="))) {
                    flag = a.substring(0, eq);
                    value = a.substring(eq + 1);
                }
                if (a.startsWith("-")) {
                    if (command.equals("clean")) {
                        throw new ToolException("clean takes no options, got '" + a + "'; see strix clean --help");
                    }
                    if (value == null) {
                        if (i + 1 >= args.size()) {
                            throw new ToolException(a + " needs a value; see strix " + command + " --help");
                        }
                        value = args.get(++i);
                    }
                    if (flag.equals("-t") || flag.equals("--target")) {
                        if (!StrixConfig.TARGETS.contains(value)) {
                            throw new ToolException("unknown target '" + value + "'; targets are " + String.join(", ", StrixConfig.TARGETS));
                        }
                        inv.target = value;
                    } else if (!inv.overrides.accept(flag, value, cwd)) {
                        throw new ToolException("unknown option '" + a + "'; see strix " + command + " --help");
                    }
                } else {
                    if (folder != null) {
                        throw new ToolException("more than one analysis folder given: '" + folder + "' and '" + a + "'");
                    }
                    folder = a;
                }
            }
            if (folder != null) {
                inv.dir = cwd.resolve(folder).toAbsolutePath().normalize();
            }
            if (!Files.isDirectory(inv.dir)) {
                throw new ToolException("analysis folder " + inv.dir + " does not exist");
            }
            return inv;
        }
    }
}
