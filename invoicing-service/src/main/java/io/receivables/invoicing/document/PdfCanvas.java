package io.receivables.invoicing.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
 * A flow of A4 pages written top to bottom: a cursor that moves down, a new page when the next block would not fit,
 * and a hook that draws the running header (e.g. a table header) on every page after the first. Coordinates are
 * PDF points from the bottom left corner.
 */
final class PdfCanvas implements AutoCloseable {

    static final float MARGIN = 50;
    static final float FOOTER_HEIGHT = 40;
    static final PDRectangle PAGE = PDRectangle.A4;
    static final float LEFT = MARGIN;
    static final float RIGHT = PAGE.getWidth() - MARGIN;

    /** How much thicker synthetic bold draws each glyph's outline, in points. */
    private static final float SYNTHETIC_BOLD_STROKE = 0.35f;

    private final PDDocument document = new PDDocument();
    final PdfFonts fonts;
    private PDPageContentStream content;
    private float y;
    private Consumer<PdfCanvas> continuationHeader = canvas -> {
    };

    PdfCanvas() {
        this(false);
    }

    /** @param embedAllFonts whether every font is embedded, as a PDF/A document requires */
    PdfCanvas(boolean embedAllFonts) {
        fonts = embedAllFonts ? PdfFonts.loadEmbedded(document) : PdfFonts.load(document);
        newPage();
    }

    float y() {
        return y;
    }

    void moveDown(float points) {
        y -= points;
    }

    /** What to draw at the top of each further page, until replaced. */
    void onNewPage(Consumer<PdfCanvas> header) {
        this.continuationHeader = header;
    }

    /** Starts a new page unless {@code height} more points fit above the footer. */
    void ensureSpace(float height) {
        if (y - height < MARGIN + FOOTER_HEIGHT) {
            newPage();
            continuationHeader.accept(this);
        }
    }

    void text(float x, float baseline, PDFont font, float size, String text) {
        String printable = fonts.printable(font, text);
        try {
            content.beginText();
            content.setFont(font, size);
            boolean syntheticBold = fonts.syntheticBold && font == fonts.bold;
            if (syntheticBold) {
                content.setRenderingMode(RenderingMode.FILL_STROKE);
                content.setLineWidth(SYNTHETIC_BOLD_STROKE);
            }
            content.newLineAtOffset(x, baseline);
            content.showText(printable);
            if (syntheticBold) {
                content.setRenderingMode(RenderingMode.FILL);
            }
            content.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void textRight(float right, float baseline, PDFont font, float size, String text) {
        float width = PdfFonts.width(font, size, fonts.printable(font, text));
        text(right - width, baseline, font, size, text);
    }

    /** Writes a line at the cursor and moves the cursor below it. */
    void line(PDFont font, float size, String text) {
        ensureSpace(size * 1.4f);
        y -= size * 1.4f;
        text(LEFT, y, font, size, text);
    }

    void rule(float fromX, float toX) {
        try {
            content.setLineWidth(0.5f);
            content.moveTo(fromX, y);
            content.lineTo(toX, y);
            content.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Splits text into lines no wider than {@code width}, breaking between words, or inside a word too long. */
    List<String> wrap(PDFont font, float size, String text, float width) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : fonts.printable(font, text).trim().split(" +")) {
            String candidate = current.isEmpty() ? word : current + " " + word;
            if (PdfFonts.width(font, size, candidate) <= width) {
                current.setLength(0);
                current.append(candidate);
                continue;
            }
            if (!current.isEmpty()) {
                lines.add(current.toString());
                current.setLength(0);
            }
            for (int cp : word.codePoints().toArray()) {
                String longer = current.toString() + Character.toString(cp);
                if (!current.isEmpty() && PdfFonts.width(font, size, longer) > width) {
                    lines.add(current.toString());
                    current.setLength(0);
                }
                current.appendCodePoint(cp);
            }
        }
        if (!current.isEmpty() || lines.isEmpty()) {
            lines.add(current.toString());
        }
        return lines;
    }

    /**
     * Stamps {@code footer(pageNumber, pageCount)} on every page, once the page count is known, and returns the PDF.
     */
    byte[] finish(PageFooter footer) {
        return finish(footer, document -> {
        });
    }

    /**
     * As {@link #finish(PageFooter)}, and lets {@code completion} add to the finished document before it is saved
     * (e.g. what makes it PDF/A-3 with an attachment).
     */
    byte[] finish(PageFooter footer, Consumer<PDDocument> completion) {
        try {
            content.close();
            int count = document.getNumberOfPages();
            for (int i = 0; i < count; i++) {
                try (PDPageContentStream stamp = new PDPageContentStream(document, document.getPage(i),
                        AppendMode.APPEND, true, true)) {
                    content = stamp;
                    footer.draw(this, i + 1, count);
                }
            }
            completion.accept(document);
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            document.save(pdf);
            return pdf.toByteArray();
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

    /** Draws the footer of one page. */
    @FunctionalInterface
    interface PageFooter {
        void draw(PdfCanvas canvas, int pageNumber, int pageCount);
    }

    private void newPage() {
        try {
            if (content != null) {
                content.close();
            }
            PDPage page = new PDPage(PAGE);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            y = PAGE.getHeight() - MARGIN;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
