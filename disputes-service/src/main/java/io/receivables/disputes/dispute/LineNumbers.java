package io.receivables.disputes.dispute;

import java.util.Arrays;
import java.util.List;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** A dispute's line numbers in one column, "1,3,4": only ever read and written whole, never queried by line. */
@Converter
public class LineNumbers implements AttributeConverter<List<Integer>, String> {

    @Override
    public String convertToDatabaseColumn(List<Integer> lines) {
        return lines == null || lines.isEmpty() ? null
                : String.join(",", lines.stream().map(String::valueOf).toList());
    }

    @Override
    public List<Integer> convertToEntityAttribute(String column) {
        return column == null || column.isBlank() ? List.of()
                : Arrays.stream(column.split(",")).map(Integer::valueOf).toList();
    }
}
