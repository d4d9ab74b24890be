package io.receivables.contracts.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.receivables.contracts.TestResources;
import io.receivables.contracts.events.EventType;
import io.receivables.contracts.json.EventJson;

/**
 * Each file in src/test/resources/malformed is a valid example with exactly one defect. The validator must reject it
 * at exactly the defect's path, for the expected reason, and nowhere else.
 */
class MalformedEventsTest {

    private final EventValidator validator = EventValidator.shared();

    static Stream<Arguments> malformedEvents() {
        return Stream.of(
                arguments("invoice-issued-missing-customer-id.json", "invoice-issued", "/customerId", "required"),
                arguments("invoice-issued-total-as-number.json", "invoice-issued", "/total", "type"),
                arguments("invoice-issued-total-in-exponent-notation.json", "invoice-issued", "/total", "pattern"),
                arguments("invoice-issued-currency-euro.json", "invoice-issued", "/currency", "enum"),
                arguments("invoice-issued-currency-lower-case.json", "invoice-issued", "/currency", "enum"),
                arguments("invoice-issued-currency-unknown.json", "invoice-issued", "/currency", "enum"),
                arguments("invoice-issued-issue-date-month-13.json", "invoice-issued", "/issueDate", "format"),
                arguments("invoice-issued-due-date-february-30.json", "invoice-issued", "/dueDate", "format"),
                arguments("invoice-issued-unknown-field.json", "invoice-issued", "/discount", "additionalProperties"),
                arguments("invoice-issued-issued-at-not-utc.json", "invoice-issued", "/issuedAt", "pattern"),
                arguments("invoice-issued-line-quantity-as-number.json", "invoice-issued", "/lines/0/quantity", "type"),
                arguments("invoice-issued-line-tax-rate-above-one.json", "invoice-issued", "/lines/0/taxRate", "pattern"),
                arguments("invoice-issued-without-lines.json", "invoice-issued", "/lines", "minItems"),
                arguments("invoice-issued-unknown-payment-terms-type.json", "invoice-issued", "/paymentTerms/type", "enum"),
                arguments("invoice-issued-upper-case-uuid.json", "invoice-issued", "/invoiceId", "pattern"),
                arguments("payment-received-allocation-without-amount.json", "payment-received", "/allocations/0/amount",
                        "required"),
                arguments("payment-received-negative-allocation.json", "payment-received", "/allocations/0/amount",
                        "pattern"),
                arguments("customer-registered-missing-legal-name.json", "customer-registered", "/legalName", "required"),
                arguments("customer-registered-bad-billing-email.json", "customer-registered", "/billingEmail", "pattern"),
                arguments("customer-registered-credit-limit-as-number.json", "customer-registered", "/creditLimit",
                        "type"),
                arguments("dispute-resolved-company-favour-with-credit.json", "dispute-resolved", "/creditedAmount",
                        "pattern"),
                arguments("dispute-resolved-partial-without-credit.json", "dispute-resolved", "/creditedAmount",
                        "pattern"),
                arguments("late-fee-assessed-interest-without-rate.json", "late-fee-assessed", "/annualInterestRate",
                        "required"));
    }

    @ParameterizedTest(name = "{0} is rejected at {2} ({3})")
    @MethodSource("malformedEvents")
    void malformedEventIsRejectedAtTheDefectsPathOnly(String fixture, String type, String path, String keyword) {
        ValidationResult result = validator.validate(type, TestResources.json("malformed/" + fixture));

        assertThat(result.isValid()).as("%s must be invalid", fixture).isFalse();
        assertThat(result.paths()).as(result.describe()).containsExactly(path);
        assertThat(result.violations()).extracting(Violation::keyword).as(result.describe()).contains(keyword);
    }

    @Test
    void everyMalformedFixtureHasAnExpectation() {
        List<String> covered = malformedEvents().map(arguments -> (String) arguments.get()[0]).toList();

        assertThat(TestResources.fileNames("malformed")).containsExactlyInAnyOrderElementsOf(covered);
    }

    @Test
    void impossibleCalendarDateIsCaughtByTheAssertedDateFormatNotOnlyThePattern() {
        // 2026-02-30 matches the date pattern; only an asserted "format": "date" rejects it.
        ValidationResult result = validator.validate("invoice-issued",
                TestResources.json("malformed/invoice-issued-due-date-february-30.json"));

        assertThat(result.violations()).extracting(Violation::keyword).containsExactly("format");
    }

    @Test
    void monthThirteenBreaksBothPatternAndFormat() {
        ValidationResult result = validator.validate("invoice-issued",
                TestResources.json("malformed/invoice-issued-issue-date-month-13.json"));

        assertThat(result.violations()).extracting(Violation::keyword).containsExactlyInAnyOrder("format", "pattern");
    }

    @Test
    void violationQuotesTheRejectedValueAsSentAndSummarisesTheCurrencyList() {
        ValidationResult badCurrency = validator.validate("invoice-issued",
                TestResources.text("malformed/invoice-issued-currency-euro.json"));
        ValidationResult numberTotal = validator.validate("invoice-issued",
                TestResources.text("malformed/invoice-issued-total-as-number.json"));

        assertThat(badCurrency.violations().get(0).message()).startsWith("\"EURO\": ").contains("values the schema allows")
                .doesNotContain("AED");
        assertThat(numberTotal.violations().get(0).message()).startsWith("120.0: ");
    }

    @ParameterizedTest
    @ValueSource(strings = { "invoice-issued-total-as-number.json", "invoice-issued-line-quantity-as-number.json",
            "invoice-issued-total-in-exponent-notation.json" })
    void javaTypeRefusesMoneyThatIsNotAPlainDecimalString(String fixture) {
        String json = TestResources.text("malformed/" + fixture);

        assertThatThrownBy(() -> EventJson.read(EventType.INVOICE_ISSUED, json))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("plain");
    }

    @ParameterizedTest
    @ValueSource(strings = { "invoice-issued-missing-customer-id.json", "invoice-issued-unknown-field.json" })
    void javaTypeRefusesMissingAndUnknownFields(String fixture) {
        String json = TestResources.text("malformed/" + fixture);

        assertThatThrownBy(() -> EventJson.read(EventType.INVOICE_ISSUED, json))
                .isInstanceOf(UncheckedIOException.class);
    }
}
