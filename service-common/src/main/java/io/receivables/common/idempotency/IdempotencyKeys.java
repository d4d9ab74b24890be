package io.receivables.common.idempotency;

/** What a client may send as an {@code Idempotency-Key}: 1 to 255 printable ASCII characters. */
final class IdempotencyKeys {

    static final int MAX_LENGTH = 255;

    private IdempotencyKeys() {
    }

    static boolean isValid(String key) {
        if (key == null || key.isEmpty() || key.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            // printable ASCII (space to tilde): no control characters, nothing a log or a proxy could mangle
            if (c < 0x20 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }
}
