package io.receivables.invoicing.invoice.importing;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.receivables.common.problem.FieldError;

/**
 * One invoice of an upload as read: the line it starts on (1-based; in a CSV the header is line 1), its original number
 * if it could be read, and either the invoice or why it could not be read. {@code lineNumbers} are the CSV lines of its
 * invoice lines, so that an error in {@code lines[1]} can say which line of the file it is on.
 */
public record ImportRow(int line, String externalNumber, HistoricalInvoice invoice, List<FieldError> errors,
        List<Integer> lineNumbers) {

    private static final Pattern INVOICE_LINE = Pattern.compile("^lines\\[(\\d+)]");

    public static ImportRow read(int line, HistoricalInvoice invoice, List<Integer> lineNumbers) {
        return new ImportRow(line, invoice.externalNumber(), invoice, List.of(), List.copyOf(lineNumbers));
    }

    public static ImportRow unreadable(int line, String externalNumber, List<FieldError> errors,
            List<Integer> lineNumbers) {
        return new ImportRow(line, externalNumber, null, List.copyOf(errors), List.copyOf(lineNumbers));
    }

    /** {@code error} with the file line of the invoice line it names, where that is known. */
    public FieldError located(FieldError error) {
        Matcher matcher = INVOICE_LINE.matcher(error.field());
        if (!matcher.find()) {
            return error;
        }
        int index = Integer.parseInt(matcher.group(1));
        return index < lineNumbers.size()
                ? new FieldError(error.field(), error.message() + " (line " + lineNumbers.get(index) + ")")
                : error;
    }
}
