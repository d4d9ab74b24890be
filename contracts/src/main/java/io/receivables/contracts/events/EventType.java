package io.receivables.contracts.events;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The v1 event catalogue: for each event type, its {@code ce_type} name, its Java type, its JSON Schema and the topic
 * it is published on.
 */
public enum EventType {
    CUSTOMER_REGISTERED("customer-registered", CustomerRegistered.class, Publisher.INVOICING),
    CUSTOMER_UPDATED("customer-updated", CustomerUpdated.class, Publisher.INVOICING),
    INVOICE_ISSUED("invoice-issued", InvoiceIssued.class, Publisher.INVOICING),
    INVOICE_VOIDED("invoice-voided", InvoiceVoided.class, Publisher.INVOICING),
    INVOICE_WRITTEN_OFF("invoice-written-off", InvoiceWrittenOff.class, Publisher.INVOICING),
    CREDIT_NOTE_ISSUED("credit-note-issued", CreditNoteIssued.class, Publisher.INVOICING),
    PAYMENT_RECEIVED("payment-received", PaymentReceived.class, Publisher.PAYMENTS),
    PAYMENT_ALLOCATED("payment-allocated", PaymentAllocated.class, Publisher.PAYMENTS),
    PAYMENT_REVERSED("payment-reversed", PaymentReversed.class, Publisher.PAYMENTS),
    PAYMENT_UNALLOCATED("payment-unallocated", PaymentUnallocated.class, Publisher.PAYMENTS),
    REFUND_ISSUED("refund-issued", RefundIssued.class, Publisher.PAYMENTS),
    PAYMENT_PLAN_CREATED("payment-plan-created", PaymentPlanCreated.class, Publisher.PAYMENTS),
    PAYMENT_PLAN_BROKEN("payment-plan-broken", PaymentPlanBroken.class, Publisher.PAYMENTS),
    PAYMENT_PLAN_COMPLETED("payment-plan-completed", PaymentPlanCompleted.class, Publisher.PAYMENTS),
    DISPUTE_OPENED("dispute-opened", DisputeOpened.class, Publisher.DISPUTES),
    DISPUTE_RESOLVED("dispute-resolved", DisputeResolved.class, Publisher.DISPUTES),
    DISPUTE_UPDATED("dispute-updated", DisputeUpdated.class, Publisher.DISPUTES),
    DISPUTE_REOPENED("dispute-reopened", DisputeReopened.class, Publisher.DISPUTES),
    DISPUTE_SLA_BREACHED("dispute-sla-breached", DisputeSlaBreached.class, Publisher.DISPUTES),
    REMINDER_SENT("reminder-sent", ReminderSent.class, Publisher.DUNNING),
    LATE_FEE_ASSESSED("late-fee-assessed", LateFeeAssessed.class, Publisher.DUNNING),
    ACCOUNT_ESCALATED("account-escalated", AccountEscalated.class, Publisher.DUNNING),
    // dhold (issue 12 items 4, 8): promises to pay and recalled escalations
    PROMISE_MADE("promise-made", PromiseMade.class, Publisher.DUNNING),
    PROMISE_KEPT("promise-kept", PromiseKept.class, Publisher.DUNNING),
    PROMISE_BROKEN("promise-broken", PromiseBroken.class, Publisher.DUNNING),
    ESCALATION_RECALLED("escalation-recalled", EscalationRecalled.class, Publisher.DUNNING);

    /** The catalogue version; part of every schema's path and {@code $id}. */
    public static final String VERSION = "v1";
    /** Prefix of every schema {@code $id}. Nothing is served there: validators map it to the class path. */
    public static final String SCHEMA_ID_PREFIX = "https://receivables.io/schemas/";

    private static final Map<String, EventType> BY_TYPE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::type, Function.identity()));
    private static final Map<Class<?>, EventType> BY_CLASS = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::eventClass, Function.identity()));

    private final String type;
    private final Class<? extends ReceivablesEvent> eventClass;
    private final Publisher publisher;

    EventType(String type, Class<? extends ReceivablesEvent> eventClass, Publisher publisher) {
        this.type = type;
        this.eventClass = eventClass;
        this.publisher = publisher;
    }

    /** The {@code ce_type} header value, e.g. {@code invoice-issued}. */
    public String type() {
        return type;
    }

    public Class<? extends ReceivablesEvent> eventClass() {
        return eventClass;
    }

    public Publisher publisher() {
        return publisher;
    }

    /** The topic events of this type are published on. */
    public String topic() {
        return publisher.topic();
    }

    /** The {@code ce_source} header value of events of this type. */
    public String source() {
        return publisher.source();
    }

    /** The schema's class-path resource, e.g. {@code schemas/v1/invoice-issued.json}. */
    public String schemaResource() {
        return "schemas/" + VERSION + "/" + type + ".json";
    }

    /** The schema's {@code $id}, and the {@code ce_dataschema} header value. */
    public String schemaId() {
        return SCHEMA_ID_PREFIX + VERSION + "/" + type + ".json";
    }

    /** The event type named {@code type}, or an {@link UnknownEventTypeException} that lists the known ones. */
    public static EventType fromType(String type) {
        return find(type).orElseThrow(() -> new UnknownEventTypeException(type));
    }

    public static Optional<EventType> find(String type) {
        return Optional.ofNullable(type).map(BY_TYPE::get);
    }

    /** The event type whose Java type is {@code eventClass}. */
    public static EventType of(Class<? extends ReceivablesEvent> eventClass) {
        EventType eventType = BY_CLASS.get(eventClass);
        if (eventType == null) {
            throw new IllegalArgumentException(eventClass.getName() + " is not a catalogue event type");
        }
        return eventType;
    }
}
