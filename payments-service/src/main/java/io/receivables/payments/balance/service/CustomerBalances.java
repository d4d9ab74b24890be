package io.receivables.payments.balance.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.receivables.common.money.Currencies;
import io.receivables.common.outbox.OutboxWriter;
import io.receivables.common.problem.FieldError;
import io.receivables.common.problem.ProblemException;
import io.receivables.contracts.events.Actor;
import io.receivables.contracts.events.RefundIssued;
import io.receivables.payments.balance.Refund;
import io.receivables.payments.payment.Iban;
import io.receivables.payments.payment.Payment;
import io.receivables.payments.payment.repository.PaymentRepository;
import io.receivables.payments.receivable.repository.ReceivableCustomerRepository;
import io.smallrye.mutiny.Uni;

/**
 * A customer's credit balance: the unapplied cash of its payments that stand (not reversed), per currency, with the
 * payments it sits on; and refunds, which pay it back, never more than it holds.
 */
@ApplicationScoped
public class CustomerBalances {

    /** One payment's unapplied cash. */
    public record Source(UUID paymentId, LocalDate valueDate, BigDecimal unappliedAmount, String reference) {
    }

    /** The unapplied cash in one currency, and where it sits. */
    public record CurrencyBalance(String currency, BigDecimal unappliedCash, List<Source> sources) {
    }

    /** A refund to issue; {@code refundDate} null: today. */
    public record IssueRefund(BigDecimal amount, String currency, LocalDate refundDate, RefundIssued.Method method,
            String payeeAccount, String note) {
    }

    /**
     * A refund of one payment made at its source; {@code externalReference} is the source's id of what was refunded
     * (for Stripe the charge id, under which Stripe counts its refunds).
     */
    public record PaymentRefund(BigDecimal amount, LocalDate refundDate, RefundIssued.Method method,
            String externalReference, String note) {
    }

    /** The refund issued, with how much it took from each payment. */
    public record IssuedRefund(Refund refund, List<RefundIssued.Source> sources) {
    }

    private final PaymentRepository payments;
    private final ReceivableCustomerRepository customers;
    private final OutboxWriter outbox;
    private final Clock clock;

    @Inject
    public CustomerBalances(PaymentRepository payments, ReceivableCustomerRepository customers, OutboxWriter outbox,
            Clock clock) {
        this.payments = payments;
        this.customers = customers;
        this.outbox = outbox;
        this.clock = clock;
    }

    @WithSession
    public Uni<List<CurrencyBalance>> balance(UUID customerId) {
        return known(customerId).chain(() -> payments.list("customerId = ?1 and reversedAt is null"
                + " and unallocatedAmount > 0 order by valueDate, id", customerId)).map(found -> {
                    Map<String, List<Payment>> byCurrency = new TreeMap<>();
                    found.forEach(p -> byCurrency.computeIfAbsent(p.currency, c -> new ArrayList<>()).add(p));
                    return byCurrency.entrySet().stream().map(entry -> {
                        String currency = entry.getKey();
                        BigDecimal sum = entry.getValue().stream().map(p -> p.unallocatedAmount)
                                .reduce(BigDecimal.ZERO, BigDecimal::add);
                        return new CurrencyBalance(currency, Currencies.round(sum, currency), entry.getValue().stream()
                                .map(p -> new Source(p.id, p.valueDate, Currencies.round(p.unallocatedAmount, currency),
                                        p.structuredReference != null ? p.structuredReference : p.remittanceText))
                                .toList());
                    }).toList();
                });
    }

    /**
     * Pays back {@code command.amount} of the customer's unapplied cash in its currency, from its oldest payments
     * first; the payments are locked (in id order) so that concurrent refunds and allocations never spend the same money
     * twice. Publishes refund-issued. Runs in the caller's transaction.
     */
    public Uni<IssuedRefund> refund(Actor actor, UUID customerId, IssueRefund command) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate refundDate = command.refundDate() == null ? today : command.refundDate();
        List<FieldError> errors = new ArrayList<>();
        if (!Currencies.isIssuable(command.currency())) {
            errors.add(new FieldError("currency", "must be an ISO 4217 code such as \"EUR\""));
        } else if (command.amount().signum() <= 0) {
            errors.add(new FieldError("amount", "must be more than zero"));
        } else if (command.amount().stripTrailingZeros().scale() > Currencies.minorUnits(command.currency())) {
            errors.add(new FieldError("amount", "has more decimals than " + command.currency() + " has minor units"));
        }
        if (refundDate.isAfter(today)) {
            errors.add(new FieldError("refundDate", "must not be in the future (today is " + today + " UTC)"));
        }
        String payee = null;
        if (command.payeeAccount() != null) {
            String problem = Iban.problem(command.payeeAccount());
            if (problem != null) {
                errors.add(new FieldError("payeeAccount", problem));
            } else {
                payee = Iban.normalize(command.payeeAccount()).orElseThrow();
            }
        }
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalid(errors));
        }
        String account = payee;
        return known(customerId).chain(() -> payments.find("customerId = ?1 and currency = ?2 and reversedAt is null"
                + " and unallocatedAmount > 0 order by id", customerId, command.currency())
                .withLock(LockModeType.PESSIMISTIC_WRITE).list()).chain(locked -> {
                    BigDecimal held = locked.stream().map(p -> p.unallocatedAmount).reduce(BigDecimal.ZERO,
                            BigDecimal::add);
                    if (command.amount().compareTo(held) > 0) {
                        throw ProblemException.invalid("amount", "is more than the customer's unapplied cash of "
                                + Currencies.format(held, command.currency()) + " " + command.currency());
                    }
                    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
                    Refund refund = new Refund();
                    refund.id = UUID.randomUUID();
                    refund.customerId = customerId;
                    refund.currency = command.currency();
                    refund.amount = command.amount();
                    refund.refundDate = refundDate;
                    refund.method = command.method();
                    refund.payeeAccount = account;
                    refund.note = command.note();
                    refund.issuedAt = now;
                    List<RefundIssued.Source> sources = new ArrayList<>();
                    BigDecimal left = command.amount();
                    for (Payment payment : locked.stream()
                            .sorted(Comparator.comparing((Payment p) -> p.valueDate).thenComparing(p -> p.id))
                            .toList()) {
                        if (left.signum() == 0) {
                            break;
                        }
                        BigDecimal take = left.min(payment.unallocatedAmount);
                        payment.unallocatedAmount = payment.unallocatedAmount.subtract(take);
                        payment.refundedAmount = payment.refundedAmount.add(take);
                        payment.deriveStatus();
                        sources.add(new RefundIssued.Source(payment.id, Currencies.round(take, refund.currency)));
                        left = left.subtract(take);
                    }
                    return issue(actor, refund, sources);
                });
    }

    /**
     * Pays {@code command.amount} of one payment's unapplied cash back, when its source gave the money back (a gateway
     * refund): the caller has locked the payment and made its unapplied cash cover the amount (taking allocations back
     * if need be). The refund keeps the source's reference, so that what was refunded under it can be summed up again
     * ({@link #refundedUnder}). Publishes refund-issued. Runs in the caller's transaction.
     */
    public Uni<IssuedRefund> refundPayment(Actor actor, Payment payment, PaymentRefund command) {
        if (payment.customerId == null || command.amount().signum() <= 0
                || command.amount().compareTo(payment.unallocatedAmount) > 0) {
            throw new IllegalStateException("payment " + payment.id + " cannot pay back " + command.amount()
                    + " of its unapplied cash " + payment.unallocatedAmount);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Refund refund = new Refund();
        refund.id = UUID.randomUUID();
        refund.customerId = payment.customerId;
        refund.currency = payment.currency;
        refund.amount = command.amount();
        refund.refundDate = command.refundDate();
        refund.method = command.method();
        refund.externalReference = command.externalReference();
        refund.note = command.note();
        refund.issuedAt = now;
        payment.unallocatedAmount = payment.unallocatedAmount.subtract(command.amount());
        payment.refundedAmount = payment.refundedAmount.add(command.amount());
        payment.deriveStatus();
        return issue(actor, refund, List.of(new RefundIssued.Source(payment.id,
                Currencies.round(command.amount(), payment.currency))));
    }

    /** What the refunds under {@code externalReference} took from the payment so far (zero when none). */
    public Uni<BigDecimal> refundedUnder(UUID paymentId, String externalReference) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "SELECT coalesce(sum(s.amount), 0) FROM refund r JOIN refund_source s ON s.refund_id = r.id"
                        + " WHERE r.external_reference = :reference AND s.payment_id = :payment",
                BigDecimal.class).setParameter("reference", externalReference).setParameter("payment", paymentId)
                .getSingleResult());
    }

    private Uni<IssuedRefund> issue(Actor actor, Refund refund, List<RefundIssued.Source> sources) {
        return Panache.getSession().chain(session -> session.persist(refund)
                // the refund row first: the native inserts of its sources refer to it
                .chain(session::flush)
                .chain(() -> insertSources(session, refund.id, sources)))
                .chain(() -> outbox.append(actor, "refund", new RefundIssued(refund.id, refund.customerId,
                        refund.currency, Currencies.round(refund.amount, refund.currency), refund.refundDate,
                        refund.method, refund.payeeAccount, sources, refund.note, refund.issuedAt)))
                .chain(() -> payments.flush())
                .map(ignored -> new IssuedRefund(refund, sources));
    }

    private static Uni<Void> insertSources(org.hibernate.reactive.mutiny.Mutiny.Session session, UUID refundId,
            List<RefundIssued.Source> sources) {
        Uni<Void> inserts = Uni.createFrom().voidItem();
        for (RefundIssued.Source source : sources) {
            inserts = inserts.chain(() -> session.createNativeQuery(
                    "INSERT INTO refund_source (refund_id, payment_id, amount) VALUES (:refund, :payment, :amount)")
                    .setParameter("refund", refundId).setParameter("payment", source.paymentId())
                    .setParameter("amount", source.amount()).executeUpdate().replaceWithVoid());
        }
        return inserts;
    }

    private Uni<Void> known(UUID customerId) {
        return customers.findById(customerId).invoke(customer -> {
            if (customer == null) {
                throw ProblemException.notFound("No customer " + customerId + " is known to payments");
            }
        }).replaceWithVoid();
    }
}
