package io.receivables.invoicing.balance.service;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import io.receivables.common.inbox.InboundEvent;
import io.receivables.common.inbox.MalformedEventException;
import io.receivables.common.money.Currencies;
import io.receivables.invoicing.invoice.Invoice;
import io.receivables.invoicing.invoice.InvoiceStatus;
import io.receivables.invoicing.invoice.repository.InvoiceRepository;
import io.smallrye.mutiny.Uni;

/**
 * The invoices an inbound event targets (payments, disputes, dispute credits, late fees), loaded row-locked and checked
 * ONCE for every handler. An event fails the checks for good, so it is dead-lettered with the reason and changes
 * nothing (MalformedEventException), when:
 * <ul>
 * <li>it names an invoice unknown here;</li>
 * <li>the invoice belongs to another customer than the event's;</li>
 * <li>the event's currency is not the invoice's (amounts are never converted);</li>
 * <li>the invoice is in a state no event may target: a {@code DRAFT} (not receivable: nothing was published about it)
 * or a {@code VOIDED} invoice (it owes nothing); an issued invoice, whatever its derived status, and a written-off one
 * (a late recovery is still money received) may be targeted;</li>
 * <li>an amount has more decimals than the currency's minor units ({@link #amount}).</li>
 * </ul>
 * Every method runs in the caller's transaction (the inbox transaction of the consumer).
 */
@ApplicationScoped
public class EventInvoices {

    /** The states an event may target; see the class comment. */
    private static final Set<InvoiceStatus> TARGETABLE = Set.of(InvoiceStatus.ISSUED, InvoiceStatus.WRITTEN_OFF);

    /**
     * What an event says about the invoices it targets, checked against each of them: {@code event} names the event in
     * the dead-letter reason ("payment-received 3f2c…").
     */
    public record Claim(String event, UUID customerId, String currency) {

        public static Claim of(InboundEvent event, UUID customerId, String currency) {
            return new Claim(event.type() + " " + event.id(), customerId, currency);
        }
    }

    private final InvoiceRepository invoices;

    @Inject
    public EventInvoices(InvoiceRepository invoices) {
        this.invoices = invoices;
    }

    /**
     * The invoices by id, checked, locked for the rest of the transaction in id order, so that events of different
     * topics on the same invoices queue instead of overwriting each other (and never lock in opposite orders).
     * <p>
     * Invoices originate in this service: payments-service and disputes-service only learn of an invoice from its
     * invoice-issued, which this service published after committing it. An invoice unknown here is therefore not "not
     * yet arrived" but a broken reference, and waiting for it would block the partition forever.
     */
    public Uni<Map<UUID, Invoice>> lock(Collection<UUID> ids, Claim claim) {
        return load(ids, claim, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The one invoice, checked and locked like {@link #lock(Collection, Claim)}. */
    public Uni<Invoice> lock(UUID id, Claim claim) {
        return lock(Set.of(id), claim).map(locked -> locked.get(id));
    }

    /**
     * The one invoice, checked and share-locked: it cannot be voided or changed until the caller commits, yet
     * concurrent readers of it (e.g. two deliveries of one late fee, which then queue on the customer row) do not block
     * each other.
     */
    public Uni<Invoice> share(UUID id, Claim claim) {
        return load(Set.of(id), claim, LockModeType.PESSIMISTIC_READ).map(found -> found.get(id));
    }

    /** An amount of the event for this invoice, refused when it is finer than the currency's minor unit. */
    public static BigDecimal amount(BigDecimal amount, String field, Invoice invoice, Claim claim) {
        if (amount.stripTrailingZeros().scale() > Currencies.minorUnits(invoice.currency)) {
            throw new MalformedEventException(claim.event() + ": " + field + " " + amount.toPlainString()
                    + " has more decimals than " + invoice.currency + " has minor units");
        }
        return amount;
    }

    /** Refuses the event for good when the invoice is not one it may target (see the class comment). */
    public static void check(Invoice invoice, Claim claim) {
        if (!invoice.customerId.equals(claim.customerId())) {
            throw new MalformedEventException(claim.event() + " is for customer " + claim.customerId() + " but invoice "
                    + invoice.number + " belongs to customer " + invoice.customerId);
        }
        if (!invoice.currency.equals(claim.currency())) {
            throw new MalformedEventException(claim.event() + " is in " + claim.currency() + " but invoice "
                    + invoice.number + " is in " + invoice.currency + "; amounts are never converted");
        }
        if (!TARGETABLE.contains(invoice.status)) {
            String which = invoice.status == InvoiceStatus.DRAFT ? "draft " + invoice.id : invoice.number;
            throw new MalformedEventException(claim.event() + " names invoice " + which + ", which is "
                    + invoice.status + ": no event may target a " + invoice.status.name().toLowerCase()
                    + " invoice");
        }
    }

    private Uni<Map<UUID, Invoice>> load(Collection<UUID> ids, Claim claim, LockModeType lock) {
        return invoices.find("from Invoice where id in ?1 order by id", List.copyOf(ids))
                .withLock(lock).list()
                .map(found -> {
                    Map<UUID, Invoice> byId = found.stream().collect(Collectors.toMap(i -> i.id, Function.identity()));
                    List<UUID> unknown = ids.stream().filter(id -> !byId.containsKey(id)).toList();
                    if (!unknown.isEmpty()) {
                        throw new MalformedEventException(claim.event() + " refers to the unknown invoice(s) " + unknown
                                + ": unknown to invoicing-service, where every invoice originates");
                    }
                    byId.values().forEach(invoice -> check(invoice, claim));
                    return byId;
                });
    }
}
