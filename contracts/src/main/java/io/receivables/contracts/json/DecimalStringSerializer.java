package io.receivables.contracts.json;

import java.io.IOException;
import java.math.BigDecimal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

/** Writes a decimal as a JSON string with {@link BigDecimal#toPlainString()}, keeping its scale ("120.00"). */
public final class DecimalStringSerializer extends StdSerializer<BigDecimal> {

    public DecimalStringSerializer() {
        super(BigDecimal.class);
    }

    @Override
    public void serialize(BigDecimal value, JsonGenerator generator, SerializerProvider provider) throws IOException {
        generator.writeString(value.toPlainString());
    }
}
