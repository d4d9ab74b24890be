package io.receivables.analytics.openitem.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.receivables.analytics.openitem.OpenItem;
import io.receivables.analytics.openitem.OpenItemEntry;
import io.receivables.analytics.openitem.repository.OpenItemEntryRepository;
import io.receivables.analytics.openitem.repository.OpenItemRepository;
import io.receivables.common.inbox.MalformedEventException;
import io.receivables.common.inbox.parking.ParkedEvents;
import io.receivables.common.inbox.parking.ReferenceNotYetKnownException;
import io.receivables.common.money.Currencies;
import io.receivables.contracts.events.InvoiceIssued;
import io.receivables.contracts.events.PaymentAllocation;
import io.smallrye.mutiny.Uni;

/**
 * The open amount of each invoice, moved by the events of every topic, each move also kept as an entry dated by the
 * event's business date ({@link OpenItemEntry}) so that open AR can be read as of a date. Joins the consumer's
 * transaction (the one that records the event in the inbox). An event for an invoice not seen yet (its invoice-issued is
 * still on its way on another topic) is parked, before anything changes, and applied when the invoice arrives.
 */
@ApplicationScoped
public class OpenAmounts {

    static final String INVOICE = "invoice";

    private final OpenItemRepository openItems;
    private final OpenItemEntryRepository entries;
    private final ParkedEvents parked;

    @Inject
    public OpenAmounts(OpenItemRepository openItems, OpenItemEntryRepository entries, ParkedEvents parked) {
        this.openItems = openItems;
        this.entries = entries;
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
        return openItems.persist(item)
                .call(() -> entries.persist(OpenItemEntry.of(item.invoiceId, item.issueDate, item.openAmount)))
                .chain(() -> parked.release(INVOICE, issued.invoiceId()));
    }

    /**
     * A voided or written-off invoice is not open any more from {@code effectiveOn}, whatever payments and credits
     * lowered it already; before that date it still counts with what was open.
     */
    public Uni<Void> closed(UUID invoiceId, LocalDate effectiveOn) {
        return known(invoiceId).chain(item -> change(item, item.openAmount.negate(), effectiveOn));
    }

    /**
     * A credit note lowers its invoice's open amount from its issue date, never below zero: what it credits beyond that
     * is a credit the customer holds, not negative AR on the invoice.
     */
    public Uni<Void> credited(UUID invoiceId, String currency, BigDecimal total, LocalDate issueDate) {
        return known(invoiceId).chain(item -> {
            sameCurrency(item, currency);
            return change(item, total.min(item.openAmount.max(BigDecimal.ZERO)).negate(), issueDate);
        });
    }

    /**
     * Payments lower the open amount of each invoice they are allocated to, from {@code effectiveOn}: by the amount and
     * the early-payment discount it settled with it (as invoicing's balance rule counts both).
     */
    public Uni<Void> paid(String currency, List<PaymentAllocation> allocations, LocalDate effectiveOn) {
        return move(currency, allocations, BigDecimal::negate, effectiveOn);
    }

    /**
     * A reversed payment, or allocations taken back, open their invoices again by what they had settled on each
     * (amount and discount), from {@code effectiveOn}.
     */
    public Uni<Void> reversed(String currency, List<PaymentAllocation> allocations, LocalDate effectiveOn) {
        return move(currency, allocations, amount -> amount, effectiveOn);
    }

    /** Moves the item's open amount by {@code amount} and records the move from {@code effectiveOn}. */
    private Uni<Void> change(OpenItem item, BigDecimal amount, LocalDate effectiveOn) {
        item.openAmount = item.openAmount.add(amount);
        return entries.persist(OpenItemEntry.of(item.invoiceId, effectiveOn, amount)).replaceWithVoid();
    }

    /** Every invoice is looked up (and the event parked if one is missing) before any of them changes. */
    private Uni<Void> move(String currency, List<PaymentAllocation> allocations, UnaryOperator<BigDecimal> sign,
            LocalDate effectiveOn) {
        Map<UUID, BigDecimal> byInvoice = new LinkedHashMap<>();
        allocations.forEach(a -> byInvoice.merge(a.invoiceId(),
                a.discount() == null ? a.amount() : a.amount().add(a.discount()), BigDecimal::add));
        List<OpenItem> items = new ArrayList<>();
        Uni<Void> lookups = Uni.createFrom().voidItem();
        for (UUID invoiceId : byInvoice.keySet()) {
            lookups = lookups.chain(() -> known(invoiceId).invoke(items::add)).replaceWithVoid();
        }
        return lookups.invoke(() -> items.forEach(item -> sameCurrency(item, currency)))
                .chain(() -> {
                    Uni<Void> changes = Uni.createFrom().voidItem();
                    for (OpenItem item : items) {
                        changes = changes.chain(
                                () -> change(item, sign.apply(byInvoice.get(item.invoiceId)), effectiveOn));
                    }
                    return changes;
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
