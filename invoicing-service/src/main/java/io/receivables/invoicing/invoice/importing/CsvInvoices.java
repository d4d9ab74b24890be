package io.receivables.invoicing.invoice.importing;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.receivables.common.limits.BusinessDates;
import io.receivables.common.problem.FieldError;
import io.receivables.common.problem.ProblemException;
import io.receivables.common.text.CsvRecords;
import io.receivables.common.text.FreeText;
import io.receivables.contracts.events.InvoiceVoided;
import io.receivables.contracts.events.InvoiceWrittenOff;
import io.receivables.invoicing.customer.rest.PaymentTermsRequest;
import io.receivables.invoicing.invoice.rest.InvoiceLineRequest;
import io.receivables.invoicing.terms.PaymentTermsType;

/**
 * Historical invoices from CSV: a header row naming the columns (any order), then one row per invoice LINE; the rows of
 * one invoice share its {@code externalNumber} and its invoice columns are read from its first row (a later row may
 * leave them empty, but not contradict them).
 */
public final class CsvInvoices {

    /** Every invoice needs these. */
    public static final List<String> REQUIRED = List.of("externalNumber", "customerId", "issueDate", "description",
            "quantity", "unitPrice", "taxRate");

    /** Empty or absent: the invoice defaults (customer's currency and terms, due date from the terms). */
    public static final List<String> OPTIONAL = List.of("dueDate", "currency", "poNumber", "paymentTermsType",
            "paymentTermsDays", "voidedOn", "voidReasonCode", "writtenOffOn", "writeOffReasonCode");

    private static final List<String> INVOICE_COLUMNS = List.of("customerId", "issueDate", "dueDate", "currency",
            "poNumber", "paymentTermsType", "paymentTermsDays", "voidedOn", "voidReasonCode", "writtenOffOn",
            "writeOffReasonCode");

    private CsvInvoices() {
    }

    /**
     * The invoices of {@code csv}, each read or with why it could not be.
     *
     * @throws ProblemException 400 naming the column for a header that is not understood, 413 for more than
     *         {@code maxRows} rows
     */
    public static List<ImportRow> read(String csv, int maxRows) {
        List<CsvRecords.Record> records;
        try {
            records = CsvRecords.parse(csv.startsWith("\uFEFF") ? csv.substring(1) : csv);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("body", "is not valid CSV: " + e.getMessage());
        }
        if (records.isEmpty()) {
            throw ProblemException.invalid("body", "is empty; the first line must be the header: "
                    + String.join(",", REQUIRED));
        }
        Map<String, Integer> columns = header(records.get(0).fields());
        List<CsvRecords.Record> rows = records.subList(1, records.size());
        if (rows.size() > maxRows) {
            throw ImportLimits.tooManyRows(rows.size(), maxRows);
        }
        Map<String, List<CsvRecords.Record>> byNumber = new LinkedHashMap<>();
        List<ImportRow> read = new ArrayList<>();
        int numberColumn = columns.get("externalNumber");
        for (CsvRecords.Record row : rows) {
            String number = numberColumn < row.fields().size() ? row.fields().get(numberColumn).strip() : "";
            if (number.isEmpty() || FreeText.hasNul(number)) {
                List<FieldError> errors = new ArrayList<>(recordErrors(row, columns));
                errors.add(new FieldError("externalNumber", (number.isEmpty() ? "must not be empty: it groups the rows"
                        + " of an invoice" : FreeText.NUL_MESSAGE) + " (line " + row.line() + ")"));
                read.add(ImportRow.unreadable(row.line(), null, errors, List.of()));
                continue;
            }
            // a malformed row stays with its invoice, so that the invoice is rejected whole, never imported without it
            byNumber.computeIfAbsent(number, n -> new ArrayList<>()).add(row);
        }
        byNumber.forEach((number, invoiceRows) -> read.add(invoice(number, invoiceRows, columns)));
        read.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return read;
    }

    /** Why a record cannot be read as it stands: not RFC 4180, the wrong number of fields, a NUL character. */
    private static List<FieldError> recordErrors(CsvRecords.Record row, Map<String, Integer> columns) {
        List<FieldError> errors = new ArrayList<>();
        if (row.error() != null) {
            errors.add(new FieldError("line", row.error()));
        }
        if (row.fields().size() != columns.size()) {
            errors.add(new FieldError("columns", "line " + row.line() + " has " + row.fields().size()
                    + " fields, the header " + columns.size()));
            return errors;
        }
        columns.forEach((column, index) -> {
            if (FreeText.hasNul(row.fields().get(index))) {
                errors.add(new FieldError(column, FreeText.NUL_MESSAGE + " (line " + row.line() + ")"));
            }
        });
        return errors;
    }

    private static Map<String, Integer> header(List<String> names) {
        Map<String, Integer> columns = new HashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).strip();
            if (!REQUIRED.contains(name) && !OPTIONAL.contains(name)) {
                errors.add(new FieldError(name, "unknown column; the columns are " + String.join(", ", REQUIRED)
                        + " and optionally " + String.join(", ", OPTIONAL)));
            } else if (columns.putIfAbsent(name, i) != null) {
                errors.add(new FieldError(name, "column appears more than once"));
            }
        }
        for (String required : REQUIRED) {
            if (!columns.containsKey(required)) {
                errors.add(new FieldError(required, "required column is missing from the header"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return columns;
    }

    private static ImportRow invoice(String number, List<CsvRecords.Record> rows, Map<String, Integer> columns) {
        CsvRecords.Record first = rows.get(0);
        List<FieldError> errors = new ArrayList<>();
        rows.forEach(row -> errors.addAll(recordErrors(row, columns)));
        if (!errors.isEmpty()) {
            return ImportRow.unreadable(first.line(), number, errors, rows.stream().map(CsvRecords.Record::line).toList());
        }
        for (CsvRecords.Record row : rows.subList(1, rows.size())) {
            for (String column : INVOICE_COLUMNS) {
                String value = value(row, columns, column);
                if (value != null && !value.equals(value(first, columns, column))) {
                    errors.add(new FieldError(column, "'" + value + "' on line " + row.line()
                            + " differs from line " + first.line() + " of the same invoice"));
                }
            }
        }
        UUID customerId = parse(first, columns, "customerId", UUID::fromString, "is not a UUID", errors);
        LocalDate issueDate = parse(first, columns, "issueDate", CsvInvoices::date,
                "is not a date such as 2024-03-31 between " + BusinessDates.MIN + " and " + BusinessDates.MAX, errors);
        LocalDate dueDate = parse(first, columns, "dueDate", CsvInvoices::date,
                "is not a date such as 2024-04-30 between " + BusinessDates.MIN + " and " + BusinessDates.MAX, errors);
        PaymentTermsRequest terms = terms(first, columns, errors);
        HistoricalInvoice.Voided voided = ending(first, columns, "voidedOn", "voidReasonCode",
                InvoiceVoided.ReasonCode::valueOf, InvoiceVoided.ReasonCode.values(), errors,
                (reason, date) -> new HistoricalInvoice.Voided(reason, date, null));
        HistoricalInvoice.WrittenOff writtenOff = ending(first, columns, "writtenOffOn", "writeOffReasonCode",
                InvoiceWrittenOff.ReasonCode::valueOf, InvoiceWrittenOff.ReasonCode.values(), errors,
                (reason, date) -> new HistoricalInvoice.WrittenOff(reason, date, null));
        List<InvoiceLineRequest> lines = new ArrayList<>();
        for (CsvRecords.Record row : rows) {
            lines.add(new InvoiceLineRequest(value(row, columns, "description"), value(row, columns, "quantity"),
                    value(row, columns, "unitPrice"), value(row, columns, "taxRate")));
        }
        List<Integer> lineNumbers = rows.stream().map(CsvRecords.Record::line).toList();
        if (!errors.isEmpty()) {
            return ImportRow.unreadable(first.line(), number, errors, lineNumbers);
        }
        return ImportRow.read(first.line(), new HistoricalInvoice(number, customerId, value(first, columns, "currency"),
                issueDate, terms, dueDate, value(first, columns, "poNumber"), lines, voided, writtenOff), lineNumbers);
    }

    /**
     * How the invoice ended in the other system, if it did: a date column and a reason column, both or neither.
     *
     * @return null when both are empty (or the row is in error)
     */
    private static <R, E> E ending(CsvRecords.Record row, Map<String, Integer> columns, String dateColumn,
            String reasonColumn, java.util.function.Function<String, R> reasons, R[] allReasons,
            List<FieldError> errors, java.util.function.BiFunction<R, LocalDate, E> ending) {
        LocalDate date = parse(row, columns, dateColumn, CsvInvoices::date,
                "is not a date such as 2024-03-31 between " + BusinessDates.MIN + " and " + BusinessDates.MAX, errors);
        R reason = parse(row, columns, reasonColumn, reasons, "is not one of " + java.util.Arrays.toString(allReasons),
                errors);
        boolean hasDate = value(row, columns, dateColumn) != null;
        boolean hasReason = value(row, columns, reasonColumn) != null;
        if (hasDate != hasReason) {
            String missing = hasDate ? reasonColumn : dateColumn;
            errors.add(new FieldError(missing, "is required with " + (hasDate ? dateColumn : reasonColumn) + " (line "
                    + row.line() + ")"));
            return null;
        }
        return date != null && reason != null ? ending.apply(reason, date) : null;
    }

    private static PaymentTermsRequest terms(CsvRecords.Record row, Map<String, Integer> columns,
            List<FieldError> errors) {
        String type = value(row, columns, "paymentTermsType");
        String days = value(row, columns, "paymentTermsDays");
        if (type == null && days == null) {
            return null;
        }
        PaymentTermsType parsedType = parse(row, columns, "paymentTermsType", PaymentTermsType::valueOf,
                "is not one of " + java.util.Arrays.toString(PaymentTermsType.values()), errors);
        Integer parsedDays = parse(row, columns, "paymentTermsDays", Integer::valueOf, "is not a whole number of days",
                errors);
        return new PaymentTermsRequest(parsedType, parsedDays, null, null);
    }

    /** An ISO date in the range every date keeps; anything else is refused, never adjusted. */
    private static LocalDate date(String value) {
        LocalDate date = LocalDate.parse(value);
        if (!value.matches("\\d{4}-\\d{2}-\\d{2}") || !BusinessDates.inRange(date)) {
            throw new IllegalArgumentException("out of range");
        }
        return date;
    }

    /** The stripped value of {@code column}; null when the column is absent or the cell empty. */
    private static String value(CsvRecords.Record row, Map<String, Integer> columns, String column) {
        Integer index = columns.get(column);
        if (index == null) {
            return null;
        }
        String value = row.fields().get(index).strip();
        return value.isEmpty() ? null : value;
    }

    private static <T> T parse(CsvRecords.Record row, Map<String, Integer> columns, String column,
            java.util.function.Function<String, T> parser, String problem, List<FieldError> errors) {
        String value = value(row, columns, column);
        if (value == null) {
            return null;
        }
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            errors.add(new FieldError(column, "'" + value + "' " + problem + " (line " + row.line() + ")"));
            return null;
        }
    }
}
