package io.receivables.analytics.summary.rest;

import java.time.Instant;
import java.util.List;

/** Open AR now: per currency, the number of open invoices and the amount still owed. */
public record ArSummary(Instant asOf, List<CurrencyOpenAr> currencies) {

    public record CurrencyOpenAr(String currency, long openCount, String openAmount) {
    }
}
