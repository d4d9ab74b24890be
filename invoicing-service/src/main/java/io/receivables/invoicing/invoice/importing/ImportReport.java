package io.receivables.invoicing.invoice.importing;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.receivables.common.problem.FieldError;

/** What an import did, invoice by invoice, in file order. */
public record ImportReport(int accepted, int rejected, List<Row> rows) {

    @Schema(name = "ImportRowStatus")
    public enum Status {
        ACCEPTED,
        REJECTED
    }

    /**
     * One invoice: ACCEPTED with the id it got, or REJECTED with a {@code reason} ({@code invalid}, {@code failed},
     * {@code unknown-reference} or {@code duplicate-number}) and the fields at fault. {@code line} is where it starts.
     */
    @Schema(name = "ImportRowResult")
    public record Row(int line, @Schema(nullable = true) String externalNumber, Status status,
            @Schema(nullable = true, description = "null when REJECTED") UUID invoiceId,
            @Schema(nullable = true, description = "null when ACCEPTED") String reason,
            List<FieldError> errors) {

        public static Row accepted(ImportRow row, UUID invoiceId) {
            return new Row(row.line(), row.externalNumber(), Status.ACCEPTED, invoiceId, null, List.of());
        }

        public static Row rejected(ImportRow row, String reason, List<FieldError> errors) {
            return new Row(row.line(), row.externalNumber(), Status.REJECTED, null, reason,
                    errors.stream().map(row::located).toList());
        }
    }

    public static ImportReport of(List<Row> rows) {
        int accepted = (int) rows.stream().filter(r -> r.status() == Status.ACCEPTED).count();
        return new ImportReport(accepted, rows.size() - accepted, List.copyOf(rows));
    }
}
