package dev.strix.bench;

import org.openjdk.jmh.annotations.Fork;

/**
 * The ND4J peer of issue 5's linear-algebra workloads: the same {@code Linalg} calls as
 * {@link LinalgBenchmarks} with Strix's optional ND4J backend selected, so they run on ND4J's
 * LAPACK (OpenBLAS 0.3.21: dgesv, dpotrf, dsyevd, dgesdd, dgetrf + dgetri, dgelsd). bench/run
 * runs only its {@code strix*} methods (its EJML methods would repeat LinalgBenchmarks'), with
 * OMP_NUM_THREADS=1 and OPENBLAS_NUM_THREADS=1, like the other one-thread peers.
 */
@Fork(value = 1, jvmArgsAppend = {Jvm.XMS, Jvm.XMX, Jvm.PRETOUCH, Jvm.THP, Jvm.ADD_MODULES, Jvm.VECTOR_MODULE, Jvm.PROVIDER_VECTOR,
        Jvm.ONE_THREAD, "-Dstrix.linalg.backend=nd4j"})
public class LinalgNd4jBackend1T extends LinalgBenchmarks {}
