package dev.strix.bench;

import org.openjdk.jmh.annotations.Fork;

/** {@link Nd4jPeer} with libnd4j and OpenBLAS limited to one thread (single-threaded GEMM). */
@Fork(value = 1, jvmArgsAppend = {Jvm.XMS, Jvm.XMX, Jvm.PRETOUCH, Jvm.THP, "-D" + Nd4jPeer.THREADS + "=1"})
public class Nd4jPeer1T extends Nd4jPeer {}
