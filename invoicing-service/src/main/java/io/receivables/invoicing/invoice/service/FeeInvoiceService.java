package io.receivables.invoicing.invoice.service;

import java.math.BigDecimal;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import io.receivables.common.inbox.MalformedEventException;
import io.receivables.common.money.DecimalStrings;
import io.receivables.contracts.events.Actor;
import io.receivables.contracts.events.LateFeeAssessed;
import io.receivables.invoicing.balance.service.EventInvoices;
import io.receivables.invoicing.customer.repository.CustomerRepository;
import io.receivables.invoicing.customer.rest.PaymentTermsRequest;
import io.receivables.invoicing.invoice.Invoice;
import io.receivables.invoicing.invoice.repository.InvoiceRepository;
import io.receivables.invoicing.invoice.rest.CreateInvoiceRequest;
import io.receivables.invoicing.invoice.rest.InvoiceLineRequest;
import io.receivables.invoicing.terms.PaymentTermsType;
import io.smallrye.mutiny.Uni;

/**
 * Bills a late-fee-assessed as a fee invoice, issued through the normal issuing path (gap-free INV number,
 * invoice-issued through the outbox). The rules (also in docs/invoicing.md): one line, quantity 1, the fee as unit price,
 * tax rate 0 (late-payment fees and interest are compensation, not consideration for a supply: outside the scope of
 * VAT); issue date = the assessment date, due on issue (terms NET 0); the customer and currency of the overdue invoice,
 * whose PO number it carries; never refused for the credit limit.
 */
@ApplicationScoped
public class FeeInvoiceService {

    private final InvoiceService issuing;
    private final InvoiceRepository invoices;
    private final EventInvoices eventInvoices;
    private final CustomerRepository customers;

    @Inject
    public FeeInvoiceService(InvoiceService issuing, InvoiceRepository invoices, EventInvoices eventInvoices,
            CustomerRepository customers) {
        this.issuing = issuing;
        this.invoices = invoices;
        this.eventInvoices = eventInvoices;
        this.customers = customers;
    }

    /**
     * Issues the fee invoice in the CALLER's transaction (the inbox transaction of the consumer that applies
     * late-fee-assessed). Exactly once per late fee: the customer row lock, which issuing takes anyway, queues
     * concurrent calls, and a later one finds the invoice (unique late_fee_id) and does nothing. The overdue invoice is
     * share-locked, so it cannot be voided while its fee is billed.
     *
     * @throws MalformedEventException (as the Uni's failure) when the checks every event handler shares fail
     *         ({@link EventInvoices}): an unknown invoice, another customer or currency, a draft or voided invoice, an
     *         amount with more decimals than the currency has
     */
    public Uni<Void> issueForLateFee(Actor actor, LateFeeAssessed event) {
        EventInvoices.Claim claim = new EventInvoices.Claim("late-fee-assessed " + event.lateFeeId(),
                event.customerId(), event.currency());
        return eventInvoices.share(event.invoiceId(), claim)
                .invoke(overdue -> EventInvoices.amount(event.amount(), "amount", overdue, claim))
                .call(overdue -> customers.findById(overdue.customerId, LockModeType.PESSIMISTIC_WRITE))
                .chain(overdue -> invoices.count("lateFeeId", event.lateFeeId())
                        .chain(billed -> billed > 0 ? Uni.createFrom().voidItem()
                                : issuing.issueFee(actor, request(overdue, event), event.lateFeeId(), overdue.id)
                                        .replaceWithVoid()));
    }

    private static CreateInvoiceRequest request(Invoice overdue, LateFeeAssessed event) {
        InvoiceLineRequest line = new InvoiceLineRequest(description(overdue, event), "1",
                DecimalStrings.format(event.amount()), "0");
        return new CreateInvoiceRequest(overdue.customerId, overdue.currency, event.assessmentDate(),
                new PaymentTermsRequest(PaymentTermsType.NET, 0, null, null), event.assessmentDate(), overdue.poNumber,
                List.of(line));
    }

    /** "Late payment fee for invoice INV-…" or "Interest at 12.27 % p.a. for 40 days on invoice INV-…". */
    static String description(Invoice overdue, LateFeeAssessed event) {
        if (event.kind() == LateFeeAssessed.Kind.INTEREST && event.annualInterestRate() != null) {
            BigDecimal percent = event.annualInterestRate().movePointRight(2).stripTrailingZeros();
            return "Interest at " + percent.toPlainString() + " % p.a. for " + event.daysOverdue() + " days on invoice "
                    + overdue.number;
        }
        return "Late payment fee for invoice " + overdue.number;
    }
}
