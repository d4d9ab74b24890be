package io.receivables.common.json;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;

import io.receivables.common.limits.BusinessDates;

/**
 * A business date is exactly {@code "yyyy-MM-dd"} within {@link BusinessDates}' range. Jackson's default also takes an
 * array ({@code [2026, 1, 2]}), a number of epoch days, a date-time (dropping its time) and {@code ""} (as null, which
 * then defaults to today): each a silent guess, refused here.
 */
class StrictLocalDateDeserializer extends StdScalarDeserializer<LocalDate> {

    private static final Pattern ISO_DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");

    StrictLocalDateDeserializer() {
        super(LocalDate.class);
    }

    @Override
    public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            throw new RejectedValueException(parser, BusinessDates.FORMAT_MESSAGE, LocalDate.class);
        }
        String text = parser.getText();
        if (!ISO_DATE.matcher(text).matches()) {
            throw new RejectedValueException(parser, "'" + text + "' " + BusinessDates.FORMAT_MESSAGE, LocalDate.class);
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new RejectedValueException(parser, "'" + text + "' is not a calendar date", LocalDate.class);
        }
        if (!BusinessDates.inRange(date)) {
            throw new RejectedValueException(parser, BusinessDates.RANGE_MESSAGE, LocalDate.class);
        }
        return date;
    }
}
