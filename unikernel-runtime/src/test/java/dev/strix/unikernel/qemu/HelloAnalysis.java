package dev.strix.unikernel.qemu;

import dev.strix.unikernel.Analysis;
import dev.strix.unikernel.Block;
import dev.strix.unikernel.Devices;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Prints a line, reads its data block, writes a key, exits with code 3. */
public final class HelloAnalysis implements Analysis {
    @Override
    public int run(Devices devices) throws Exception {
        devices.console().println("hello from the " + devices.target() + " target");
        Block data = devices.block("data");
        ByteBuffer first = ByteBuffer.allocate(data.sectorSize());
        data.read(0, first);
        String text = new String(first.array(), StandardCharsets.UTF_8);
        devices.console().println("data: " + data.sectorCount() + " sectors, first line '"
                + text.substring(0, text.indexOf('\n')) + "'");
        devices.kv("results").putText("report/greeting.txt", "written in the VM, answer="
                + devices.parameter("answer").orElse("?") + "\n");
        devices.console().println("done");
        return 3;
    }
}
