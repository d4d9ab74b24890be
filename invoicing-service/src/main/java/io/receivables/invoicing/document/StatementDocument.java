package io.receivables.invoicing.document;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import io.receivables.common.money.Currencies;
import io.receivables.invoicing.document.InvoiceDocument.Party;

/**
 * A customer's statement of account as of a date: every document still relevant to the balance, the balance, and
 * how overdue the open amounts are.
 *
 * @param balance what the customer owes in total (negative when the customer is in credit)
 */
public record StatementDocument(
        Party seller,
        Party customer,
        LocalDate asOf,
        String currency,
        List<Row> rows,
        BigDecimal balance,
        Aging aging) {

    public StatementDocument {
        Objects.requireNonNull(seller, "seller");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(asOf, "asOf");
        Currencies.minorUnits(currency);
        rows = List.copyOf(rows);
        Objects.requireNonNull(balance, "balance");
        Objects.requireNonNull(aging, "aging");
    }

    /** A statement whose balance and aging are those of its rows' open amounts. */
    public static StatementDocument of(Party seller, Party customer, LocalDate asOf, String currency, List<Row> rows) {
        BigDecimal balance = rows.stream().map(Row::openAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new StatementDocument(seller, customer, asOf, currency, rows, balance, Aging.of(rows));
    }

    public enum RowKind {
        INVOICE,
        CREDIT_NOTE,
        PAYMENT
    }

    /**
     * One document on the account. Credit notes and unallocated payments carry negative amounts: they reduce what the
     * customer owes.
     *
     * @param dueDate when the amount fell or falls due; the document date for payments
     * @param daysOverdue days past the due date as of the statement date; zero when not yet due
     */
    public record Row(LocalDate date, String documentNumber, RowKind kind, LocalDate dueDate, BigDecimal amount,
            BigDecimal openAmount, int daysOverdue) {
        public Row {
            Objects.requireNonNull(date, "date");
            InvoiceDocument.requireText(documentNumber, "document number");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(dueDate, "dueDate");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(openAmount, "openAmount");
            if (daysOverdue < 0) {
                throw new IllegalArgumentException("daysOverdue cannot be negative: " + daysOverdue);
            }
        }
    }

    /** Open amounts by how long they have been overdue, in the buckets collections work with. */
    public record Aging(BigDecimal current, BigDecimal days1To30, BigDecimal days31To60, BigDecimal days61To90,
            BigDecimal over90Days) {

        public static Aging of(List<Row> rows) {
            BigDecimal[] buckets = { BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                    BigDecimal.ZERO };
            for (Row row : rows) {
                int bucket = bucket(row.daysOverdue());
                buckets[bucket] = buckets[bucket].add(row.openAmount());
            }
            return new Aging(buckets[0], buckets[1], buckets[2], buckets[3], buckets[4]);
        }

        public BigDecimal total() {
            return current.add(days1To30).add(days31To60).add(days61To90).add(over90Days);
        }

        private static int bucket(int daysOverdue) {
            if (daysOverdue == 0) {
                return 0;
            }
            if (daysOverdue <= 30) {
                return 1;
            }
            if (daysOverdue <= 60) {
                return 2;
            }
            return daysOverdue <= 90 ? 3 : 4;
        }
    }
}
