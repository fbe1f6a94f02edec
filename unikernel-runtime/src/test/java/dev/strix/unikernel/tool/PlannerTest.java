package dev.strix.unikernel.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlannerTest {
    @TempDir
    Path dir;
    Path analysis;

    @BeforeEach
    void setUp() throws Exception {
        analysis = Files.createDirectories(dir.resolve("a"));
        Files.writeString(analysis.resolve(StrixConfig.FILE_NAME), StrixConfigTest.VALID);
        Files.createDirectories(analysis.resolve("data"));
        Files.writeString(analysis.resolve("data/in.csv"), "x\n1\n");
    }

    @Test
    void bindingsResolveAgainstTheConfigFolderAndOptionalHttpStaysUnbound() throws Exception {
        Plan plan = Planner.plan(StrixConfig.load(analysis), "unix", new Overrides());
        assertEquals(analysis.resolve("data/in.csv").toString(), plan.bindings().get("data"));
        assertEquals(analysis.resolve("out").toString(), plan.bindings().get("results"));
        assertFalse(plan.bindings().containsKey("report"));
        assertEquals(analysis.resolve("target/strix/unix"), plan.buildDir());
        assertEquals("seed:7", plan.entropy());
    }

    @Test
    void commandLineOverridesWin() throws Exception {
        Files.writeString(dir.resolve("other.csv"), "y\n2\n");
        Overrides o = new Overrides();
        o.accept("--block", "data=other.csv", dir);
        o.accept("--http", "8081", dir);
        o.accept("--param", "serve-seconds=1", dir);
        o.accept("--entropy", "system", dir);
        o.accept("-o", "memory=2G", dir);
        Plan plan = Planner.plan(StrixConfig.load(analysis), "qemu", o);
        assertEquals(dir.resolve("other.csv").toString(), plan.bindings().get("data"));
        assertEquals("8081", plan.bindings().get("report"));
        assertEquals(analysis.resolve("out-vm").toString(), plan.bindings().get("results"));
        assertEquals("1", plan.params().get("serve-seconds"));
        assertEquals("system", plan.entropy());
        assertEquals("2G", plan.options().get("memory"));
    }

    @Test
    void everyProblemIsReportedAtOnce() throws Exception {
        Overrides o = new Overrides();
        o.accept("--block", "data=missing.csv", dir);
        o.accept("--kv", "ghost=x", dir);
        o.accept("--block", "results=x", dir);
        o.accept("--http", "report=99999", dir);
        ToolException e = assertThrows(ToolException.class, () -> Planner.plan(StrixConfig.load(analysis), "unix", o));
        String m = e.getMessage();
        assertTrue(m.contains("has 4 problems"), m);
        assertTrue(m.contains("missing.csv does not exist"), m);
        assertTrue(m.contains("declares no device 'ghost'"), m);
        assertTrue(m.contains("device 'results' is a kv device; use --kv"), m);
        assertTrue(m.contains("port must be 1..65535 or off, got '99999'"), m);
    }

    @Test
    void anUnboundRequiredDeviceSaysHowToBindIt() throws Exception {
        Files.writeString(analysis.resolve(StrixConfig.FILE_NAME), "[analysis]\nclass = a.B\n[devices]\ndata = block\n");
        ToolException e = assertThrows(ToolException.class, () -> Planner.plan(StrixConfig.load(analysis), "unix", new Overrides()));
        assertTrue(e.getMessage().contains("block device 'data' is not bound: add it to [bind] in "), e.getMessage());
        assertTrue(e.getMessage().contains("or pass --block data=path/to/file"), e.getMessage());
        assertThrows(ToolException.class, () -> Planner.plan(StrixConfig.load(analysis), "vmware", new Overrides()));
        ToolException badFlag = assertThrows(ToolException.class, () -> new Overrides().accept("--kv", "noequals", dir));
        assertTrue(badFlag.getMessage().contains("--kv takes name=value"), badFlag.getMessage());
    }
}
