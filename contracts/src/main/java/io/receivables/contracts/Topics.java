package io.receivables.contracts;

import java.util.List;

/**
 * The Kafka topics of the platform: one per producing service, each carrying every event type that service publishes.
 * <p>
 * Every record is keyed by the customer id and every topic has {@link #PARTITION_COUNT} partitions, so all events of one
 * customer land on the same partition number of every topic: a consumer of several topics can keep per-customer state
 * without coordinating across partitions.
 */
public final class Topics {

    /** customer-*, invoice-* and credit-note-issued, from invoicing-service. */
    public static final String INVOICING = "ar.invoicing.events";
    /** payment-*, from payments-service. */
    public static final String PAYMENTS = "ar.payments.events";
    /** dispute-*, from disputes-service. */
    public static final String DISPUTES = "ar.disputes.events";
    /**
     * reminder-sent, late-fee-assessed, account-escalated, promise-made, promise-kept, promise-broken and
     * escalation-recalled, from dunning-service.
     */
    public static final String DUNNING = "ar.dunning.events";

    public static final List<String> ALL = List.of(INVOICING, PAYMENTS, DISPUTES, DUNNING);

    /**
     * The partition count of every topic above. Co-partitioning breaks if one topic differs, so change it on all topics
     * together (which also moves every customer to a new partition: plan it as a migration).
     */
    public static final int PARTITION_COUNT = 6;

    private Topics() {
    }
}
