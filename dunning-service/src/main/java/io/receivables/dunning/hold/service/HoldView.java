package io.receivables.dunning.hold.service;

import java.util.List;
import java.util.UUID;

import io.receivables.dunning.hold.ManualHold;

/** A manual hold with the invoices it names (empty: the whole account). */
public record HoldView(ManualHold hold, List<UUID> invoiceIds) {
}
