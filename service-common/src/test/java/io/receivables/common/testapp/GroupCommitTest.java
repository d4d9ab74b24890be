package io.receivables.common.testapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.receivables.common.concurrency.GroupCommit;
import io.receivables.common.concurrency.GroupCommit.Outcome;
import io.receivables.common.problem.ProblemException;
import io.receivables.local.Polling;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * service-common's GroupCommit on real PostgreSQL: requests that arrive while a group runs share the next transaction;
 * a request the work rejects is answered alone and writes nothing; and when the shared transaction fails as a whole
 * (here a row the table refuses at commit), every request of it runs again alone, so only the bad one fails.
 */
@QuarkusTest
@TestProfile(SelfTestProfile.class)
class GroupCommitTest {

    private static final String TOO_LONG = "x".repeat(65); // tracked_invoice.reference is VARCHAR(64)

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    @Inject
    MeterRegistry metrics;

    @Inject
    TrackedInvoices invoices;

    SelfTestState state;
    final String run = UUID.randomUUID().toString().substring(0, 8);
    final List<Integer> groupsSeen = new CopyOnWriteArrayList<>();
    final Map<String, CompletableFuture<Void>> gates = new ConcurrentHashMap<>();

    @BeforeEach
    void connect() {
        state = new SelfTestState(pool);
    }

    @Test
    void requestsArrivingMeanwhileShareTheNextTransactionAndEachKeepsItsOwnAnswer() throws Exception {
        GroupCommit<String, UUID> groups = new GroupCommit<>("self-test-" + run, vertx, metrics, 64, item -> null,
                this::write);
        CompletableFuture<Void> firstMayCommit = new CompletableFuture<>();
        CompletableFuture<UUID> first = firstGroupHeldOpen(groups, firstMayCommit);
        List<CompletableFuture<UUID>> queued = new ArrayList<>();
        for (String name : List.of("a", "b", "c")) {
            queued.add(groups.submit(ref(name)).subscribeAsCompletionStage());
        }
        CompletableFuture<UUID> rejected = groups.submit(ref("reject")).subscribeAsCompletionStage();
        firstMayCommit.complete(null);

        assertThat(first.get(30, TimeUnit.SECONDS)).isNotNull();
        for (CompletableFuture<UUID> one : queued) {
            assertThat(one.get(30, TimeUnit.SECONDS)).isNotNull();
        }
        assertThat(failureOf(rejected)).isInstanceOf(ProblemException.class);
        assertThat(groupsSeen).as("the four that queued meanwhile went in one transaction").containsExactly(1, 4);
        assertThat(rows(ref("a")) + rows(ref("b")) + rows(ref("c")) + rows(ref("first"))).isEqualTo(4);
        assertThat(rows(ref("reject"))).isZero();
    }

    @Test
    void aGroupWhoseTransactionFailsIsRunAgainOneByOneSoOnlyTheBadRequestFails() throws Exception {
        GroupCommit<String, UUID> groups = new GroupCommit<>("self-test-" + run, vertx, metrics, 64, item -> null,
                this::write);
        CompletableFuture<Void> firstMayCommit = new CompletableFuture<>();
        CompletableFuture<UUID> first = firstGroupHeldOpen(groups, firstMayCommit);
        CompletableFuture<UUID> before = groups.submit(ref("before")).subscribeAsCompletionStage();
        CompletableFuture<UUID> poison = groups.submit(TOO_LONG).subscribeAsCompletionStage();
        CompletableFuture<UUID> after = groups.submit(ref("after")).subscribeAsCompletionStage();
        firstMayCommit.complete(null);

        assertThat(first.get(30, TimeUnit.SECONDS)).isNotNull();
        assertThat(before.get(30, TimeUnit.SECONDS)).isNotNull();
        assertThat(after.get(30, TimeUnit.SECONDS)).isNotNull();
        assertThat(failureOf(poison)).isNotNull();
        assertThat(groupsSeen).as("the group of three failed at commit, then each ran alone").containsExactly(1, 3, 1, 1,
                1);
        assertThat(rows(ref("before")) + rows(ref("after"))).isEqualTo(2);
        assertThat(rows(TOO_LONG)).isZero();
    }

    @Test
    void aWorkThatAnswersWronglyFailsItsGroupButTheNextGroupStillRuns() throws Exception {
        GroupCommit<String, UUID> groups = new GroupCommit<>("self-test-" + run, vertx, metrics, 64, item -> null,
                references -> references.get(0).endsWith("broken") ? Uni.createFrom().nullItem() : write(references));

        Throwable broken = failureOf(groups.submit(ref("broken")).subscribeAsCompletionStage());
        UUID next = groups.submit(ref("next")).subscribeAsCompletionStage().get(30, TimeUnit.SECONDS);

        assertThat(broken).isInstanceOf(IllegalStateException.class).hasMessageContaining("no outcomes");
        assertThat(next).isNotNull();
        assertThat(rows(ref("next"))).isEqualTo(1);
    }

    /** The group's work: one row per request; "reject" is refused by the work itself; a gated request waits first. */
    private Uni<List<Outcome<UUID>>> write(List<String> references) {
        groupsSeen.add(references.size());
        CompletableFuture<Void> gate = gates.getOrDefault(references.get(0), CompletableFuture.completedFuture(null));
        io.vertx.core.Context group = Vertx.currentContext();
        // the test thread opens the gate: come back to the group's context before touching the session
        return Uni.createFrom().completionStage(gate)
                .emitOn(command -> group.runOnContext(ignored -> command.run()))
                .chain(() -> Multi.createFrom().iterable(references)
                        .onItem().transformToUniAndConcatenate(reference -> {
                            if (reference.endsWith("reject")) {
                                return Uni.createFrom().item(Outcome.<UUID> failed(
                                        ProblemException.invalid("reference", "refused by the work")));
                            }
                            TrackedInvoice invoice = new TrackedInvoice();
                            invoice.id = UUID.randomUUID();
                            invoice.reference = reference;
                            invoice.currency = "EUR";
                            invoice.total = new BigDecimal("10.00");
                            invoice.termsDays = 30;
                            return invoices.persist(invoice).map(saved -> Outcome.of(saved.id));
                        })
                        .collect().asList());
    }

    private String ref(String name) {
        return "GC-" + run + "-" + name;
    }

    private long rows(String reference) {
        return state.count("SELECT count(*) FROM tracked_invoice WHERE reference = $1", reference);
    }

    private static Throwable failureOf(CompletableFuture<?> future) throws InterruptedException {
        try {
            future.get(30, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException failed) {
            return failed.getCause();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no answer within 30 s", e);
        }
    }

    /**
     * Submits "first" and returns once its group runs, held open until {@code mayCommit} completes, so that what the
     * test submits next queues behind it.
     */
    private CompletableFuture<UUID> firstGroupHeldOpen(GroupCommit<String, UUID> groups,
            CompletableFuture<Void> mayCommit) {
        gates.put(ref("first"), mayCommit);
        CompletableFuture<UUID> first = groups.submit(ref("first")).subscribeAsCompletionStage();
        Polling.await("the first group to start", Duration.ofSeconds(30), () -> groupsSeen.size() == 1);
        return first;
    }
}
