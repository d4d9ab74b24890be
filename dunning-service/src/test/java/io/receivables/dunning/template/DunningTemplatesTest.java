package io.receivables.dunning.template;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.receivables.dunning.template.service.Templates;
import io.receivables.local.testing.LocalInfraTestResource;
import io.restassured.path.json.JsonPath;

/**
 * The shipped templates in three languages and the fallback to English, escaping in the HTML part, customisation
 * (compiled and checked on save, taking precedence over the file) and the preview.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "dunning"))
class DunningTemplatesTest {

    @Inject
    Templates templates;

    @Inject
    BankDetails bank;

    @Test
    void theEmailIsWrittenInTheCustomersLanguageWithItsFormats() {
        JsonPath en = preview("reminder-1", "EMAIL", "en", null);
        assertThat(en.getString("language")).isEqualTo("en");
        assertThat(en.getString("parts.subject")).isEqualTo("Payment reminder: 2 open invoice(s), 2,050.00 EUR");
        assertThat(en.getString("parts.text")).contains("Dear Muster & Söhne GmbH,").contains("INV-2026-000137")
                .contains("Disputed: 200.00 EUR").contains("Reminder fees: 5.00 EUR")
                .contains("Statutory interest: 12.34 EUR").contains("Total to pay: 2,067.34 EUR")
                .contains("RF18539007547034").contains("DE89370400440532013000").contains("Feb 14, 2026");

        JsonPath de = preview("reminder-1", "EMAIL", "de", null);
        assertThat(de.getString("language")).isEqualTo("de");
        assertThat(de.getString("parts.subject")).isEqualTo("Zahlungserinnerung: 2 offene Rechnung(en), 2.050,00 EUR");
        assertThat(de.getString("parts.text")).contains("Guten Tag Muster & Söhne GmbH,").contains("Zu zahlen: 2.067,34 EUR")
                .contains("Verzugszinsen: 12,34 EUR").contains("14.02.2026");
        assertThat(de.getString("parts.html")).contains("<html lang=\"de\">").contains("Bestritten");

        JsonPath fr = preview("final-notice", "EMAIL", "fr", null);
        assertThat(fr.getString("language")).isEqualTo("fr");
        assertThat(fr.getString("parts.subject")).startsWith("Mise en demeure avant recouvrement");
        assertThat(fr.getString("parts.text")).contains("Bonjour Muster & Söhne GmbH,").contains("Intérêts de retard");
    }

    @Test
    void aLanguageWithoutTemplatesFallsBackToEnglishAndARegionUsesItsLanguage() {
        JsonPath italian = preview("reminder-2", "EMAIL", "it", null);
        assertThat(italian.getString("requestedLanguage")).isEqualTo("it");
        assertThat(italian.getString("language")).isEqualTo("en");
        assertThat(italian.getString("parts.subject")).startsWith("Second reminder");

        JsonPath swiss = preview("reminder-2", "SMS", "de-CH", null);
        assertThat(swiss.getString("language")).isEqualTo("de");
        assertThat(swiss.getString("parts.text")).startsWith("2. Mahnung");
    }

    @ParameterizedTest
    @EnumSource(Channel.class)
    void everyShippedKeyRendersOnEveryChannelInEveryLanguage(Channel channel) {
        for (String key : ShippedTemplates.KEYS) {
            for (String language : ShippedTemplates.LANGUAGES) {
                JsonPath rendered = preview(key, channel.name(), language, null);
                assertThat(rendered.getString("language")).isEqualTo(language);
                for (TemplatePart part : channel.parts()) {
                    assertThat(rendered.getString("parts." + part.field())).as("%s %s %s %s", key, channel,
                            language, part).isNotBlank().doesNotContain("{customer", "{inv", "{totals", "{payment", "{#", "{/")
                            .contains(part == TemplatePart.SUBJECT
                                    ? "EUR"
                                    : "RF18539007547034");
                }
            }
        }
    }

    @Test
    void aCustomersNameIsEscapedInTheHtmlPartOnly() {
        String name = "<script>alert('x')</script> & Co";
        JsonPath rendered = preview("reminder-1", "EMAIL", "en", name);
        assertThat(rendered.getString("parts.html")).doesNotContain("<script>")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Co");
        assertThat(rendered.getString("parts.text")).contains("Dear " + name + ",");
    }

    @Test
    void aCustomisedTemplateIsCheckedEscapedAndTakesPrecedence() {
        String html = "<p>Hello {customer.name}</p>\n{#for inv in invoices}<li>{inv.number}: {inv.dueAmount}</li>{/for}";
        String body = """
                {"channel": "EMAIL", "language": "fr", "parts": {"subject": "Relance {totals.payable}",
                 "text": "Bonjour {customer.name}", "html": "%s"}}""".formatted(html.replace("\n", "\\n"));
        given().contentType("application/json").body(body).when().put("/templates/reminder-2").then()
                .statusCode(200).header("ETag", "\"1\"").body("customised", equalTo(true));

        JsonPath rendered = preview("reminder-2", "EMAIL", "fr", "<b>Big</b>");
        assertThat(rendered.getBoolean("customised")).isTrue();
        // French groups thousands with a narrow no-break space
        assertThat(rendered.getString("parts.subject")).isEqualTo("Relance 2" + (char) 0x202F + "067,34 EUR");
        assertThat(rendered.getString("parts.html")).contains("<p>Hello &lt;b&gt;Big&lt;/b&gt;</p>")
                .contains("<li>INV-2026-000137: 800,00 EUR</li>");
        // other languages of the key are still the shipped files
        assertThat(preview("reminder-2", "EMAIL", "de", null).getBoolean("customised")).isFalse();

        given().when().get("/templates").then().statusCode(200)
                .body("items.find { it.key == 'reminder-2' }.channels.EMAIL.fr", equalTo(true))
                .body("items.find { it.key == 'reminder-2' }.channels.EMAIL.de", equalTo(false));
        given().queryParam("channel", "EMAIL").queryParam("language", "fr").when().get("/templates/reminder-2")
                .then().statusCode(200).header("ETag", "\"1\"").body("parts.text", equalTo("Bonjour {customer.name}"));

        // a change needs the version it was read at
        given().contentType("application/json").body(body).when().put("/templates/reminder-2").then()
                .statusCode(428);
        given().contentType("application/json").header("If-Match", "\"7\"").body(body).when()
                .put("/templates/reminder-2").then().statusCode(412);
        given().contentType("application/json").header("If-Match", "\"1\"").body(body).when()
                .put("/templates/reminder-2").then().statusCode(200).header("ETag", "\"2\"");

        // removed, the shipped file is in force again
        given().queryParam("channel", "EMAIL").queryParam("language", "fr").header("If-Match", "\"1\"").when()
                .delete("/templates/reminder-2").then().statusCode(412);
        given().queryParam("channel", "EMAIL").queryParam("language", "fr").header("If-Match", "\"2\"").when()
                .delete("/templates/reminder-2").then().statusCode(204);
        JsonPath shipped = preview("reminder-2", "EMAIL", "fr", null);
        assertThat(shipped.getBoolean("customised")).isFalse();
        assertThat(shipped.getString("parts.subject")).startsWith("Deuxième relance");
    }

    @Test
    void aNewKeysEnglishTemplateStaysWhileItsOtherLanguagesFallBackToItOnceRemoved() {
        String key = "courtesy-" + UUID.randomUUID().toString().substring(0, 8);
        for (String language : List.of("en", "de")) {
            given().contentType("application/json").body("{\"channel\": \"SMS\", \"language\": \"" + language
                    + "\", \"parts\": {\"text\": \"" + language + ": {totals.payable}\"}}").when()
                    .put("/templates/" + key).then().statusCode(200);
        }
        assertThat(preview(key, "SMS", "de", null).getString("parts.text")).startsWith("de: ");
        given().queryParam("channel", "SMS").queryParam("language", "de").header("If-Match", "\"1\"").when()
                .delete("/templates/" + key).then().statusCode(204);
        JsonPath fallback = preview(key, "SMS", "de", null);
        assertThat(fallback.getString("language")).isEqualTo("en");
        assertThat(fallback.getString("parts.text")).startsWith("en: ");
        given().queryParam("channel", "SMS").queryParam("language", "en").header("If-Match", "\"1\"").when()
                .delete("/templates/" + key).then().statusCode(409)
                .body("type", equalTo("https://receivables.io/problems/conflict"));
    }

    @Test
    void ofTwoFirstCustomisationsAtOnceOneIsStoredAndTheOtherIsRefused() throws Exception {
        String key = "race-" + UUID.randomUUID().toString().substring(0, 8);
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (String text : List.of("First {totals.payable}", "Second {totals.payable}")) {
                results.add(pool.submit(() -> {
                    start.await();
                    return given().contentType("application/json").body("{\"channel\": \"SMS\", \"language\":"
                            + " \"en\", \"parts\": {\"text\": \"" + text + "\"}}").when().put("/templates/" + key)
                            .statusCode();
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            // the loser finds the winner's row uncommitted (its insert does nothing: 412) or committed (it is a change
            // now, which needs If-Match: 428); either way it overwrites nothing
            assertThat(statuses).containsOnlyOnce(200).hasSize(2);
            assertThat(statuses.stream().filter(status -> status != 200).findFirst().orElseThrow()).isIn(412, 428);
        } finally {
            pool.shutdownNow();
        }
        given().queryParam("channel", "SMS").when().get("/templates/" + key).then().statusCode(200)
                .header("ETag", "\"1\"");
    }

    @Test
    void aTemplateThatDoesNotCompileIsRefusedNamingThePartAndLine() {
        String key = "broken-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType("application/json").body("""
                {"channel": "EMAIL", "language": "en", "parts": {"subject": "Hi {customer.name}",
                 "text": "fine", "html": "<p>one</p>\\n<p>{#if totals.hasFees}fees</p>"}}""").when()
                .put("/templates/" + key).then().statusCode(422)
                .body("type", equalTo("https://receivables.io/problems/template-invalid"))
                .body("errors.field", equalTo(List.of("parts.html")))
                .body("errors[0].message", startsWith("line 2"));
        given().contentType("application/json").body("""
                {"channel": "SMS", "language": "en", "parts": {"text": "Pay\\n{totals.payable} for {customer.nickname}"}}""")
                .when().put("/templates/" + key).then().statusCode(422)
                .body("type", equalTo("https://receivables.io/problems/template-invalid"))
                .body("errors.field", hasItem("parts.text")).body("errors[0].message", startsWith("line 2"));
        given().contentType("application/json").body("""
                {"channel": "SMS", "language": "en", "parts": {"text": "Pay {amount}"}}""").when()
                .put("/templates/" + key).then().statusCode(422).body("errors.field", hasItem("parts.text"));
        given().when().get("/templates").then().statusCode(200)
                .body("items.key", org.hamcrest.Matchers.not(hasItem(key)));
    }

    @Test
    void theRunRendersThroughTheServiceWithItsOwnFacts() throws Throwable {
        MessageFacts facts = new MessageFacts("ACME Ltd", "JPY", List.of(new MessageFacts.Invoice("INV-1",
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31), new BigDecimal("15000"), BigDecimal.ZERO)),
                null, null, "RF471234");
        Templates.Rendered rendered = VertxContextSupport.subscribeAndAwait(() -> templates.render("reminder-1",
                Channel.LETTER, "en", facts.model("en", LocalDate.of(2026, 2, 10), bank)));
        assertThat(rendered.parts().get("text")).contains("ACME Ltd").contains("Days overdue: 10")
                .contains("Total to pay: 15,000 JPY").contains("RF471234")
                .doesNotContain("Reminder fees").doesNotContain("Statutory interest").doesNotContain("Disputed");
    }

    private static JsonPath preview(String key, String channel, String language, String name) {
        String body = "{\"channel\": \"" + channel + "\", \"language\": \"" + language + "\""
                + (name == null ? "" : ", \"customerName\": \"" + name.replace("\"", "\\\"") + "\"") + "}";
        return given().contentType("application/json").body(body).when().post("/templates/" + key + "/preview")
                .then().statusCode(200).extract().jsonPath();
    }

}
