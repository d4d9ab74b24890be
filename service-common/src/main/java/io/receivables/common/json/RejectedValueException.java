package io.receivables.common.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON value of the right kind that this API refuses anyway (a NUL character, a date out of range), with a message
 * written for the client. Jackson adds the field's path as it unwinds, so the problem names the field.
 */
public class RejectedValueException extends MismatchedInputException {

    public RejectedValueException(JsonParser parser, String clientMessage, Class<?> targetType) {
        super(parser, clientMessage, targetType);
    }
}
