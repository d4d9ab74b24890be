package io.receivables.invoicing.invoice.importing.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.receivables.common.problem.FieldError;
import io.receivables.common.problem.ProblemException;
import io.receivables.common.problem.ProblemType;
import io.receivables.contracts.events.Actor;
import io.receivables.invoicing.invoice.importing.CsvInvoices;
import io.receivables.invoicing.invoice.importing.HistoricalInvoice;
import io.receivables.invoicing.invoice.importing.ImportLimits;
import io.receivables.invoicing.invoice.importing.ImportReport;
import io.receivables.invoicing.invoice.importing.ImportRow;
import io.receivables.invoicing.invoice.importing.NdjsonInvoices;
import io.receivables.invoicing.invoice.service.InvoiceService;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;

/**
 * Imports historical invoices one by one, unlike the all-or-nothing batch: each is accepted or rejected on its own, and
 * each accepted one commits with its invoice-issued event in its own transaction, so a bad row leaves nothing and
 * does not hold back the good ones. Importing a file again is safe: the numbers already on record come back as
 * {@code duplicate-number} and nothing is written twice.
 */
@ApplicationScoped
public class InvoiceImportService {

    private static final Logger LOG = Logger.getLogger(InvoiceImportService.class);

    private final HistoricalInvoiceWriter writer;
    private final Validator validator;
    private final ObjectMapper mapper;

    @Inject
    public InvoiceImportService(HistoricalInvoiceWriter writer, Validator validator, ObjectMapper mapper) {
        this.writer = writer;
        this.validator = validator;
        this.mapper = mapper;
    }

    public Uni<ImportReport> importCsv(Actor actor, String csv) {
        return Uni.createFrom().item(() -> CsvInvoices.read(csv, ImportLimits.MAX_ROWS))
                .chain(rows -> importRows(actor, rows));
    }

    public Uni<ImportReport> importNdjson(Actor actor, String ndjson) {
        return Uni.createFrom().item(() -> NdjsonInvoices.read(ndjson, mapper, ImportLimits.MAX_ROWS))
                .chain(rows -> importRows(actor, rows));
    }

    /**
     * Checks every row against every rule that needs no database (bean validation, decimals, column limits, dates)
     * before the first is written, then writes the valid ones one by one. A row that fails while being written (an
     * unknown customer, a number imported meanwhile, or anything unexpected) is reported as rejected: rows before it
     * are committed already, so the answer is always the report, never a 500 that would hide what was written.
     */
    private Uni<ImportReport> importRows(Actor actor, List<ImportRow> rows) {
        Set<String> numbersInFile = new HashSet<>();
        List<ImportReport.Row> report = new ArrayList<>();
        List<Uni<ImportReport.Row>> steps = new ArrayList<>();
        for (ImportRow row : rows) {
            ImportReport.Row rejected = precheck(row, numbersInFile);
            steps.add(rejected != null ? Uni.createFrom().item(rejected) : write(actor, row));
        }
        return Multi.createFrom().iterable(steps)
                .onItem().transformToUniAndConcatenate(step -> step.invoke(report::add))
                .collect().last()
                .map(ignored -> ImportReport.of(report));
    }

    /** The rejection of {@code row} decided without the database, or null when it may be written. */
    private ImportReport.Row precheck(ImportRow row, Set<String> numbersInFile) {
        if (!row.errors().isEmpty()) {
            return ImportReport.Row.rejected(row, "invalid", row.errors());
        }
        List<FieldError> errors = check(row.invoice());
        if (!errors.isEmpty()) {
            return ImportReport.Row.rejected(row, "invalid", errors);
        }
        if (!numbersInFile.add(row.externalNumber())) {
            return ImportReport.Row.rejected(row, "duplicate-number", List.of(new FieldError("externalNumber",
                    "appears earlier in this file; nothing was written for this row")));
        }
        return null;
    }

    private Uni<ImportReport.Row> write(Actor actor, ImportRow row) {
        return Uni.createFrom().deferred(() -> writer.record(actor, row.invoice()))
                .map(invoice -> ImportReport.Row.accepted(row, invoice.id))
                .onFailure(HistoricalInvoiceWriter.DuplicateNumberException.class)
                .recoverWithItem(e -> ImportReport.Row.rejected(row, "duplicate-number",
                        ((HistoricalInvoiceWriter.DuplicateNumberException) e).errors()))
                .onFailure(InvoiceImportService::isUniqueViolation)
                .recoverWithItem(e -> ImportReport.Row.rejected(row, "duplicate-number", List.of(new FieldError(
                        "externalNumber", "was imported at the same moment by another request; nothing was written"
                                + " for this row"))))
                .onFailure(ProblemException.class)
                .recoverWithItem(e -> ImportReport.Row.rejected(row, reason((ProblemException) e),
                        ((ProblemException) e).errors()))
                .onFailure().recoverWithItem(e -> {
                    String errorId = UUID.randomUUID().toString();
                    LOG.errorf(e, "Import row %d (%s) failed unexpectedly, error id %s", row.line(), row.externalNumber(),
                            errorId);
                    return ImportReport.Row.rejected(row, "failed", List.of(new FieldError("line",
                            "could not be written (error id " + errorId + "); nothing was written for this row")));
                });
    }

    /** Bean validation as POST /invoices has it, and no number of the form this service issues itself. */
    private List<FieldError> check(HistoricalInvoice invoice) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<HistoricalInvoice> violation : validator.validate(invoice)) {
            errors.add(new FieldError(violation.getPropertyPath().toString().replace(".<list element>", ""),
                    violation.getMessage()));
        }
        if (errors.isEmpty()) {
            // the rules of POST /invoices beyond bean validation: decimals, what the columns hold, currency, dates
            InvoiceService.checked(invoice.invoice(), "", errors);
        }
        if (invoice.voided() != null && invoice.writtenOff() != null) {
            errors.add(new FieldError("writtenOff", "an invoice is either voided or written off, not both"));
        }
        if (invoice.hasOwnSeriesNumber()) {
            errors.add(new FieldError("externalNumber", "has the form of this service's own numbers (INV-year-sequence)"
                    + " and would collide with one it issues later; keep the ERP's prefix"));
        }
        errors.sort((a, b) -> a.field().compareTo(b.field()));
        return errors;
    }

    /** A concurrent import of the same number won the race to the unique index. */
    private static boolean isUniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PgException pg && "23505".equals(pg.getSqlState())) {
                return true;
            }
        }
        return false;
    }

    private static String reason(ProblemException problem) {
        return problem.type() == ProblemType.UNKNOWN_REFERENCE ? "unknown-reference" : "invalid";
    }

    private static Uni<ImportReport.Row> rejected(ImportRow row, String reason, List<FieldError> errors) {
        return Uni.createFrom().item(ImportReport.Row.rejected(row, reason, errors));
    }
}
