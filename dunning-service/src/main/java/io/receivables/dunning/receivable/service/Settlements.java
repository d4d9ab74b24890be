package io.receivables.dunning.receivable.service;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.receivables.common.inbox.MalformedEventException;
import io.receivables.common.inbox.parking.ReferenceNotYetKnownException;
import io.receivables.contracts.events.PaymentAllocation;
import io.receivables.contracts.events.PaymentReversed;
import io.receivables.dunning.receivable.DunningInvoice;
import io.receivables.dunning.receivable.Settlement;
import io.receivables.dunning.receivable.repository.DunningInvoiceRepository;
import io.receivables.dunning.receivable.repository.SettlementRepository;
import io.smallrye.mutiny.Uni;

/**
 * What payments settle on invoices, from ar.payments.events: payment-received and payment-allocated pay on them,
 * payment-unallocated takes back, payment-reversed gives back all the payment settled. Joins the inbox transaction of
 * the consumer. Payments and invoices come on different topics, so a payment may arrive before its invoice: then the
 * event is parked, before anything changes, until the invoice-issued releases it.
 * <p>
 * The same rules as disputes-service's and payments-service's copies (kept alike on purpose, see docs/dunning.md: a
 * shared settlement module is the lead's follow-up).
 */
@ApplicationScoped
public class Settlements {

    private final DunningInvoiceRepository invoices;
    private final SettlementRepository settlements;

    @Inject
    public Settlements(DunningInvoiceRepository invoices, SettlementRepository settlements) {
        this.invoices = invoices;
        this.settlements = settlements;
    }

    /** payment-received and payment-allocated: the allocations are paid on their invoices (with their discounts). */
    public Uni<Void> allocated(String eventType, UUID paymentId, String currency, List<PaymentAllocation> allocations) {
        return apply(eventType, paymentId, currency, allocations, 1);
    }

    /** payment-unallocated: the allocations are taken back; their invoices are open again by those amounts. */
    public Uni<Void> unallocated(String eventType, UUID paymentId, String currency, List<PaymentAllocation> allocations) {
        return apply(eventType, paymentId, currency, allocations, -1);
    }

    /** payment-reversed: each invoice gets back all the payment settled on it, its discount included. */
    public Uni<Void> reversed(PaymentReversed reversal) {
        Map<UUID, BigDecimal> perInvoice = perInvoice(reversal.reversedAllocations());
        if (perInvoice.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return lockKnown(perInvoice.keySet().stream().toList(), reversal.currency(), "payment-reversed")
                .chain(locked -> settlements.ofPayment(reversal.paymentId()).invoke(settled -> {
                    Map<UUID, Settlement> byInvoice = settled.stream()
                            .collect(Collectors.toMap(s -> s.invoiceId, Function.identity()));
                    perInvoice.forEach((invoiceId, amount) -> {
                        Settlement settlement = byInvoice.get(invoiceId);
                        DunningInvoice invoice = locked.get(invoiceId);
                        if (settlement != null && settlement.reversed) {
                            throw new MalformedEventException("payment-reversed reverses payment "
                                    + reversal.paymentId() + " on invoice " + invoice.number
                                    + ", where it was already reversed");
                        }
                        BigDecimal discount = BigDecimal.ZERO;
                        if (settlement != null) {
                            discount = settlement.discount;
                            settlement.reversed = true;
                        }
                        // invoicing is the book of record: the reversal's amount is what it gives back, even for a
                        // payment this service never saw settle (received before it started reading)
                        invoice.amountPaid = invoice.amountPaid.subtract(amount);
                        invoice.amountDiscounted = invoice.amountDiscounted.subtract(discount);
                        invoice.recomputeOpenAmount();
                    });
                })).replaceWithVoid();
    }

    private Uni<Void> apply(String eventType, UUID paymentId, String currency, List<PaymentAllocation> allocations,
            int sign) {
        Map<UUID, BigDecimal> amounts = perInvoice(allocations);
        if (amounts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<UUID, BigDecimal> discounts = new LinkedHashMap<>();
        allocations.forEach(a -> discounts.merge(a.invoiceId(), a.discount() == null ? BigDecimal.ZERO : a.discount(),
                BigDecimal::add));
        return lockKnown(amounts.keySet().stream().toList(), currency, eventType)
                .chain(locked -> settlements.ofPayment(paymentId).chain(settled -> {
                    Map<UUID, Settlement> byInvoice = settled.stream()
                            .collect(Collectors.toMap(s -> s.invoiceId, Function.identity()));
                    List<Settlement> added = new java.util.ArrayList<>();
                    amounts.forEach((invoiceId, amount) -> {
                        BigDecimal discount = discounts.get(invoiceId);
                        Settlement settlement = byInvoice.get(invoiceId);
                        if (settlement == null) {
                            settlement = new Settlement();
                            settlement.id = UUID.randomUUID();
                            settlement.paymentId = paymentId;
                            settlement.invoiceId = invoiceId;
                            added.add(settlement);
                        }
                        settlement.amount = settlement.amount.add(amount.multiply(BigDecimal.valueOf(sign)));
                        settlement.discount = settlement.discount.add(discount.multiply(BigDecimal.valueOf(sign)));
                        DunningInvoice invoice = locked.get(invoiceId);
                        invoice.amountPaid = invoice.amountPaid.add(amount.multiply(BigDecimal.valueOf(sign)));
                        invoice.amountDiscounted = invoice.amountDiscounted
                                .add(discount.multiply(BigDecimal.valueOf(sign)));
                        invoice.recomputeOpenAmount();
                    });
                    return added.isEmpty() ? Uni.createFrom().voidItem() : settlements.persist(added);
                })).replaceWithVoid();
    }

    /**
     * The invoices locked, by id; an event naming one not seen yet is parked before anything changes, and one in
     * another currency than its invoice can never apply.
     */
    private Uni<Map<UUID, DunningInvoice>> lockKnown(List<UUID> ids, String currency, String eventType) {
        return invoices.lock(ids).map(found -> {
            Map<UUID, DunningInvoice> byId = found.stream()
                    .collect(Collectors.toMap(invoice -> invoice.id, Function.identity()));
            for (UUID id : ids) {
                DunningInvoice invoice = byId.get(id);
                if (invoice == null) {
                    throw new ReferenceNotYetKnownException(Receivables.INVOICE, id);
                }
                if (!invoice.currency.equals(currency)) {
                    throw new MalformedEventException(eventType + " in " + currency + " settles invoice "
                            + invoice.number + ", which is in " + invoice.currency);
                }
            }
            return byId;
        });
    }

    private static Map<UUID, BigDecimal> perInvoice(List<PaymentAllocation> allocations) {
        Map<UUID, BigDecimal> perInvoice = new LinkedHashMap<>();
        allocations.forEach(a -> perInvoice.merge(a.invoiceId(), a.amount(), BigDecimal::add));
        return perInvoice;
    }
}
