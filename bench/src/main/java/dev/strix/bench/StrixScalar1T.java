package dev.strix.bench;

import org.openjdk.jmh.annotations.Fork;

/** Strix workloads with the scalar provider, parallelism limited to one thread. */
@Fork(value = 1, jvmArgsAppend = {Jvm.XMS, Jvm.XMX, Jvm.PRETOUCH, Jvm.THP, Jvm.PROVIDER_SCALAR, Jvm.ONE_THREAD})
public class StrixScalar1T extends StrixBenchmarks {}
