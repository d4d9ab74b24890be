package io.receivables.payments.statement.service;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.receivables.common.concurrency.ExpectedVersion;
import io.receivables.common.problem.ProblemException;
import io.receivables.contracts.events.Actor;
import io.receivables.contracts.events.PaymentReceived;
import io.receivables.payments.payment.Iban;
import io.receivables.payments.payment.Payment;
import io.receivables.payments.payment.repository.PaymentRepository;
import io.receivables.payments.payment.service.PaymentChanges;
import io.receivables.payments.payment.service.PaymentRecording;
import io.receivables.payments.payment.service.RecordPayment;
import io.receivables.payments.payment.service.RecordedPayment;
import io.receivables.payments.statement.ParsedStatement;
import io.receivables.payments.statement.StatementEntry;
import io.receivables.payments.statement.StatementFormat;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Imports a statement file already read: every entry in its own transaction, one after the other, so that an entry
 * refused on its own never loses the others, and a re-import finds every booking recorded before (its bank reference)
 * and writes nothing twice.
 */
@ApplicationScoped
public class StatementImport {

    private static final Logger LOG = Logger.getLogger(StatementImport.class);

    /** The sources under which statement payments are recorded; a return is looked up among all of them. */
    static final List<String> BANK_SOURCES = List.of("CAMT053", "CAMT054", "CSV_STATEMENT");
    /** camt.054 (intraday) and camt.053 (end of day) report one booking under the same key: the same payment. */
    private static final List<String> CAMT_SOURCES = List.of("CAMT053", "CAMT054");

    private final PaymentRecording recording;
    private final PaymentChanges changes;
    private final PaymentRepository payments;

    @Inject
    public StatementImport(PaymentRecording recording, PaymentChanges changes, PaymentRepository payments) {
        this.recording = recording;
        this.changes = changes;
        this.payments = payments;
    }

    /** The source a statement's payments are recorded under. */
    public static String source(StatementFormat format) {
        return switch (format) {
            case CAMT_053_001_02, CAMT_053_001_08 -> "CAMT053";
            case CAMT_054_001_02, CAMT_054_001_08 -> "CAMT054";
            case CSV -> "CSV_STATEMENT";
        };
    }

    /**
     * Must be called on a Vert.x context without a session: each entry opens its own. The entries go one after the
     * other through a stream, not through one Uni chained per entry: subscribing to 10,000 nested Unis overflowed the
     * stack before the first entry was written (found by PaymentsBenchmark), and the request never answered.
     */
    public Uni<ImportReport> importStatement(Actor actor, ParsedStatement statement) {
        String source = source(statement.format());
        return Multi.createFrom().iterable(statement.entries())
                .onItem().transformToUniAndConcatenate(entry -> Panache.withTransaction(() -> one(actor, source, entry))
                        .onFailure().recoverWithItem(failure -> failed(entry, failure)))
                .collect().asList()
                .map(lines -> ImportReport.of(statement.format().name(), statement.statementIds(), lines));
    }

    private Uni<ImportReport.Line> one(Actor actor, String source, StatementEntry entry) {
        return switch (entry.kind()) {
            case SKIPPED -> Uni.createFrom().item(line(entry, EntryStatus.SKIPPED, null, entry.skipReason()));
            case PAYMENT -> payment(actor, source, entry);
            case REVERSAL -> reversal(actor, entry);
        };
    }

    private Uni<ImportReport.Line> payment(Actor actor, String source, StatementEntry entry) {
        Uni<Payment> seenInOtherCamt = CAMT_SOURCES.contains(source)
                ? payments.find("source in ?1 and externalReference = ?2", CAMT_SOURCES, entry.bankReference())
                        .firstResult()
                : Uni.createFrom().nullItem();
        return seenInOtherCamt.chain(seen -> {
            if (seen != null) {
                return Uni.createFrom().item(line(entry, EntryStatus.DUPLICATE, seen,
                        "bank reference recorded before (" + seen.source + ")"));
            }
            return recording.record(actor, command(source, entry)).map(recorded -> {
                if (recorded.duplicate()) {
                    return line(entry, EntryStatus.DUPLICATE, recorded.payment(), "bank reference recorded before");
                }
                recorded.payment().endToEndId = entry.endToEndId();
                return line(entry, status(recorded), recorded.payment(), recorded.payment().reviewReason);
            });
        });
    }

    private static RecordPayment command(String source, StatementEntry entry) {
        // the referred document numbers go into the text, where cash application looks for invoice numbers
        String text = Stream.concat(Stream.ofNullable(entry.remittance().text()),
                entry.remittance().documentNumbers().stream()).collect(Collectors.joining(" "));
        // an account that is not an IBAN (Othr/Id) cannot identify a customer here; the payment is still recorded
        String account = entry.payerAccount() == null || Iban.problem(entry.payerAccount()) != null ? null
                : entry.payerAccount();
        return new RecordPayment(source, entry.bankReference(), null, entry.amount(), entry.currency(),
                entry.valueDate(), PaymentReceived.Method.BANK_TRANSFER, cut(entry.payerName(), 140), account,
                text.isEmpty() ? null : cut(text, 1000), entry.remittance().creditorReference(), List.of());
    }

    private static EntryStatus status(RecordedPayment recorded) {
        Payment payment = recorded.payment();
        if (payment.customerId == null) {
            return EntryStatus.UNIDENTIFIED;
        }
        if (recorded.active().isEmpty()) {
            return EntryStatus.UNAPPLIED;
        }
        return payment.unallocatedAmount.signum() == 0 ? EntryStatus.MATCHED : EntryStatus.PARTIALLY_MATCHED;
    }

    private Uni<ImportReport.Line> reversal(Actor actor, StatementEntry entry) {
        String reference = entry.originalReference();
        if (reference == null) {
            return Uni.createFrom().item(line(entry, EntryStatus.UNMATCHED_REVERSAL, null,
                    "the return quotes no original reference; reverse the payment by hand"));
        }
        return payments.byReturnReference(BANK_SOURCES, reference).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item(line(entry, EntryStatus.UNMATCHED_REVERSAL, null,
                        "no payment with end-to-end id or bank reference " + reference));
            }
            if (found.size() > 1) {
                return Uni.createFrom().item(line(entry, EntryStatus.UNMATCHED_REVERSAL, null, found.size()
                        + " payments have end-to-end id or bank reference " + reference + "; reverse one by hand"));
            }
            Payment original = found.getFirst();
            if (original.reversedAt != null) {
                return Uni.createFrom().item(line(entry, EntryStatus.DUPLICATE, original,
                        "payment reversed before, on " + original.reversalDate));
            }
            if (original.amount.compareTo(entry.amount()) != 0 || !original.currency.equals(entry.currency())) {
                return Uni.createFrom().item(line(entry, EntryStatus.UNMATCHED_REVERSAL, original,
                        "the return of " + entry.amount().toPlainString() + " " + entry.currency()
                                + " is not the payment's " + original.amount.toPlainString() + " " + original.currency
                                + "; reverse it by hand"));
            }
            String note = "returned by the bank" + (entry.returnReason() == null ? ""
                    : " (" + entry.returnReason()
                            + ")")
                    + ", " + entry.location();
            return changes.reverse(actor, original.id, ExpectedVersion.anyVersion(), PaymentChanges.ReversalReason.BOUNCED,
                    entry.bookingDate() != null ? entry.bookingDate() : entry.valueDate(), cut(note, 1000))
                    .map(reversed -> line(entry, EntryStatus.REVERSAL, reversed.payment(), note));
        });
    }

    private static ImportReport.Line failed(StatementEntry entry, Throwable failure) {
        if (failure instanceof ProblemException problem) {
            String detail = problem.errors().isEmpty() ? problem.getMessage()
                    : problem.errors().stream().map(e -> e.field() + ": " + e.message())
                            .collect(Collectors.joining("; "));
            return line(entry, EntryStatus.FAILED, null, detail);
        }
        LOG.errorf(failure, "statement entry %s could not be imported", entry.location());
        return line(entry, EntryStatus.FAILED, null, "could not be recorded (" + failure.getClass().getSimpleName()
                + "); import the file again to retry it");
    }

    private static ImportReport.Line line(StatementEntry entry, EntryStatus status, Payment payment, String reason) {
        String why = reason;
        if (!entry.notes().isEmpty()) {
            why = (why == null ? "" : why + "; ") + String.join("; ", entry.notes());
        }
        return new ImportReport.Line(entry.location(), status, entry.bankReference(), entry.amount(), entry.currency(),
                payment == null ? null : payment.id, why);
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
