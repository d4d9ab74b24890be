package io.receivables.dunning.message.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.receivables.dunning.message.Message;

@ApplicationScoped
public class MessageRepository implements PanacheRepositoryBase<Message, UUID> {
}
