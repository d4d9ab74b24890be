package io.receivables.analytics.openitem.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BinaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.receivables.analytics.openitem.OpenItem;
import io.receivables.analytics.openitem.repository.OpenItemRepository;
import io.receivables.common.inbox.MalformedEventException;
import io.receivables.common.inbox.parking.ParkedEvents;
import io.receivables.common.inbox.parking.ReferenceNotYetKnownException;
import io.receivables.common.money.Currencies;
import io.receivables.contracts.events.InvoiceIssued;
import io.receivables.contracts.events.PaymentAllocation;
import io.smallrye.mutiny.Uni;

/**
 * The open amount of each invoice, moved by the events of every topic. Joins the consumer's transaction (the one that
 * records the event in the inbox). An event for an invoice not seen yet (its invoice-issued is still on its way on
 * another topic) is parked, before anything changes, and applied when the invoice arrives.
 */
@ApplicationScoped
public class OpenAmounts {

    static final String INVOICE = "invoice";

    private final OpenItemRepository openItems;
    private final ParkedEvents parked;

    @Inject
    public OpenAmounts(OpenItemRepository openItems, ParkedEvents parked) {
        this.openItems = openItems;
        this.parked = parked;
    }

    /** Opens the invoice, then applies what arrived for it before it. */
    public Uni<Void> issued(InvoiceIssued issued) {
        OpenItem item = new OpenItem();
        item.invoiceId = issued.invoiceId();
        item.invoiceNumber = issued.invoiceNumber();
        item.customerId = issued.customerId();
        item.currency = issued.currency();
        item.openAmount = Currencies.round(issued.total(), issued.currency());
        item.issueDate = issued.issueDate();
        item.dueDate = issued.dueDate();
        item.issuedAt = issued.issuedAt();
        return openItems.persist(item).chain(() -> parked.release(INVOICE, issued.invoiceId()));
    }

    /** A voided or written-off invoice is not open any more, whatever payments and credits lowered it already. */
    public Uni<Void> closed(UUID invoiceId) {
        return known(invoiceId).invoke(item -> item.openAmount = BigDecimal.ZERO).replaceWithVoid();
    }

    /**
     * A credit note lowers its invoice's open amount, never below zero: what it credits beyond that is a credit the
     * customer holds, not negative AR on the invoice.
     */
    public Uni<Void> credited(UUID invoiceId, String currency, BigDecimal total) {
        return known(invoiceId).invoke(item -> {
            sameCurrency(item, currency);
            item.openAmount = item.openAmount.subtract(total.min(item.openAmount.max(BigDecimal.ZERO)));
        }).replaceWithVoid();
    }

    /** Payments lower the open amount of each invoice they are allocated to. */
    public Uni<Void> paid(String currency, List<PaymentAllocation> allocations) {
        return move(currency, allocations, BigDecimal::subtract);
    }

    /** A reversed payment opens its invoices again by what it had paid on each. */
    public Uni<Void> reversed(String currency, List<PaymentAllocation> allocations) {
        return move(currency, allocations, BigDecimal::add);
    }

    /** Every invoice is looked up (and the event parked if one is missing) before any of them changes. */
    private Uni<Void> move(String currency, List<PaymentAllocation> allocations, BinaryOperator<BigDecimal> operation) {
        Map<UUID, BigDecimal> byInvoice = new LinkedHashMap<>();
        allocations.forEach(a -> byInvoice.merge(a.invoiceId(), a.amount(), BigDecimal::add));
        List<OpenItem> items = new ArrayList<>();
        Uni<Void> lookups = Uni.createFrom().voidItem();
        for (UUID invoiceId : byInvoice.keySet()) {
            lookups = lookups.chain(() -> known(invoiceId).invoke(items::add)).replaceWithVoid();
        }
        return lookups.invoke(() -> {
            items.forEach(item -> sameCurrency(item, currency));
            items.forEach(item -> item.openAmount = operation.apply(item.openAmount, byInvoice.get(item.invoiceId)));
        });
    }

    private Uni<OpenItem> known(UUID invoiceId) {
        return openItems.findById(invoiceId).onItem().ifNull()
                .failWith(() -> new ReferenceNotYetKnownException(INVOICE, invoiceId));
    }

    private static void sameCurrency(OpenItem item, String currency) {
        if (!item.currency.equals(currency)) {
            throw new MalformedEventException("invoice " + item.invoiceId + " is in " + item.currency
                    + ", the event in " + currency);
        }
    }
}
