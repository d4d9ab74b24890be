package io.receivables.disputes.dispute.service;

import io.receivables.disputes.dispute.Dispute;
import io.smallrye.mutiny.Uni;

/**
 * Work another part of this service does on a dispute as it is opened (through the API or on a chargeback), in the
 * opening's transaction: after the dispute is persisted, before its activity and its dispute-opened are written. The
 * SLA part, for one, stamps the due times that the dispute shows and dispute-opened carries ({@code slaDueAt}). Every
 * bean of this type runs, in no particular order; a failure fails the opening, which then writes nothing.
 */
public interface OpeningStep {

    Uni<Void> opened(Dispute dispute);
}
