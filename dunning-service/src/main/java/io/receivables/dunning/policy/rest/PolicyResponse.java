package io.receivables.dunning.policy.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.receivables.common.money.Currencies;
import io.receivables.dunning.policy.Escalation;
import io.receivables.dunning.policy.PolicyStep;
import io.receivables.dunning.policy.service.PolicyView;
import io.receivables.dunning.template.Channel;

public record PolicyResponse(UUID id,
        @Schema(description = "The version shown; each change makes a new one. Messages name the version they went out under.") long version,
        @Schema(description = "The policy's current version (the ETag)") long currentVersion,
        String name, @Schema(nullable = true) String description, String currency,
        @Schema(description = "False once deleted") boolean active, Instant createdAt,
        @Schema(description = "When this version was made") Instant versionCreatedAt, List<StepResponse> steps) {

    public record StepResponse(int number, int offsetDays, List<ChannelResponse> channels, String minimumOverdue,
            @Schema(nullable = true) FeeResponse fee, @Schema(nullable = true) Escalation escalation) {
    }

    public record ChannelResponse(Channel channel, String templateKey) {
    }

    public record FeeResponse(@Schema(nullable = true) String amount, boolean statutoryInterest) {
    }

    public static PolicyResponse of(PolicyView view) {
        String currency = view.version().currency;
        return new PolicyResponse(view.policy().id, view.version().version, view.policy().version,
                view.version().name, view.version().description, currency, view.policy().active,
                view.policy().createdAt, view.version().createdAt,
                view.steps().stream().map(step -> step(step, currency)).toList());
    }

    private static StepResponse step(PolicyView.Step view, String currency) {
        PolicyStep step = view.step();
        FeeResponse fee = step.feeAmount == null && !step.assessInterest ? null
                : new FeeResponse(step.feeAmount == null ? null : Currencies.format(step.feeAmount, currency),
                        step.assessInterest);
        return new StepResponse(step.number, step.offsetDays,
                view.channels().stream().map(c -> new ChannelResponse(c.channel, c.templateKey)).toList(),
                Currencies.format(step.minimumOverdue, currency), fee, step.escalation);
    }
}
