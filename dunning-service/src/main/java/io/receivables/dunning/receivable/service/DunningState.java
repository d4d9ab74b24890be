package io.receivables.dunning.receivable.service;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.receivables.dunning.hold.service.Holds;
import io.receivables.dunning.receivable.DunningCustomer;

/**
 * What dunning knows of a customer on {@code asOf}: its profile (with do-not-dun) and its open items with what is
 * collectable on each and the holds known to the read model (disputes, ACTIVE plans); {@code invoiceHolds} and
 * {@code accountHold} are the holds the run also obeys (promises to pay, manual holds, escalations: {@link Holds}).
 */
public record DunningState(LocalDate asOf, DunningCustomer customer, List<OpenItem> items,
        Map<UUID, Holds.Hold> invoiceHolds, Optional<Holds.Hold> accountHold) {

    public DunningState {
        items = List.copyOf(items);
        invoiceHolds = Map.copyOf(invoiceHolds);
    }
}
