package io.receivables.invoicing.document;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Map;
import java.util.TimeZone;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;

/**
 * What turns a PDF whose fonts are all embedded into a PDF/A-3b document carrying a Factur-X / ZUGFeRD invoice: the
 * XML as an associated file ({@code /AF}, relationship Alternative: the XML says what the PDF shows), an sRGB output
 * intent, and XMP metadata declaring PDF/A-3 conformance and the Factur-X properties with their extension schema
 * (PDF/A allows only XMP properties that are predefined or declared).
 * <p>
 * The sRGB profile is the JDK's own ({@link ICC_Profile#getInstance(int)}), so no colour profile file is shipped.
 */
final class PdfA3 {

    static final String FACTUR_X_FILE = "factur-x.xml";
    static final String FACTUR_X_NS = "urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#";
    /** The Factur-X / ZUGFeRD conformance level of the EN 16931 profile, as its XMP states it. */
    static final String CONFORMANCE_EN16931 = "EN 16931";
    private static final String SRGB = "sRGB IEC61966-2.1";

    private PdfA3() {
    }

    /**
     * @param title the document's title (e.g. "Invoice INV-2026-000001")
     * @param author who issued it: the seller
     * @param documentType Factur-X document type: INVOICE (for credit notes too, as the standard defines it)
     * @param date the document's date, as its creation date: the same document is the same file every time
     */
    static void embedFacturX(PDDocument document, byte[] xml, String title, String author, LocalDate date) {
        try {
            document.setVersion(1.7f);
            Calendar created = GregorianCalendar.from(date.atStartOfDay(ZoneOffset.UTC));
            created.setTimeZone(TimeZone.getTimeZone(ZoneOffset.UTC));
            PDDocumentCatalog catalog = document.getDocumentCatalog();
            attach(document, catalog, xml, created);
            outputIntent(document, catalog);
            PDMetadata metadata = new PDMetadata(document);
            metadata.importXMPMetadata(xmp(title, author, date).getBytes(StandardCharsets.UTF_8));
            catalog.setMetadata(metadata);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void attach(PDDocument document, PDDocumentCatalog catalog, byte[] xml, Calendar created)
            throws IOException {
        PDEmbeddedFile embedded = new PDEmbeddedFile(document, new ByteArrayInputStream(xml), COSName.FLATE_DECODE);
        embedded.setSubtype("text/xml");
        embedded.setSize(xml.length);
        embedded.setCreationDate(created);
        embedded.setModDate(created);
        PDComplexFileSpecification file = new PDComplexFileSpecification();
        file.setFile(FACTUR_X_FILE);
        file.setFileUnicode(FACTUR_X_FILE);
        file.setFileDescription("Factur-X / ZUGFeRD invoice (EN 16931)");
        file.setEmbeddedFile(embedded);
        file.setEmbeddedFileUnicode(embedded);
        file.getCOSObject().setName(COSName.getPDFName("AFRelationship"), "Alternative");
        PDEmbeddedFilesNameTreeNode files = new PDEmbeddedFilesNameTreeNode();
        files.setNames(Map.of(FACTUR_X_FILE, file));
        PDDocumentNameDictionary names = new PDDocumentNameDictionary(catalog);
        names.setEmbeddedFiles(files);
        catalog.setNames(names);
        COSArray associated = new COSArray();
        associated.add(file);
        catalog.getCOSObject().setItem(COSName.getPDFName("AF"), associated);
    }

    private static void outputIntent(PDDocument document, PDDocumentCatalog catalog) throws IOException {
        byte[] profile = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        PDOutputIntent intent = new PDOutputIntent(document, new ByteArrayInputStream(profile));
        intent.setInfo(SRGB);
        intent.setOutputCondition(SRGB);
        intent.setOutputConditionIdentifier(SRGB);
        intent.setRegistryName("http://www.color.org");
        catalog.addOutputIntent(intent);
    }

    private static String xmp(String title, String author, LocalDate date) {
        String created = date.atStartOfDay(ZoneOffset.UTC).toInstant().toString();
        return """
                <?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
                <x:xmpmeta xmlns:x="adobe:ns:meta/">
                 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
                  <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
                   <pdfaid:part>3</pdfaid:part>
                   <pdfaid:conformance>B</pdfaid:conformance>
                  </rdf:Description>
                  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
                   <dc:format>application/pdf</dc:format>
                   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">%1$s</rdf:li></rdf:Alt></dc:title>
                   <dc:creator><rdf:Seq><rdf:li>%2$s</rdf:li></rdf:Seq></dc:creator>
                  </rdf:Description>
                  <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
                   <xmp:CreateDate>%3$s</xmp:CreateDate>
                   <xmp:ModifyDate>%3$s</xmp:ModifyDate>
                  </rdf:Description>
                  <rdf:Description rdf:about="" xmlns:fx="%4$s">
                   <fx:DocumentType>INVOICE</fx:DocumentType>
                   <fx:DocumentFileName>%5$s</fx:DocumentFileName>
                   <fx:Version>1.0</fx:Version>
                   <fx:ConformanceLevel>%6$s</fx:ConformanceLevel>
                  </rdf:Description>
                  <rdf:Description rdf:about=""
                    xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
                    xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
                    xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
                   <pdfaExtension:schemas>
                    <rdf:Bag>
                     <rdf:li rdf:parseType="Resource">
                      <pdfaSchema:schema>Factur-X PDFA Extension Schema</pdfaSchema:schema>
                      <pdfaSchema:namespaceURI>%4$s</pdfaSchema:namespaceURI>
                      <pdfaSchema:prefix>fx</pdfaSchema:prefix>
                      <pdfaSchema:property>
                       <rdf:Seq>
                        %7$s
                       </rdf:Seq>
                      </pdfaSchema:property>
                     </rdf:li>
                    </rdf:Bag>
                   </pdfaExtension:schemas>
                  </rdf:Description>
                 </rdf:RDF>
                </x:xmpmeta>
                <?xpacket end="w"?>
                """.formatted(escape(title), escape(author), created, FACTUR_X_NS, FACTUR_X_FILE,
                CONFORMANCE_EN16931,
                property("DocumentFileName", "The name of the embedded XML document")
                        + property("DocumentType", "The type of the hybrid document in capital letters, e.g. INVOICE")
                        + property("Version", "The version of the XML schema of the embedded document")
                        + property("ConformanceLevel", "The conformance level of the embedded XML document"));
    }

    private static String property(String name, String description) {
        return """
                <rdf:li rdf:parseType="Resource">
                 <pdfaProperty:name>%s</pdfaProperty:name>
                 <pdfaProperty:valueType>Text</pdfaProperty:valueType>
                 <pdfaProperty:category>external</pdfaProperty:category>
                 <pdfaProperty:description>%s</pdfaProperty:description>
                </rdf:li>
                """.formatted(name, description);
    }

    private static String escape(String text) {
        // XML 1.0 has no control characters other than tab and line breaks
        return text.replaceAll("[\\p{Cntrl}&&[^\t\n\r]]", "?").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
