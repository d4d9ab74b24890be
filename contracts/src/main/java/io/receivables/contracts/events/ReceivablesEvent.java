package io.receivables.contracts.events;

import java.util.UUID;

/** The body of a v1 event. Implementations are immutable records whose JSON form is their event type's schema. */
public sealed interface ReceivablesEvent
        permits CustomerRegistered, CustomerUpdated, InvoiceIssued, InvoiceVoided, InvoiceWrittenOff, CreditNoteIssued,
        PaymentReceived, PaymentAllocated, PaymentReversed, PaymentUnallocated, RefundIssued, PaymentPlanCreated,
        PaymentPlanBroken,
        PaymentPlanCompleted, DisputeOpened, DisputeResolved, DisputeUpdated, DisputeReopened, DisputeSlaBreached,
        ReminderSent, LateFeeAssessed,
        AccountEscalated,
        // dhold
        PromiseMade, PromiseKept, PromiseBroken, EscalationRecalled {

    /** The customer the event concerns: the Kafka record key on every topic. */
    UUID customerId();

    /** The aggregate the event is about (invoice id, payment id, ...): the {@code ce_subject} header. */
    UUID subjectId();

    /** Who made the change, or null on an event written before actors were recorded (common.json {@code actor}). */
    Actor actor();

    /** This event's type. */
    default EventType eventType() {
        return EventType.of(getClass());
    }
}
