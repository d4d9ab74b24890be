package io.receivables.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The dunning service's public API as the tests drive it: the default policy, and runs started with
 * {@code POST /dunning-runs} and polled until they are {@code COMPLETED} (docs/dunning.md).
 */
public final class DunningRuns {

    private final ApiClient api;

    public DunningRuns(ApiClient api) {
        this.api = api;
    }

    /**
     * Creates a policy of one step, a day after the due date, by e-mail with template {@code reminder-1} and no minimum,
     * and makes it the default one; returns its id.
     */
    public String defaultPolicyOfOneEmailStep(URI dunning, String currency) {
        JsonNode policy = api.created(dunning + "/dunning-policies", """
                {"name": "E2E one reminder %s", "currency": "%s", "steps": [
                  {"offsetDays": 1, "channels": [{"channel": "EMAIL", "templateKey": "reminder-1"}],
                   "minimumOverdue": "0"}]}""".formatted(UUID.randomUUID(), currency),
                "Idempotency-Key", UUID.randomUUID().toString());
        String id = policy.get("id").asText();
        ApiClient.Reply assigned = api.put(dunning + "/dunning-policies/assignments/default",
                "{\"policyId\": \"" + id + "\"}");
        assertThat(assigned.status()).as("%s", assigned.body()).isBetween(200, 204);
        return id;
    }

    /** {@code POST /dunning-runs} for {@code asOf}: 202 with the run's Location; returns the run's id. */
    public String start(URI dunning, LocalDate asOf) {
        ApiClient.Reply accepted = api.post(dunning + "/dunning-runs", "{\"asOf\": \"" + asOf + "\"}",
                "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(accepted.status()).as("%s", accepted.body()).isEqualTo(202);
        String id = accepted.body().get("id").asText();
        assertThat(accepted.header("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/dunning-runs/" + id));
        assertThat(accepted.body().get("asOf").asText()).isEqualTo(asOf.toString());
        return id;
    }

    /** Polls {@code GET /dunning-runs/{id}} (on any replica) until COMPLETED; FAILED fails at once. Returns the run. */
    public JsonNode awaitCompleted(URI dunning, String runId, Duration within) {
        AtomicReference<JsonNode> run = new AtomicReference<>();
        await().atMost(within).pollInterval(Duration.ofMillis(500)).until(() -> {
            ApiClient.Reply reply = api.get(dunning + "/dunning-runs/" + runId);
            assertThat(reply.status()).as("%s", reply.body()).isEqualTo(200);
            String status = reply.body().get("status").asText();
            if (status.equals("FAILED")) {
                throw new AssertionError("dunning run " + runId + " FAILED: " + reply.body());
            }
            run.set(reply.body());
            return status.equals("COMPLETED");
        });
        return run.get();
    }
}
