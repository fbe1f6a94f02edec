package dev.strix.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;

/** The protocol-facing side of the kernel, called directly (no connection). */
class StrixKernelTest {
    static StrixKernel kernel;

    @BeforeAll
    static void start() {
        kernel = new StrixKernel();
    }

    @AfterAll
    static void stop() {
        kernel.onShutdown(false);
    }

    @Test
    void evalGivesDisplayDataOrNothing() throws Exception {
        DisplayData d = kernel.eval("Nd.eye(2)");
        assertTrue(String.valueOf(d.getData(MIMEType.TEXT_HTML)).contains("<table>"));
        assertNotNull(d.getData(MIMEType.TEXT_PLAIN));
        assertNull(kernel.eval("int nothingShown = 1;"));
    }

    @Test
    void errorsAreFormattedAsTheCellReport() {
        CellException e = assertThrows(CellException.class, () -> kernel.eval("int a = 1;\nString s = a;"));
        List<String> lines = kernel.formatError(e);
        assertTrue(lines.get(0).startsWith("Compile error at cell line 2"), lines.toString());
    }

    @Test
    void isCompleteFollowsJShell() {
        assertEquals("complete", kernel.isComplete("int x = 1;"));
        String incomplete = kernel.isComplete("if (true) {");
        assertTrue(incomplete.isBlank(), "incomplete input answers with its indent: [" + incomplete + "]");
    }

    @Test
    void completionSuggestsStrixNames() {
        ReplacementOptions r = kernel.complete("Nd.lins", 7);
        assertNotNull(r);
        assertTrue(r.getReplacements().stream().anyMatch(s -> s.startsWith("linspace")), r.getReplacements().toString());
    }
}
