package io.receivables.dunning.channel.sms;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

/** The SMS provider's endpoint and account (receivables.dunning.sms.*), in Twilio's Messages API format. */
@ConfigMapping(prefix = "receivables.dunning.sms")
public interface SmsConfig {

    /** e.g. https://api.twilio.com, or the local receiver of ./run-local. */
    String baseUrl();

    String accountSid();

    String authToken();

    /** The sender number (E.164) or alphanumeric sender id. */
    String from();

    Duration timeout();
}
