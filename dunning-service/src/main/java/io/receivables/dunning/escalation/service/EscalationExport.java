package io.receivables.dunning.escalation.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.receivables.common.money.Currencies;
import io.receivables.contracts.events.Contact;
import io.receivables.contracts.events.PostalAddress;
import io.receivables.contracts.json.EventJson;
import io.receivables.dunning.escalation.EscalationInvoice;
import io.receivables.dunning.receivable.DunningCustomer;
import io.receivables.dunning.receivable.DunningInvoice;
import io.receivables.dunning.receivable.repository.DunningCustomerRepository;
import io.receivables.dunning.receivable.repository.DunningInvoiceRepository;
import io.smallrye.mutiny.Uni;

/**
 * The agency's file for an escalation: RFC 4180 CSV (CRLF line ends, every field quoted, quotes doubled), a header row,
 * then one row per invoice with the customer's name, billing address and contacts from the read model, the invoice's
 * number, issue and due date, days overdue on the day of the export (UTC) and the amount escalated. Every field is
 * quoted so that an address with a comma or a line break, or a name with quotes, stays one field.
 */
@ApplicationScoped
public class EscalationExport {

    static final List<String> HEADER = List.of("escalation_id", "level", "customer_id", "customer_name",
            "address_line1", "address_line2", "postal_code", "city", "region", "country", "billing_email", "phone",
            "contacts", "invoice_number", "issue_date", "due_date", "days_overdue", "currency", "amount");

    private final Escalations escalations;
    private final DunningCustomerRepository customers;
    private final DunningInvoiceRepository invoices;
    private final Clock clock;

    @Inject
    public EscalationExport(Escalations escalations, DunningCustomerRepository customers,
            DunningInvoiceRepository invoices, Clock clock) {
        this.escalations = escalations;
        this.customers = customers;
        this.invoices = invoices;
        this.clock = clock;
    }

    @WithSession
    public Uni<String> csv(UUID escalationId) {
        LocalDate today = LocalDate.now(clock);
        return escalations.get(escalationId).chain(view -> customers.findById(view.escalation().customerId)
                .chain(customer -> invoices.list("id in ?1", view.invoices().stream().map(i -> i.invoiceId)
                        .toList()).map(
                                found -> csv(view, customer, found.stream()
                                        .collect(Collectors.toMap(i -> i.id, Function.identity())), today))));
    }

    static String csv(EscalationView view, DunningCustomer customer, Map<UUID, DunningInvoice> invoices,
            LocalDate today) {
        PostalAddress address = customer == null ? null : address(customer.billingAddress);
        StringBuilder out = new StringBuilder();
        row(out, HEADER);
        for (EscalationInvoice item : view.invoices()) {
            DunningInvoice invoice = invoices.get(item.invoiceId);
            List<String> fields = new ArrayList<>();
            fields.add(view.escalation().id.toString());
            fields.add(Escalations.level(view.escalation().level).name());
            fields.add(view.escalation().customerId.toString());
            fields.add(customer == null ? null : customer.legalName);
            fields.add(address == null ? null : address.line1());
            fields.add(address == null ? null : address.line2());
            fields.add(address == null ? null : address.postalCode());
            fields.add(address == null ? null : address.city());
            fields.add(address == null ? null : address.region());
            fields.add(address == null ? null : address.country());
            fields.add(customer == null ? null : customer.billingEmail);
            fields.add(customer == null ? null : customer.phone);
            fields.add(customer == null ? null : contacts(customer.contacts));
            fields.add(item.invoiceNumber);
            fields.add(invoice == null ? null : invoice.issueDate.toString());
            fields.add(invoice == null ? null : invoice.dueDate.toString());
            fields.add(invoice == null ? null
                    : Long.toString(Math.max(0, ChronoUnit.DAYS.between(invoice.dueDate, today))));
            fields.add(view.escalation().currency);
            fields.add(Currencies.format(item.amount, view.escalation().currency));
            row(out, fields);
        }
        return out.toString();
    }

    /** One record: every field quoted, a quote inside doubled (RFC 4180, 2.5-2.7), CRLF at the end (2.1). */
    static void row(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String field = fields.get(i) == null ? "" : fields.get(i);
            out.append('"').append(field.replace("\"", "\"\"")).append('"');
        }
        out.append("\r\n");
    }

    /** "name <email> phone" per contact, the primary one first, separated by "; ". */
    private static String contacts(String json) {
        if (json == null) {
            return null;
        }
        try {
            List<Contact> contacts = EventJson.mapper().readValue(json, new TypeReference<List<Contact>>() {
            });
            return contacts.stream().sorted((a, b) -> Boolean.compare(b.primary(), a.primary()))
                    .map(c -> String.join(" ", List.of(c.name() == null ? "" : c.name(),
                            c.email() == null ? "" : "<" + c.email() + ">", c.phone() == null ? "" : c.phone()))
                            .strip().replaceAll(" +", " "))
                    .collect(Collectors.joining("; "));
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static PostalAddress address(String json) {
        if (json == null) {
            return null;
        }
        try {
            return EventJson.mapper().readValue(json, PostalAddress.class);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
