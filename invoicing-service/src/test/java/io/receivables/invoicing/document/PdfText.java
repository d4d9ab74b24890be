package io.receivables.invoicing.document;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** What a reader (or a screen reader, or a search) gets out of a rendered PDF. */
public record PdfText(int pages, String text) {

    public static PdfText of(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PdfText(document.getNumberOfPages(), new PDFTextStripper().getText(document));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text with every run of whitespace (including line breaks from wrapping) as one space. */
    public String flowing() {
        return text.replaceAll("\\s+", " ");
    }

    int occurrences(String fragment) {
        return text.split(java.util.regex.Pattern.quote(fragment), -1).length - 1;
    }
}
