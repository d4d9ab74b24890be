package io.receivables.dunning.channel.email;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

import io.receivables.dunning.delivery.DeliveryFailure;
import io.vertx.ext.mail.SMTPException;

/**
 * What an SMTP failure means for a message (RFC 5321 §4.2.1): a 5yz reply is a permanent refusal (a recipient the
 * relay does not accept, a message it will never take), so retrying is pointless; a 4yz reply, a refused or dropped
 * connection and a timeout may pass, so the message is tried again later. Anything else unexpected is treated as
 * transient: retried until the attempts run out rather than dropped on a first surprise.
 */
public final class SmtpFailures {

    private SmtpFailures() {
    }

    public static DeliveryFailure classify(Throwable failure) {
        if (failure instanceof DeliveryFailure known) {
            return known;
        }
        if (failure instanceof SMTPException smtp) {
            String reason = "SMTP " + smtp.getReplyCode() + ": " + smtp.getReplyMessage();
            return smtp.getReplyCode() >= 500 && smtp.getReplyCode() < 600 ? new DeliveryFailure(true, reason, smtp)
                    : DeliveryFailure.transientFailure(reason, smtp);
        }
        if (failure instanceof IllegalArgumentException invalid) {
            // the client refuses to encode the message, e.g. an address that is not one: no retry will change it
            return new DeliveryFailure(true, "not sendable: " + invalid.getMessage(), invalid);
        }
        if (failure instanceof IOException || failure instanceof TimeoutException
                || failure.getCause() instanceof IOException) {
            return DeliveryFailure.transientFailure("SMTP server unreachable: " + describe(failure), failure);
        }
        return DeliveryFailure.transientFailure("SMTP failure: " + describe(failure), failure);
    }

    private static String describe(Throwable failure) {
        return failure.getMessage() == null ? failure.getClass().getSimpleName()
                : failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }
}
