package dev.strix.stats;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strix.stats.testing.DocExamples;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/stats.md honest: every example in it is compiled in-process against the test
 * classpath and run (see {@link DocExamples} for what counts as an example).
 */
class DocsExamplesTest {
    @Test
    void everyExampleCompilesAndRuns() throws Exception {
        DocExamples.Extracted e = DocExamples.extract(Files.readAllLines(DocExamples.page("stats.md")));
        assertTrue(e.examples().size() >= 70, "found only " + e.examples().size() + " examples");
        assertTrue(e.imports().size() >= 2, "the ```java import block is missing");
        DocExamples.compileAndRun("stats.md", e, Map.of());
    }
}
