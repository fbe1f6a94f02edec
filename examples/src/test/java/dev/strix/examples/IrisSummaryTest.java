package dev.strix.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Runs the example as a user would and checks its figures against published values for the iris data. */
class IrisSummaryTest {

    @Test
    void printsKnownIrisFigures() throws Exception {
        PrintStream saved = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            IrisSummary.main(new String[] {"data/iris.csv"});
        } finally {
            System.setOut(saved);
        }
        String out = buf.toString(StandardCharsets.UTF_8);
        // Fisher (1936) / UCI summary statistics: overall means 5.8433 3.0573 3.7580 1.1993 (cm).
        assertTrue(out.contains("5.8433    3.0573    3.7580    1.1993"), out);
        // Setosa means 5.006 3.428 1.462 0.246.
        assertTrue(out.contains("5.0060    3.4280    1.4620    0.2460"), out);
        // Correlation of petal length and petal width: 0.9629 (UCI), rounded to 3 places.
        assertTrue(out.contains("0.963"), out);
        // One-way ANOVA of petal length by species: F = 1180.16 (R: summary(aov(Petal.Length ~ Species))).
        assertTrue(out.contains("petal_length (F = 1180.2)"), out);
    }
}
