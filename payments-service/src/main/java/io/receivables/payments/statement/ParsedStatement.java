package io.receivables.payments.statement;

import java.util.List;

/**
 * A statement file read whole: every entry in file order (the transactions of a batch entry one by one).
 *
 * @param format the format detected from the content
 * @param statementIds the ids of the statements or notifications in the file ({@code Stmt/Id}, {@code Ntfctn/Id}); empty
 *        for CSV
 * @param entries every entry, including the SKIPPED ones, so that the report accounts for each line of the file
 */
public record ParsedStatement(StatementFormat format, List<String> statementIds, List<StatementEntry> entries) {

    public ParsedStatement {
        statementIds = List.copyOf(statementIds);
        entries = List.copyOf(entries);
    }

    public long count(EntryKind kind) {
        return entries.stream().filter(e -> e.kind() == kind).count();
    }
}
