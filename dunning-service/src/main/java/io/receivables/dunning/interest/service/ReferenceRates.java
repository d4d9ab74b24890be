package io.receivables.dunning.interest.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import io.receivables.common.audit.AuditLog;
import io.receivables.common.audit.AuditSummary;
import io.receivables.common.concurrency.ExpectedVersion;
import io.receivables.common.concurrency.IfMatch;
import io.receivables.common.limits.BusinessDates;
import io.receivables.common.problem.FieldError;
import io.receivables.common.problem.ProblemException;
import io.receivables.contracts.events.Actor;
import io.receivables.dunning.interest.RateKind;
import io.receivables.dunning.interest.RateSchedule;
import io.receivables.dunning.interest.ReferenceRate;
import io.receivables.dunning.interest.repository.ReferenceRateRepository;
import io.smallrye.mutiny.Uni;

/** Reading and editing the reference rates. Joins its caller's session or transaction. */
@ApplicationScoped
public class ReferenceRates {

    /** Bounds of a plausible central-bank rate, in percent: a typo (215 for 2.15) is refused, not charged. */
    public static final BigDecimal MIN_PERCENT = new BigDecimal("-10");
    public static final BigDecimal MAX_PERCENT = new BigDecimal("30");
    public static final int MAX_DECIMALS = 4;

    private final ReferenceRateRepository rates;
    private final AuditLog audit;
    private final Clock clock;

    @Inject
    public ReferenceRates(ReferenceRateRepository rates, AuditLog audit, Clock clock) {
        this.rates = rates;
        this.audit = audit;
        this.clock = clock;
    }

    /** Sets the rate of {@code kind} from {@code validFrom}. */
    public record SetReferenceRate(RateKind kind, LocalDate validFrom, BigDecimal ratePercent, String source) {
    }

    /** The row as written, and whether it is new. */
    public record Written(ReferenceRate rate, boolean created) {
    }

    public Uni<List<ReferenceRate>> list(RateKind kind) {
        return rates.list(kind);
    }

    public Uni<ReferenceRate> get(RateKind kind, LocalDate validFrom) {
        return rates.findById(new ReferenceRate.Key(kind, validFrom)).onItem().ifNull()
                .failWith(() -> notFound(kind, validFrom));
    }

    /**
     * Creates or replaces the row. A new row needs no If-Match ({@code expected} null); an existing one needs the
     * version read (428 without, 412 when it moved on), so that two administrators never overwrite each other's rate
     * unseen. If-Match on a row that does not exist is 412 (RFC 9110 §13.1.1).
     */
    public Uni<Written> set(Actor actor, SetReferenceRate command, ExpectedVersion expected) {
        validate(command);
        ReferenceRate.Key key = new ReferenceRate.Key(command.kind(), command.validFrom());
        return rates.lockKey(key).chain(() -> rates.findById(key, LockModeType.PESSIMISTIC_WRITE)).chain(existing -> {
            if (existing == null) {
                if (expected != null) {
                    throw ProblemException.preconditionFailed("There is no " + key
                            + " reference rate to match If-Match: send no If-Match to create it");
                }
                ReferenceRate created = new ReferenceRate();
                created.id = key;
                fill(created, command);
                return rates.persist(created)
                        .call(() -> audit.record(actor, "setReferenceRate", "reference-rate", key, AuditSummary.of()
                                .value("ratePercent", command.ratePercent()).value("source", command.source())))
                        .call(rates::flush)
                        .map(row -> new Written(row, true));
            }
            if (expected == null) {
                throw ProblemException.preconditionRequired("The " + key + " reference rate exists: send If-Match"
                        + " with the ETag of GET /interest/reference-rates/" + command.kind() + "/"
                        + command.validFrom() + " to replace it");
            }
            IfMatch.check(expected, existing.version, "Reference rate " + key);
            AuditSummary change = AuditSummary.of().change("ratePercent", existing.ratePercent, command.ratePercent())
                    .change("source", existing.source, command.source());
            fill(existing, command);
            return audit.record(actor, "setReferenceRate", "reference-rate", key, change)
                    .call(rates::flush)
                    .map(ignored -> new Written(existing, false));
        });
    }

    private void fill(ReferenceRate row, SetReferenceRate command) {
        row.ratePercent = command.ratePercent();
        row.source = command.source();
        row.updatedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static void validate(SetReferenceRate command) {
        List<FieldError> errors = new ArrayList<>();
        if (!BusinessDates.inRange(command.validFrom())) {
            errors.add(new FieldError("validFrom", BusinessDates.RANGE_MESSAGE));
        } else if (command.kind().halfYearly() && !RateSchedule.isHalfYearStart(command.validFrom())) {
            errors.add(new FieldError("validFrom", command.kind() + " is set per half-year: the date must be"
                    + " 1 January or 1 July"));
        }
        BigDecimal rate = command.ratePercent();
        if (rate.compareTo(MIN_PERCENT) < 0 || rate.compareTo(MAX_PERCENT) > 0) {
            errors.add(new FieldError("ratePercent", "must be between " + MIN_PERCENT + " and " + MAX_PERCENT
                    + " (percent per year, e.g. 2.15)"));
        } else if (rate.stripTrailingZeros().scale() > MAX_DECIMALS) {
            errors.add(new FieldError("ratePercent", "must have at most " + MAX_DECIMALS + " decimal places"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    static ProblemException notFound(RateKind kind, LocalDate validFrom) {
        return ProblemException.notFound("No " + kind + " reference rate from " + validFrom);
    }
}
