package dev.strix.unikernel.tool;

/** Where long steps report what they are doing ("downloading kernel ...", "writing initramfs"). */
@FunctionalInterface
public interface Progress {
    void step(String message);
}
