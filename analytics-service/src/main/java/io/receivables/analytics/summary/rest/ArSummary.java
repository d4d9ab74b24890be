package io.receivables.analytics.summary.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Open AR on a date: per currency, the number of open invoices and the amount still owed. */
public record ArSummary(@Schema(description = "When the answer was computed") Instant asOf,
        List<CurrencyOpenAr> currencies,
        @Schema(description = "The business date the amounts stood on: the asOf asked for, else today (UTC)") LocalDate asOfDate) {

    public record CurrencyOpenAr(String currency, long openCount, String openAmount) {
    }
}
