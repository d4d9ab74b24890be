package io.receivables.dunning.run;

import io.receivables.dunning.template.Channel;

/** Whom a customer's messages go to, per channel, from the read model's profile. */
public record Recipients(String legalName, String billingEmail, String phone) {

    /** EMAIL: the billing e-mail; SMS and PHONE_TASK: the phone; LETTER: the legal name. Null when there is none. */
    public String of(Channel channel) {
        String recipient = switch (channel) {
            case EMAIL -> billingEmail;
            case SMS, PHONE_TASK -> phone;
            case LETTER -> legalName;
        };
        return recipient == null || recipient.isBlank() ? null : recipient;
    }

    /** Why a channel is skipped when {@link #of} has no recipient for it. */
    public static SkipReason missing(Channel channel) {
        return switch (channel) {
            case EMAIL -> SkipReason.NO_EMAIL;
            case SMS, PHONE_TASK -> SkipReason.NO_PHONE;
            case LETTER -> SkipReason.NO_NAME;
        };
    }
}
