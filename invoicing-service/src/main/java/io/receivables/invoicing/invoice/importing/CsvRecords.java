package io.receivables.invoicing.invoice.importing;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: comma-separated fields, a field in double quotes may hold commas, line breaks and doubled quotes
 * ({@code ""}). Lines end in CRLF or LF. Blank lines are skipped.
 */
final class CsvRecords {

    /** One record and the line it starts on (1-based). */
    record Record(int line, List<String> fields) {
    }

    private CsvRecords() {
    }

    /** @throws IllegalArgumentException naming the line of a quote that is never closed */
    static List<Record> parse(String text) {
        List<Record> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldWasQuoted = false;
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
            } else if (c == '"' && field.isEmpty() && !fieldWasQuoted) {
                quoted = true;
                fieldWasQuoted = true;
                quoteLine = line;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                fieldWasQuoted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                addUnlessBlank(records, recordLine, fields);
                fields = new ArrayList<>();
                field.setLength(0);
                fieldWasQuoted = false;
                line++;
                recordLine = line;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("the quote opened on line " + quoteLine + " is never closed");
        }
        fields.add(field.toString());
        addUnlessBlank(records, recordLine, fields);
        return records;
    }

    private static void addUnlessBlank(List<Record> records, int line, List<String> fields) {
        if (fields.size() > 1 || !fields.get(0).isBlank()) {
            records.add(new Record(line, List.copyOf(fields)));
        }
    }
}
