package io.receivables.common.text;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV, read strictly: comma-separated fields; a field in double quotes may hold commas, line breaks and doubled
 * quotes ({@code ""}). Lines end in CRLF or LF. Blank lines are skipped. A quote inside an unquoted field, or text after
 * a field's closing quote, is not RFC 4180: the record keeps the reason in {@code error} (what the reader builds from it is
 * rejected)
 * instead of a guessed value, such as a description with stray quotes in it.
 */
public final class CsvRecords {

    /** One record, the line it starts on (1-based), and why it is malformed (null when it is not). */
    public record Record(int line, List<String> fields, String error) {
    }

    private CsvRecords() {
    }

    /** @throws IllegalArgumentException naming the line of a quote that is never closed */
    public static List<Record> parse(String text) {
        List<Record> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldWasQuoted = false;
        String error = null;
        int line = 1;
        int recordLine = 1;
        int quoteLine = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                fieldWasQuoted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                addUnlessBlank(records, recordLine, fields, error);
                fields = new ArrayList<>();
                field.setLength(0);
                fieldWasQuoted = false;
                error = null;
                line++;
                recordLine = line;
            } else if (fieldWasQuoted) {
                if (error == null) {
                    error = "field " + (fields.size() + 1) + " has text after its closing quote (line " + line
                            + "); a quoted field ends at its quote: double a quote inside it (\"\")";
                }
                field.append(c);
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
                fieldWasQuoted = true;
                quoteLine = line;
            } else if (c == '"') {
                if (error == null) {
                    error = "field " + (fields.size() + 1) + " has a quote but does not start with one (line " + line
                            + "); quote the whole field and double the quote inside it (\"\")";
                }
                field.append(c);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("the quote opened on line " + quoteLine + " is never closed");
        }
        fields.add(field.toString());
        addUnlessBlank(records, recordLine, fields, error);
        return records;
    }

    private static void addUnlessBlank(List<Record> records, int line, List<String> fields, String error) {
        if (fields.size() > 1 || !fields.get(0).isBlank() || error != null) {
            records.add(new Record(line, List.copyOf(fields), error));
        }
    }
}
