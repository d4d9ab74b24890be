package io.receivables.invoicing.terms;

/** How a due date follows from an issue date. */
public enum PaymentTermsType {
    /** Due N days after the issue date ("net 30"). */
    NET,
    /** Due N days after the last day of the issue month ("end of month + 30"). */
    END_OF_MONTH
}
