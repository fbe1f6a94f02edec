package dev.strix.plotting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders every example of the gallery (every chart type) to PNG, SVG and PDF and checks the
 * files. With {@code -Dstrix.docs.images=DIR} it also writes the PNGs for docs/plotting.md.
 */
class GalleryTest {
    @TempDir
    Path dir;

    @Test
    void runsHeadless() {
        assertTrue(GraphicsEnvironment.isHeadless(), "tests must run with java.awt.headless=true");
    }

    @TestFactory
    Stream<DynamicTest> everyChartTypeRendersToValidFiles() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, Supplier<Figure>> e : Gallery.examples().entrySet()) {
            tests.add(DynamicTest.dynamicTest(e.getKey(), () -> check(e.getKey(), e.getValue().get())));
        }
        return tests.stream();
    }

    private void check(String name, Figure fig) throws Exception {
        Path png = dir.resolve(name + ".png");
        fig.savePng(png);
        BufferedImage img = Images.readPng(png);
        assertEquals(fig.pixelWidth(), img.getWidth(), name + " width");
        assertEquals(fig.pixelHeight(), img.getHeight(), name + " height");
        assertEquals(Math.round(72 / 0.0254), Images.pixelsPerMetre(png), name + " pHYs");
        Images.assertNotBlank(img, name);

        Path svg = dir.resolve(name + ".svg");
        fig.saveSvg(svg);
        Images.parseSvg(Files.readString(svg));

        Path pdf = dir.resolve(name + ".pdf");
        fig.savePdf(pdf);
        byte[] head = Files.readAllBytes(pdf);
        assertTrue(new String(head, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1).equals("%PDF-"), name + " PDF header");
        assertTrue(new String(head, java.nio.charset.StandardCharsets.ISO_8859_1).trim().endsWith("%%EOF"), name + " PDF trailer");

        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "a temporary file was left");
        }

        String docs = System.getProperty("strix.docs.images");
        if (docs != null && !docs.isBlank()) {
            Path out = Path.of(docs);
            Files.createDirectories(out);
            fig.savePng(out.resolve(name + ".png"));
        }
    }
}
