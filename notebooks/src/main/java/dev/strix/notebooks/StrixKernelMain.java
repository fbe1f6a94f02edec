package dev.strix.notebooks;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.channels.JupyterSocket;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;

/** {@code java -cp lib/* dev.strix.notebooks.StrixKernelMain CONNECTION_FILE}, as kernel.json runs it. */
public final class StrixKernelMain {
    private StrixKernelMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: StrixKernelMain CONNECTION_FILE (Jupyter passes it; see kernel.json)");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        if (!Files.isRegularFile(file)) {
            System.err.println("no connection file at " + file);
            System.exit(2);
        }
        System.setProperty("java.awt.headless", "true");
        JupyterSocket.JUPYTER_LOGGER.setLevel(Level.WARNING);
        KernelConnectionProperties props =
                KernelConnectionProperties.parse(Files.readString(file, StandardCharsets.UTF_8));
        JupyterConnection connection = new JupyterConnection(props);
        StrixKernel kernel = new StrixKernel();
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        connection.waitUntilClose();
        System.exit(0);
    }
}
