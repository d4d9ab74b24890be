package io.receivables.contracts.events;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** No reminders for this customer: why, and until when (inclusive; null means until lifted). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(requiredProperties = "reason")
public record DoNotDun(String reason, LocalDate until) {

    public DoNotDun {
        requireNonNull(reason, "reason");
    }

    /** Whether reminders are suppressed on {@code date}. */
    public boolean appliesOn(LocalDate date) {
        return until == null || !date.isAfter(until);
    }
}
