package io.receivables.invoicing.invoice.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import org.hibernate.reactive.mutiny.Mutiny;

import io.receivables.common.audit.AuditLog;
import io.receivables.common.audit.AuditSummary;
import io.receivables.common.concurrency.ExpectedVersion;
import io.receivables.common.concurrency.IfMatch;
import io.receivables.common.money.Currencies;
import io.receivables.common.problem.FieldError;
import io.receivables.common.problem.ProblemException;
import io.receivables.common.problem.ProblemType;
import io.receivables.contracts.events.Actor;
import io.receivables.invoicing.customer.Customer;
import io.receivables.invoicing.customer.repository.CustomerRepository;
import io.receivables.invoicing.invoice.Invoice;
import io.receivables.invoicing.invoice.InvoiceStatus;
import io.receivables.invoicing.invoice.repository.InvoiceRepository;
import io.receivables.invoicing.invoice.rest.CreateInvoiceRequest;
import io.receivables.invoicing.terms.PaymentTerms;
import io.smallrye.mutiny.Uni;

/**
 * Draft invoices: prepared, changed and deleted freely, and then issued under exactly the rules of a new invoice. A
 * draft has no number (numbering stays gap-free), publishes no event and is not receivable, so it counts neither in
 * open AR nor against the credit limit until it is issued.
 */
@ApplicationScoped
public class DraftInvoiceService {

    /** Drafts publish no event (they are not receivable), so their changes are audited here, by operationId. */
    static final String ENTITY = "invoice";

    private final InvoiceService issuing;
    private final InvoiceRepository invoices;
    private final CustomerRepository customers;
    private final AuditLog audit;

    @Inject
    public DraftInvoiceService(InvoiceService issuing, InvoiceRepository invoices, CustomerRepository customers,
            AuditLog audit) {
        this.issuing = issuing;
        this.invoices = invoices;
        this.customers = customers;
        this.audit = audit;
    }

    public Uni<Invoice> create(Actor actor, CreateInvoiceRequest request) {
        PaymentTerms terms = checked(request);
        return customer(request).invoke(customer -> issuable(request, customer, terms))
                .chain(customer -> invoices.persist(issuing.draft(request, customer, terms)))
                .call(draft -> audit.record(actor, "issueInvoice", ENTITY, draft.id, AuditSummary.of()
                        .change("status", null, draft.status).value("total", Currencies.round(draft.total, draft.currency))
                        .value("currency", draft.currency)));
    }

    /** Replaces a draft's content at version {@code expectedVersion}; the draft keeps its id. */
    public Uni<Invoice> replace(Actor actor, UUID id, ExpectedVersion expectedVersion, CreateInvoiceRequest request) {
        PaymentTerms terms = checked(request);
        return lockedDraft(id, expectedVersion, "changed")
                .chain(draft -> {
                    BigDecimal totalBefore = draft.total;
                    return customer(request).invoke(customer -> issuable(request, customer, terms))
                            .map(customer -> issuing.fill(draft, request, customer, terms))
                            .call(changed -> audit.record(actor, "replaceDraftInvoice", ENTITY, id,
                                    AuditSummary.of().change("total", Currencies.round(totalBefore, changed.currency),
                                            Currencies.round(changed.total, changed.currency))));
                })
                .call(invoices::flush);
    }

    public Uni<Void> delete(Actor actor, UUID id, ExpectedVersion expectedVersion) {
        return lockedDraft(id, expectedVersion, "deleted").call(invoices::delete)
                .call(draft -> audit.record(actor, "deleteDraftInvoice", ENTITY, id,
                        AuditSummary.of().change("status", draft.status, null)
                                .value("total", Currencies.round(draft.total, draft.currency))))
                .replaceWithVoid();
    }

    /** Issues a draft at version {@code expectedVersion}: numbered, credit-checked and published like a new invoice. */
    public Uni<InvoiceService.IssuedInvoice> issue(Actor actor, UUID id, ExpectedVersion expectedVersion) {
        return lockedDraft(id, expectedVersion, "issued")
                .chain(draft -> issuing.issueDraft(actor, draft))
                .call(issued -> invoices.flush())
                .call(issued -> Mutiny.fetch(issued.invoice().lines));
    }

    private static PaymentTerms checked(CreateInvoiceRequest request) {
        List<FieldError> errors = new ArrayList<>();
        PaymentTerms terms = InvoiceService.checked(request, "", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return terms;
    }

    /** A draft keeps nothing that issuing would refuse: its dates, as the terms compute them, stay in range. */
    private static void issuable(CreateInvoiceRequest request, Customer customer, PaymentTerms requested) {
        InvoiceRequestChecks.requireDatesInRange("", request.issueDate(), request.dueDate(),
                requested != null ? requested : customer.paymentTerms());
    }

    private Uni<Customer> customer(CreateInvoiceRequest request) {
        return customers.findById(request.customerId())
                .onItem().ifNull().failWith(() -> ProblemException.unknownReference("customerId",
                        "no customer " + request.customerId() + "; register it with POST /customers first"));
    }

    /**
     * The draft, row-locked so that a concurrent change, deletion or issue waits and then sees this one's outcome (a
     * new version: 412; issued: 409).
     */
    private Uni<Invoice> lockedDraft(UUID id, ExpectedVersion expectedVersion, String action) {
        return invoices.findById(id, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No invoice " + id))
                .invoke(invoice -> IfMatch.check(expectedVersion, invoice.version, "Invoice " + id))
                .invoke(invoice -> {
                    if (invoice.status != InvoiceStatus.DRAFT) {
                        throw new ProblemException(ProblemType.CONFLICT, "Invoice " + invoice.number + " is "
                                + invoice.status + "; only a draft can be " + action, List.of());
                    }
                })
                .call(invoice -> Mutiny.fetch(invoice.lines));
    }
}
