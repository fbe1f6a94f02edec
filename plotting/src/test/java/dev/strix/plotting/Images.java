package dev.strix.plotting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Checks on rendered files shared by the tests. */
final class Images {
    private Images() {}

    static BufferedImage readPng(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        assertTrue(bytes.length > 8 && bytes[0] == (byte) 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G',
                file + " does not start with the PNG signature");
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes));
        assertNotNull(img, file + " does not decode as an image");
        return img;
    }

    /** The pHYs resolution in pixels per metre, or -1 when absent. */
    static long pixelsPerMetre(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader r = ImageIO.getImageReadersByFormatName("png").next();
            r.setInput(in);
            IIOMetadata meta = r.getImageMetadata(0);
            Element root = (Element) meta.getAsTree("javax_imageio_png_1.0");
            NodeList phys = root.getElementsByTagName("pHYs");
            if (phys.getLength() == 0) {
                return -1;
            }
            Element p = (Element) phys.item(0);
            assertEquals("meter", p.getAttribute("unitSpecifier"));
            assertEquals(p.getAttribute("pixelsPerUnitXAxis"), p.getAttribute("pixelsPerUnitYAxis"));
            return Long.parseLong(p.getAttribute("pixelsPerUnitXAxis"));
        }
    }

    /** Not blank: many distinct colours and a good share of non-white pixels. */
    static void assertNotBlank(BufferedImage img, String what) {
        Set<Integer> colours = new HashSet<>();
        long nonWhite = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y) & 0xFFFFFF;
                colours.add(rgb);
                if (rgb != 0xFFFFFF) {
                    nonWhite++;
                }
            }
        }
        double share = nonWhite / (double) (img.getWidth() * img.getHeight());
        assertTrue(colours.size() >= 20, what + ": only " + colours.size() + " distinct colours");
        assertTrue(share > 0.01, what + ": only " + share + " of the pixels are not white");
        assertEquals(0xFFFFFF, img.getRGB(1, 1) & 0xFFFFFF, what + ": the corner is not the white background");
    }

    static Document parseSvg(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = f.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        return doc;
    }

    /** The distance between two colours in RGB (0 for the same colour). */
    static double distance(Color a, int rgb) {
        int r = (rgb >> 16) & 255;
        int g = (rgb >> 8) & 255;
        int b = rgb & 255;
        return Math.sqrt(Math.pow(a.getRed() - r, 2) + Math.pow(a.getGreen() - g, 2) + Math.pow(a.getBlue() - b, 2));
    }

    /** The closest distance to colour c among pixels within radius r of (x, y). */
    static double nearest(BufferedImage img, int x, int y, int r, Color c) {
        double best = Double.MAX_VALUE;
        for (int dy = -r; dy <= r; dy++) {
            for (int dx = -r; dx <= r; dx++) {
                int px = x + dx;
                int py = y + dy;
                if (px >= 0 && py >= 0 && px < img.getWidth() && py < img.getHeight()) {
                    best = Math.min(best, distance(c, img.getRGB(px, py)));
                }
            }
        }
        return best;
    }
}
