package io.receivables.payments.webhook;

import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 and the constant-time comparison every verifier here uses. */
final class Hmac {

    private Hmac() {
    }

    /** HMAC-SHA256 with {@code key} over the parts, concatenated. */
    static byte[] sha256(byte[] key, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /**
     * Constant-time: {@link MessageDigest#isEqual} looks at every byte whatever the first difference, so the time taken
     * does not tell an attacker how much of a forged signature is right.
     */
    static boolean equal(byte[] expected, byte[] received) {
        return MessageDigest.isEqual(expected, received);
    }

    static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }
}
