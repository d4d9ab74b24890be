package io.receivables.dunning.template;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The facts of one message in exact values, as the run knows them; {@link #model(String, LocalDate, BankDetails)}
 * formats them for a language. One currency per message (the run sends one message per customer, channel and
 * currency).
 */
public record MessageFacts(String customerName, String currency, List<Invoice> invoices, BigDecimal fees,
        BigDecimal interest, String paymentReference) {

    public MessageFacts {
        invoices = List.copyOf(invoices);
    }

    /** An invoice named in the message: what is open on it and what of that is disputed. */
    public record Invoice(String number, LocalDate issueDate, LocalDate dueDate, BigDecimal openAmount,
            BigDecimal disputedAmount) {
    }

    public MessageModel model(String language, LocalDate asOf, BankDetails bank) {
        BigDecimal open = BigDecimal.ZERO;
        BigDecimal disputed = BigDecimal.ZERO;
        List<MessageModel.InvoiceLine> lines = new ArrayList<>();
        for (Invoice invoice : invoices) {
            open = open.add(invoice.openAmount());
            disputed = disputed.add(invoice.disputedAmount());
            lines.add(new MessageModel.InvoiceLine(invoice.number(), MessageFormats.date(invoice.issueDate(), language),
                    MessageFormats.date(invoice.dueDate(), language),
                    Math.max(0, ChronoUnit.DAYS.between(invoice.dueDate(), asOf)),
                    amount(invoice.openAmount(), language), amount(invoice.disputedAmount(), language),
                    invoice.disputedAmount().signum() > 0,
                    amount(invoice.openAmount().subtract(invoice.disputedAmount()), language)));
        }
        BigDecimal due = open.subtract(disputed);
        BigDecimal feeAmount = fees == null ? BigDecimal.ZERO : fees;
        BigDecimal interestAmount = interest == null ? BigDecimal.ZERO : interest;
        MessageModel.Totals totals = new MessageModel.Totals(currency, amount(open, language),
                amount(disputed, language), disputed.signum() > 0, amount(due, language), amount(feeAmount, language),
                feeAmount.signum() > 0, amount(interestAmount, language), interestAmount.signum() > 0,
                amount(due.add(feeAmount).add(interestAmount), language));
        return new MessageModel(language, new MessageModel.Customer(customerName), lines, totals,
                new MessageModel.HowToPay(paymentReference, bank.accountHolder(), bank.iban(), bank.bic(),
                        bank.bankName()));
    }

    private String amount(BigDecimal value, String language) {
        return MessageFormats.amount(value, currency, language);
    }
}
