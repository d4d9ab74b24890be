package io.receivables.payments.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/**
 * The generic HMAC webhook for providers other than Stripe: the Standard Webhooks 1.0 scheme (standardwebhooks.com),
 * which many providers and webhook gateways already sign with, so that no provider needs code of its own here.
 * <ul>
 * <li>{@code webhook-id}: the delivery's unique id, the same on every retry: the de-duplication key;</li>
 * <li>{@code webhook-timestamp}: Unix seconds when it was signed;</li>
 * <li>{@code webhook-signature}: one or more space-separated {@code v1,<base64 signature>} (several during a secret
 * rotation); other versions are ignored;</li>
 * <li>signature: base64 of HMAC-SHA256 over {@code <webhook-id>.<webhook-timestamp>.<raw body>}, keyed with the
 * base64-decoded part of the secret after {@code whsec_};</li>
 * <li>accepted when any {@code v1} matches (constant-time compare) and the timestamp is within 5 minutes of the injected
 * clock, either way.</li>
 * </ul>
 */
public final class StandardWebhookVerifier {

    public static final String ID_HEADER = "webhook-id";
    public static final String TIMESTAMP_HEADER = "webhook-timestamp";
    public static final String SIGNATURE_HEADER = "webhook-signature";
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private static final String SECRET_PREFIX = "whsec_";
    private static final int MAX_HEADER_LENGTH = 8192;

    private final byte[] key;
    private final Duration tolerance;
    private final Clock clock;

    /** @param secret {@code whsec_} followed by the base64 key, as the provider shows it */
    public StandardWebhookVerifier(String secret, Duration tolerance, Clock clock) {
        this.key = key(secret);
        this.tolerance = tolerance;
        this.clock = clock;
    }

    public StandardWebhookVerifier(String secret, Clock clock) {
        this(secret, DEFAULT_TOLERANCE, clock);
    }

    /**
     * @return the verified {@code webhook-id}, to de-duplicate retries
     * @throws WebhookRejectedException naming the header that is missing, malformed, wrong or stale
     */
    public String verify(byte[] body, String id, String timestamp, String signature) {
        String messageId = required(ID_HEADER, id);
        if (messageId.contains(".")) {
            // the id is part of the signed content: a dot in it would let id and timestamp be shifted
            throw new WebhookRejectedException(ID_HEADER, "must not contain a dot");
        }
        String time = required(TIMESTAMP_HEADER, timestamp);
        if (!time.matches("[0-9]{1,12}")) {
            throw new WebhookRejectedException(TIMESTAMP_HEADER, "must be Unix seconds");
        }
        String signatures = required(SIGNATURE_HEADER, signature);
        byte[] expected = Hmac.sha256(key, (messageId + "." + time + ".").getBytes(StandardCharsets.UTF_8), body);
        boolean any = false;
        boolean matched = false;
        for (String candidate : signatures.strip().split(" +")) {
            int comma = candidate.indexOf(',');
            if (comma <= 0) {
                throw new WebhookRejectedException(SIGNATURE_HEADER, "is malformed: expected v1,<base64> entries"
                        + " separated by spaces");
            }
            if (!candidate.substring(0, comma).equals("v1")) {
                continue;
            }
            any = true;
            byte[] received;
            try {
                received = Base64.getDecoder().decode(candidate.substring(comma + 1));
            } catch (IllegalArgumentException e) {
                throw new WebhookRejectedException(SIGNATURE_HEADER, "is malformed: a v1 signature is not base64");
            }
            matched |= Hmac.equal(expected, received);
        }
        if (!any) {
            throw new WebhookRejectedException(SIGNATURE_HEADER, "has no signature with the expected scheme v1");
        }
        if (!matched) {
            throw new WebhookRejectedException(SIGNATURE_HEADER, "no v1 signature matches the body signed with this"
                    + " provider's secret");
        }
        long age = clock.instant().getEpochSecond() - Long.parseLong(time);
        if (Math.abs(age) > tolerance.toSeconds()) {
            throw new WebhookRejectedException(TIMESTAMP_HEADER, time + " is " + Math.abs(age) + " s "
                    + (age > 0 ? "old" : "in the future") + "; at most " + tolerance.toSeconds() + " s is accepted");
        }
        return messageId;
    }

    /** The {@code webhook-signature} value a sender would send: for tests and for providers' setup checks. */
    public static String sign(String secret, String id, long timestamp, byte[] body) {
        byte[] mac = Hmac.sha256(key(secret), (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8), body);
        return "v1," + Base64.getEncoder().encodeToString(mac);
    }

    private static byte[] key(String secret) {
        if (secret == null || !secret.startsWith(SECRET_PREFIX)) {
            throw new IllegalArgumentException("a Standard Webhooks secret starts with " + SECRET_PREFIX);
        }
        byte[] key = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
        if (key.length < 16) {
            throw new IllegalArgumentException("the secret's key must be at least 16 bytes");
        }
        return key;
    }

    private static String required(String header, String value) {
        if (value == null || value.isBlank()) {
            throw new WebhookRejectedException(header, "is missing");
        }
        if (value.length() > MAX_HEADER_LENGTH) {
            throw new WebhookRejectedException(header, "is longer than " + MAX_HEADER_LENGTH + " characters");
        }
        return value.strip();
    }
}
