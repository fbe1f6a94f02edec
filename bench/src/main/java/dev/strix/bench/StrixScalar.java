package dev.strix.bench;

import org.openjdk.jmh.annotations.Fork;

/** Strix workloads with the scalar provider (no --add-modules, as a user without the flag), default parallelism. */
@Fork(value = 1, jvmArgsAppend = {Jvm.XMS, Jvm.XMX, Jvm.PRETOUCH, Jvm.THP, Jvm.PROVIDER_SCALAR})
public class StrixScalar extends StrixBenchmarks {}
