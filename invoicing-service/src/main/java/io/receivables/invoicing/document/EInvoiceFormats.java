package io.receivables.invoicing.document;

import io.receivables.invoicing.customer.Customer;

/** Which e-invoice format a customer gets when a request names none. */
public final class EInvoiceFormats {

    private EInvoiceFormats() {
    }

    /** The customer's preferred format; peppol-bis-3 when it has none. */
    public static EInvoiceFormat preferred(Customer customer) {
        return customer.eInvoiceFormat == null ? EInvoiceFormat.DEFAULT
                : EInvoiceFormat.ofSlug(customer.eInvoiceFormat).orElse(EInvoiceFormat.DEFAULT);
    }
}
