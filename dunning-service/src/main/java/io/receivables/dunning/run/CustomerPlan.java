package io.receivables.dunning.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.receivables.dunning.template.Channel;

/**
 * What a run sends one customer: the invoices due for a step, grouped into one message per channel and currency, and
 * what it leaves out. Pure: the run writes it, the preview shows it.
 */
public record CustomerPlan(List<PlannedMessage> messages, List<Skip> skipped) {

    /** Something left out: a channel (no recipient), an invoice (held) or the whole customer (both null). */
    public record Skip(SkipReason reason, Channel channel, UUID invoiceId) {
    }

    public CustomerPlan {
        messages = List.copyOf(messages);
        skipped = List.copyOf(skipped);
    }

    public static CustomerPlan skippedWhole(SkipReason reason) {
        return new CustomerPlan(List.of(), List.of(new Skip(reason, null, null)));
    }

    /**
     * Groups the due invoices (in the order given: by due date, then number) by channel and currency; a channel without
     * a recipient is skipped once per currency with its reason. {@code held} are the invoices left out for a hold.
     */
    public static CustomerPlan of(List<DueStep> due, Recipients recipients, List<UUID> held) {
        record Key(Channel channel, String currency) {
        }
        Map<Key, List<DueStep>> groups = new LinkedHashMap<>();
        for (Channel channel : Channel.values()) {
            for (DueStep step : due) {
                if (step.step().templates().containsKey(channel)) {
                    groups.computeIfAbsent(new Key(channel, step.item().currency()), key -> new ArrayList<>()).add(step);
                }
            }
        }
        List<PlannedMessage> messages = new ArrayList<>();
        List<Skip> skipped = new ArrayList<>();
        held.forEach(invoice -> skipped.add(new Skip(SkipReason.INVOICE_HELD, null, invoice)));
        groups.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<Key, List<DueStep>> e) -> e.getKey().channel())
                        .thenComparing(e -> e.getKey().currency()))
                .forEach(group -> {
                    Channel channel = group.getKey().channel();
                    String recipient = recipients.of(channel);
                    if (recipient == null) {
                        skipped.add(new Skip(Recipients.missing(channel), channel, null));
                        return;
                    }
                    StepRule highest = group.getValue().stream().map(DueStep::step)
                            .max(Comparator.comparingInt(StepRule::number)).orElseThrow();
                    messages.add(new PlannedMessage(channel, group.getKey().currency(), highest,
                            highest.templates().get(channel), recipient, group.getValue()));
                });
        return new CustomerPlan(messages, skipped);
    }

    /** The invoices some message names, once each, in message order: the (invoice, step) pairs the run actions. */
    public List<DueStep> actioned() {
        Map<UUID, DueStep> byInvoice = new LinkedHashMap<>();
        messages.forEach(message -> message.invoices().forEach(due -> byInvoice.putIfAbsent(due.item().invoiceId(), due)));
        return List.copyOf(byInvoice.values());
    }
}
