package io.receivables.common.testapp;

import java.math.BigDecimal;
import java.util.UUID;

import io.receivables.common.money.DecimalStrings;

public record TrackedInvoiceResponse(UUID id, String reference, String currency, String total, String credited,
        int termsDays) {

    static TrackedInvoiceResponse of(TrackedInvoice invoice) {
        return new TrackedInvoiceResponse(invoice.id, invoice.reference, invoice.currency, amount(invoice.total),
                amount(invoice.credited), invoice.termsDays);
    }

    /** The same text whether the amount came from the request or from the NUMERIC(19, 4) column. */
    private static String amount(BigDecimal value) {
        return DecimalStrings.format(value.stripTrailingZeros());
    }
}
