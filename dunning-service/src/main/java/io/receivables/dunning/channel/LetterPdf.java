package io.receivables.dunning.channel;

import java.time.LocalDate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A dunning letter ready to print: the address block (the customer's name and billing address from the read model), the
 * date, the subject if the template has one, and the rendered text. Pure.
 */
public final class LetterPdf {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LetterPdf() {
    }

    /**
     * @param billingAddress the read model's billing address (the contract's PostalAddress as JSON), or null
     */
    public static byte[] render(String addressee, String billingAddress, LocalDate date, String subject, String text) {
        try (PdfText pdf = new PdfText()) {
            pdf.paragraph(addressee == null ? "" : addressee);
            for (String line : addressLines(billingAddress)) {
                pdf.paragraph(line);
            }
            pdf.blank().blank().paragraph(date.toString()).blank();
            if (subject != null && !subject.isBlank()) {
                pdf.title(subject);
            }
            pdf.paragraph(text);
            return pdf.toBytes();
        }
    }

    /** line1, line2, postal code and city, region, country: the order a letter shows them in. */
    static java.util.List<String> addressLines(String billingAddress) {
        if (billingAddress == null || billingAddress.isBlank()) {
            return java.util.List.of();
        }
        try {
            JsonNode address = JSON.readTree(billingAddress);
            java.util.List<String> lines = new java.util.ArrayList<>();
            add(lines, text(address, "line1"));
            add(lines, text(address, "line2"));
            add(lines, (text(address, "postalCode") + " " + text(address, "city")).strip());
            add(lines, text(address, "region"));
            add(lines, text(address, "country"));
            return lines;
        } catch (java.io.IOException e) {
            return java.util.List.of();
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }

    private static void add(java.util.List<String> lines, String line) {
        if (!line.isBlank()) {
            lines.add(line);
        }
    }
}
