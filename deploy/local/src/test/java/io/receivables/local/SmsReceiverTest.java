package io.receivables.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The local SMS receiver as a Twilio client uses it: form posts with basic auth, Twilio's answers and errors. */
class SmsReceiverTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private SmsReceiver sms;

    @BeforeEach
    void start() {
        sms = SmsReceiver.start(EmbeddedPostgresServer.HOST, 0, "ACtest", "secret");
    }

    @AfterEach
    void stop() {
        sms.close();
    }

    @Test
    void aMessagePostedAsToTwilioIsQueuedAndListed() throws Exception {
        HttpResponse<String> sent = post("ACtest", "ACtest", "secret",
                "To=" + enc("+4915112345678") + "&From=" + enc("+15550100") + "&Body="
                        + enc("Invoice INV-7 is overdue: 800.00 EUR. Pay to DE89 3704 0044 0532 0130 00 & thanks"));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        JsonNode queued = JSON.readTree(sent.body());
        assertThat(queued.get("sid").asText()).matches("SM[0-9a-f]{32}");
        assertThat(queued.get("status").asText()).isEqualTo("queued");
        assertThat(queued.get("to").asText()).isEqualTo("+4915112345678");

        JsonNode listed = JSON.readTree(get("/messages").body()).get("messages");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("sid").asText()).isEqualTo(queued.get("sid").asText());
        assertThat(listed.get(0).get("from").asText()).isEqualTo("+15550100");
        assertThat(listed.get(0).get("body").asText())
                .isEqualTo("Invoice INV-7 is overdue: 800.00 EUR. Pay to DE89 3704 0044 0532 0130 00 & thanks");
    }

    @Test
    void wrongCredentialsAndMissingFieldsAreRefusedAsTwilioDoesAndNothingIsKept() throws Exception {
        HttpResponse<String> wrongToken = post("ACtest", "ACtest", "guess", "To=%2B1&From=%2B2&Body=x");
        assertThat(wrongToken.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(wrongToken.body()).get("code").asInt()).isEqualTo(20003);
        assertThat(post("ACother", "ACother", "secret", "To=%2B1&From=%2B2&Body=x").statusCode()).isEqualTo(401);
        HttpResponse<String> noAuth = HTTP.send(HttpRequest.newBuilder(messagesUri("ACtest"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("To=%2B1&From=%2B2&Body=x")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(noAuth.statusCode()).isEqualTo(401);

        HttpResponse<String> noTo = post("ACtest", "ACtest", "secret", "From=%2B2&Body=x");
        assertThat(noTo.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(noTo.body()).get("code").asInt()).isEqualTo(21604);
        assertThat(JSON.readTree(post("ACtest", "ACtest", "secret", "To=%2B1&From=%2B2").body()).get("code").asInt())
                .isEqualTo(21602);
        assertThat(JSON.readTree(post("ACtest", "ACtest", "secret", "To=%2B1&Body=x").body()).get("code").asInt())
                .isEqualTo(21603);

        assertThat(JSON.readTree(get("/messages").body()).get("messages")).isEmpty();
    }

    private URI messagesUri(String accountSid) {
        return sms.url().resolve("/2010-04-01/Accounts/" + accountSid + "/Messages.json");
    }

    private HttpResponse<String> post(String pathSid, String user, String password, String form) throws Exception {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return HTTP.send(HttpRequest.newBuilder(messagesUri(pathSid))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(sms.url() + path)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
