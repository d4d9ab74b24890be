package io.receivables.dunning.channel.sms;

import io.smallrye.mutiny.Uni;

/**
 * Sends one text message through an SMS provider. Fails with a {@code DeliveryFailure} saying whether a retry may help
 * (the provider's 5xx or 429, no connection: yes; its refusal of the number or the request: no).
 */
public interface SmsGateway {

    Uni<Void> send(String to, String body);
}
