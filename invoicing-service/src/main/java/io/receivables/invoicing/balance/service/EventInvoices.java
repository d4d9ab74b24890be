package io.receivables.invoicing.balance.service;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
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
 * The invoices a payment or dispute event names, row-locked, with the checks that make an event one that can never
 * apply (dead-lettered with the reason, nothing changed): an invoice unknown here, a voided invoice, another currency,
 * more decimals than the currency has.
 */
@ApplicationScoped
public class EventInvoices {

    private final InvoiceRepository invoices;

    @Inject
    public EventInvoices(InvoiceRepository invoices) {
        this.invoices = invoices;
    }

    /**
     * The invoices by id, locked for the rest of the transaction in id order, so that events of different topics on the
     * same invoices queue instead of overwriting each other (and never lock in opposite orders).
     * <p>
     * Invoices originate in this service: payments-service and disputes-service only learn of an invoice from its
     * invoice-issued, which this service published after committing it. An invoice unknown here is therefore not "not
     * yet arrived" but a broken reference, and waiting for it would block the partition forever.
     */
    public Uni<Map<UUID, Invoice>> lock(Collection<UUID> ids, InboundEvent event, String currency) {
        return invoices.find("from Invoice where id in ?1 order by id", List.copyOf(ids))
                .withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .map(found -> {
                    Map<UUID, Invoice> byId = found.stream().collect(Collectors.toMap(i -> i.id, Function.identity()));
                    List<UUID> unknown = ids.stream().filter(id -> !byId.containsKey(id)).toList();
                    if (!unknown.isEmpty()) {
                        throw new MalformedEventException(event.type() + " " + event.id() + " names invoice(s) " + unknown
                                + " unknown to invoicing-service, where every invoice originates");
                    }
                    byId.values().forEach(invoice -> check(invoice, event, currency));
                    return byId;
                });
    }

    /** An amount of the event for this invoice, refused when it is finer than the currency's minor unit. */
    public static BigDecimal amount(BigDecimal amount, Invoice invoice, InboundEvent event) {
        if (amount.stripTrailingZeros().scale() > Currencies.minorUnits(invoice.currency)) {
            throw new MalformedEventException(event.type() + " " + event.id() + ": amount " + amount.toPlainString()
                    + " has more decimals than " + invoice.currency + " has");
        }
        return amount;
    }

    private static void check(Invoice invoice, InboundEvent event, String currency) {
        if (!invoice.currency.equals(currency)) {
            throw new MalformedEventException(event.type() + " " + event.id() + " is in " + currency + " but invoice "
                    + invoice.number + " is in " + invoice.currency + "; amounts are never converted");
        }
        if (invoice.status == InvoiceStatus.VOIDED) {
            throw new MalformedEventException(event.type() + " " + event.id() + " names invoice " + invoice.number
                    + ", which is voided");
        }
    }
}
