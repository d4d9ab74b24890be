package io.receivables.dunning.template;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The sample a preview renders and a customised template is checked against on save. Everything is present (two
 * invoices, one part disputed, a fee, interest), so that every value a template may use is there and the branches
 * that show fees, interest and disputes are taken.
 */
public final class SampleMessages {

    /** The day the sample is as of; days overdue count to it. */
    public static final LocalDate AS_OF = LocalDate.of(2026, 3, 16);

    private SampleMessages() {
    }

    public static MessageFacts facts(String customerName) {
        return new MessageFacts(customerName, "EUR", List.of(
                new MessageFacts.Invoice("INV-2026-000101", LocalDate.of(2026, 1, 15), LocalDate.of(2026, 2, 14),
                        new BigDecimal("1250.00"), BigDecimal.ZERO),
                new MessageFacts.Invoice("INV-2026-000137", LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 3),
                        new BigDecimal("1000.00"), new BigDecimal("200.00"))),
                new BigDecimal("5.00"), new BigDecimal("12.34"), "RF18539007547034");
    }

    public static MessageFacts facts() {
        return facts("Muster & Söhne GmbH");
    }
}
