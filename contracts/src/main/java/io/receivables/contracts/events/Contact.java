package io.receivables.contracts.events;

import static java.util.Objects.requireNonNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A person at the customer who deals with invoices and payments. {@code email} and {@code phone} are optional. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(requiredProperties = { "name", "primary" })
public record Contact(String name, String email, String phone, boolean primary) {

    public Contact {
        requireNonNull(name, "name");
    }
}
