package io.receivables.payments.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Stripe events in Stripe's own format (src/test/resources/stripe), read byte for byte as Stripe would send them. */
final class StripePayloads {

    /** A test secret in the form Stripe gives endpoints: never a real one. */
    static final String SECRET = "whsec_test_5e1f0c3a9b7d4e2f8a6c1b3d5e7f9a0b";

    private StripePayloads() {
    }

    static byte[] bytes(String eventType) {
        try (InputStream in = StripePayloads.class.getResourceAsStream("/stripe/" + eventType + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no payload for " + eventType);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
