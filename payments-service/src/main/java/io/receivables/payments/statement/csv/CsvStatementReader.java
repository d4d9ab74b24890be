package io.receivables.payments.statement.csv;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.receivables.common.money.DecimalStrings;
import io.receivables.common.text.CsvRecords;
import io.receivables.common.text.FreeText;
import io.receivables.payments.statement.CreditorReferences;
import io.receivables.payments.statement.EntryKind;
import io.receivables.payments.statement.ParsedStatement;
import io.receivables.payments.statement.Remittance;
import io.receivables.payments.statement.StatementAmounts;
import io.receivables.payments.statement.StatementEntry;
import io.receivables.payments.statement.StatementErrors;
import io.receivables.payments.statement.StatementFormat;
import io.receivables.payments.statement.StatementLimits;
import io.receivables.payments.statement.StatementRejectedException;

/**
 * Bank lines as CSV, for banks and tools without camt: UTF-8, RFC 4180, a header naming the columns (any order, each
 * once), one booked line per row. The layout is in docs/bank-statements.md; {@link #COLUMNS} is its source.
 * <p>
 * {@code amount} is signed: positive is a credit (a payment), negative a debit, which is a reversal when it names the
 * payment it returns in {@code originalReference} and is skipped otherwise (a fee, a transfer out).
 */
public final class CsvStatementReader {

    /** Every row needs these. */
    public static final List<String> REQUIRED = List.of("bankReference", "bookingDate", "amount", "currency");

    /** Empty or absent when unknown. */
    public static final List<String> OPTIONAL = List.of("valueDate", "payerName", "payerAccount", "remittance",
            "creditorReference", "endToEndId", "originalReference", "returnReason");

    /** The header the documentation shows, in its order (any order is read). */
    public static final List<String> COLUMNS = List.of("bankReference", "bookingDate", "valueDate", "amount",
            "currency", "payerName", "payerAccount", "remittance", "creditorReference", "endToEndId",
            "originalReference", "returnReason");

    private CsvStatementReader() {
    }

    /** @throws StatementRejectedException naming the line and column of each error */
    public static ParsedStatement read(byte[] content, StatementLimits limits) {
        List<CsvRecords.Record> records;
        try {
            String text = utf8(content);
            records = CsvRecords.parse(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (IllegalArgumentException e) {
            throw StatementRejectedException.invalid("body", "is not valid CSV: " + e.getMessage());
        }
        if (records.isEmpty()) {
            throw StatementRejectedException.invalid("body", "is empty; the first line must be the header: "
                    + String.join(",", COLUMNS));
        }
        Map<String, Integer> columns = header(records.get(0).fields());
        List<CsvRecords.Record> rows = records.subList(1, records.size());
        if (rows.isEmpty()) {
            throw StatementRejectedException.invalid("body", "has a header but no line");
        }
        if (rows.size() > limits.maxEntries()) {
            throw StatementRejectedException.tooLarge("body", "the file holds " + rows.size()
                    + " lines; one import takes at most " + limits.maxEntries());
        }
        StatementErrors errors = new StatementErrors();
        List<StatementEntry> entries = new ArrayList<>(rows.size());
        for (CsvRecords.Record row : rows) {
            StatementEntry entry = row(row, columns, errors);
            if (entry != null) {
                entries.add(entry);
            }
        }
        errors.throwIfAny();
        return new ParsedStatement(StatementFormat.CSV, List.of(), entries);
    }

    private static StatementEntry row(CsvRecords.Record row, Map<String, Integer> columns, StatementErrors errors) {
        String where = " (line " + row.line() + ")";
        if (row.error() != null) {
            errors.add("line " + row.line(), row.error());
            return null;
        }
        if (row.fields().size() != columns.size()) {
            errors.add("line " + row.line(), "has " + row.fields().size() + " fields; the header has "
                    + columns.size());
            return null;
        }
        Map<String, String> values = new HashMap<>();
        for (Map.Entry<String, Integer> column : columns.entrySet()) {
            String value = FreeText.optional(row.fields().get(column.getValue()));
            if (FreeText.hasNul(value)) {
                errors.add(column.getKey(), FreeText.NUL_MESSAGE + where);
                return null;
            }
            values.put(column.getKey(), value);
        }
        int before = errors.count();
        for (String required : REQUIRED) {
            if (values.get(required) == null) {
                errors.add(required, "must not be empty" + where);
            }
        }
        String bankReference = values.get("bankReference");
        LocalDate bookingDate = date(values, "bookingDate", where, errors);
        LocalDate valueDate = values.get("valueDate") == null ? bookingDate : date(values, "valueDate", where, errors);
        String currency = values.get("currency");
        String amountText = values.get("amount");
        BigDecimal signed = null;
        if (amountText != null) {
            if (DecimalStrings.isDecimal(amountText)) {
                signed = new BigDecimal(amountText);
            } else {
                errors.add("amount", "'" + amountText + "' is not a decimal such as 120.00 or -35.10 (a point, no"
                        + " thousands separator, no exponent)" + where);
            }
        }
        BigDecimal amount = signed == null || currency == null ? null
                : StatementAmounts.exact(signed.abs(), currency, "amount", where, errors);
        if (errors.count() != before || amount == null) {
            return null;
        }
        String location = "line " + row.line();
        String originalReference = values.get("originalReference");
        boolean credit = signed.signum() > 0;
        if (!credit && originalReference == null) {
            return StatementEntry.skipped(location, bankReference, amount, currency, bookingDate,
                    "a debit without originalReference (fee, transfer out): not money a customer sent");
        }
        EntryKind kind = credit ? EntryKind.PAYMENT : EntryKind.REVERSAL;
        if (credit && originalReference != null) {
            errors.add("originalReference", "only a debit (negative amount) returns a payment" + where);
            return null;
        }
        return new StatementEntry(location, kind, bankReference, amount, currency, bookingDate, valueDate,
                values.get("payerName"), account(values.get("payerAccount")), remittance(values),
                values.get("endToEndId"), originalReference, credit ? null : values.get("returnReason"), null,
                List.of());
    }

    private static Remittance remittance(Map<String, String> values) {
        String text = values.get("remittance");
        String reference = CreditorReferences.normalize(values.get("creditorReference"));
        if (reference != null && CreditorReferences.claimsRf(reference) && !CreditorReferences.isValidRf(reference)) {
            // an RF with wrong check digits is no structured reference, but still text the matcher may read
            text = text == null ? values.get("creditorReference") : text + " " + values.get("creditorReference");
            reference = null;
        }
        return new Remittance(text, reference, List.of());
    }

    private static LocalDate date(Map<String, String> values, String column, String where, StatementErrors errors) {
        String value = values.get(column);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(column, "'" + value + "' is not an ISO date such as 2026-03-02" + where);
            return null;
        }
    }

    private static Map<String, Integer> header(List<String> names) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).strip();
            if (!COLUMNS.contains(name)) {
                throw StatementRejectedException.invalid("header", "column " + (i + 1) + " '" + name
                        + "' is not one of " + String.join(",", COLUMNS) + " (line 1)");
            }
            if (columns.put(name, i) != null) {
                throw StatementRejectedException.invalid("header", "column '" + name + "' appears twice (line 1)");
            }
        }
        for (String required : REQUIRED) {
            if (!columns.containsKey(required)) {
                throw StatementRejectedException.invalid("header", "column '" + required + "' is missing; required: "
                        + String.join(",", REQUIRED) + " (line 1)");
            }
        }
        return columns;
    }

    private static String account(String value) {
        return value == null ? null : value.replaceAll("\\s+", "").toUpperCase(java.util.Locale.ROOT);
    }

    private static String utf8(byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw StatementRejectedException.invalid("body", "is not UTF-8 text");
        }
    }

}
