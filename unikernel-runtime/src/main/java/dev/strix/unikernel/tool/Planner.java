package dev.strix.unikernel.tool;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves a configuration for a target (bindings from the file, overlaid with the command line)
 * and validates it, collecting every problem so that {@code strix configure} reports them all at
 * once, each naming the device, the binding and what to do.
 */
final class Planner {
    private Planner() {
    }

    static Plan plan(StrixConfig config, String target, Overrides overrides) throws ToolException {
        if (!StrixConfig.TARGETS.contains(target)) {
            throw new ToolException("unknown target '" + target + "'; targets are " + String.join(", ", StrixConfig.TARGETS));
        }
        List<String> problems = new ArrayList<>();
        Map<String, String> raw = new LinkedHashMap<>();
        config.bindings(target).forEach((name, value) -> raw.put(name, resolveConfigValue(config, name, value)));
        overrides.bindings.forEach((name, value) -> {
            DeviceSpec d = config.devices().get(name);
            String kind = overrides.bindingKinds.get(name);
            if (d == null) {
                problems.add("--" + kind + " " + name + "=...: " + config.file() + " declares no device '" + name
                        + "' (declared: " + String.join(", ", config.devices().keySet()) + ")");
            } else if (!d.kind().equals(kind)) {
                problems.add("--" + kind + " " + name + "=...: device '" + name + "' is a " + d.kind()
                        + " device; use --" + d.kind());
            } else {
                raw.put(name, value);
            }
        });
        if (overrides.anonymousHttpPort != null) {
            List<String> https = config.devicesOfKind("http");
            if (https.size() != 1) {
                problems.add("--http " + overrides.anonymousHttpPort + ": the configuration declares "
                        + https.size() + " http devices; name one, as --http <name>=<port>");
            } else {
                raw.put(https.get(0), overrides.anonymousHttpPort);
            }
        }

        Map<String, String> bindings = new LinkedHashMap<>();
        for (DeviceSpec d : config.devices().values()) {
            String value = raw.get(d.name());
            if (value == null || (d.kind().equals("http") && value.equals("off"))) {
                if (!d.optional()) {
                    problems.add(d.kind() + " device '" + d.name() + "' is not bound: add it to [bind] in "
                            + config.file() + " or pass --" + d.kind() + " " + d.name() + "=" + example(d.kind()));
                }
                continue;
            }
            String problem = check(d, value);
            if (problem != null) {
                problems.add(problem);
            } else {
                bindings.put(d.name(), value);
            }
        }
        Map<String, String> params = new LinkedHashMap<>(config.params());
        params.putAll(overrides.params);
        Map<String, String> options = new LinkedHashMap<>(config.options(target));
        options.putAll(overrides.options);
        String entropy = overrides.entropy != null ? overrides.entropy : config.entropy();
        Path buildDir = config.dir().resolve("target").resolve("strix").resolve(target);
        Plan plan = new Plan(target, config.dir(), config.name(), config.analysisClass(), config.devices(),
                Collections.unmodifiableMap(bindings), Collections.unmodifiableMap(params), entropy,
                Collections.unmodifiableMap(options), buildDir);
        if (!problems.isEmpty()) {
            throw new ToolException(report(config, target, problems));
        }
        return plan;
    }

    static String report(StrixConfig config, String target, List<String> problems) {
        StringBuilder sb = new StringBuilder("the configuration of " + config.dir() + " for target " + target
                + " has " + problems.size() + (problems.size() == 1 ? " problem:" : " problems:"));
        for (String p : problems) {
            sb.append("\n  - ").append(p);
        }
        return sb.toString();
    }

    private static String resolveConfigValue(StrixConfig config, String name, String value) {
        DeviceSpec d = config.devices().get(name);
        if (d != null && !d.kind().equals("http")) {
            return config.dir().resolve(value).toAbsolutePath().normalize().toString();
        }
        return value;
    }

    private static String example(String kind) {
        switch (kind) {
            case "block": return "path/to/file";
            case "kv": return "path/to/folder/";
            default: return "8080";
        }
    }

    private static String check(DeviceSpec d, String value) {
        switch (d.kind()) {
            case "block": {
                Path p = Path.of(value);
                if (!Files.exists(p)) {
                    return "block device '" + d.name() + "': " + p + " does not exist";
                }
                if (!Files.isRegularFile(p)) {
                    return "block device '" + d.name() + "': " + p + " is not a regular file";
                }
                if (!Files.isReadable(p)) {
                    return "block device '" + d.name() + "': " + p + " is not readable by this user";
                }
                if (!d.readOnly() && !Files.isWritable(p)) {
                    return "block device '" + d.name() + "': " + p + " is not writable (declare it read-only if the analysis only reads it)";
                }
                return null;
            }
            case "kv": {
                Path p = Path.of(value);
                if (Files.exists(p) && !Files.isDirectory(p)) {
                    return "key-value store '" + d.name() + "': " + p + " is a file; bind a folder";
                }
                Path existing = p;
                while (existing != null && !Files.exists(existing)) {
                    existing = existing.getParent();
                }
                if (existing == null || !Files.isWritable(existing)) {
                    return "key-value store '" + d.name() + "': " + (existing == null ? p : existing) + " is not writable by this user";
                }
                return null;
            }
            default: {
                try {
                    int port = Integer.parseInt(value);
                    if (port >= 1 && port <= 65535) {
                        return null;
                    }
                } catch (NumberFormatException ignored) {
                    // reported below
                }
                return "http device '" + d.name() + "': port must be 1..65535 or off, got '" + value + "'";
            }
        }
    }
}
