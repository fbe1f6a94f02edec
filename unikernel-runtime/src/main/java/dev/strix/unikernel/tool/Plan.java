package dev.strix.unikernel.tool;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A configuration resolved for one target: what {@code strix configure} validated and wrote,
 * what {@code build} and {@code run} act on.
 *
 * @param target        {@code unix}, {@code jlink} or {@code qemu}
 * @param analysisDir   the folder holding {@code strix.conf} (absolute)
 * @param name          the analysis' short name (the folder name unless configured)
 * @param analysisClass the class implementing {@code dev.strix.unikernel.Analysis}
 * @param devices       declared devices by name, in declaration order
 * @param bindings      host binding per bound device name: an absolute path for block and kv,
 *                      a host port number for http; unbound optional devices are absent
 * @param params        analysis parameters ({@code Devices.parameter})
 * @param entropy       {@code system} or {@code seed:<long>}
 * @param options       target options, e.g. {@code memory=512M}, {@code results.size=16M}
 * @param buildDir      where this target's build output goes ({@code <analysisDir>/target/strix/<target>})
 */
public record Plan(String target, Path analysisDir, String name, String analysisClass,
        Map<String, DeviceSpec> devices, Map<String, String> bindings, Map<String, String> params,
        String entropy, Map<String, String> options, Path buildDir) {

    /** Names of the declared devices of one kind, in declaration order. */
    public List<String> devicesOfKind(String kind) {
        return devices.values().stream().filter(d -> d.kind().equals(kind)).map(DeviceSpec::name).toList();
    }
}
