package io.receivables.contracts.events;

import io.receivables.contracts.CloudEventHeaders;
import io.receivables.contracts.Topics;

/** A service that publishes events: its topic and its CloudEvents source. Each service publishes on one topic. */
public enum Publisher {
    INVOICING("invoicing-service", Topics.INVOICING, CloudEventHeaders.INVOICING_SOURCE),
    PAYMENTS("payments-service", Topics.PAYMENTS, CloudEventHeaders.PAYMENTS_SOURCE),
    DISPUTES("disputes-service", Topics.DISPUTES, CloudEventHeaders.DISPUTES_SOURCE),
    DUNNING("dunning-service", Topics.DUNNING, CloudEventHeaders.DUNNING_SOURCE);

    private final String serviceName;
    private final String topic;
    private final String source;

    Publisher(String serviceName, String topic, String source) {
        this.serviceName = serviceName;
        this.topic = topic;
        this.source = source;
    }

    /** The Maven module and application name, e.g. {@code invoicing-service}. */
    public String serviceName() {
        return serviceName;
    }

    public String topic() {
        return topic;
    }

    /** The {@code ce_source} header value. */
    public String source() {
        return source;
    }
}
