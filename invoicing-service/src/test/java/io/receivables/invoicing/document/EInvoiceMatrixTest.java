package io.receivables.invoicing.document;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.contracts.events.LateFeeAssessed;
import io.receivables.invoicing.InTransaction;
import io.receivables.invoicing.balance.consumer.DunningEventsConsumer;
import io.receivables.invoicing.invoice.service.FeeInvoiceService;
import io.receivables.local.testing.LocalInfraTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Issue 18's proof: a generated matrix of invoices and credit notes, pushed through the API as a client would, and every
 * served e-invoice validated with the published rules of its format: Peppol BIS Billing 3.0, EN 16931, XRechnung 3.0.2
 * or Factur-X. Currencies EUR,
 * USD, GBP, SEK, JPY (fractional unit prices included) and KWD; 1 to 20 lines; rates 19/7/20/25/10/5.5/0 %, the zero
 * rate as zero-rated, exempt (E, with VATEX code) or reverse charge (AE, refused at issue for a buyer without VAT id); early
 * payment discounts; partial and full credit notes; fee invoices (exempt, category E); buyers inside and outside the EU, with
 * and without VAT id,
 * Peppol participant, buyer reference and PO number; the three UBL formats, XRechnung in CII and Factur-X (its PDF checked
 * against
 * PDF/A-3b by veraPDF, its embedded CII by phive's EN 16931 CII and ZUGFeRD 2.3.3 EN16931 rules).
 * <p>
 * Zero invalid documents: each is valid, or the API refused it with a 422 naming exactly what the case lacks (which
 * the test predicts from how it generated the case, so a refusal of a complete case fails too). Seeded:
 * {@code -Deinvoice.matrix.seed=...} reproduces a run, {@code -Deinvoice.matrix.invoices=...} sizes it.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "invoicing"))
class EInvoiceMatrixTest {

    private static final long SEED = Long.getLong("einvoice.matrix.seed", 18L);
    private static final int INVOICES = Integer.getInteger("einvoice.matrix.invoices", 400);

    private static final List<String> CURRENCIES = List.of("EUR", "EUR", "EUR", "USD", "GBP", "SEK", "JPY", "JPY");
    private static final List<String> RATES = List.of("0.19", "0.07", "0.20", "0.25", "0.10", "0.055", "0");
    private static final String EXEMPT = "E";
    private static final String REVERSE_CHARGE = "AE";
    private static final List<String> QUANTITIES = List.of("1", "2", "3", "0.5", "7.5", "12", "1.25", "40");
    private static final String FULL_CREDIT = "{\"full\": true, \"reasonCode\": \"GOODWILL\"}";
    private static final List<String> FORMATS = List.of("peppol-bis-3", "en16931-ubl", "xrechnung-3",
            "xrechnung-3-cii", "factur-x");

    /** A buyer: where it is, its VAT id and Peppol participant (either may be absent). */
    private record Buyer(String kind, String country, String taxId, String scheme, String participant) {

        /** Whether a format that routes by electronic address finds one: a participant, or a European VAT id. */
        boolean hasElectronicAddress() {
            return participant != null || (taxId != null && PeppolEndpoints.fromVatId(taxId).isPresent());
        }
    }

    @Inject
    FeeInvoiceService fees;

    @Inject
    Pool pool;

    private final Random random = new Random(SEED);
    private final Map<String, Integer> valid = Collections.synchronizedMap(new TreeMap<>());
    private final Map<String, Integer> refused = new TreeMap<>();
    /** Issued invoices with zero-rated lines, by their treatment: Z, E or AE. */
    private final Map<String, Integer> zeroRated = new TreeMap<>();
    private final List<String> invalid = Collections.synchronizedList(new ArrayList<>());
    /** Validation runs beside the API calls of the next cases: on a shared machine it halves the test's time. */
    private final ExecutorService validation = Executors.newSingleThreadExecutor();
    private final List<Future<?>> validated = new ArrayList<>();
    private int documents;
    /** Served Factur-X documents broken on purpose, so a run shows its validators refuse what they must. */
    private static final int NEGATIVE_CONTROLS = 5;
    private final AtomicInteger controlled = new AtomicInteger();

    @Test
    void everyServedEInvoiceIsValidOrRefusedNamingWhatIsMissing() throws Exception {
        long started = System.nanoTime();
        try {
            for (int i = 0; i < INVOICES; i++) {
                runCase(i);
            }
            for (Future<?> done : validated) {
                done.get(5, TimeUnit.MINUTES);
            }
        } finally {
            validation.shutdownNow();
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        System.out.printf(
                "E-invoice matrix (seed %d): %d documents in %d s; valid %s; refused %s; invalid %d;"
                        + " Factur-X negative controls %d; issued invoices with zero-rated lines %s%n",
                SEED, documents, seconds, valid, refused, invalid.size(), Math.min(controlled.get(), NEGATIVE_CONTROLS),
                zeroRated);
        assertThat(invalid).as("documents served although invalid, or refused wrongly (seed " + SEED + ")").isEmpty();
        assertThat(documents).isGreaterThanOrEqualTo(INVOICES);
        if (INVOICES >= 100) {
            assertThat(zeroRated).as("the matrix has exempt and reverse-charge invoices").containsKeys("E", "AE");
        }
        assertThat(controlled.get()).as("Factur-X documents served valid, the first of them broken on purpose")
                .isGreaterThanOrEqualTo(Math.min(NEGATIVE_CONTROLS, INVOICES / 20));
        assertThat(valid.values().stream().mapToInt(Integer::intValue).sum())
                .as("most cases are complete enough to be served").isGreaterThan(documents / 2);
    }

    private void runCase(int index) {
        String currency = random.nextInt(50) == 0 ? "KWD" : pick(CURRENCIES);
        Buyer buyer = buyer();
        String customerReference = random.nextInt(10) < 4 ? "04011000-" + (10000 + index) + "-06" : null;
        String invoiceReference = random.nextInt(100) < 15 ? "REF-" + index : null;
        String poNumber = random.nextBoolean() ? "PO-" + index : null;
        String preferred = random.nextInt(4) == 0 ? null : pick(FORMATS);
        boolean discount = random.nextInt(3) == 0;

        String customerId = registerCustomer(index, currency, buyer, customerReference, preferred, discount);
        List<String[]> lines = lines(currency);
        Response issued = issue(customerId, poNumber, invoiceReference, lines);
        boolean reverseCharge = lines.stream().anyMatch(line -> REVERSE_CHARGE.equals(line[4]));
        if (reverseCharge && buyer.taxId() == null) {
            // reverse charge needs the buyer's VAT id (BR-AE-02): refused at issue, naming it
            documents++;
            Set<String> named = named(issued);
            if (issued.statusCode() != 422 || !named.equals(Set.of("missing-billing-data", "taxId"))) {
                invalid.add("invoice " + index + " (reverse charge, buyer without VAT id) answered "
                        + issued.statusCode() + ": " + issued.asString());
            }
            refused.merge("issue " + named, 1, Integer::sum);
            return;
        }
        assertThat(issued.statusCode()).as("issuing case %d: %s", index, issued.asString()).isEqualTo(201);
        lines.stream().filter(line -> line[3].equals("0")).findFirst()
                .ifPresent(line -> zeroRated.merge(line[4] == null ? "Z" : line[4], 1, Integer::sum));
        JsonPath invoice = issued.jsonPath();
        String invoiceId = invoice.getString("id");

        String format = preferred == null ? "peppol-bis-3" : preferred;
        Response served = given().when().get("/invoices/" + invoiceId + "/einvoice");
        check("invoice " + index, served, false, format, expected(format, currency, buyer, customerReference,
                invoiceReference, poNumber));

        if (random.nextInt(12) == 0) {
            feeInvoice(index, invoice, currency, buyer, customerReference, poNumber);
        }

        int credits = random.nextInt(10);
        if (credits < 4) {
            // full; partial; partial, then the rest in full (one line per rate of what is left)
            List<String> bodies = switch (credits % 3) {
                case 0 -> List.of(FULL_CREDIT);
                case 1 -> List.of(partialCredit(lines));
                default -> List.of(partialCredit(lines), FULL_CREDIT);
            };
            String etag = issued.header("ETag");
            for (String body : bodies) {
                Response credited = given().contentType(ContentType.JSON).header("If-Match", etag).body(body)
                        .when().post("/invoices/" + invoiceId + "/credit-notes");
                assertThat(credited.statusCode()).as("crediting case %d: %s", index, credited.asString())
                        .isEqualTo(201);
                etag = given().when().get("/invoices/" + invoiceId).then().statusCode(200).extract().header("ETag");
                String creditFormat = pick(FORMATS);
                Response note = given().queryParam("format", creditFormat).when()
                        .get("/credit-notes/" + credited.jsonPath().getString("id") + "/einvoice");
                check("credit note " + index, note, true, creditFormat, expected(creditFormat, currency, buyer,
                        customerReference, invoiceReference, poNumber));
            }
        }
    }

    /**
     * A late fee on the invoice, billed as the dunning consumer bills it: a fee invoice whose one line is exempt (VAT
     * category E, with its reason), carrying the overdue invoice's PO number.
     */
    private void feeInvoice(int index, JsonPath overdue, String currency, Buyer buyer, String customerReference,
            String poNumber) {
        BigDecimal amount = new BigDecimal("40").setScale(io.receivables.common.money.Currencies.minorUnits(currency));
        LocalDate assessed = LocalDate.parse(overdue.getString("dueDate")).plusDays(10);
        LateFeeAssessed event = new LateFeeAssessed(UUID.randomUUID(),
                UUID.fromString(overdue.getString("customerId")), UUID.fromString(overdue.getString("id")), currency,
                amount, LateFeeAssessed.Kind.FIXED_FEE, null, 10, assessed, Instant.parse("2026-12-01T02:00:00Z"));
        InTransaction.run(() -> fees.issueForLateFee(DunningEventsConsumer.ACTOR, event));
        String feeInvoiceId = pool.preparedQuery("SELECT id::text AS id FROM invoice WHERE late_fee_id = $1")
                .execute(Tuple.of(event.lateFeeId())).await().indefinitely().iterator().next().getString("id");
        String format = pick(FORMATS);
        Response served = given().queryParam("format", format).when().get("/invoices/" + feeInvoiceId + "/einvoice");
        check("fee invoice " + index, served, false, format,
                expected(format, currency, buyer, customerReference, null, poNumber));
    }

    /**
     * What the API must refuse the case for: the problem type's slug and the fields it names; empty when the
     * document must be served.
     */
    private static Set<String> expected(String format, String currency, Buyer buyer, String customerReference,
            String invoiceReference, String poNumber) {
        if (currency.equals("KWD")) {
            return Set.of("currency-not-supported-by-format", "currency");
        }
        Set<String> missing = new TreeSet<>();
        boolean xRechnung = format.startsWith("xrechnung-3");
        if ((format.equals("peppol-bis-3") || xRechnung) && !buyer.hasElectronicAddress()) {
            missing.add("peppolParticipant");
        }
        boolean reference = customerReference != null || invoiceReference != null;
        if (xRechnung ? !reference : !reference && poNumber == null) {
            missing.add("buyerReference");
        }
        if (!missing.isEmpty()) {
            missing.add("missing-billing-data");
        }
        return missing;
    }

    private void check(String what, Response served, boolean creditNote, String format, Set<String> expectedRefusal) {
        documents++;
        if (served.statusCode() == 422) {
            Set<String> named = named(served);
            if (!named.equals(expectedRefusal)) {
                invalid.add(what + " (" + format + ") refused for " + named + ", expected " + expectedRefusal);
            }
            refused.merge(format + " " + named, 1, Integer::sum);
            return;
        }
        if (served.statusCode() != 200) {
            invalid.add(what + " (" + format + ") answered " + served.statusCode() + ": " + served.asString());
            return;
        }
        if (!expectedRefusal.isEmpty()) {
            invalid.add(what + " (" + format + ") served although it lacks " + expectedRefusal);
        }
        byte[] document = served.asByteArray();
        String expectedType = format.equals("factur-x") ? "application/pdf" : "application/xml";
        if (!served.contentType().startsWith(expectedType)) {
            invalid.add(what + " (" + format + ") served as " + served.contentType());
            return;
        }
        validated.add(validation.submit(() -> validate(what, document, creditNote, format)));
    }

    private void validate(String what, byte[] document, boolean creditNote, String format) {
        if (format.equals("factur-x")) {
            // veraPDF (PDF/A-3b) on the PDF, phive (EN 16931 CII, ZUGFeRD 2.3.3 EN16931) on its factur-x.xml
            List<String> errors = FacturXValidators.errors(document);
            record(what, format, "veraPDF + phive CII", errors);
            if (errors.isEmpty() && controlled.incrementAndGet() <= NEGATIVE_CONTROLS) {
                FacturXValidators.controlsThatDidNotBite(document)
                        .forEach(silent -> invalid.add(what + " (negative control): " + silent));
            }
            return;
        }
        PhiveValidators validator = switch (format) {
            case "peppol-bis-3" -> creditNote ? PhiveValidators.PEPPOL_CREDIT_NOTE : PhiveValidators.PEPPOL_INVOICE;
            case "xrechnung-3" -> creditNote ? PhiveValidators.XRECHNUNG_CREDIT_NOTE
                    : PhiveValidators.XRECHNUNG_INVOICE;
            case "xrechnung-3-cii" -> PhiveValidators.XRECHNUNG_CII;
            default -> creditNote ? PhiveValidators.EN16931_CREDIT_NOTE : PhiveValidators.EN16931_INVOICE;
        };
        record(what, format, validator.name(), validator.errors(document));
    }

    private void record(String what, String format, String validator, List<String> errors) {
        if (errors.isEmpty()) {
            valid.merge(format + " " + what.replaceAll(" [0-9]+$", ""), 1, Integer::sum);
        } else {
            invalid.add(what + " (" + format + ", " + validator + "): " + errors);
        }
    }

    /** The fields a problem names, with its type's slug. */
    private static Set<String> named(Response problem) {
        Set<String> named = new TreeSet<>();
        if (problem.contentType().startsWith("application/problem+json")) {
            JsonPath json = problem.jsonPath();
            named.addAll(json.getList("errors.field", String.class));
            named.add(json.getString("type").substring(json.getString("type").lastIndexOf('/') + 1));
        }
        return named;
    }

    private Buyer buyer() {
        return switch (random.nextInt(9)) {
            case 0 -> new Buyer("DE with VAT id", "DE", "DE" + digits(9), null, null);
            case 1 -> new Buyer("FR with VAT id", "FR", "FR" + digits(11), null, null);
            case 2 -> new Buyer("AT with VAT id", "AT", "ATU" + digits(8), null, null);
            case 3 -> new Buyer("BE with enterprise number", "BE", null, "0208", belgianEnterprise());
            case 4 -> new Buyer("NO, participant only", "NO", null, "0192", norwegianOrganisation());
            case 5 -> new Buyer("DE, GLN only", "DE", null, "0088", gln());
            case 6 -> new Buyer("GB with VAT id", "GB", "GB" + digits(9), null, null);
            case 7 -> new Buyer("US without VAT id", "US", null, null, null);
            default -> new Buyer("CH without VAT id", "CH", null, null, null);
        };
    }

    /**
     * 1 to 20 lines at the rates above. The zero-rated lines of an invoice share one treatment (as the API requires):
     * zero-rated (Z), exempt with reason and VATEX code (E) or reverse charge (AE), so that the matrix has all three.
     */
    private List<String[]> lines(String currency) {
        int count = 1 + random.nextInt(20);
        String zeroRate = switch (random.nextInt(4)) {
            case 0 -> EXEMPT;
            case 1 -> REVERSE_CHARGE;
            default -> null;
        };
        List<String[]> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String rate = pick(RATES);
            lines.add(new String[] { "Item " + (i + 1), pick(QUANTITIES), price(currency), rate,
                    rate.equals("0") ? zeroRate : null });
        }
        return lines;
    }

    /** Prices with the currency's decimals, sometimes finer (a fraction of a yen, 0.125 EUR per unit). */
    private String price(String currency) {
        int decimals = switch (currency) {
            case "JPY" -> random.nextInt(3) == 0 ? 2 : 0;
            case "KWD" -> 3;
            default -> random.nextInt(8) == 0 ? 3 : 2;
        };
        BigDecimal price = BigDecimal.valueOf(100 + random.nextInt(500_000)).movePointLeft(2)
                .multiply(currency.equals("JPY") ? BigDecimal.valueOf(100) : BigDecimal.ONE);
        return price.add(BigDecimal.valueOf(random.nextInt(1000)).movePointLeft(3))
                .setScale(decimals, RoundingMode.DOWN).toPlainString();
    }

    /** One line crediting part of the first line's amount, at its rate. */
    private String partialCredit(List<String[]> lines) {
        String[] first = lines.get(0);
        BigDecimal price = new BigDecimal(first[2]).divide(BigDecimal.valueOf(4), new BigDecimal(first[2]).scale(),
                RoundingMode.DOWN);
        return """
                {"reasonCode": "PRICING_ERROR", "lines": [{"description": "Price correction", "quantity": "%s",
                 "unitPrice": "%s", "taxRate": "%s"}]}""".formatted(first[1], price.toPlainString(), first[3]);
    }

    private String registerCustomer(int index, String currency, Buyer buyer, String buyerReference, String format,
            boolean discount) {
        StringBuilder body = new StringBuilder("""
                {"legalName": "Matrix buyer %d (%s)", "currency": "%s",
                 "paymentTerms": {"type": "NET", "days": 30%s},
                 "billingEmail": "ap%d@buyer.example",
                 "billingAddress": {"line1": "Main street %d", "city": "Town", "postalCode": "%s", "country": "%s"}"""
                .formatted(index, buyer.kind(), currency,
                        discount ? ", \"discountDays\": 10, \"discountRate\": \"0.02\"" : "", index, index,
                        10000 + index, buyer.country()));
        if (buyer.taxId() != null) {
            body.append(", \"taxId\": \"").append(buyer.taxId()).append('"');
        }
        if (buyer.participant() != null) {
            body.append(", \"peppolParticipant\": {\"scheme\": \"").append(buyer.scheme())
                    .append("\", \"value\": \"").append(buyer.participant()).append("\"}");
        }
        if (buyerReference != null) {
            body.append(", \"buyerReference\": \"").append(buyerReference).append('"');
        }
        if (format != null) {
            body.append(", \"einvoiceFormat\": \"").append(format).append('"');
        }
        body.append('}');
        Response response = given().contentType(ContentType.JSON).body(body.toString()).when().post("/customers");
        assertThat(response.statusCode()).as("registering %s: %s", body, response.asString()).isEqualTo(201);
        return response.jsonPath().getString("id");
    }

    private static Response issue(String customerId, String poNumber, String buyerReference, List<String[]> lines) {
        StringBuilder body = new StringBuilder("{\"customerId\": \"" + customerId + "\"");
        if (poNumber != null) {
            body.append(", \"poNumber\": \"").append(poNumber).append('"');
        }
        if (buyerReference != null) {
            body.append(", \"buyerReference\": \"").append(buyerReference).append('"');
        }
        body.append(", \"lines\": [");
        for (int i = 0; i < lines.size(); i++) {
            String[] line = lines.get(i);
            String exemption = line[4] == null ? ""
                    : line[4].equals(REVERSE_CHARGE) ? ", \"vatExemption\": {\"category\": \"AE\"}"
                            : ", \"vatExemption\": {\"category\": \"E\", \"reasonCode\": \"VATEX-EU-132\","
                                    + " \"reason\": \"Exempt under Article 132 of Directive 2006/112/EC\"}";
            body.append(i == 0 ? "" : ", ").append("""
                    {"description": "%s", "quantity": "%s", "unitPrice": "%s", "taxRate": "%s"%s}"""
                    .formatted(line[0], line[1], line[2], line[3], exemption));
        }
        body.append("]}");
        return given().contentType(ContentType.JSON).body(body.toString()).when().post("/invoices");
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private String digits(int count) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < count; i++) {
            digits.append(random.nextInt(10));
        }
        return digits.toString();
    }

    private String gln() {
        String body = "40" + digits(10);
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (body.charAt(11 - i) - '0') * (i % 2 == 0 ? 3 : 1);
        }
        return body + (10 - sum % 10) % 10;
    }

    private String norwegianOrganisation() {
        while (true) {
            String candidate = "9" + digits(8);
            if (PeppolParticipants.norwegianOrganisation(candidate)) {
                return candidate;
            }
            candidate = candidate.substring(0, 8);
            for (int check = 0; check < 10; check++) {
                if (PeppolParticipants.norwegianOrganisation(candidate + check)) {
                    return candidate + check;
                }
            }
        }
    }

    private String belgianEnterprise() {
        long base = 10_000_000L + random.nextInt(89_999_999);
        return String.valueOf(base) + String.format("%02d", 97 - base % 97);
    }
}
