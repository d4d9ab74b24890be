package io.receivables.contracts.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.receivables.contracts.events.EventExamples;
import io.receivables.contracts.events.EventType;
import io.receivables.contracts.events.InvoiceIssued;
import io.receivables.contracts.events.PaymentAllocation;

class EventJsonTest {

    private static final UUID INVOICE = UUID.fromString("5d0c3a8e-7b1f-4e2a-8c6d-1f2e3a4b5c6d");

    @ParameterizedTest(name = "{0} is written as \"{1}\"")
    @CsvSource({ "1E+3, 1000", "1E-7, 0.0000001", "120.00, 120.00", "-0.50, -0.50", "12345678901234567890.123, "
            + "12345678901234567890.123" })
    void decimalsAreWrittenAsPlainStringsKeepingTheirScale(String decimal, String expected) {
        JsonNode json = EventJson.toTree(new PaymentAllocation(INVOICE, new BigDecimal(decimal)));

        assertThat(json.path("amount").isTextual()).isTrue();
        assertThat(json.path("amount").textValue()).isEqualTo(expected);
    }

    @Test
    void decimalsStayPlainStringsWithAMapperThatDoesNotKnowTheCatalogue() throws Exception {
        ObjectMapper plain = new ObjectMapper().registerModule(new JavaTimeModule());

        String json = plain.writeValueAsString(new PaymentAllocation(INVOICE, new BigDecimal("1.2E+2")));

        assertThat(json).contains("\"amount\":\"120\"");
        assertThat(plain.readValue(json, PaymentAllocation.class).amount()).isEqualTo(new BigDecimal("120"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "120.0", "\"1.2E+2\"", "\"+120.00\"", "\"120,00\"", "\" 120.00\"", "true" })
    void moneyThatIsNotAPlainDecimalStringIsRefused(String amount) {
        String json = "{\"invoiceId\":\"" + INVOICE + "\",\"amount\":" + amount + "}";

        assertThatThrownBy(() -> EventJson.read(json, PaymentAllocation.class))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("plain");
    }

    @Test
    void datesAreIsoLocalDatesAndInstantsAreUtcStrings() {
        JsonNode json = EventJson.toTree(EventExamples.first(InvoiceIssued.class));

        assertThat(json.path("issueDate").textValue()).isEqualTo("2026-11-23");
        assertThat(json.path("dueDate").textValue()).isEqualTo("2026-12-23");
        assertThat(json.path("issuedAt").textValue()).isEqualTo("2026-11-23T10:00:00Z");
    }

    @Test
    void absentOptionalFieldIsLeftOutNotWrittenAsNull() throws Exception {
        InvoiceIssued example = EventExamples.first(InvoiceIssued.class);
        InvoiceIssued withoutPo = new InvoiceIssued(example.invoiceId(), example.invoiceNumber(), example.customerId(),
                example.currency(), example.issueDate(), example.dueDate(), example.paymentTerms(), example.subtotal(),
                example.taxTotal(), example.total(), example.lines(), null, example.issuedAt());

        assertThat(EventJson.toTree(withoutPo).has("poNumber")).isFalse();
        // Also with a mapper that writes nulls by default: the records say so themselves.
        ObjectMapper plain = new ObjectMapper().registerModule(new JavaTimeModule());
        assertThat(plain.readTree(plain.writeValueAsString(withoutPo)).has("poNumber")).isFalse();
    }

    @Test
    void unknownFieldIsRefused() {
        ObjectNode json = (ObjectNode) EventExamples.json(EventType.INVOICE_ISSUED).get(0);
        json.put("discount", "10.00");

        assertThatThrownBy(() -> EventJson.read(json, InvoiceIssued.class))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("discount");
    }

    @Test
    void missingRequiredFieldIsRefusedByTheRecord() {
        ObjectNode json = (ObjectNode) EventExamples.json(EventType.INVOICE_ISSUED).get(0);
        json.remove("currency");

        assertThatThrownBy(() -> EventJson.read(json.toString(), InvoiceIssued.class))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("currency");
    }

    @ParameterizedTest
    @ValueSource(strings = { "\"1\"", "1.5" })
    void integerFieldIsNeitherCoercedFromTextNorRounded(String lineNumber) {
        String json = EventJson.write(EventExamples.first(InvoiceIssued.class))
                .replace("\"lineNumber\":1", "\"lineNumber\":" + lineNumber);

        assertThatThrownBy(() -> EventJson.read(json, InvoiceIssued.class)).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void catalogueMapperWritesEvenUnannotatedDecimalsInPlainNotation() {
        assertThat(EventJson.write(Map.of("amount", new BigDecimal("1E+3")))).isEqualTo("{\"amount\":1000}");
    }

    @Test
    void catalogueMapperLeavesOutNullFieldsOfAnyType() {
        assertThat(EventJson.write(new Unannotated("x", null))).isEqualTo("{\"present\":\"x\"}");
    }

    record Unannotated(String present, String absent) {
    }

    @Test
    void configureGivesAFrameworkMapperTheSameOutput() throws Exception {
        ObjectMapper frameworkMapper = EventJson.configure(new ObjectMapper());
        InvoiceIssued example = EventExamples.first(InvoiceIssued.class);

        assertThat(frameworkMapper.writeValueAsString(example)).isEqualTo(EventJson.write(example));
    }
}
