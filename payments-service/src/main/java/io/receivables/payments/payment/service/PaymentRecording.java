package io.receivables.payments.payment.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.receivables.common.audit.AuditLog;
import io.receivables.common.audit.AuditSummary;
import io.receivables.common.outbox.OutboxWriter;
import io.receivables.common.problem.ProblemException;
import io.receivables.contracts.events.Actor;
import io.receivables.payments.matching.Application;
import io.receivables.payments.matching.CashApplication;
import io.receivables.payments.matching.Incoming;
import io.receivables.payments.matching.Match;
import io.receivables.payments.matching.RemittanceReferences;
import io.receivables.payments.matching.config.MatchingConfig;
import io.receivables.payments.payment.Allocation;
import io.receivables.payments.payment.Payment;
import io.receivables.payments.payment.repository.AllocationRepository;
import io.receivables.payments.payment.repository.PayerAccountRepository;
import io.receivables.payments.payment.repository.PaymentRepository;
import io.receivables.payments.plan.service.PlanEvaluation;
import io.receivables.payments.receivable.InvoiceState;
import io.receivables.payments.receivable.ReceivableInvoice;
import io.receivables.payments.receivable.repository.ReceivableCustomerRepository;
import io.receivables.payments.receivable.repository.ReceivableInvoiceRepository;
import io.smallrye.mutiny.Uni;

/**
 * Records a payment from any source (REST, bank statements, gateway webhooks) and applies it: identifies the customer,
 * runs cash application on the customer's open invoices (locked in id order, so concurrent payments never allocate the
 * same open amount twice), writes the payment, its allocations and, once the customer is known, payment-received to
 * the outbox. Runs in the caller's transaction (the resource's, or a statement import's), so a batch of payments and
 * its report commit together; it opens none itself.
 */
@ApplicationScoped
public class PaymentRecording {

    private final PaymentRepository payments;
    private final AllocationRepository allocations;
    private final PayerAccountRepository payers;
    private final ReceivableCustomerRepository customers;
    private final ReceivableInvoiceRepository invoices;
    private final OutboxWriter outbox;
    private final AuditLog audit;
    private final MatchingConfig matching;
    private final PlanEvaluation plans;
    private final Clock clock;

    @Inject
    public PaymentRecording(PaymentRepository payments, AllocationRepository allocations,
            PayerAccountRepository payers, ReceivableCustomerRepository customers, ReceivableInvoiceRepository invoices,
            OutboxWriter outbox, AuditLog audit, MatchingConfig matching, PlanEvaluation plans, Clock clock) {
        this.audit = audit;
        this.payments = payments;
        this.allocations = allocations;
        this.payers = payers;
        this.customers = customers;
        this.invoices = invoices;
        this.outbox = outbox;
        this.matching = matching;
        this.plans = plans;
        this.clock = clock;
    }

    /**
     * Records {@code command}, or returns the payment recorded before under the same source and external reference
     * ({@link RecordedPayment#duplicate()}, nothing written). Rejections are {@link ProblemException}s naming the
     * command's field (400 validation, 422 unknown-reference, 409 conflict), thrown before anything is written.
     */
    public Uni<RecordedPayment> record(Actor actor, RecordPayment command) {
        return Uni.createFrom().item(() -> PaymentChecks.checked(command)).chain(checked -> {
            if (checked.externalReference() == null) {
                return recordNew(actor, checked);
            }
            return claim(checked.source(), checked.externalReference())
                    .chain(() -> payments.bySourceReference(checked.source(), checked.externalReference()))
                    .chain(existing -> existing == null ? recordNew(actor, checked)
                            : allocations.ofPayment(existing.id)
                                    .map(recorded -> new RecordedPayment(existing, recorded, true)));
        });
    }

    /**
     * Serialises the recording of one source reference until the transaction ends, so that two deliveries of one bank
     * line or webhook at the same moment record one payment (the second then finds the first).
     */
    private static Uni<Void> claim(String source, String externalReference) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))) l")
                .setParameter("key", "payment:" + source + "\u0001" + externalReference)
                .getSingleResult())
                .replaceWithVoid();
    }

    private Uni<RecordedPayment> recordNew(Actor actor, RecordPayment command) {
        return identify(command).chain(customerId -> {
            if (customerId == null) {
                return save(actor, command, null, List.of(), new Application(List.of(), command.amount(), true,
                        "payer not identified: no customer given, payer account unknown, no reference to one customer's"
                                + " invoice; assign it with POST /payments/{id}/allocations and a customerId"));
            }
            List<UUID> named = command.allocations().stream().map(RecordPayment.RequestedAllocation::invoiceId)
                    .toList();
            return invoices.lockForPayment(customerId, command.currency(), named).chain(locked -> {
                Map<UUID, ReceivableInvoice> byId = locked.stream()
                        .collect(Collectors.toMap(i -> i.id, Function.identity()));
                InvoiceAllocations.check(command.allocations(), customerId, command.currency(), byId);
                List<ReceivableInvoice> open = locked.stream()
                        .filter(i -> i.customerId.equals(customerId) && i.currency.equals(command.currency())
                                && i.state == InvoiceState.OPEN)
                        .toList();
                Application application = new CashApplication(matching.settings()).apply(incoming(command),
                        open.stream().map(ReceivableInvoice::candidate).toList());
                return save(actor, command, customerId, locked, application);
            });
        });
    }

    /**
     * The customer: the one named (it must be known here), else the one the payer account paid for before, else the one
     * whose invoices the explicit allocations or the remittance name (when they all belong to one); else null.
     */
    private Uni<UUID> identify(RecordPayment command) {
        if (command.customerId() != null) {
            return customers.findById(command.customerId()).map(customer -> {
                if (customer == null) {
                    throw ProblemException.unknownReference("customerId", "no customer " + command.customerId()
                            + " is known to payments (customers come from invoicing's events)");
                }
                return customer.id;
            });
        }
        Uni<UUID> byAccount = command.payerAccount() == null ? Uni.createFrom().nullItem()
                : payers.findById(command.payerAccount()).map(payer -> payer == null ? null : payer.customerId);
        return byAccount.chain(known -> {
            if (known != null) {
                return Uni.createFrom().item(known);
            }
            if (!command.allocations().isEmpty()) {
                List<UUID> named = command.allocations().stream().map(RecordPayment.RequestedAllocation::invoiceId)
                        .toList();
                return invoices.list("id in ?1", named).map(found -> {
                    Set<UUID> owners = found.stream().map(i -> i.customerId).collect(Collectors.toSet());
                    if (found.isEmpty()) {
                        throw ProblemException.unknownReference("allocations[0].invoiceId",
                                "no invoice " + named.getFirst() + " is known to payments");
                    }
                    if (owners.size() > 1) {
                        throw ProblemException.invalid("allocations",
                                "name invoices of more than one customer; a payment comes from one customer");
                    }
                    return owners.iterator().next();
                });
            }
            RemittanceReferences references = RemittanceReferences.scan(command.remittanceText(),
                    command.structuredReference());
            return invoices.named(references.creditorReferences(), references.keys()).map(found -> {
                Set<UUID> owners = found.stream().filter(i -> i.currency.equals(command.currency()))
                        .filter(i -> references.creditorReferences().contains(i.creditorReference)
                                || references.position(i.numberKey) != null
                                || (i.numberCore.length() >= RemittanceReferences.MIN_CORE_LENGTH
                                        && references.position(i.numberCore) != null))
                        .map(i -> i.customerId).collect(Collectors.toSet());
                return owners.size() == 1 ? owners.iterator().next() : null;
            });
        });
    }

    private Uni<RecordedPayment> save(Actor actor, RecordPayment command, UUID customerId, List<ReceivableInvoice> locked,
            Application application) {
        Instant now = now();
        Payment payment = new Payment();
        payment.id = UUID.randomUUID();
        payment.customerId = customerId;
        payment.currency = command.currency();
        payment.amount = command.amount();
        payment.unallocatedAmount = application.unapplied();
        payment.valueDate = command.valueDate();
        payment.method = command.method();
        payment.payerName = command.payerName();
        payment.payerAccount = command.payerAccount();
        payment.remittanceText = command.remittanceText();
        payment.structuredReference = command.structuredReference();
        payment.source = command.source();
        payment.externalReference = command.externalReference();
        payment.inReview = application.review();
        payment.reviewReason = cut(application.reviewReason(), 500);
        payment.published = customerId != null;
        payment.receivedAt = now;
        payment.deriveStatus();
        Map<UUID, ReceivableInvoice> byId = locked.stream().collect(Collectors.toMap(i -> i.id, Function.identity()));
        List<Allocation> made = new ArrayList<>();
        for (Match match : application.matches()) {
            made.add(InvoiceAllocations.allocate(payment, byId.get(match.invoiceId()), match.amount(), match.discount(),
                    match.rule(), match.confidence(), match.explanation(), payment.valueDate, now));
        }
        return payments.persist(payment)
                // Panache refuses to persist an empty list
                .chain(() -> made.isEmpty() ? Uni.createFrom().voidItem() : allocations.persist(made))
                .chain(() -> payment.customerId == null ? Uni.createFrom().voidItem()
                        : payers.remember(payment.payerAccount, payment.customerId, now))
                // an unidentified payment publishes nothing until it is assigned, but is of record from now on
                .chain(() -> customerId == null
                        ? audit.record(actor, "recordPayment", "payment", payment.id, AuditSummary.of()
                                .change("status", null, payment.status).value("amount", payment.amount)
                                .value("currency", payment.currency))
                        : outbox.append(actor, "payment", PaymentEvents.received(payment, made, now)).replaceWithVoid())
                // what it paid fills the instalments of the plans covering those invoices
                .chain(() -> plans.follow(actor, made.stream().map(a -> a.invoiceId).toList()))
                .map(ignored -> new RecordedPayment(payment, made, false));
    }

    private static Incoming incoming(RecordPayment command) {
        return new Incoming(command.amount(), command.valueDate(), command.remittanceText(),
                command.structuredReference(), command.allocations().stream()
                        .map(a -> new Incoming.Requested(a.invoiceId(), a.amount())).toList());
    }

    static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
