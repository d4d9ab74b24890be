package io.receivables.payments.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Verifies Stripe's {@code Stripe-Signature} header as Stripe specifies ("Verify webhook signatures manually"):
 * <ol>
 * <li>split the header at {@code ,} into {@code key=value} pairs; {@code t} is the signing time in Unix seconds, each
 * {@code v1} a signature (there are several while the endpoint's secret is being rolled); other schemes ({@code v0})
 * are ignored;</li>
 * <li>the signed payload is {@code t}, a dot, and the raw request body, byte for byte (never JSON parsed and written
 * again);</li>
 * <li>the expected signature is the lower-case hex HMAC-SHA256 of it with the endpoint's signing secret
 * ({@code whsec_...}, used as is, as UTF-8 bytes);</li>
 * <li>the delivery is authentic when any {@code v1} equals it, compared in constant time;</li>
 * <li>and fresh when {@code t} is within the tolerance (Stripe's libraries default to 300 s) of the injected clock.</li>
 * </ol>
 * Stripe's own libraries only refuse timestamps older than the tolerance; this one also refuses ones more than the
 * tolerance in the future, which Stripe's documentation ("the difference between the current timestamp and the received
 * timestamp") allows and which a signer with a correct clock never sends.
 */
public final class StripeSignatureVerifier {

    public static final String HEADER = "Stripe-Signature";

    /** Stripe's default tolerance. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofSeconds(300);

    private static final int MAX_HEADER_LENGTH = 8192;

    private final List<byte[]> secrets;
    private final Duration tolerance;
    private final Clock clock;

    /**
     * @param secrets the endpoint's signing secrets: usually one; two while we move to a new one, so that deliveries
     *        signed with either are accepted
     */
    public StripeSignatureVerifier(List<String> secrets, Duration tolerance, Clock clock) {
        if (secrets.isEmpty() || secrets.stream().anyMatch(s -> s == null || s.isBlank())) {
            throw new IllegalArgumentException("a Stripe endpoint needs its signing secret");
        }
        this.secrets = secrets.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
        this.tolerance = tolerance;
        this.clock = clock;
    }

    public StripeSignatureVerifier(String secret, Clock clock) {
        this(List.of(secret), DEFAULT_TOLERANCE, clock);
    }

    /**
     * @throws WebhookRejectedException naming {@value #HEADER} when the header is missing or malformed, carries no
     *         {@code v1}, no {@code v1} matches, or the timestamp is outside the tolerance
     */
    public void verify(byte[] body, String header) {
        if (header == null || header.isBlank()) {
            throw new WebhookRejectedException(HEADER, "is missing: Stripe signs every delivery");
        }
        if (header.length() > MAX_HEADER_LENGTH) {
            throw new WebhookRejectedException(HEADER, "is longer than " + MAX_HEADER_LENGTH + " characters");
        }
        Long timestamp = null;
        List<String> signatures = new ArrayList<>();
        for (String element : header.split(",")) {
            int equals = element.indexOf('=');
            if (equals <= 0) {
                throw new WebhookRejectedException(HEADER, "is malformed: expected t=<unix time>,v1=<signature>");
            }
            String key = element.substring(0, equals).strip();
            String value = element.substring(equals + 1).strip();
            if (key.equals("t")) {
                if (timestamp != null || !value.matches("[0-9]{1,12}")) {
                    throw new WebhookRejectedException(HEADER, "is malformed: t must appear once, as Unix seconds");
                }
                timestamp = Long.parseLong(value);
            } else if (key.equals("v1")) {
                signatures.add(value);
            }
        }
        if (timestamp == null) {
            throw new WebhookRejectedException(HEADER, "is malformed: it has no timestamp (t=)");
        }
        if (signatures.isEmpty()) {
            throw new WebhookRejectedException(HEADER, "has no signature with the expected scheme v1");
        }
        byte[] signedPrefix = (timestamp + ".").getBytes(StandardCharsets.US_ASCII);
        boolean matched = false;
        for (byte[] secret : secrets) {
            byte[] expected = Hmac.hex(Hmac.sha256(secret, signedPrefix, body)).getBytes(StandardCharsets.US_ASCII);
            for (String signature : signatures) {
                // no early exit: every candidate is compared, so timing does not tell which one matched
                matched |= Hmac.equal(expected, signature.getBytes(StandardCharsets.US_ASCII));
            }
        }
        if (!matched) {
            throw new WebhookRejectedException(HEADER, "no v1 signature matches the body signed with this endpoint's"
                    + " secret (was the body changed, or is the secret another endpoint's?)");
        }
        long age = clock.instant().getEpochSecond() - timestamp;
        if (Math.abs(age) > tolerance.toSeconds()) {
            throw new WebhookRejectedException(HEADER, "the signature's timestamp t=" + timestamp + " is " + Math.abs(age)
                    + " s " + (age > 0 ? "old" : "in the future") + "; at most " + tolerance.toSeconds()
                    + " s is accepted (a replayed delivery?)");
        }
    }

    /** The header Stripe would send for {@code body} signed at {@code timestamp}: for tests and local tools. */
    public static String sign(byte[] body, String secret, long timestamp) {
        byte[] mac = Hmac.sha256(secret.getBytes(StandardCharsets.UTF_8),
                (timestamp + ".").getBytes(StandardCharsets.US_ASCII), body);
        return "t=" + timestamp + ",v1=" + Hmac.hex(mac);
    }
}
