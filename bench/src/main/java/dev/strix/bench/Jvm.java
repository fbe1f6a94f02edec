package dev.strix.bench;

/** Fork JVM arguments shared by the benchmark classes (annotation constants). */
final class Jvm {
    private Jvm() {}

    /** A fixed heap: the 10M-element workloads allocate 80 MB per result. */
    static final String XMS = "-Xms2g", XMX = "-Xmx2g";

    /**
     * Every Java peer's heap is touched at start-up, in transparent huge pages: on these VMs a
     * page first touched (or touched again after a collection) costs about 7 us to fault in,
     * which made a 10K-element allocating add read 205 us instead of 6.6 (docs/ndarray.md). The
     * pre-touch of 2 GB takes 2.1 s per fork in huge pages (3.7 s in 4 KB pages).
     */
    static final String PRETOUCH = "-XX:+AlwaysPreTouch", THP = "-XX:+UseTransparentHugePages";

    static final String ADD_MODULES = "--add-modules", VECTOR_MODULE = "jdk.incubator.vector";

    static final String PROVIDER_VECTOR = "-Dstrix.vectorization=vector";
    static final String PROVIDER_SCALAR = "-Dstrix.vectorization=scalar";
    static final String ONE_THREAD = "-Dstrix.parallelism=1";
}
