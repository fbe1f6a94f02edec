package dev.strix.bench;

import org.openjdk.jmh.annotations.Fork;

/**
 * The sparse workloads with the vector provider on one thread (SciPy's sparse kernels are single
 * threaded); bench/run runs only its Strix methods.
 */
@Fork(value = 1, jvmArgsAppend = {Jvm.XMS, Jvm.XMX, Jvm.PRETOUCH, Jvm.THP, Jvm.ADD_MODULES, Jvm.VECTOR_MODULE, Jvm.PROVIDER_VECTOR, Jvm.ONE_THREAD})
public class SparseBenchmarks1T extends SparseBenchmarks {}
