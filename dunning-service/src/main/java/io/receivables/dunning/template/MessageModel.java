package io.receivables.dunning.template;

import java.util.List;

import io.quarkus.qute.TemplateData;

/**
 * What a dunning template sees, and all it may use: an unknown name is refused when a template is saved. Amounts and
 * dates are already formatted for the message's language ({@link MessageFormats}), so templates only place them.
 *
 * @param language the language the message is written in (after the fallback to English)
 * @param customer who is reminded
 * @param invoices the invoices the message is about, oldest due first
 * @param totals what they add up to, with fees and interest
 * @param payment how to pay
 */
@TemplateData
public record MessageModel(String language, Customer customer, List<InvoiceLine> invoices, Totals totals,
        HowToPay payment) {

    public MessageModel {
        invoices = List.copyOf(invoices);
    }

    @TemplateData
    public record Customer(String name) {
    }

    /**
     * One invoice of the table. {@code disputed} is true when part of it is disputed (that part is not asked for).
     */
    @TemplateData
    public record InvoiceLine(String number, String issueDate, String dueDate, long daysOverdue, String openAmount,
            String disputedAmount, boolean disputed, String dueAmount) {
    }

    /**
     * The sums: {@code open} of all invoices, {@code disputed} of it, {@code due} the open less the disputed
     * ({@code hasDisputes}: whether any is disputed), then
     * {@code fees} and {@code interest} assessed, and {@code payable}, what the customer is asked to pay.
     * {@code hasFees}/{@code hasInterest} say whether to mention them.
     */
    @TemplateData
    public record Totals(String currency, String open, String disputed, boolean hasDisputes, String due, String fees,
            boolean hasFees,
            String interest, boolean hasInterest, String payable) {
    }

    /** The payment reference (e.g. the RF creditor reference) and the bank account to pay to (configuration). */
    @TemplateData
    public record HowToPay(String reference, String accountHolder, String iban, String bic, String bankName) {
    }
}
