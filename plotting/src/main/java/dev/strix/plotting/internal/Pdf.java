package dev.strix.plotting.internal;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Graphics2D;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Consumer;

/**
 * PDF output through OpenPDF's Graphics2D (vector; text as PDF text in the standard Helvetica
 * family). OpenPDF is an optional dependency: this class is only loaded when a PDF is written.
 */
public final class Pdf {
    private Pdf() {}

    public static boolean available() {
        try {
            Class.forName("com.lowagie.text.pdf.PdfWriter", false, Pdf.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    public static void write(float width, float height, Consumer<Graphics2D> painter, OutputStream out)
            throws IOException {
        Document doc = new Document(new Rectangle(width, height), 0, 0, 0, 0);
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            writer.setCloseStream(false);
            doc.addCreator("Strix plotting (OpenPDF)");
            doc.open();
            PdfContentByte cb = writer.getDirectContent();
            Graphics2D g2 = cb.createGraphics(width, height);
            try {
                painter.accept(g2);
            } finally {
                g2.dispose();
            }
            doc.close();
        } catch (DocumentException e) {
            throw new IOException("PDF output failed: " + e.getMessage(), e);
        }
    }
}
