package dev.strix.bench;

/** Fork JVM arguments shared by the benchmark classes (annotation constants). */
final class Jvm {
    private Jvm() {}

    /** A fixed heap: the 10M-element workloads allocate 80 MB per result. */
    static final String XMS = "-Xms2g", XMX = "-Xmx2g";

    static final String ADD_MODULES = "--add-modules", VECTOR_MODULE = "jdk.incubator.vector";

    static final String PROVIDER_VECTOR = "-Dstrix.vectorization=vector";
    static final String PROVIDER_SCALAR = "-Dstrix.vectorization=scalar";
    static final String ONE_THREAD = "-Dstrix.parallelism=1";
}
