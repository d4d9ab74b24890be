package io.receivables.dunning.run;

import java.math.BigDecimal;
import java.util.List;

import io.receivables.dunning.template.Channel;

/**
 * One consolidated message the run is to send a customer on one channel in one currency: every invoice due for a step
 * that uses the channel; the highest of their steps chooses the template.
 */
public record PlannedMessage(Channel channel, String currency, StepRule highestStep, String templateKey,
        String recipient, List<DueStep> invoices) {

    public PlannedMessage {
        invoices = List.copyOf(invoices);
    }

    /** What it asks for before fees and interest: the collectable (open less disputed) amounts. */
    public BigDecimal amountDue() {
        return invoices.stream().map(due -> due.item().collectableAmount()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
