package dev.strix.bench;

import org.openjdk.jmh.annotations.Fork;

/** Strix workloads with the vector provider, parallelism limited to one thread. */
@Fork(value = 1, jvmArgsAppend = {Jvm.XMS, Jvm.XMX, Jvm.PRETOUCH, Jvm.THP, Jvm.ADD_MODULES, Jvm.VECTOR_MODULE, Jvm.PROVIDER_VECTOR, Jvm.ONE_THREAD})
public class StrixVector1T extends StrixBenchmarks {}
