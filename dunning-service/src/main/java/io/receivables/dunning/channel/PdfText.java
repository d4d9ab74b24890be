package io.receivables.dunning.channel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A plain A4 document written top to bottom: lines of text (wrapped to the page), rows of columns, new pages as needed.
 * The standard Helvetica fonts carry only WinAnsi characters (Latin-1 and the euro sign); any other character is
 * written as '?', so that a customer's name in another script never stops a statement or a letter from being made.
 * Not thread-safe: one per document.
 */
public final class PdfText implements AutoCloseable {

    public static final float MARGIN = 56;
    private static final float SIZE = 10;
    private static final float LEADING = 14;

    private final PDDocument document = new PDDocument();
    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private PDPageContentStream stream;
    private float y;

    public PdfText() {
        newPage();
    }

    /** A line in bold, larger: a title. */
    public PdfText title(String text) {
        write(text, bold, 14, MARGIN);
        y -= 6;
        return this;
    }

    /** A paragraph, wrapped at the right margin; line breaks in {@code text} are kept. */
    public PdfText paragraph(String text) {
        for (String line : (text == null ? "" : text).split("\r?\n", -1)) {
            for (String wrapped : wrap(safe(line), regular, SIZE, PDRectangle.A4.getWidth() - 2 * MARGIN)) {
                write(wrapped, regular, SIZE, MARGIN);
            }
        }
        return this;
    }

    public PdfText blank() {
        y -= LEADING;
        return this;
    }

    /**
     * One row of columns: {@code cells[i]} starting at {@code columns[i]} points from the left margin, right-aligned
     * where {@code rightAligned[i]} (amounts), then ending there; bold for a header or a total.
     */
    public PdfText row(float[] columns, boolean[] rightAligned, boolean strong, String... cells) {
        ensureRoom();
        PDType1Font font = strong ? bold : regular;
        try {
            for (int i = 0; i < cells.length; i++) {
                String cell = safe(cells[i]);
                float x = MARGIN + columns[i];
                if (rightAligned[i]) {
                    x -= font.getStringWidth(cell) / 1000 * SIZE;
                }
                text(cell, font, SIZE, x);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y -= LEADING;
        return this;
    }

    /** The finished document's bytes. */
    public byte[] toBytes() {
        try {
            stream.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String text, PDType1Font font, float size, float x) {
        ensureRoom();
        text(safe(text), font, size, x);
        y -= size > SIZE ? size + 4 : LEADING;
    }

    private void text(String text, PDType1Font font, float size, float x) {
        try {
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(x, y);
            stream.showText(text);
            stream.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void ensureRoom() {
        if (y < MARGIN) {
            newPage();
        }
    }

    private void newPage() {
        try {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code text} with every character the font cannot show replaced by '?' (tabs become spaces). */
    private String safe(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\t') {
                out.append(' ');
            } else if (c < 0x20 || !encodable(c)) {
                out.append('?');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private boolean encodable(char c) {
        try {
            regular.encode(String.valueOf(c));
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private static List<String> wrap(String line, PDType1Font font, float size, float width) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : line.split(" ", -1)) {
            String candidate = current.isEmpty() ? word : current + " " + word;
            if (width(candidate, font, size) <= width || current.isEmpty()) {
                current.setLength(0);
                current.append(candidate);
            } else {
                lines.add(current.toString());
                current.setLength(0);
                current.append(word);
            }
        }
        lines.add(current.toString());
        return lines;
    }

    private static float width(String text, PDType1Font font, float size) {
        try {
            return font.getStringWidth(text) / 1000 * size;
        } catch (IOException | IllegalArgumentException e) {
            return Float.MAX_VALUE;
        }
    }
}
