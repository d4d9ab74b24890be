package io.receivables.payments.statement.service;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a statement import did with each entry of the file, in file order, and the totals.
 *
 * @param format the format detected from the content
 * @param statementIds the statement or notification ids in the file (empty for CSV)
 * @param entries one line per entry
 * @param totals entries per status
 */
public record ImportReport(String format, List<String> statementIds, List<Line> entries,
        Map<EntryStatus, Long> totals) {

    public static ImportReport of(String format, List<String> statementIds, List<Line> entries) {
        Map<EntryStatus, Long> totals = new EnumMap<>(EntryStatus.class);
        for (EntryStatus status : EntryStatus.values()) {
            totals.put(status, entries.stream().filter(e -> e.status() == status).count());
        }
        return new ImportReport(format, statementIds, List.copyOf(entries), totals);
    }

    /**
     * One entry's outcome.
     *
     * @param location where the entry is in the file ({@code Stmt[1]/Ntry[3] (line 57)}, {@code line 12})
     * @param paymentId the payment recorded, found as a duplicate, or reversed; null when none
     */
    public record Line(String location, EntryStatus status, @Schema(nullable = true) String bankReference,
            @Schema(nullable = true) BigDecimal amount, @Schema(nullable = true) String currency,
            @Schema(nullable = true) UUID paymentId, @Schema(nullable = true) String reason) {
    }
}
