package io.receivables.invoicing.invoice.rest;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code POST /invoices/batch}: up to {@value #MAX} invoices, issued all together or not at all. */
public record IssueBatchRequest(
        @NotNull @Size(min = 1, max = IssueBatchRequest.MAX, message = "must hold 1 to " + IssueBatchRequest.MAX
                + " invoices") List<@NotNull @Valid CreateInvoiceRequest> invoices) {

    public static final int MAX = 500;
}
