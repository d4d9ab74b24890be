package io.receivables.common.concurrency;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Runs concurrent requests of one kind together, in one transaction per group (group commit). While a group's
 * transaction runs, new requests queue; the next group takes all of them, up to a maximum. It is meant for work that
 * serialises anyway, such as taking numbers from a gap-free counter row: queued one by one, N requests hold that row's
 * lock N times, each through its own commit and WAL flush; grouped, they hold it once.
 * <p>
 * Each request still gets its own answer. The group's work reports an {@link Outcome} per request, so a request it
 * rejects (an unknown reference, a broken rule) is answered with its own failure and writes nothing while the others
 * commit. If the transaction fails as a whole, nothing of the group committed, and each of its requests runs again
 * alone: one request can never fail another.
 * <p>
 * The group's transaction is the edge where it begins (like a resource method's): it runs on a fresh Vert.x
 * sub-context of its own, so the work must not rely on the HTTP request (read headers and URIs before submitting).
 *
 * @param <I> what a request asks for
 * @param <O> what it is answered
 */
public final class GroupCommit<I, O> {

    private static final Logger LOG = Logger.getLogger(GroupCommit.class);

    /** What the group's work decided for one request: its answer, or the failure that rejects it alone. */
    public record Outcome<O>(O value, Throwable failure) {

        public static <O> Outcome<O> of(O value) {
            return new Outcome<>(value, null);
        }

        public static <O> Outcome<O> failed(Throwable failure) {
            return new Outcome<>(null, Objects.requireNonNull(failure));
        }
    }

    private record Pending<I, O>(I item, UniEmitter<? super O> emitter, Context caller) {
    }

    private final String name;
    private final Vertx vertx;
    private final int maxGroup;
    private final Function<I, Object> exclusiveKey;
    private final Function<List<I>, Uni<List<Outcome<O>>>> work;
    private final DistributionSummary groupSizes;
    private final ArrayDeque<Pending<I, O>> queue = new ArrayDeque<>();
    private final Set<Object> keysInFlight = new HashSet<>();
    private boolean running;

    /**
     * @param name names the groups in logs and in the metric {@code receivables.group.commit.size}
     * @param maxGroup the most requests one transaction takes
     * @param exclusiveKey requests with the same non-null key never share a group (e.g. one Idempotency-Key: the second
     *        must see the first one committed)
     * @param work does the group's requests in the current transaction and answers each, in order
     */
    public GroupCommit(String name, Vertx vertx, MeterRegistry metrics, int maxGroup, Function<I, Object> exclusiveKey,
            Function<List<I>, Uni<List<Outcome<O>>>> work) {
        if (maxGroup < 1) {
            throw new IllegalArgumentException("maxGroup must be at least 1");
        }
        this.name = name;
        this.vertx = vertx;
        this.maxGroup = maxGroup;
        this.exclusiveKey = exclusiveKey;
        this.work = work;
        this.groupSizes = DistributionSummary.builder("receivables.group.commit.size")
                .description("Requests committed together in one transaction")
                .tag("group", name)
                .register(metrics);
    }

    /** Queues {@code item} for the next group; the Uni completes on the caller's context once its group committed. */
    public Uni<O> submit(I item) {
        Context caller = Vertx.currentContext();
        return Uni.createFrom().emitter(emitter -> {
            synchronized (queue) {
                queue.add(new Pending<>(item, emitter, caller));
            }
            startGroups();
        });
    }

    /** Starts the next group unless one runs: groups run one after the other. */
    private void startGroups() {
        List<Pending<I, O>> group;
        synchronized (queue) {
            if (running) {
                return;
            }
            group = take();
            if (group.isEmpty()) {
                return;
            }
            running = true;
        }
        run(group, () -> finished(group));
    }

    private void finished(List<Pending<I, O>> group) {
        synchronized (queue) {
            running = false;
            group.forEach(pending -> keysInFlight.remove(exclusiveKey.apply(pending.item())));
        }
        startGroups();
    }

    /**
     * The oldest requests, in order, up to the maximum, skipping (for a later group) one whose key is in this group
     * already: the second must see the first one committed.
     */
    private List<Pending<I, O>> take() {
        List<Pending<I, O>> group = new ArrayList<>();
        for (Iterator<Pending<I, O>> it = queue.iterator(); it.hasNext() && group.size() < maxGroup;) {
            Pending<I, O> next = it.next();
            Object key = exclusiveKey.apply(next.item());
            if (key == null || keysInFlight.add(key)) {
                group.add(next);
                it.remove();
            }
        }
        return group;
    }

    private void run(List<Pending<I, O>> group, Runnable then) {
        groupSizes.record(group.size());
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> Panache.withTransaction(
                () -> Uni.createFrom().deferred(() -> work.apply(group.stream().map(Pending::item).toList())))
                .subscribe().with(outcomes -> {
                    // whatever happens while answering, the next group must start, or every later request would wait
                    try {
                        answer(group, outcomes);
                    } finally {
                        then.run();
                    }
                }, failure -> {
                    if (group.size() == 1) {
                        try {
                            fail(group.get(0), failure);
                        } finally {
                            then.run();
                        }
                    } else {
                        LOG.warnf(failure, "%s: a group of %d failed as a whole; running each of its requests alone",
                                name, group.size());
                        runEachAlone(group, 0, then);
                    }
                }));
    }

    private void runEachAlone(List<Pending<I, O>> group, int index, Runnable then) {
        if (index == group.size()) {
            then.run();
        } else {
            run(List.of(group.get(index)), () -> runEachAlone(group, index + 1, then));
        }
    }

    private void answer(List<Pending<I, O>> group, List<Outcome<O>> outcomes) {
        if (outcomes == null || outcomes.size() != group.size()) {
            IllegalStateException wrong = new IllegalStateException(
                    name + ": " + (outcomes == null ? "no" : outcomes.size()) + " outcomes for a group of " + group.size());
            group.forEach(pending -> fail(pending, wrong));
            return;
        }
        for (int i = 0; i < group.size(); i++) {
            Outcome<O> outcome = outcomes.get(i);
            if (outcome.failure() != null) {
                fail(group.get(i), outcome.failure());
            } else {
                Pending<I, O> pending = group.get(i);
                onCallersContext(pending, () -> pending.emitter().complete(outcome.value()));
            }
        }
    }

    private static <I, O> void fail(Pending<I, O> pending, Throwable failure) {
        onCallersContext(pending, () -> pending.emitter().fail(failure));
    }

    private static void onCallersContext(Pending<?, ?> pending, Runnable action) {
        if (pending.caller() != null) {
            pending.caller().runOnContext(ignored -> action.run());
        } else {
            action.run();
        }
    }
}
