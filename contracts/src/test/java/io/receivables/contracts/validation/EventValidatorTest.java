package io.receivables.contracts.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.receivables.contracts.events.EventExamples;
import io.receivables.contracts.events.EventType;
import io.receivables.contracts.events.InvoiceIssued;
import io.receivables.contracts.events.InvoiceLine;
import io.receivables.contracts.events.PaymentTerms;
import io.receivables.contracts.events.ReceivablesEvent;
import io.receivables.contracts.events.UnknownEventTypeException;
import io.receivables.contracts.json.EventJson;

class EventValidatorTest {

    private final EventValidator validator = EventValidator.shared();

    @Test
    void sharedValidatorIsBuiltOnce() {
        assertThat(EventValidator.shared()).isSameAs(validator);
    }

    @Test
    void unknownTypeIsAnErrorThatNamesTheKnownTypes() {
        assertThatThrownBy(() -> validator.validate("invoice-paid", "{}"))
                .isInstanceOf(UnknownEventTypeException.class)
                .hasMessageContaining("'invoice-paid'")
                .hasMessageContaining("invoice-issued")
                .hasMessageContaining("account-escalated");
    }

    @Test
    void textThatIsNotJsonIsOneViolationAtTheRoot() {
        ValidationResult result = validator.validate("invoice-issued", "{\"invoiceId\": ");

        assertThat(result.violations()).singleElement()
                .satisfies(violation -> {
                    assertThat(violation.path()).isEmpty();
                    assertThat(violation.keyword()).isEqualTo("json");
                });
    }

    @Test
    void emptyBodyIsRejected() {
        assertThat(validator.validate("invoice-issued", "").violations())
                .extracting(Violation::keyword).containsExactly("json");
    }

    @Test
    void duplicateKeysAreRejectedInsteadOfSilentlyKeepingTheLastOne() {
        String json = EventJson.write(example()).replaceFirst("\\{", "{\"total\": \"1.00\",");

        assertThat(validator.validate("invoice-issued", json).violations())
                .extracting(Violation::keyword).containsExactly("json");
    }

    @Test
    void bodyThatIsNotAnObjectBreaksTheRootType() {
        ValidationResult result = validator.validate("invoice-issued", "[]");

        assertThat(result.paths()).containsExactly("");
        assertThat(result.violations()).extracting(Violation::keyword).containsExactly("type");
    }

    @Test
    void assertValidNamesEveryViolationInItsMessage() {
        ObjectNode event = (ObjectNode) EventExamples.json(EventType.INVOICE_ISSUED).get(0);
        event.put("currency", "eur");
        event.put("total", 120.0);
        event.remove("dueDate");

        assertThatThrownBy(() -> validator.assertValid("invoice-issued", event))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> {
                    assertThat(e.type()).isEqualTo(EventType.INVOICE_ISSUED);
                    assertThat(e.violations()).extracting(Violation::path)
                            .containsExactly("/currency", "/dueDate", "/total");
                })
                .hasMessageContaining("invoice-issued")
                .hasMessageContaining("3 violations")
                .hasMessageContaining("/currency [enum]")
                .hasMessageContaining("/dueDate [required]")
                .hasMessageContaining("/total [type]");
    }

    @Test
    void assertValidAcceptsEveryExample() {
        for (EventType type : EventType.values()) {
            EventExamples.json(type).forEach(example -> assertThatCode(() -> validator.assertValid(type.type(),
                    example.toString())).doesNotThrowAnyException());
        }
    }

    @Test
    void producerValidatesTheJavaEventItBuilt() {
        assertThatCode(() -> validator.assertValid(example())).doesNotThrowAnyException();
    }

    @Test
    void javaEventWithValuesTheSchemaForbidsIsCaught() {
        InvoiceIssued example = example();
        InvoiceIssued lowerCaseCurrency = new InvoiceIssued(example.invoiceId(), example.invoiceNumber(),
                example.customerId(), "eur", example.issueDate(), example.dueDate(), example.paymentTerms(),
                example.subtotal(), example.taxTotal(), example.total(), example.lines(), example.poNumber(),
                example.issuedAt());

        assertThat(validator.validate(lowerCaseCurrency).paths()).containsExactly("/currency");
    }

    @Test
    void readValidReturnsTheTypedEvent() {
        ReceivablesEvent event = validator.readValid("invoice-issued", EventJson.write(example()));

        assertThat(event).isInstanceOfSatisfying(InvoiceIssued.class,
                invoice -> assertThat(invoice.total()).isEqualTo(new BigDecimal("120.00")));
    }

    @Test
    void readValidRejectsAMalformedEventBeforeReadingIt() {
        String json = EventJson.write(example()).replace("\"EUR\"", "\"EURO\"");

        assertThatThrownBy(() -> validator.readValid("invoice-issued", json))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("/currency");
    }

    @Test
    void oneValidatorServesManyThreadsAtOnce() throws Exception {
        String valid = EventJson.write(example());
        String invalid = valid.replace("\"EUR\"", "\"XYZ\"");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> results = IntStream.range(0, 400)
                    .mapToObj(i -> pool.submit(() -> validator.validate("invoice-issued", i % 2 == 0 ? valid : invalid)
                            .paths()))
                    .toList();
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get()).isEqualTo(i % 2 == 0 ? List.of() : List.of("/currency"));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static InvoiceIssued example() {
        return new InvoiceIssued(
                UUID.fromString("5d0c3a8e-7b1f-4e2a-8c6d-1f2e3a4b5c6d"),
                "INV-2026-000001",
                UUID.fromString("3f2b8c1a-9d4e-4f6a-8b7c-2d1e0f9a8b7c"),
                "EUR",
                LocalDate.of(2026, 11, 23),
                LocalDate.of(2026, 12, 23),
                PaymentTerms.net(30),
                new BigDecimal("100.00"),
                new BigDecimal("20.00"),
                new BigDecimal("120.00"),
                List.of(new InvoiceLine(1, "Consulting", new BigDecimal("2"), new BigDecimal("50.00"),
                        new BigDecimal("0.20"), new BigDecimal("100.00"), new BigDecimal("20.00"))),
                null,
                Instant.parse("2026-11-23T10:00:00Z"));
    }
}
