package io.receivables.payments.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import io.receivables.common.problem.FieldError;

class StripeSignatureVerifierTest {

    private static final long NOW = 1_772_442_005L;
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);

    private final byte[] body = StripePayloads.bytes("payment_intent.succeeded");
    private final StripeSignatureVerifier verifier = new StripeSignatureVerifier(StripePayloads.SECRET, CLOCK);

    /** Signed here independently of the code under test: HMAC-SHA256 of "t.body" with the secret, lower-case hex. */
    private static String v1(long timestamp, byte[] body, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    @Test
    void aValidSignatureIsAccepted() throws Exception {
        String header = "t=" + NOW + ",v1=" + v1(NOW, body, StripePayloads.SECRET);

        assertThatCode(() -> verifier.verify(body, header)).doesNotThrowAnyException();
        assertThat(StripeSignatureVerifier.sign(body, StripePayloads.SECRET, NOW)).isEqualTo(header);
    }

    @Test
    void anyMatchingV1IsAcceptedAndOtherSchemesAreIgnored() throws Exception {
        String header = "t=" + NOW + ",v1=" + v1(NOW, body, "whsec_the_old_secret") + ",v0=6ffbb59b2300aae63f27240"
                + ",v1=" + v1(NOW, body, StripePayloads.SECRET);

        assertThatCode(() -> verifier.verify(body, header)).doesNotThrowAnyException();
    }

    @Test
    void ourOwnSecretRotationAcceptsEitherSecret() throws Exception {
        StripeSignatureVerifier rolling = new StripeSignatureVerifier(
                List.of("whsec_the_new_secret", StripePayloads.SECRET), Duration.ofSeconds(300), CLOCK);

        assertThatCode(() -> rolling.verify(body, "t=" + NOW + ",v1=" + v1(NOW, body, StripePayloads.SECRET)))
                .doesNotThrowAnyException();
        assertThatCode(() -> rolling.verify(body, "t=" + NOW + ",v1=" + v1(NOW, body, "whsec_the_new_secret")))
                .doesNotThrowAnyException();
    }

    @Test
    void aWrongSecretIsRefused() throws Exception {
        String header = "t=" + NOW + ",v1=" + v1(NOW, body, "whsec_another_endpoints_secret");

        assertThatThrownBy(() -> verifier.verify(body, header)).isInstanceOfSatisfying(
                WebhookRejectedException.class, e -> assertThat(e.errors()).singleElement().satisfies(error -> {
                    assertThat(error.field()).isEqualTo("Stripe-Signature");
                    assertThat(error.message()).startsWith("no v1 signature matches");
                }));
    }

    @Test
    void aChangedBodyIsRefused() throws Exception {
        String header = "t=" + NOW + ",v1=" + v1(NOW, body, StripePayloads.SECRET);
        byte[] changed = new String(body, StandardCharsets.UTF_8).replace("119000", "119001")
                .getBytes(StandardCharsets.UTF_8);
        // the same JSON with other white space is another body: Stripe signs bytes, not JSON
        byte[] reformatted = new String(body, StandardCharsets.UTF_8).replace("\n", "\r\n")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> verifier.verify(changed, header)).hasMessageContaining("no v1 signature matches");
        assertThatThrownBy(() -> verifier.verify(reformatted, header)).hasMessageContaining("no v1 signature matches");
    }

    @Test
    void aTimestampOutsideThe300SecondToleranceIsRefused() throws Exception {
        long stale = NOW - 301;
        long future = NOW + 301;

        assertThatThrownBy(() -> verifier.verify(body, "t=" + stale + ",v1=" + v1(stale, body, StripePayloads.SECRET)))
                .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.errors()).containsExactly(
                        new FieldError("Stripe-Signature", "the signature's timestamp t=" + stale
                                + " is 301 s old; at most 300 s is accepted (a replayed delivery?)")));
        assertThatThrownBy(() -> verifier.verify(body, "t=" + future + ",v1=" + v1(future, body, StripePayloads.SECRET)))
                .hasMessageContaining("is 301 s in the future");
        long edge = NOW - 300;
        assertThatCode(() -> verifier.verify(body, "t=" + edge + ",v1=" + v1(edge, body, StripePayloads.SECRET)))
                .doesNotThrowAnyException();
    }

    @Test
    void aReplayedHeaderWithAnotherTimestampDoesNotMatch() throws Exception {
        // moving t forward to pass the tolerance breaks the signature, which covers t
        String header = "t=" + NOW + ",v1=" + v1(NOW - 3600, body, StripePayloads.SECRET);

        assertThatThrownBy(() -> verifier.verify(body, header)).hasMessageContaining("no v1 signature matches");
    }

    @Test
    void malformedHeaders() throws Exception {
        String v1 = v1(NOW, body, StripePayloads.SECRET);

        assertThatThrownBy(() -> verifier.verify(body, null)).hasMessage("Stripe-Signature: is missing: Stripe signs"
                + " every delivery");
        assertThatThrownBy(() -> verifier.verify(body, "v1=" + v1)).hasMessage(
                "Stripe-Signature: is malformed: it has no timestamp (t=)");
        assertThatThrownBy(() -> verifier.verify(body, "t=" + NOW)).hasMessage(
                "Stripe-Signature: has no signature with the expected scheme v1");
        assertThatThrownBy(() -> verifier.verify(body, "t=" + NOW + ",v0=" + v1)).hasMessage(
                "Stripe-Signature: has no signature with the expected scheme v1");
        assertThatThrownBy(() -> verifier.verify(body, "t=yesterday,v1=" + v1)).hasMessage(
                "Stripe-Signature: is malformed: t must appear once, as Unix seconds");
        assertThatThrownBy(() -> verifier.verify(body, "t=" + NOW + ",t=" + NOW + ",v1=" + v1)).hasMessage(
                "Stripe-Signature: is malformed: t must appear once, as Unix seconds");
        assertThatThrownBy(() -> verifier.verify(body, v1)).hasMessage(
                "Stripe-Signature: is malformed: expected t=<unix time>,v1=<signature>");
        assertThatThrownBy(() -> verifier.verify(body, "t=" + NOW + ",v1=" + v1.toUpperCase()))
                .as("Stripe's signatures are lower-case hex; compared as sent").hasMessageContaining("no v1 signature");
        assertThatThrownBy(() -> verifier.verify(body, "t=" + NOW + ",v1=" + "a".repeat(9000)))
                .hasMessageContaining("is longer than 8192 characters");
    }

    @Test
    void theRefusalNeverShowsTheExpectedSignature() throws Exception {
        String expected = v1(NOW, body, StripePayloads.SECRET);

        assertThatThrownBy(() -> verifier.verify(body, "t=" + NOW + ",v1=00"))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(expected, StripePayloads.SECRET));
    }
}
