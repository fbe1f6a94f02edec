package dev.strix.unikernel.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StrixConfigTest {
    static final String VALID = String.join("\n",
            "# a comment",
            "[analysis]",
            "class = org.example.Report   # trailing comment",
            "entropy = seed:7",
            "",
            "[devices]",
            "data = block read-only",
            "results = kv",
            "report = http optional",
            "",
            "[params]",
            "serve-seconds = 5",
            "",
            "[bind]",
            "data = data/in.csv",
            "results = out",
            "",
            "[bind.qemu]",
            "results = out-vm",
            "",
            "[qemu]",
            "memory = 1G");

    @TempDir
    Path dir;

    private Path write(String text) throws Exception {
        Path d = Files.createDirectories(dir.resolve("analysis"));
        Files.writeString(d.resolve(StrixConfig.FILE_NAME), text);
        return d;
    }

    @Test
    void parsesEverySection() throws Exception {
        StrixConfig c = StrixConfig.load(write(VALID));
        assertEquals("org.example.Report", c.analysisClass());
        assertEquals("analysis", c.name());
        assertEquals("seed:7", c.entropy());
        assertEquals(List.of("data", "results", "report"), List.copyOf(c.devices().keySet()));
        assertEquals(new DeviceSpec("data", "block", true, false), c.devices().get("data"));
        assertEquals(new DeviceSpec("report", "http", false, true), c.devices().get("report"));
        assertEquals(Map.of("serve-seconds", "5"), c.params());
        assertEquals("out", c.bindings("unix").get("results"));
        assertEquals("out-vm", c.bindings("qemu").get("results"));
        assertEquals("data/in.csv", c.bindings("qemu").get("data"));
        assertEquals(Map.of("memory", "1G"), c.options("qemu"));
        assertEquals(Map.of(), c.options("jlink"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[analysis]~class = a.B~[weird]                |3|unknown section [weird]",
        "[analysis]~class a.B                           |2|expected 'key = value'",
        "class = a.B                                     |1|comes before any [section]",
        "[analysis]~class = 1nvalid                     |2|'1nvalid' is not a Java class name",
        "[analysis]~class = a.B~entropy = lots         |3|entropy must be 'system' or 'seed:<integer>'",
        "[analysis]~class = a.B~[devices]~d = disk      |4|kinds are block, kv and http",
        "[analysis]~class = a.B~[devices]~d = kv read-only |4|only block devices can be read-only",
        "[analysis]~class = a.B~[devices]~d = kv~d = kv  |5|device 'd' is declared twice",
        "[analysis]~class = a.B~[devices]~Bad = kv      |4|device name 'Bad' must be",
        "[analysis]~class = a.B~[devices]~d = kv fast   |4|unknown device flag 'fast'",
        "[analysis]~class = a.B~colour = red           |3|unknown key 'colour' in [analysis]",
        "[analysis~class = a.B                          |1|a section header must look like [name]",
        "[analysis]~class =                              |2|'class' has no value",
    })
    void errorsNameTheFileAndLine(String text, int line, String message) throws Exception {
        Path d = write(text.replace('~', '\n'));
        ToolException e = assertThrows(ToolException.class, () -> StrixConfig.load(d));
        assertTrue(e.getMessage().startsWith(d.resolve(StrixConfig.FILE_NAME) + ":" + line + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void wholeFileProblemsNameTheFile() throws Exception {
        ToolException noClass = assertThrows(ToolException.class, () -> StrixConfig.load(write("[devices]\nd = kv\n")));
        assertTrue(noClass.getMessage().contains("missing 'class = <analysis class>'"), noClass.getMessage());
        ToolException undeclared = assertThrows(ToolException.class,
                () -> StrixConfig.load(write("[analysis]\nclass = a.B\n[bind]\nghost = x\n")));
        assertTrue(undeclared.getMessage().contains("[bind] binds 'ghost', which [devices] does not declare"),
                undeclared.getMessage());
        ToolException none = assertThrows(ToolException.class, () -> StrixConfig.load(dir.resolve("empty-folder")));
        assertTrue(none.getMessage().startsWith("no strix.conf in "), none.getMessage());
    }
}
