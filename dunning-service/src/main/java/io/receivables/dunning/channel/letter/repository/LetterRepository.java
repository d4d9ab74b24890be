package io.receivables.dunning.channel.letter.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.receivables.dunning.channel.letter.Letter;

@ApplicationScoped
public class LetterRepository implements PanacheRepositoryBase<Letter, UUID> {
}
