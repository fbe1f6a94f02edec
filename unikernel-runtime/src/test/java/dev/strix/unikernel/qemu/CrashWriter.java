package dev.strix.unikernel.qemu;

import dev.strix.unikernel.Analysis;
import dev.strix.unikernel.Devices;
import dev.strix.unikernel.KvStore;

/** Puts keys in a loop, printing "committed i" after each put returns, until killed. */
public final class CrashWriter implements Analysis {
    /** The value of key i: its length and bytes follow from i, so a reader can check it. */
    public static byte[] value(int i) {
        byte[] v = new byte[1 + (i * 977) % 3000];
        for (int j = 0; j < v.length; j++) {
            v[j] = (byte) (i * 31 + j);
        }
        return v;
    }

    @Override
    public int run(Devices devices) throws Exception {
        KvStore kv = devices.kv("results");
        int count = Integer.parseInt(devices.parameter("count").orElse("100000"));
        for (int i = 0; i < count; i++) {
            kv.put("key-" + i % 40 + "/v", value(i));
            devices.console().println("committed " + i);
        }
        return 0;
    }
}
