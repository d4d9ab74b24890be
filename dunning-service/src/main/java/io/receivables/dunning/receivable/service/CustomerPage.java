package io.receivables.dunning.receivable.service;

import java.util.List;
import java.util.UUID;

/**
 * One batch of customer ids in PostgreSQL's uuid order (unsigned bytes, the order of their text; not Java's
 * {@code UUID.compareTo}); {@code after} is the id to pass for the next batch (the last of this one), null when this was
 * the last.
 */
public record CustomerPage(List<UUID> customerIds, UUID after) {
}
