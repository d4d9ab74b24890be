package io.receivables.contracts.events;

import java.util.Arrays;
import java.util.stream.Collectors;

/** A {@code ce_type} that is not in the v1 catalogue. */
public class UnknownEventTypeException extends IllegalArgumentException {

    private final String type;

    public UnknownEventTypeException(String type) {
        super("unknown event type '" + type + "'; the v1 catalogue has: "
                + Arrays.stream(EventType.values()).map(EventType::type).collect(Collectors.joining(", ")));
        this.type = type;
    }

    /** The type name that was asked for. */
    public String type() {
        return type;
    }
}
