package io.receivables.contracts.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.receivables.contracts.json.EventJson;
import io.receivables.contracts.validation.EventValidator;

/**
 * invoice-voided's business date is an optional field added to v1: an event that carries it keeps it, one published
 * before it existed still validates, and both give consumers the date from which the invoice is void.
 */
class InvoiceVoidedEffectiveDateTest {

    private static final String OLD_EVENT = """
            {"invoiceId": "5d0c3a8e-7b1f-4e2a-8c6d-1f2e3a4b5c6d", "invoiceNumber": "INV-2026-000001",
             "customerId": "3f2b8c1a-9d4e-4f6a-8b7c-2d1e0f9a8b7c", "currency": "EUR", "total": "120.00",
             "reasonCode": "DUPLICATE", "voidedAt": "2026-11-24T23:59:59Z"}""";

    @Test
    void anEventWithoutTheDateStillValidatesAndIsVoidFromTheDayItWasEntered() {
        InvoiceVoided voided = (InvoiceVoided) EventValidator.shared().readValid("invoice-voided", OLD_EVENT);

        assertThat(voided.effectiveDate()).isNull();
        assertThat(voided.effectiveOn()).isEqualTo(LocalDate.parse("2026-11-24"));
        assertThat(EventJson.write(voided)).doesNotContain("effectiveDate");
    }

    @Test
    void anEventWithTheDateIsVoidFromThatDate() {
        String dated = OLD_EVENT.replace("}", ", \"effectiveDate\": \"2026-10-31\"}");

        InvoiceVoided voided = (InvoiceVoided) EventValidator.shared().readValid("invoice-voided", dated);

        assertThat(voided.effectiveOn()).isEqualTo(LocalDate.parse("2026-10-31"));
        assertThat(EventValidator.shared().validate("invoice-voided", EventJson.write(voided)).isValid()).isTrue();
    }

    @Test
    void aDateThatIsNoDateIsRejected() {
        String bad = OLD_EVENT.replace("}", ", \"effectiveDate\": \"2026-02-30\"}");

        assertThat(EventValidator.shared().validate("invoice-voided", bad).isValid()).isFalse();
    }
}
