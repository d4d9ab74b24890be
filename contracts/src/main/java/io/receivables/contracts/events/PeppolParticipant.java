package io.receivables.contracts.events;

import static java.util.Objects.requireNonNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A Peppol participant identifier, a party's electronic address on e-invoices (EN 16931 BT-49): an Electronic Address
 * Scheme (EAS) code such as 0088 (GLN) and the identifier under it.
 */
@Schema(requiredProperties = { "scheme", "value" })
public record PeppolParticipant(String scheme, String value) {

    public PeppolParticipant {
        requireNonNull(scheme, "scheme");
        requireNonNull(value, "value");
    }
}
