package io.receivables.invoicing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/**
 * Runs service code the way an inbox consumer does: inside a transaction the caller opened, on a Vert.x context (where
 * Hibernate Reactive's sessions live), from a plain test thread.
 */
public final class InTransaction {

    private InTransaction() {
    }

    /** The work's result; its failure rethrown as it is (a RuntimeException), after the transaction rolled back. */
    public static <T> T run(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(work));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs the same work in {@code times} transactions at once, as redeliveries to two replicas would; waits for all. */
    public static void concurrently(int times, Supplier<Uni<Void>> work) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(times);
        try {
            List<Future<Void>> calls = new ArrayList<>();
            for (int i = 0; i < times; i++) {
                calls.add(threads.submit(() -> run(work)));
            }
            for (Future<Void> call : calls) {
                call.get();
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
