package io.receivables.dunning.interest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.receivables.contracts.events.Actor;
import io.receivables.dunning.interest.service.InterestQuotes.JurisdictionChoice;
import io.receivables.dunning.interest.service.LateFeeAssessments;
import io.receivables.dunning.interest.service.LateFeeAssessments.AssessLateFees;
import io.receivables.dunning.interest.service.LateFeeAssessments.Assessed;
import io.receivables.local.testing.LocalInfraTestResource;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The run's hook against real PostgreSQL: each (invoice, step) is charged once, however many replicas call at once,
 * with its late-fee-assessed events in the same transaction (validated against the contract by OutboxWriter).
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "dunning"))
class LateFeeAssessmentTest {

    static final Actor RUN = Actor.system("system:dunning-run");

    @Inject
    LateFeeAssessments assessments;

    @Inject
    Pool pool;

    @Test
    void twoConcurrentCallsForTheSameStepChargeOnce() throws Exception {
        UUID invoice = UUID.randomUUID();
        UUID customer = UUID.randomUUID();
        // Germany, due 2025-01-31, assessed 2025-03-02: 30 days on 10000.00 at 11.27 % = 92.63 (LateChargesTest),
        // the step's 5.00 and the 40.00 compensation
        AssessLateFees command = step(invoice, customer, 1, "2025-03-02", false);
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        List<Optional<Assessed>> results = new ArrayList<>();
        try {
            List<Future<Optional<Assessed>>> calls = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                calls.add(replicas.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    return inTransaction(command);
                }));
            }
            for (Future<Optional<Assessed>> call : calls) {
                results.add(call.get(60, TimeUnit.SECONDS));
            }
        } finally {
            replicas.shutdownNow();
        }

        assertThat(results).filteredOn(Optional::isPresent).hasSize(1);
        assertThat(results).filteredOn(Optional::isEmpty).hasSize(1);
        assertThat(count("SELECT count(*) FROM late_fee_assessment WHERE invoice_id = $1", invoice)).isEqualTo(1);
        assertThat(events(customer)).containsExactlyInAnyOrder("INTEREST 92.63 0.1127 30", "FIXED_FEE 5.00 null 30",
                "FIXED_FEE 40.00 null 30");

        // a retry after both committed writes nothing either
        assertThat(inTransaction(command)).isEmpty();
        assertThat(events(customer)).hasSize(3);
    }

    @Test
    void aLaterStepChargesTheInterestSinceTheLastOneAndNoSecondCompensation() {
        UUID invoice = UUID.randomUUID();
        UUID customer = UUID.randomUUID();
        inTransaction(step(invoice, customer, 1, "2025-03-02", false));

        // by 2025-04-01 (60 days): 10000 x 11.27 x 60 / 36500 = 185.260273... -> 185.26; step 1 charged 92.63:
        // 92.63 for the 30 days since 2025-03-02; the step fee again; the compensation was charged
        Optional<Assessed> second = inTransaction(step(invoice, customer, 2, "2025-04-01", false));

        assertThat(second).isPresent();
        assertThat(second.get().assessment().interest).isEqualByComparingTo("92.63");
        assertThat(events(customer)).containsExactlyInAnyOrder("INTEREST 92.63 0.1127 30", "FIXED_FEE 5.00 null 30",
                "FIXED_FEE 40.00 null 30", "INTEREST 92.63 0.1127 30", "FIXED_FEE 5.00 null 60");
    }

    @Test
    void aFeeInvoiceIsRecordedAsAssessedAndChargedNothing() {
        UUID invoice = UUID.randomUUID();
        UUID customer = UUID.randomUUID();

        Optional<Assessed> assessed = inTransaction(step(invoice, customer, 1, "2025-03-02", true));

        assertThat(assessed).isPresent();
        assertThat(assessed.get().events()).isEmpty();
        assertThat(count("SELECT count(*) FROM late_fee_assessment WHERE invoice_id = $1 AND fee_invoice", invoice))
                .isEqualTo(1);
        assertThat(events(customer)).isEmpty();
    }

    private Optional<Assessed> inTransaction(AssessLateFees command) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache
                    .withTransaction(() -> assessments.assess(RUN, command)));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static AssessLateFees step(UUID invoice, UUID customer, int step, String assessed, boolean feeInvoice) {
        return new AssessLateFees(invoice, step, customer, JurisdictionChoice.country("DE"), "EUR",
                LocalDate.parse("2025-01-31"), LocalDate.parse(assessed),
                List.of(new BalanceChange(LocalDate.parse("2025-01-31"), new BigDecimal("10000.00"))),
                new BigDecimal("5.00"), feeInvoice);
    }

    /** The customer's late-fee-assessed events as "KIND amount rate days". */
    private List<String> events(UUID customer) {
        List<String> events = new ArrayList<>();
        for (Row row : pool.preparedQuery("SELECT payload->>'kind', payload->>'amount', payload->>'annualInterestRate',"
                + " payload->>'daysOverdue' FROM outbox WHERE type = 'late-fee-assessed' AND customer_id = $1")
                .execute(Tuple.of(customer.toString())).await().indefinitely()) {
            events.add(row.getString(0) + " " + row.getString(1) + " " + row.getString(2) + " " + row.getString(3));
        }
        return events;
    }

    private long count(String sql, Object... args) {
        return pool.preparedQuery(sql).execute(Tuple.from(args)).await().indefinitely().iterator().next().getLong(0);
    }
}
