package io.receivables.invoicing.document;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * Validates a Factur-X document as a receiver would: the PDF against PDF/A-3b with veraPDF (the PDF Association's
 * reference validator), the embedded {@code factur-x.xml} with phive against CEN's EN 16931 CII rules and the ZUGFeRD
 * 2.3.3 / Factur-X 1.07.3 EN 16931 profile rules. PDFBox only takes the attachment out; it decides nothing.
 */
final class FacturXValidators {

    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private FacturXValidators() {
    }

    /** Every error of the three validators, each prefixed with its source; empty when the document is valid. */
    static List<String> errors(byte[] pdf) {
        List<String> errors = new ArrayList<>();
        pdfA3Failures(pdf).forEach(failure -> errors.add("PDF/A-3b " + failure));
        byte[] xml;
        try {
            xml = embeddedXml(pdf);
        } catch (IllegalStateException e) {
            errors.add(e.getMessage());
            return errors;
        }
        PhiveValidators.EN16931_CII.errors(xml).forEach(error -> errors.add("EN 16931 CII " + error));
        PhiveValidators.ZUGFERD_EN16931.errors(xml).forEach(error -> errors.add("ZUGFeRD EN16931 " + error));
        return errors;
    }

    /**
     * Negative controls on a served document: the same document broken in two ways each validator must notice. Its PDF
     * without XMP metadata and output intent must fail PDF/A-3b; its XML with a grand total that does not add up must
     * fail both CII rule sets (BR-CO-15). Returns the controls that did not bite; empty when all did.
     */
    static List<String> controlsThatDidNotBite(byte[] pdf) {
        List<String> silent = new ArrayList<>();
        if (pdfA3Failures(withoutPdfAIdentification(pdf)).isEmpty()) {
            silent.add("veraPDF accepted the PDF without XMP metadata and output intent");
        }
        String xml = new String(embeddedXml(pdf), StandardCharsets.UTF_8);
        byte[] wrongTotal = xml.replaceFirst("<ram:GrandTotalAmount>[0-9.]+<", "<ram:GrandTotalAmount>0.01<")
                .getBytes(StandardCharsets.UTF_8);
        if (PhiveValidators.EN16931_CII.errors(wrongTotal).stream().noneMatch(e -> e.contains("BR-CO-15"))) {
            silent.add("EN 16931 CII accepted a grand total that does not add up");
        }
        if (PhiveValidators.ZUGFERD_EN16931.errors(wrongTotal).isEmpty()) {
            silent.add("ZUGFeRD EN16931 accepted a grand total that does not add up");
        }
        return silent;
    }

    private static byte[] withoutPdfAIdentification(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            document.getDocumentCatalog().setMetadata(null);
            document.getDocumentCatalog().getCOSObject().removeItem(COSName.OUTPUT_INTENTS);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rules of PDF/A-3b (ISO 19005-3, level B) the PDF breaks, as veraPDF reports them. */
    static List<String> pdfA3Failures(byte[] pdf) {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf),
                PDFAFlavour.PDFA_3_B);
                PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_3_B, false)) {
            ValidationResult result = validator.validate(parser);
            List<String> failures = new ArrayList<>();
            for (TestAssertion assertion : result.getTestAssertions()) {
                if (assertion.getStatus() == TestAssertion.Status.FAILED) {
                    failures.add(assertion.getRuleId().getClause() + "-" + assertion.getRuleId().getTestNumber()
                            + ": " + assertion.getMessage());
                }
            }
            if (!result.isCompliant() && failures.isEmpty()) {
                failures.add("not compliant");
            }
            return failures.stream().distinct().toList();
        } catch (Exception e) {
            return List.of("could not be validated: " + e);
        }
    }

    /** The {@code factur-x.xml} the PDF carries in its embedded files. */
    static byte[] embeddedXml(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDEmbeddedFilesNameTreeNode files = document.getDocumentCatalog().getNames() == null ? null
                    : document.getDocumentCatalog().getNames().getEmbeddedFiles();
            Map<String, PDComplexFileSpecification> names = files == null ? null : files.getNames();
            if (names == null || !names.containsKey(PdfA3.FACTUR_X_FILE)) {
                throw new IllegalStateException("no embedded " + PdfA3.FACTUR_X_FILE);
            }
            return names.get(PdfA3.FACTUR_X_FILE).getEmbeddedFileUnicode().toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
