package io.receivables.dunning.policy.rest;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.receivables.common.money.DecimalStrings;
import io.receivables.dunning.policy.Escalation;
import io.receivables.dunning.policy.service.PolicyDefinition;
import io.receivables.dunning.template.Channel;

/** The body of POST /dunning-policies and PUT /dunning-policies/{id}; mapped to {@link PolicyDefinition} here. */
public record PolicyRequest(
        @Schema(required = true, maxLength = 100) @Size(max = 100) String name,
        @Schema(maxLength = 500, nullable = true) @Size(max = 500) String description,
        @Schema(required = true, description = "ISO 4217: the currency of the steps' minimum amounts and fees", pattern = "^[A-Z]{3}$") String currency,
        @Schema(required = true, description = "1 to 10 steps, offsets strictly increasing", minItems = 1, maxItems = 10) @Size(max = 10, message = "a policy has at most 10 steps") List<@Valid StepRequest> steps) {

    public record StepRequest(
            @Schema(required = true, description = "Days after the due date the step is due from (negative: before it), -60 to 365", minimum = "-60", maximum = "365") Integer offsetDays,
            @Schema(required = true, description = "One or more channels, each once, with its template key") @Size(max = 4) List<@Valid ChannelRequest> channels,
            @Schema(description = "The step is sent only when at least this much is overdue (in the policy's currency; default 0)", nullable = true) @Pattern(regexp = DecimalStrings.REGEX, message = "must be a decimal string such as \"10.00\"") String minimumOverdue,
            @Schema(description = "Fees at this step", nullable = true) @Valid FeeRequest fee,
            @Schema(description = "Hand the invoices over at this step", nullable = true) Escalation escalation) {
    }

    public record ChannelRequest(
            @Schema(required = true) Channel channel,
            @Schema(required = true, description = "A key GET /templates lists for this channel", pattern = "^[a-z0-9][a-z0-9-]{0,63}$") @Size(max = 64) String templateKey) {
    }

    public record FeeRequest(
            @Schema(description = "A fixed fee charged at this step, in the policy's currency", nullable = true) @Pattern(regexp = DecimalStrings.REGEX, message = "must be a decimal string such as \"5.00\"") String amount,
            @Schema(description = "Whether statutory late-payment interest is assessed at this step; default false", nullable = true) Boolean statutoryInterest) {
    }

    public PolicyDefinition definition() {
        return new PolicyDefinition(name, description, currency,
                steps == null ? null : steps.stream().map(PolicyRequest::step).toList());
    }

    private static PolicyDefinition.Step step(StepRequest step) {
        if (step == null) {
            return null;
        }
        return new PolicyDefinition.Step(step.offsetDays(),
                step.channels() == null ? null
                        : step.channels().stream().map(c -> c == null ? null
                                : new PolicyDefinition.ChannelTemplate(c.channel(), c.templateKey())).toList(),
                amount(step.minimumOverdue()), step.fee() == null ? null : amount(step.fee().amount()),
                step.fee() != null && Boolean.TRUE.equals(step.fee().statutoryInterest()), step.escalation());
    }

    private static BigDecimal amount(String text) {
        return text == null ? null : new BigDecimal(text);
    }
}
