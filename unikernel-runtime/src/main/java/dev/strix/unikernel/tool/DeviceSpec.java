package dev.strix.unikernel.tool;

/**
 * One device an analysis declares in its configuration.
 *
 * @param name     the name the analysis asks for ({@code devices.block("data")})
 * @param kind     {@code block}, {@code kv} or {@code http}
 * @param readOnly for block devices: attached read-only
 * @param optional the analysis runs without it (an unbound optional device is absent)
 */
public record DeviceSpec(String name, String kind, boolean readOnly, boolean optional) {
}
