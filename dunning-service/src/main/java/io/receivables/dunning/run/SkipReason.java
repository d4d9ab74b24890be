package io.receivables.dunning.run;

/** Why a run left a customer, a channel or an invoice out (counted per run: GET /dunning-runs/{id}). */
public enum SkipReason {
    /** The customer's do-not-dun applies on the run's day. */
    DO_NOT_DUN,
    /** A hold on the customer's whole account (hold.service.Holds.onCustomer). */
    ACCOUNT_HELD,
    /** A promise to pay, a manual hold or an escalation holds the invoice (Holds.onInvoices). */
    INVOICE_HELD,
    /** No policy applies: no override, no segment policy and no default. */
    NO_POLICY,
    /** An EMAIL step and no billing e-mail. */
    NO_EMAIL,
    /** An SMS or PHONE_TASK step and no phone. */
    NO_PHONE,
    /** A LETTER step and no legal name to address it to. */
    NO_NAME
}
