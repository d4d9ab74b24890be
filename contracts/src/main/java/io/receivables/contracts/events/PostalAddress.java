package io.receivables.contracts.events;

import static java.util.Objects.requireNonNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A postal address; {@code country} is ISO 3166-1 alpha-2. {@code line2}, {@code postalCode}, {@code region} optional. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(requiredProperties = { "line1", "city", "country" })
public record PostalAddress(String line1, String line2, String city, String postalCode, String region, String country) {

    public PostalAddress {
        requireNonNull(line1, "line1");
        requireNonNull(city, "city");
        requireNonNull(country, "country");
    }
}
