package io.receivables.common.inbox.parking;

/**
 * Thrown by a handler, BEFORE it changes anything, when the event refers to something this service has not seen yet
 * (a payment for an invoice whose invoice-issued is still on its way on another topic). The event is then parked
 * under {@link #reference()} and applied when the service calls {@link ParkedEvents#release} for that reference.
 */
public class ReferenceNotYetKnownException extends RuntimeException {

    private final String reference;

    public ReferenceNotYetKnownException(String referenceType, Object referenceId) {
        super(referenceType + " " + referenceId + " is not known here yet");
        this.reference = ParkedEvents.reference(referenceType, referenceId);
    }

    public String reference() {
        return reference;
    }
}
