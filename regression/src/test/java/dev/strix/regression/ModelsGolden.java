package dev.strix.regression;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strix.ndarray.io.Csv;
import dev.strix.ndarray.io.CsvTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.stream.Collectors;

/** Reads golden/models_goldens.json (written by regression/oracle/models_goldens.py) and the test tables. */
final class ModelsGolden {
    private static JsonNode root;

    static final ZonedDateTime WHEN = ZonedDateTime.of(2026, 11, 26, 1, 2, 3, 0, ZoneOffset.UTC);

    static synchronized JsonNode root() {
        if (root == null) {
            try (InputStream in = ModelsGolden.class.getResourceAsStream("/golden/models_goldens.json")) {
                root = new ObjectMapper().readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return root;
    }

    static CsvTable table(String resource) {
        try {
            return Csv.read(Path.of(ModelsGolden.class.getResource(resource).toURI()));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    /** statsmodels' text without the values of the Date and Time rows (the rest of those lines stays). */
    static String stripDate(String s) {
        return s.lines().map(l -> l.startsWith("Date:") || l.startsWith("Time:") ? l.substring(0, 5) + l.substring(37)
                : l).collect(Collectors.joining("\n"));
    }
}
