package io.receivables.contracts.json;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/**
 * A {@link java.math.BigDecimal} that travels as a JSON string in plain notation: {@code "120.00"}, never the number
 * {@code 120.0} and never {@code "1.2E+2"}.
 * <p>
 * It is an annotation rather than an {@link EventJson} setting so that the rule holds whichever {@code ObjectMapper} a
 * service serializes with (Quarkus' own, SmallRye's, a test's {@code new ObjectMapper()}).
 */
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
@JacksonAnnotationsInside
@JsonSerialize(using = DecimalStringSerializer.class)
@JsonDeserialize(using = DecimalStringDeserializer.class)
public @interface DecimalString {
}
