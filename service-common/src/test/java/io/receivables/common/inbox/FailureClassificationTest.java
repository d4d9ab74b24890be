package io.receivables.common.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

import io.receivables.contracts.validation.EventValidator;
import io.receivables.contracts.validation.InvalidEventException;

/** Which failures dead-letter an event and which are retried, and how long the processor waits between attempts. */
class FailureClassificationTest {

    @Test
    void onlyAnEventThatCanNeverApplyIsPermanent() {
        assertThat(InboxProcessor.isPermanent(new MalformedEventException("missing header ce_id"))).isTrue();
        assertThat(InboxProcessor.isPermanent(new CompletionException(new MalformedEventException("wrapped")))).isTrue();
        assertThat(InboxProcessor.isPermanent(schemaInvalid())).isTrue();

        assertThat(InboxProcessor.isPermanent(new ConnectException("Connection refused"))).isFalse();
        assertThat(InboxProcessor.isPermanent(new RuntimeException(new TimeoutException("pool")))).isFalse();
        assertThat(InboxProcessor.isPermanent(new IllegalStateException("could not serialize access"))).isFalse();
        assertThat(InboxProcessor.isPermanent(new NullPointerException())).isFalse();
    }

    @Test
    void backsOffExponentiallyFrom200MillisecondsToAtMost30Seconds() {
        assertThat(InboxProcessor.backoff(1)).isEqualTo(Duration.ofMillis(200));
        assertThat(InboxProcessor.backoff(2)).isEqualTo(Duration.ofMillis(400));
        assertThat(InboxProcessor.backoff(8)).isEqualTo(Duration.ofMillis(25_600));
        assertThat(InboxProcessor.backoff(9)).isEqualTo(Duration.ofSeconds(30));
        assertThat(InboxProcessor.backoff(10_000)).isEqualTo(Duration.ofSeconds(30));
    }

    private static InvalidEventException schemaInvalid() {
        try {
            EventValidator.shared().assertValid("invoice-issued", "{}");
        } catch (InvalidEventException e) {
            return e;
        }
        throw new AssertionError("an empty invoice-issued passed its schema");
    }
}
