package io.receivables.dunning.receivable.service;

import java.time.LocalDate;
import java.util.List;

import io.receivables.dunning.receivable.DunningCustomer;

/**
 * What dunning knows of a customer on {@code asOf}: its profile (with do-not-dun) and its open items with what is
 * collectable on each and the holds known to the read model (disputes, ACTIVE plans).
 */
public record DunningState(LocalDate asOf, DunningCustomer customer, List<OpenItem> items) {
}
