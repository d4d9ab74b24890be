package io.receivables.local;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/** Polls a condition until it holds or a deadline passes. */
public final class Polling {

    @FunctionalInterface
    public interface Condition {
        boolean holds() throws Exception;
    }

    private Polling() {
    }

    /**
     * Polls {@code condition} every 200 ms until it holds; throws {@link IllegalStateException} (caused by a
     * {@link TimeoutException}) naming {@code what} when {@code timeout} passes first. A checked exception or an
     * {@link UncheckedIOException} from the condition counts as "not yet"; any other runtime exception ends the wait.
     */
    public static void await(String what, Duration timeout, Condition condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (true) {
            try {
                if (condition.holds()) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            } catch (UncheckedIOException e) {
                last = e;
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                last = e;
            }
            if (System.nanoTime() - deadline > 0) {
                TimeoutException timedOut = new TimeoutException(
                        "timed out after " + timeout.toSeconds() + " s waiting for " + what);
                if (last != null) {
                    timedOut.addSuppressed(last);
                }
                throw new IllegalStateException(timedOut.getMessage(), timedOut);
            }
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what);
            }
        }
    }
}
