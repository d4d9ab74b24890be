package io.receivables.payments.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class StandardWebhookVerifierTest {

    private static final String SECRET = "whsec_" + Base64.getEncoder()
            .encodeToString("a test key of 32 bytes, not real".getBytes(StandardCharsets.US_ASCII));
    private static final long NOW = 1_772_442_005L;
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
    private static final byte[] BODY = "{\"type\":\"payment.received\",\"amount\":\"12.50\"}"
            .getBytes(StandardCharsets.UTF_8);

    private final StandardWebhookVerifier verifier = new StandardWebhookVerifier(SECRET, CLOCK);

    /** Independently of the code under test: base64 HMAC-SHA256 of "id.timestamp.body" with the decoded key. */
    private static String v1(String id, long timestamp, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(SECRET.substring(6)), "HmacSHA256"));
        mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
    }

    @Test
    void aValidDeliveryReturnsItsIdForDeduplication() throws Exception {
        String signature = v1("msg_2KWPBgLlAfxdpx2AI54pPJ85f4W", NOW, BODY);

        assertThat(verifier.verify(BODY, "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W", String.valueOf(NOW), signature))
                .isEqualTo("msg_2KWPBgLlAfxdpx2AI54pPJ85f4W");
        assertThat(StandardWebhookVerifier.sign(SECRET, "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W", NOW, BODY))
                .isEqualTo(signature);
    }

    @Test
    void anyOfSeveralSignaturesMayMatch() throws Exception {
        String signatures = "v1,Zm9yZ2Vk v2,aWdub3JlZA== " + v1("msg_1", NOW, BODY);

        assertThat(verifier.verify(BODY, "msg_1", String.valueOf(NOW), signatures)).isEqualTo("msg_1");
    }

    @Test
    void wrongStaleOrMalformedIsRefusedNamingTheHeader() throws Exception {
        String time = String.valueOf(NOW);

        assertThatThrownBy(() -> verifier.verify(BODY, "msg_2", time, v1("msg_1", NOW, BODY)))
                .as("the id is signed: another id is another signature")
                .hasMessageStartingWith("webhook-signature: no v1 signature matches");
        assertThatThrownBy(() -> verifier.verify(BODY, "msg_1", String.valueOf(NOW - 301), v1("msg_1", NOW - 301, BODY)))
                .hasMessageStartingWith("webhook-timestamp: " + (NOW - 301) + " is 301 s old");
        assertThatThrownBy(() -> verifier.verify(BODY, null, time, "v1,x")).hasMessage("webhook-id: is missing");
        assertThatThrownBy(() -> verifier.verify(BODY, "msg_1", "soon", "v1,x"))
                .hasMessage("webhook-timestamp: must be Unix seconds");
        assertThatThrownBy(() -> verifier.verify(BODY, "msg_1", time, "v2,Zm9v"))
                .hasMessage("webhook-signature: has no signature with the expected scheme v1");
        assertThatThrownBy(() -> verifier.verify(BODY, "msg_1", time, "v1,not*base64"))
                .hasMessage("webhook-signature: is malformed: a v1 signature is not base64");
        assertThatThrownBy(() -> verifier.verify(BODY, "msg_1", time, "sha256=abc"))
                .hasMessageStartingWith("webhook-signature: is malformed");
        assertThatThrownBy(() -> verifier.verify(BODY, "msg.1", time, "v1,x"))
                .hasMessage("webhook-id: must not contain a dot");
    }

    @Test
    void aSecretMustBeAStandardWebhooksSecret() {
        assertThatThrownBy(() -> new StandardWebhookVerifier("plain-text", CLOCK))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StandardWebhookVerifier("whsec_c2hvcnQ=", CLOCK))
                .hasMessageContaining("at least 16 bytes");
    }
}
