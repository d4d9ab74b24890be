package io.receivables.common.json;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;

import io.receivables.common.text.FreeText;

/**
 * Every JSON string as Jackson reads it, but refusing a NUL character: PostgreSQL cannot store one in text, so it would
 * otherwise fail the request with a 500 after validation passed.
 */
class StrictStringDeserializer extends StringDeserializer {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String value = super.deserialize(parser, context);
        if (FreeText.hasNul(value)) {
            throw new RejectedValueException(parser, FreeText.NUL_MESSAGE, String.class);
        }
        return value;
    }
}
