package io.receivables.invoicing.idempotency;

import static io.receivables.invoicing.idempotency.IdempotencyFixtures.customerBody;
import static io.receivables.invoicing.idempotency.IdempotencyFixtures.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.common.idempotency.IdempotencyCleanup;
import io.receivables.invoicing.MutableClock;
import io.receivables.local.testing.LocalInfraTestResource;

@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "invoicing"))
class IdempotencyExpiryTest {

    @Inject
    MutableClock clock;

    @Inject
    IdempotencyCleanup cleanup;

    @Inject
    IdempotencyFixtures rows;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void forgetsKeysOlderThanTheRetentionAndKeepsNewerOnes() {
        String oldKey = "old-" + UUID.randomUUID();
        String newKey = "new-" + UUID.randomUUID();
        String oldBody = customerBody();
        String newBody = customerBody();
        String oldId = register(oldKey, oldBody);
        clock.advance(Duration.ofHours(23));
        String newId = register(newKey, newBody);

        clock.advance(Duration.ofHours(1).plusMinutes(1)); // the old key is now 24h01m old, the new one 1h01m
        int removed = cleanup.removeExpired().await().indefinitely();

        assertThat(removed).isPositive();
        assertThat(rows.keyRecords(oldKey)).isZero();
        assertThat(rows.keyRecords(newKey)).isEqualTo(1);
        assertThat(register(oldKey, oldBody)).as("an expired key is a new request").isNotEqualTo(oldId);
        assertThat(register(newKey, newBody)).as("a kept key still replays").isEqualTo(newId);
    }

    private static String register(String key, String body) {
        return post("/customers", key, body).then().statusCode(201).extract().path("id");
    }
}
