package io.receivables.contracts;

import java.util.List;

/**
 * CloudEvents 1.0 in Kafka binary mode: the envelope travels as record headers, the record value is the event's JSON
 * body. Header names and the fixed values every event carries.
 */
public final class CloudEventHeaders {

    /** A UUID per event; consumers deduplicate on it. */
    public static final String ID = "ce_id";
    /** The producing service, one of the {@code *_SOURCE} values. */
    public static final String SOURCE = "ce_source";
    /** The event type name, e.g. {@code invoice-issued}: see {@link io.receivables.contracts.events.EventType}. */
    public static final String TYPE = "ce_type";
    public static final String SPEC_VERSION = "ce_specversion";
    /** When the change happened, as an ISO-8601 UTC instant. */
    public static final String TIME = "ce_time";
    /** The id of the aggregate the event is about (invoice id, payment id, ...). */
    public static final String SUBJECT = "ce_subject";
    /** The {@code $id} of the event's JSON Schema. */
    public static final String DATA_SCHEMA = "ce_dataschema";
    /** In binary mode the CloudEvents datacontenttype attribute is the plain {@code content-type} header. */
    public static final String CONTENT_TYPE = "content-type";

    /** Every header name above, in the order listed. */
    public static final List<String> ALL = List.of(ID, SOURCE, TYPE, SPEC_VERSION, TIME, SUBJECT, DATA_SCHEMA,
            CONTENT_TYPE);

    public static final String SPEC_VERSION_1_0 = "1.0";
    public static final String APPLICATION_JSON = "application/json";

    public static final String INVOICING_SOURCE = "/receivables/invoicing-service";
    public static final String PAYMENTS_SOURCE = "/receivables/payments-service";
    public static final String DISPUTES_SOURCE = "/receivables/disputes-service";
    public static final String DUNNING_SOURCE = "/receivables/dunning-service";

    private CloudEventHeaders() {
    }
}
