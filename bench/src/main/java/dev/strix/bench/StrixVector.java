package dev.strix.bench;

import org.openjdk.jmh.annotations.Fork;

/** Strix workloads with the vector provider, default parallelism. */
@Fork(value = 1, jvmArgsAppend = {Jvm.XMS, Jvm.XMX, Jvm.PRETOUCH, Jvm.THP, Jvm.ADD_MODULES, Jvm.VECTOR_MODULE, Jvm.PROVIDER_VECTOR})
public class StrixVector extends StrixBenchmarks {}
