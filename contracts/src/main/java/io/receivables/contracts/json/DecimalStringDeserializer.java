package io.receivables.contracts.json;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

/**
 * Reads a decimal only from a JSON string in plain notation, the form the schemas require. A JSON number is refused
 * even when Jackson could convert it: accepting {@code 120.0} here would hide a producer that already went through a
 * binary floating point.
 */
public final class DecimalStringDeserializer extends StdDeserializer<BigDecimal> {

    /** The schemas' money pattern (common.json#/$defs/money), anchored by {@link java.util.regex.Matcher#matches()}. */
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?");

    public DecimalStringDeserializer() {
        super(BigDecimal.class);
    }

    @Override
    public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
            return context.reportInputMismatch(this,
                    "a decimal must be a JSON string in plain notation such as \"120.00\", not %s", parser.currentToken());
        }
        String text = parser.getText();
        if (!PLAIN_DECIMAL.matcher(text).matches()) {
            return context.reportInputMismatch(this,
                    "\"%s\" is not a plain decimal string such as \"120.00\" (no exponent, sign only '-')", text);
        }
        return new BigDecimal(text);
    }
}
