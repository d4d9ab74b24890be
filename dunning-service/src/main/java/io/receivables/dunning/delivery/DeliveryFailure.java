package io.receivables.dunning.delivery;

/**
 * Why a channel could not deliver a message. {@code permanent}: the receiver refused it for good (an SMTP 5xx on the
 * recipient, an HTTP 4xx other than 429, no recipient at all), so retrying is pointless; otherwise the cause may pass
 * (a refused connection, a timeout, an SMTP 4xx, an HTTP 5xx or 429) and the message is tried again later.
 */
public class DeliveryFailure extends RuntimeException {

    private final boolean permanent;

    public DeliveryFailure(boolean permanent, String reason, Throwable cause) {
        super(reason, cause);
        this.permanent = permanent;
    }

    public static DeliveryFailure permanent(String reason) {
        return new DeliveryFailure(true, reason, null);
    }

    public static DeliveryFailure transientFailure(String reason, Throwable cause) {
        return new DeliveryFailure(false, reason, cause);
    }

    public boolean permanent() {
        return permanent;
    }
}
