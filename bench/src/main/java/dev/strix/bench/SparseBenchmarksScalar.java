package dev.strix.bench;

import org.openjdk.jmh.annotations.Fork;

/**
 * The sparse workloads with the scalar provider (no Vector API: the two-accumulator SpMV loop),
 * default parallelism; bench/run runs only its Strix methods.
 */
@Fork(value = 1, jvmArgsAppend = {Jvm.XMS, Jvm.XMX, Jvm.PRETOUCH, Jvm.THP, Jvm.PROVIDER_SCALAR})
public class SparseBenchmarksScalar extends SparseBenchmarks {}
