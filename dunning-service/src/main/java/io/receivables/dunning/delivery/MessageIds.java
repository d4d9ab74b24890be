package io.receivables.dunning.delivery;

import java.util.UUID;

/**
 * The Message-ID header of a dunning e-mail, derived from the message's id: the same on every attempt, so that after a
 * crash between sending and recording the send, the retry carries the same Message-ID and a receiver that keeps
 * Message-IDs can drop the repeat.
 */
public final class MessageIds {

    public static final String DOMAIN = "dunning.receivables";

    private MessageIds() {
    }

    public static String of(UUID messageId) {
        return "<" + messageId + "@" + DOMAIN + ">";
    }
}
