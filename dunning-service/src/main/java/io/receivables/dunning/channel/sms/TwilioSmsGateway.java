package io.receivables.dunning.channel.sms;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CompletionException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.receivables.dunning.delivery.DeliveryFailure;
import io.smallrye.mutiny.Uni;

/**
 * The SMS gateway in Twilio's Messages API format, which many providers and test receivers accept:
 * {@code POST {base-url}/2010-04-01/Accounts/{sid}/Messages.json} with the form fields {@code To}, {@code From} and
 * {@code Body} and HTTP basic authentication (account sid, auth token). A 2xx is accepted; 429 and 5xx are transient;
 * any other 4xx is the provider's refusal (a bad number, a blocked recipient) and permanent.
 */
@ApplicationScoped
public class TwilioSmsGateway implements SmsGateway {

    private static final int SHOWN_BODY = 300;

    private final SmsConfig config;
    private final HttpClient client;

    @Inject
    public TwilioSmsGateway(SmsConfig config) {
        this.config = config;
        this.client = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
    }

    @Override
    public Uni<Void> send(String to, String body) {
        if (to == null || to.isBlank()) {
            return Uni.createFrom().failure(DeliveryFailure.permanent("no phone number to send to"));
        }
        String form = "To=" + encode(to) + "&From=" + encode(config.from()) + "&Body=" + encode(body);
        String credentials = Base64.getEncoder()
                .encodeToString((config.accountSid() + ":" + config.authToken()).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(stripSlash(config.baseUrl()) + "/2010-04-01/Accounts/"
                + encode(config.accountSid()) + "/Messages.json")).timeout(config.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + credentials)
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8)).build();
        return Uni.createFrom().completionStage(() -> client.sendAsync(request, HttpResponse.BodyHandlers.ofString()))
                .onFailure().transform(TwilioSmsGateway::unreachable)
                .invoke(TwilioSmsGateway::check).replaceWithVoid();
    }

    private static void check(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        String reason = "SMS provider answered " + status + ": " + shorten(response.body());
        throw status == 429 || status >= 500 ? DeliveryFailure.transientFailure(reason, null)
                : DeliveryFailure.permanent(reason);
    }

    private static Throwable unreachable(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        String what = cause instanceof IOException ? "SMS provider unreachable: " : "SMS failure: ";
        return DeliveryFailure.transientFailure(what + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), cause);
    }

    private static String shorten(String body) {
        String text = body == null ? "" : body.strip();
        return text.length() <= SHOWN_BODY ? text : text.substring(0, SHOWN_BODY) + "…";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
