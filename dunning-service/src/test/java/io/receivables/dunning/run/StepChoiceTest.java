package io.receivables.dunning.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.receivables.dunning.receivable.service.OpenItem;
import io.receivables.dunning.template.Channel;

/** Which step an invoice has reached on a day: derived from its due date and what was actioned, pure. */
class StepChoiceTest {

    static final LocalDate DUE = LocalDate.of(2026, 12, 2);
    /** A courtesy reminder 3 days before, then 1, 7 (from 20.00) and 14 days after the due date. */
    static final List<StepRule> STEPS = List.of(StepRule.email(1, -3, BigDecimal.ZERO),
            StepRule.email(2, 1, BigDecimal.ZERO), StepRule.email(3, 7, new BigDecimal("20.00")),
            StepRule.email(4, 14, new BigDecimal("20.00")));

    static OpenItem item(String open, String disputed, String currency) {
        BigDecimal o = new BigDecimal(open);
        BigDecimal d = new BigDecimal(disputed);
        return new OpenItem(UUID.randomUUID(), "INV-1", currency, DUE.minusDays(30), DUE, o, o, d,
                o.subtract(d).max(BigDecimal.ZERO), false, null, null, List.of());
    }

    static Optional<Integer> step(OpenItem item, LocalDate asOf, int highestActioned) {
        return StepChoice.choose(item, asOf, STEPS, "EUR", highestActioned).map(due -> due.step().number());
    }

    @Test
    void theCourtesyStepFromThreeDaysBeforeTheDueDateAndNothingBefore() {
        assertThat(step(item("100.00", "0", "EUR"), DUE.minusDays(4), 0)).isEmpty();
        assertThat(step(item("100.00", "0", "EUR"), DUE.minusDays(3), 0)).contains(1);
        assertThat(step(item("100.00", "0", "EUR"), DUE, 0)).as("on the due date: not overdue yet").contains(1);
    }

    @Test
    void dueYesterdayIsTheFirstStepAfterTheDueDate() {
        Optional<DueStep> due = StepChoice.choose(item("100.00", "0", "EUR"), DUE.plusDays(1), STEPS, "EUR", 1);
        assertThat(due).isPresent();
        assertThat(due.get().step().number()).isEqualTo(2);
        assertThat(due.get().daysPastDue()).isEqualTo(1);
    }

    @Test
    void aSkippedWeekCatchesUpWithTheMostAdvancedStepOnlyAndNothingOnceItWasActioned() {
        // actioned up to step 2 on day 1; no run for two weeks; on day 15 steps 3 and 4 are both due: only 4
        assertThat(step(item("100.00", "0", "EUR"), DUE.plusDays(15), 2)).contains(4);
        assertThat(step(item("100.00", "0", "EUR"), DUE.plusDays(15), 4)).as("step 4 actioned").isEmpty();
        assertThat(step(item("100.00", "0", "EUR"), DUE.plusDays(8), 3)).as("step 3 actioned, 4 not due").isEmpty();
    }

    @Test
    void aStepsMinimumComparesWithTheCollectableAmountInThePolicysCurrencyOnly() {
        assertThat(step(item("19.99", "0", "EUR"), DUE.plusDays(15), 0)).as("below the minimum of steps 3 and 4")
                .contains(2);
        assertThat(step(item("120.00", "100.01", "EUR"), DUE.plusDays(15), 0)).as("19.99 collectable").contains(2);
        assertThat(step(item("20.00", "0", "EUR"), DUE.plusDays(15), 0)).contains(4);
        assertThat(step(item("5.00", "0", "CHF"), DUE.plusDays(15), 0)).as("no exchange rate: no minimum")
                .contains(4);
    }

    @Test
    void nothingWhenNothingIsCollectable() {
        assertThat(step(item("1000.00", "1000.00", "EUR"), DUE.plusDays(15), 0)).as("fully disputed").isEmpty();
        assertThat(step(item("150.00", "200.00", "EUR"), DUE.plusDays(15), 0)).as("disputed more than is open")
                .isEmpty();
    }

    @Test
    void anActivePlansEarliestOverdueInstalmentReplacesTheDueDate() {
        OpenItem planned = new OpenItem(UUID.randomUUID(), "INV-2", "EUR", DUE.minusDays(30), DUE,
                new BigDecimal("300.00"), new BigDecimal("300.00"), BigDecimal.ZERO, new BigDecimal("300.00"), false,
                null, UUID.randomUUID(), List.of(new OpenItem.Instalment(1, DUE.plusDays(30), new BigDecimal("100")),
                        new OpenItem.Instalment(0, DUE.plusDays(10), new BigDecimal("100")),
                        new OpenItem.Instalment(2, DUE.plusDays(60), new BigDecimal("100"))));
        assertThat(StepChoice.effectiveDueDate(planned, DUE.plusDays(5))).as("none overdue: the next one")
                .isEqualTo(DUE.plusDays(10));
        assertThat(step(planned, DUE.plusDays(5), 0)).as("the invoice's own due date no longer counts").isEmpty();
        assertThat(StepChoice.effectiveDueDate(planned, DUE.plusDays(40))).isEqualTo(DUE.plusDays(10));
        assertThat(step(planned, DUE.plusDays(12), 0)).as("two days after the down payment's date").contains(2);
    }

    @Test
    void theHighestStepChoosesEachChannelsTemplateAndAChannelWithoutRecipientIsSkipped() {
        StepRule first = new StepRule(1, 1, BigDecimal.ZERO, Map.of(Channel.EMAIL, "reminder-1"), null, false, null);
        StepRule second = new StepRule(2, 7, BigDecimal.ZERO,
                Map.of(Channel.EMAIL, "reminder-2", Channel.SMS, "reminder-2"), null, false, null);
        StepRule third = new StepRule(3, 14, BigDecimal.ZERO,
                Map.of(Channel.EMAIL, "final-notice", Channel.LETTER, "final-notice"), null, false, null);
        OpenItem a = item("100.00", "0", "EUR");
        OpenItem b = item("200.00", "50.00", "EUR");
        OpenItem c = item("300.00", "0", "EUR");
        OpenItem d = item("400.00", "0", "CHF");
        List<DueStep> due = List.of(new DueStep(a, first, DUE, 2), new DueStep(b, second, DUE, 8),
                new DueStep(c, third, DUE, 15), new DueStep(d, first, DUE, 2));

        CustomerPlan plan = CustomerPlan.of(due, new Recipients("Globex GmbH", "ap@globex.example", null), List.of());

        assertThat(plan.messages()).extracting(m -> m.channel() + "/" + m.currency() + "/" + m.templateKey())
                .containsExactly("EMAIL/CHF/reminder-1", "EMAIL/EUR/final-notice", "LETTER/EUR/final-notice");
        PlannedMessage email = plan.messages().get(1);
        assertThat(email.invoices()).extracting(DueStep::item).containsExactly(a, b, c);
        assertThat(email.amountDue()).as("open less disputed").isEqualByComparingTo("550.00");
        assertThat(email.recipient()).isEqualTo("ap@globex.example");
        assertThat(plan.messages().get(2).recipient()).isEqualTo("Globex GmbH");
        assertThat(plan.skipped()).containsExactly(new CustomerPlan.Skip(SkipReason.NO_PHONE, Channel.SMS, null));
        assertThat(plan.actioned()).extracting(DueStep::item).containsExactlyInAnyOrder(a, b, c, d);
    }

    @Test
    void anInvoiceOnlyOnASkippedChannelIsNotActioned() {
        StepRule smsOnly = new StepRule(1, 1, BigDecimal.ZERO, Map.of(Channel.SMS, "reminder-1"), null, false, null);
        CustomerPlan plan = CustomerPlan.of(List.of(new DueStep(item("10.00", "0", "EUR"), smsOnly, DUE, 1)),
                new Recipients("Globex", "ap@globex.example", null), List.of());
        assertThat(plan.messages()).isEmpty();
        assertThat(plan.actioned()).as("tried again when a phone is known").isEmpty();
    }

    @Test
    void thePaymentReferenceIsAValidStableCreditorReference() {
        UUID customer = UUID.fromString("3f2b8c1a-9d4e-4f6a-8b7c-2d1e0f9a8b7c");
        String reference = PaymentReferences.of(customer);
        assertThat(reference).isEqualTo(PaymentReferences.of(customer)).startsWith("RF").hasSize(25)
                .endsWith("3F2B8C1A9D4E4F6A8B7C2");
        // ISO 11649: the first four characters moved to the end, letters as numbers, is 1 mod 97
        StringBuilder digits = new StringBuilder();
        for (char ch : (reference.substring(4) + reference.substring(0, 4)).toCharArray()) {
            digits.append(Character.getNumericValue(ch));
        }
        assertThat(new java.math.BigInteger(digits.toString()).mod(java.math.BigInteger.valueOf(97)).intValue())
                .isEqualTo(1);
    }
}
