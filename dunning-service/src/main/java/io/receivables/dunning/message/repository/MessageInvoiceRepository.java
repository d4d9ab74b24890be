package io.receivables.dunning.message.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.receivables.dunning.message.MessageInvoice;

@ApplicationScoped
public class MessageInvoiceRepository implements PanacheRepositoryBase<MessageInvoice, MessageInvoice.Key> {
}
