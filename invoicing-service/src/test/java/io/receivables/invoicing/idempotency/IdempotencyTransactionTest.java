package io.receivables.invoicing.idempotency;

import static io.receivables.invoicing.idempotency.IdempotencyFixtures.post;
import static io.receivables.invoicing.idempotency.IdempotencyFixtures.registerCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.invoicing.InvoicingDatabase;
import io.receivables.local.testing.LocalInfraTestResource;

/** The key and the write it protects commit together: nothing lost, nothing doubled. */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "invoicing"))
class IdempotencyTransactionTest {

    @Inject
    InvoicingDatabase db;

    @Inject
    IdempotencyFixtures rows;

    @Test
    void theServiceTransactionJoinsTheKeysSoAFailureAfterTheWorkRollsBackTheWriteToo() {
        String customerId = registerCustomer();
        String key = UUID.randomUUID().toString();
        // the number series shows whether a number was consumed
        InvoicingDatabase.NumberSeries inv = db.series("INV", 2026);
        String body = """
                {"customerId": "%s", "issueDate": "2026-05-01",
                 "lines": [{"description": "Probe", "quantity": "1", "unitPrice": "10.00", "taxRate": "0"}]}"""
                .formatted(customerId);
        long outbox = db.count("outbox");

        post("/test-only/idempotency-probe", key, body).then().statusCode(500)
                .contentType("application/problem+json");

        assertThat(rows.invoicesOf(customerId)).as("the invoice rolled back with the key").isZero();
        assertThat(db.count("outbox")).as("and its event").isEqualTo(outbox);
        assertThat(rows.keyRecords(key)).as("and the key").isZero();

        post("/invoices", key, body).then().statusCode(201).body("number", equalTo(inv.next(1)));
    }
}
