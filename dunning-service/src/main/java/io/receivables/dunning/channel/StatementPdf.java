package io.receivables.dunning.channel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.receivables.common.money.Currencies;
import io.receivables.dunning.receivable.service.OpenItem;

/**
 * The customer's statement attached to a dunning e-mail: every open invoice from dunning's read model with its due
 * date, days overdue, open, disputed and due (open less disputed) amounts, and the totals per currency. Pure: the
 * caller reads the items.
 */
public final class StatementPdf {

    private static final float[] COLUMNS = { 0, 95, 175, 290, 380, 470 };
    private static final boolean[] RIGHT = { false, false, true, true, true, true };

    private StatementPdf() {
    }

    public static byte[] render(String customerName, LocalDate date, List<OpenItem> items) {
        try (PdfText pdf = new PdfText()) {
            pdf.title("Statement of account").paragraph("Customer: " + (customerName == null ? "" : customerName))
                    .paragraph("Date: " + date).blank();
            pdf.row(COLUMNS, RIGHT, true, "Invoice", "Due date", "Days overdue", "Open", "Disputed", "Due");
            Map<String, BigDecimal[]> totals = new TreeMap<>();
            for (OpenItem item : items) {
                long overdue = Math.max(0, ChronoUnit.DAYS.between(item.dueDate(), date));
                String currency = item.currency();
                pdf.row(COLUMNS, RIGHT, false, item.invoiceNumber(), item.dueDate().toString(), Long.toString(overdue),
                        amount(item.openAmount(), currency), amount(item.disputedAmount(), currency),
                        amount(item.collectableAmount(), currency));
                BigDecimal[] sum = totals.computeIfAbsent(currency,
                        c -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO });
                sum[0] = sum[0].add(item.openAmount());
                sum[1] = sum[1].add(item.disputedAmount());
                sum[2] = sum[2].add(item.collectableAmount());
            }
            if (items.isEmpty()) {
                pdf.paragraph("Nothing is open on your account.");
            }
            for (Map.Entry<String, BigDecimal[]> total : totals.entrySet()) {
                String currency = total.getKey();
                pdf.row(COLUMNS, RIGHT, true, "Total " + currency, "", "", amount(total.getValue()[0], currency),
                        amount(total.getValue()[1], currency), amount(total.getValue()[2], currency));
            }
            return pdf.toBytes();
        }
    }

    private static String amount(BigDecimal amount, String currency) {
        return Currencies.format(amount, currency) + " " + currency;
    }
}
