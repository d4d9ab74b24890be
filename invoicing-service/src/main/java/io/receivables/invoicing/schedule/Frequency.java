package io.receivables.invoicing.schedule;

/** How often a schedule bills: every 1, 3 or 12 months, on its anchor day. */
public enum Frequency {
    MONTHLY(1),
    QUARTERLY(3),
    YEARLY(12);

    private final int months;

    Frequency(int months) {
        this.months = months;
    }

    public int months() {
        return months;
    }
}
