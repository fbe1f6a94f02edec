package dev.strix.regression;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strix.stats.testing.DocExamples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/regression.md honest: every example in it is compiled in-process against the test
 * classpath and run (see {@link DocExamples} for what counts as an example). The data files the
 * page reads by name ({@code Path.of("diabetes.csv")}) are this module's test resources, copies of
 * the shared datasets (see src/test/resources/README.md), so the test needs nothing outside the
 * repository.
 */
class DocsExamplesTest {
    @Test
    void everyExampleCompilesAndRuns() throws Exception {
        DocExamples.Extracted e = DocExamples.extract(Files.readAllLines(DocExamples.page("regression.md")));
        assertTrue(e.examples().size() >= 14, "found only " + e.examples().size() + " examples");
        assertTrue(e.imports().size() >= 3, "the ```java import block is missing");
        Map<String, Path> files = new LinkedHashMap<>();
        for (String name : new String[] {"diabetes.csv", "wine.csv", "iris.csv", "formula_data.csv",
            "formula_missing.csv"}) {
            String resource = name.startsWith("formula_") ? "/golden/" + name : "/" + name;
            files.put(name, Path.of(DocsExamplesTest.class.getResource(resource).toURI()));
        }
        DocExamples.compileAndRun("regression.md", e, files);
    }
}
