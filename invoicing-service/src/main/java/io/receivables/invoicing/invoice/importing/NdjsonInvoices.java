package io.receivables.invoicing.invoice.importing;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.receivables.common.problem.FieldError;
import io.receivables.common.problem.JsonPaths;
import io.receivables.common.problem.ProblemException;
import io.receivables.common.problem.ProblemMappers;

/** Historical invoices from NDJSON: one invoice per line, as for POST /invoices plus its {@code externalNumber}. */
public final class NdjsonInvoices {

    private NdjsonInvoices() {
    }

    /**
     * The invoices of {@code ndjson}, each read or with why it could not be; blank lines are skipped.
     *
     * @param mapper the service's strict mapper, so a line is read exactly as a POST /invoices body would be
     * @throws ProblemException 413 for more than {@code maxRows} invoices
     */
    public static List<ImportRow> read(String ndjson, ObjectMapper mapper, int maxRows) {
        String[] lines = ndjson.split("\r?\n", -1);
        long invoices = java.util.Arrays.stream(lines).filter(line -> !line.isBlank()).count();
        if (invoices == 0) {
            throw ProblemException.invalid("body", "is empty; send one invoice (a JSON object) per line");
        }
        if (invoices > maxRows) {
            throw ImportLimits.tooManyRows((int) invoices, maxRows);
        }
        List<ImportRow> rows = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                HistoricalInvoice invoice = mapper.readValue(lines[i], HistoricalInvoice.class);
                rows.add(invoice == null
                        ? ImportRow.unreadable(i + 1, null, List.of(new FieldError("line",
                                "is null; each line must be one invoice, a JSON object")), List.of())
                        : ImportRow.read(i + 1, invoice, List.of()));
            } catch (JsonProcessingException e) {
                rows.add(ImportRow.unreadable(i + 1, externalNumber(lines[i], mapper), List.of(error(e)), List.of()));
            }
        }
        return rows;
    }

    private static FieldError error(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return new FieldError(JsonPaths.of(unknown), "unknown field; see POST /invoices for the accepted fields");
        }
        String duplicate = JsonPaths.duplicateKey(e);
        if (duplicate != null) {
            return new FieldError(duplicate, ProblemMappers.DUPLICATE_KEY);
        }
        if (e instanceof InvalidFormatException invalid && !(invalid.getValue() instanceof Number)) {
            return new FieldError(JsonPaths.of(invalid), "value \"" + invalid.getValue() + "\" is not a valid "
                    + invalid.getTargetType().getSimpleName());
        }
        if (e instanceof MismatchedInputException mismatch && !JsonPaths.of(mismatch).isEmpty()) {
            return new FieldError(JsonPaths.of(mismatch), JsonPaths.describeMismatch(mismatch));
        }
        if (e instanceof JsonMappingException mapping && !JsonPaths.of(mapping).isEmpty()) {
            return new FieldError(JsonPaths.of(mapping), mapping.getOriginalMessage());
        }
        return new FieldError("line", "is not a JSON object: " + e.getOriginalMessage());
    }

    /** The number of a line that did not bind, for the report, if the line is JSON at all. */
    private static String externalNumber(String line, ObjectMapper mapper) {
        try {
            JsonNode number = mapper.readTree(line).path("externalNumber");
            return number.isTextual() ? number.asText() : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
