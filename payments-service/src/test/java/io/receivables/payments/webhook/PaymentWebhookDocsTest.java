package io.receivables.payments.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.receivables.contracts.events.PaymentReceived;

/**
 * docs/payments.md's signing example for the generic payments webhook: the signature it shows is the one the service
 * expects for its secret, id, timestamp and body, and the body is a payload the service takes.
 */
class PaymentWebhookDocsTest {

    @Test
    void theDocumentedDeliveryIsSignedAndReadAsTheServiceDoes() throws Exception {
        String doc = Files.readString(Path.of("../docs/payments.md"));
        String secret = shell(doc, "SECRET=(\\S+)");
        String id = shell(doc, "ID=(\\S+)");
        long timestamp = Long.parseLong(shell(doc, "TS=(\\d+)"));
        byte[] body = shell(doc, "BODY='([^']+)'").getBytes(StandardCharsets.UTF_8);
        String shown = shell(doc, "echo \"v1,\\$SIG\" +# (v1,\\S+)");

        assertThat(StandardWebhookVerifier.sign(secret, id, timestamp, body)).isEqualTo(shown);
        assertThat(new PaymentWebhookParser().parse(body)).isInstanceOfSatisfying(
                PaymentWebhookCommand.Received.class, received -> {
                    assertThat(received.paymentId()).isEqualTo("pay_8f3k2");
                    assertThat(received.amount()).isEqualByComparingTo("1190.00");
                    assertThat(received.method()).isEqualTo(PaymentReceived.Method.CARD);
                    assertThat(received.invoiceId())
                            .isEqualTo(UUID.fromString("7d0e2b8c-1f3a-4a57-9a0e-3c2b1d4e5f60"));
                    assertThat(received.customerId()).isNull();
                });
    }

    private static String shell(String doc, String regex) {
        Matcher matcher = Pattern.compile("(?m)^" + regex).matcher(doc);
        assertThat(matcher.find()).as(regex).isTrue();
        return matcher.group(1);
    }
}
