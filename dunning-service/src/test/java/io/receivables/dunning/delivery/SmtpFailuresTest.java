package io.receivables.dunning.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.receivables.dunning.channel.email.SmtpFailures;
import io.vertx.ext.mail.SMTPException;

/**
 * Which SMTP failures are permanent (RFC 5321 §4.2.1). GreenMail accepts every recipient, so the relay's 5xx refusal
 * is checked here on the Vert.x mail client's own exception; the transient paths also run against GreenMail.
 */
class SmtpFailuresTest {

    @Test
    void a5xxReplyIsPermanentWithTheRelaysWords() {
        var failure = SmtpFailures.classify(new SMTPException("RCPT TO", 550, List.of("550 5.1.1 <x@y.example>:"
                + " Recipient address rejected: User unknown"), true));

        assertThat(failure.permanent()).isTrue();
        assertThat(failure.getMessage()).startsWith("SMTP 550").contains("User unknown");
    }

    @Test
    void a4xxReplyAndAnUnreachableServerAreTransient() {
        assertThat(SmtpFailures.classify(new SMTPException("RCPT TO", 451, List.of("451 4.7.1 greylisted"), true))
                .permanent()).isFalse();
        assertThat(SmtpFailures.classify(new ConnectException("Connection refused")).permanent()).isFalse();
        assertThat(SmtpFailures.classify(new IllegalStateException("surprise")).permanent()).isFalse();
    }

    @Test
    void backoffDoublesUpToItsMaximum() {
        Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(5));

        assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.after(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(backoff.after(4)).isEqualTo(Duration.ofSeconds(240));
        assertThat(backoff.after(5)).isEqualTo(Duration.ofMinutes(5));
        assertThat(backoff.after(100)).isEqualTo(Duration.ofMinutes(5));
    }
}
