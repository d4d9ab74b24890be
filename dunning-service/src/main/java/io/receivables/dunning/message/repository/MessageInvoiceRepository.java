package io.receivables.dunning.message.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.receivables.dunning.message.MessageInvoice;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class MessageInvoiceRepository implements PanacheRepositoryBase<MessageInvoice, MessageInvoice.Key> {

    /** dchan: the invoices of these messages, each message's in the order a reminder lists them (due date, number). */
    public Uni<List<MessageInvoice>> ofMessages(Collection<UUID> messageIds) {
        return messageIds.isEmpty() ? Uni.createFrom().item(List.of())
                : list("messageId in ?1 order by messageId, dueDate, invoiceNumber", List.copyOf(messageIds));
    }
}
