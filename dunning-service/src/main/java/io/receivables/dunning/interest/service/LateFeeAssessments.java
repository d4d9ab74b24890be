package io.receivables.dunning.interest.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.receivables.common.money.Currencies;
import io.receivables.common.outbox.OutboxWriter;
import io.receivables.contracts.events.Actor;
import io.receivables.contracts.events.LateFeeAssessed;
import io.receivables.dunning.interest.BalanceChange;
import io.receivables.dunning.interest.LateChargeQuote;
import io.receivables.dunning.interest.LateChargeRequest;
import io.receivables.dunning.interest.LateFeeAssessment;
import io.receivables.dunning.interest.repository.LateFeeAssessmentRepository;
import io.receivables.dunning.interest.service.InterestQuotes.JurisdictionChoice;
import io.smallrye.mutiny.Uni;

/**
 * The dunning run's hook: charges an invoice's late fees for a step, exactly once per (invoice, step), publishing
 * late-fee-assessed (invoicing bills each as a fee invoice). Runs in the CALLER's transaction, so that the step's
 * reminder, this row and its events commit or roll back together.
 * <p>
 * What a step charges: the interest to date (rounded once) less the interest earlier steps of the invoice charged,
 * so that over all steps the invoice is charged its interest to date exactly, never twice for a day; the step's fee;
 * and the compensation unless an earlier step charged it (this table knows, the caller need not say). A fee invoice
 * is charged nothing, but its step is still recorded as assessed.
 */
@ApplicationScoped
public class LateFeeAssessments {

    static final String AGGREGATE = "late-fee";

    private final InterestQuotes quotes;
    private final LateFeeAssessmentRepository assessments;
    private final OutboxWriter outbox;
    private final Clock clock;

    @Inject
    public LateFeeAssessments(InterestQuotes quotes, LateFeeAssessmentRepository assessments, OutboxWriter outbox,
            Clock clock) {
        this.quotes = quotes;
        this.assessments = assessments;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** One invoice at one dunning step, on the run's assessment date. */
    public record AssessLateFees(UUID invoiceId, int step, UUID customerId, JurisdictionChoice jurisdiction,
            String currency, LocalDate dueDate, LocalDate assessmentDate, List<BalanceChange> balances,
            BigDecimal stepFee, boolean feeInvoice) {
    }

    /** The row written and its events; empty when the (invoice, step) was assessed before (nothing written). */
    public record Assessed(LateFeeAssessment assessment, LateChargeQuote quote, List<LateFeeAssessed> events) {
    }

    public Uni<Optional<Assessed>> assess(Actor actor, AssessLateFees command) {
        return assessments.lockInvoice(command.invoiceId())
                .chain(() -> assessments.charged(command.invoiceId(), command.step()))
                .chain(charged -> charged.stepAssessed() ? Uni.createFrom().item(Optional.<Assessed> empty())
                        : quotes.quote(command.jurisdiction(), request(command, charged.compensationCharged()))
                                .chain(quote -> record(actor, command, charged, quote)).map(Optional::of));
    }

    private Uni<Assessed> record(Actor actor, AssessLateFees command, LateFeeAssessmentRepository.Charged charged,
            LateChargeQuote quote) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String currency = command.currency();
        BigDecimal interest = quote.interest().subtract(Currencies.round(charged.interest(), currency))
                .max(BigDecimal.ZERO);
        // the days this step's interest covers: since the last assessment, or since the due date
        LocalDate from = charged.lastAssessmentDate() == null || charged.lastAssessmentDate().isBefore(quote.dueDate())
                ? quote.dueDate()
                : charged.lastAssessmentDate();
        int interestDays = (int) Math.max(0, ChronoUnit.DAYS.between(from, quote.assessmentDate()));
        BigDecimal ratePercent = quote.periods().isEmpty() ? null : quote.periods().getLast().ratePercent();

        LateFeeAssessment row = new LateFeeAssessment();
        row.id = new LateFeeAssessment.Key(command.invoiceId(), command.step());
        row.customerId = command.customerId();
        row.currency = currency;
        row.jurisdiction = quote.jurisdiction();
        row.dueDate = quote.dueDate();
        row.assessmentDate = quote.assessmentDate();
        row.daysOverdue = (int) quote.daysOverdue();
        row.stepFee = quote.stepFee();
        row.compensation = quote.compensation();
        row.feeInvoice = quote.feeInvoice();
        row.assessedAt = now;

        List<LateFeeAssessed> events = new ArrayList<>();
        boolean chargeInterest = interest.signum() > 0 && interestDays > 0 && ratePercent != null;
        row.interest = chargeInterest ? interest : Currencies.round(BigDecimal.ZERO, currency);
        if (chargeInterest) {
            row.interestRatePercent = ratePercent;
            row.interestFeeId = UUID.randomUUID();
            events.add(event(row.interestFeeId, command, interest, LateFeeAssessed.Kind.INTEREST,
                    ratePercent.movePointLeft(2).stripTrailingZeros(), interestDays, now));
        }
        if (row.stepFee.signum() > 0) {
            row.stepFeeId = UUID.randomUUID();
            events.add(event(row.stepFeeId, command, row.stepFee, LateFeeAssessed.Kind.FIXED_FEE, null,
                    row.daysOverdue, now));
        }
        if (row.compensation.signum() > 0) {
            row.compensationFeeId = UUID.randomUUID();
            events.add(event(row.compensationFeeId, command, row.compensation, LateFeeAssessed.Kind.FIXED_FEE, null,
                    row.daysOverdue, now));
        }
        Uni<Void> written = assessments.persist(row).replaceWithVoid();
        for (LateFeeAssessed event : events) {
            written = written.call(() -> outbox.append(actor, AGGREGATE, event));
        }
        return written.call(assessments::flush).map(ignored -> new Assessed(row, quote, List.copyOf(events)));
    }

    private static LateFeeAssessed event(UUID lateFeeId, AssessLateFees command, BigDecimal amount,
            LateFeeAssessed.Kind kind, BigDecimal annualRate, int days, Instant now) {
        return new LateFeeAssessed(lateFeeId, command.customerId(), command.invoiceId(), command.currency(), amount,
                kind, annualRate, days, command.assessmentDate(), now);
    }

    private static LateChargeRequest request(AssessLateFees command, boolean compensationCharged) {
        return new LateChargeRequest(command.currency(), command.dueDate(), command.assessmentDate(),
                command.balances(), command.stepFee(), compensationCharged, command.feeInvoice());
    }
}
