package io.receivables.platform.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.receivables.local.LocalPlatform;
import io.receivables.local.ServiceProcess;
import io.receivables.platform.ApiClient;
import io.receivables.platform.Platforms;

/**
 * The platform's benchmark harness: starts the whole local platform and prints figures as ratios against baselines
 * measured in the same run (the machines are shared and noisy, so absolute numbers alone mean little).
 * <ol>
 * <li>Issuing throughput: invoices per second through {@code POST /invoices} (validation, numbering, outbox) beside
 * raw JDBC inserts of the same rows (invoice + line, one transaction each) at the same concurrency; and the same
 * invoices through {@code POST /invoices/batch}.</li>
 * <li>Commit-to-visible latency: invoices posted at a fixed rate; for each, the time from its outbox row's timestamp
 * (written in the issuing transaction) to its application in analytics (the inbox's applied_at), p50 and p99.</li>
 * <li>The cost of durable commits: raw JDBC inserts (as in 1) with {@code synchronous_commit} on, the platform's
 * default, beside the same inserts in sessions that {@code SET synchronous_commit = off}; and acknowledged Kafka writes
 * ({@code acks=all}, idempotent) to a topic fsynced on each append, the broker's default, beside a topic left to the
 * page cache. Rounds alternate the two settings, so that other load on the machine falls on both.</li>
 * </ol>
 * Later issues add their scenarios as further {@link Scenario}s. Settings: -Dbench.invoices, -Dbench.concurrency,
 * -Dbench.rate, -Dbench.seconds, -Dbench.batch (invoices per batch request).
 */
public final class PlatformBenchmark {

    interface Scenario {
        void run(LocalPlatform platform, ApiClient api) throws Exception;
    }

    static final int INVOICES = Integer.getInteger("bench.invoices", 2000);
    static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 8);
    static final int RATE = Integer.getInteger("bench.rate", 20);
    static final int SECONDS = Integer.getInteger("bench.seconds", 30);
    static final int BATCH = Integer.getInteger("bench.batch", 50);

    public static void main(String[] args) throws Exception {
        Path dataDir = Files.createTempDirectory("receivables-bench");
        ApiClient api = new ApiClient();
        int exitCode = 1;
        try (LocalPlatform platform = Platforms.start(Platforms.builder(dataDir, true)
                .serviceJvmOptions(serviceJvmOptions()))) {
            System.out.printf(Locale.ROOT, "%nReceivables benchmark: %d cores, %s, load average %.2f%n",
                    Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"), loadAverage());
            for (Scenario scenario : List.<Scenario> of(PlatformBenchmark::issuingThroughput,
                    PlatformBenchmark::commitToVisibleLatency, DurabilityCost::run)) {
                scenario.run(platform, api);
            }
            // the machine is shared: the load says how much else ran beside the benchmark
            System.out.printf(Locale.ROOT, "%nload average at the end: %.2f%n", loadAverage());
            exitCode = 0;
        } catch (Throwable failure) {
            // System.exit below would otherwise swallow the reason
            failure.printStackTrace();
        } finally {
            // worker pools of a failed scenario must not keep the JVM (and the build) waiting forever
            System.exit(exitCode);
        }
    }

    /**
     * The services' JVM options: the platform's defaults, or {@code -Dbench.serviceJvm="..."} to measure
     * another runtime setting (e.g. the full JIT) against the same baseline.
     */
    static List<String> serviceJvmOptions() {
        String options = System.getProperty("bench.serviceJvm");
        return options == null || options.isBlank()
                ? ServiceProcess.DEFAULT_JVM_OPTIONS
                : List.of(options.trim().split("\\s+"));
    }

    /**
     * The CPU time a service's process has used so far. Per invoice it is a figure that the machine's other load barely
     * moves, unlike a rate: it tells whether a change made the service cheaper or only met a quieter machine.
     */
    static Duration cpuTime(LocalPlatform platform, String service) {
        return platform.service(service).handle().flatMap(handle -> handle.info().totalCpuDuration())
                .orElse(Duration.ZERO);
    }

    static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    // --- 1. issuing throughput vs raw inserts ---------------------------------------------------------------------

    static void issuingThroughput(LocalPlatform platform, ApiClient api) throws Exception {
        String invoices = platform.serviceUrl("invoicing") + "/invoices";
        String customerId = api.created(platform.serviceUrl("invoicing") + "/customers", ApiClient.customer("EUR"))
                .get("id").asText();
        String body = ApiClient.invoice(customerId, "99.95");

        runConcurrently(Math.min(200, INVOICES / 5), i -> api.created(invoices, body)); // warm-up: JIT, pools
        Duration cpuBefore = cpuTime(platform, "invoicing");
        CpuAccount singleAccount = CpuAccount.start(platform);
        Run single = run(INVOICES, i -> api.created(invoices, body));
        double apiRate = single.rate();
        Duration singleCpu = cpuTime(platform, "invoicing").minus(cpuBefore);
        // what the consumers of these invoices' events do with them happens after the requests: their share counts too
        Map<UUID, Instant> issued = outboxTimes(platform.jdbcUrl("invoicing"), Instant.EPOCH);
        awaitApplied(platform.jdbcUrl("analytics"), issued, Duration.ofSeconds(300));
        Map<String, Duration> singleSpent = singleAccount.spent();

        String batch = "{\"invoices\": [" + String.join(",", java.util.Collections.nCopies(BATCH, body)) + "]}";
        runConcurrently(Math.max(1, Math.min(200, INVOICES / 5) / BATCH), i -> api.created(invoices + "/batch", batch));
        cpuBefore = cpuTime(platform, "invoicing");
        double batchRate = runConcurrently(INVOICES / BATCH, i -> api.created(invoices + "/batch", batch)) * BATCH;
        Duration batchCpu = cpuTime(platform, "invoicing").minus(cpuBefore);

        String jdbc = platform.jdbcUrl("invoicing");
        List<String> baselineCustomers = customers(platform, api, CONCURRENCY);
        runConcurrently(Math.min(200, INVOICES / 5), rawInsert(jdbc, baselineCustomers, true)); // warm-up
        CpuAccount rawAccount = CpuAccount.start(platform);
        double rawRate = runConcurrently(INVOICES, rawInsert(jdbc, baselineCustomers, true));
        Map<String, Duration> rawSpent = rawAccount.spent();

        System.out.printf(Locale.ROOT, "%n[issuing] %d invoices, %d concurrent clients%n", INVOICES, CONCURRENCY);
        System.out.printf(Locale.ROOT, "  POST /invoices (validation, numbering, outbox):  %8.1f invoices/s%n", apiRate);
        System.out.printf(Locale.ROOT, "  POST /invoices request latency:                  p50 %.1f ms, p99 %.1f ms%n",
                single.percentileMillis(50), single.percentileMillis(99));
        System.out.printf(Locale.ROOT, "  POST /invoices/batch, %3d per request:           %8.1f invoices/s%n", BATCH,
                batchRate);
        System.out.printf(Locale.ROOT, "  invoicing's CPU time per invoice:                single %.2f ms, batched %.2f ms%n",
                singleCpu.toNanos() / 1e6 / INVOICES, batchCpu.toNanos() / 1e6 / (INVOICES / BATCH * BATCH));
        System.out.printf(Locale.ROOT, "  raw JDBC insert of the same rows (baseline):     %8.1f invoices/s%n", rawRate);
        System.out.printf(Locale.ROOT, "  ratio single / baseline:                         %8.2f%n", apiRate / rawRate);
        System.out.printf(Locale.ROOT, "  ratio batched / baseline:                        %8.2f%n", batchRate / rawRate);
        System.out.printf(Locale.ROOT, "%n[issuing: where the CPU goes] single POST /invoices, until analytics applied them%n");
        double singleMs = CpuAccount.print("invoice", singleSpent, INVOICES);
        System.out.printf(Locale.ROOT, "[issuing: where the CPU goes] raw JDBC inserts (baseline)%n");
        double rawMs = CpuAccount.print("insert", rawSpent, INVOICES);
        System.out.printf(Locale.ROOT, "  CPU ratio raw / single (the rate ratio if the cores were the only limit): %.2f%n",
                rawMs / singleMs);
    }

    /** {@code count} new EUR customers: one per client of a raw-insert baseline. */
    static List<String> customers(LocalPlatform platform, ApiClient api, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(api.created(platform.serviceUrl("invoicing") + "/customers", ApiClient.customer("EUR")).get("id")
                    .asText());
        }
        return ids;
    }

    public interface Task {
        void run(int index) throws Exception;
    }

    /** Runs {@code count} tasks on {@link #CONCURRENCY} threads; returns tasks per second. */
    static double runConcurrently(int count, Task task) throws Exception {
        return run(count, task).rate();
    }

    /** Tasks per second of a run, and each task's duration (nanoseconds, sorted). */
    record Run(double rate, long[] sortedNanos) {

        double percentileMillis(int p) {
            return percentile(sortedNanos, p) / 1e6;
        }
    }

    /** Runs {@code count} tasks on {@link #CONCURRENCY} threads, timing each. */
    static Run run(int count, Task task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
        AtomicLong next = new AtomicLong();
        long[] durations = new long[count];
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < CONCURRENCY; w++) {
            workers.add(pool.submit(() -> {
                for (long i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    long began = System.nanoTime();
                    task.run((int) i);
                    durations[(int) i] = System.nanoTime() - began;
                }
                return null;
            }));
        }
        try {
            for (Future<?> worker : workers) {
                worker.get();
            }
            double rate = count / ((System.nanoTime() - start) / 1e9);
            java.util.Arrays.sort(durations);
            return new Run(rate, durations);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The same rows POST /invoices writes for one invoice (header and line), with none of the service around them. */
    public static Task rawInsert(String jdbcUrl, String customerId) {
        return rawInsert(jdbcUrl, List.of(customerId), true);
    }

    /**
     * As {@link #rawInsert(String, String)}, each client thread inserting for one of {@code customerIds} in turn;
     * {@code synchronousCommit} false sets {@code synchronous_commit = off} in each session: a commit returns before its
     * WAL is flushed to disk. A baseline gives each client a customer of its own: every insert also updates its
     * customer's open amount (the trigger of invoicing-017), and inserts of one customer would queue on that row, which
     * measures the queue rather than what the rows cost.
     */
    public static Task rawInsert(String jdbcUrl, List<String> customerIds, boolean synchronousCommit) {
        java.util.concurrent.atomic.AtomicInteger clients = new java.util.concurrent.atomic.AtomicInteger();
        ThreadLocal<UUID> customers = ThreadLocal.withInitial(
                () -> UUID.fromString(customerIds.get(clients.getAndIncrement() % customerIds.size())));
        ThreadLocal<Connection> connections = ThreadLocal.withInitial(() -> {
            try {
                Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
                if (!synchronousCommit) {
                    try (var statement = connection.createStatement()) {
                        statement.execute("SET synchronous_commit = off");
                    }
                }
                connection.setAutoCommit(false);
                return connection;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        return index -> {
            Connection c = connections.get();
            UUID invoiceId = UUID.randomUUID();
            try (PreparedStatement invoice = c.prepareStatement("""
                    INSERT INTO invoice (id, number, customer_id, currency, status, issue_date, due_date, terms_type,
                      terms_days, subtotal, tax_total, total, amount_due, po_number, issued_at, created_at, version)
                    VALUES (?, ?, ?, 'EUR', 'ISSUED', ?, ?, 'NET', 30, 99.95, 0, 99.95, 99.95, NULL, ?, ?, 0)""");
                    PreparedStatement line = c.prepareStatement("""
                            INSERT INTO invoice_line (id, invoice_id, line_number, description, quantity, unit_price,
                              tax_rate, net_amount, tax_amount) VALUES (?, ?, 1, 'Subscription', 1, 99.95, 0, 99.95, 0)""")) {
                invoice.setObject(1, invoiceId);
                invoice.setString(2, "RAW-" + invoiceId.toString().substring(0, 24));
                invoice.setObject(3, customers.get());
                invoice.setObject(4, LocalDate.of(2026, 11, 2));
                invoice.setObject(5, LocalDate.of(2026, 12, 2));
                Timestamp now = Timestamp.from(Instant.now());
                invoice.setTimestamp(6, now);
                invoice.setTimestamp(7, now);
                invoice.executeUpdate();
                line.setObject(1, UUID.randomUUID());
                line.setObject(2, invoiceId);
                line.executeUpdate();
                c.commit();
            }
        };
    }

    // --- 2. commit-to-visible latency at a fixed rate ---------------------------------------------------------------

    static void commitToVisibleLatency(LocalPlatform platform, ApiClient api) throws Exception {
        // the issuing scenario left thousands of events behind it: measured from a backlog, the first invoices here
        // would time analytics catching up, not one event's way through the pipeline
        long draining = System.nanoTime();
        Map<UUID, Instant> backlog = outboxTimes(platform.jdbcUrl("invoicing"), Instant.EPOCH);
        int caughtUp = awaitApplied(platform.jdbcUrl("analytics"), backlog, Duration.ofSeconds(300)).size();
        System.out.printf(Locale.ROOT, "%n[backlog] analytics applied %d of %d earlier invoices, %d ms after issuing ended%n",
                caughtUp, backlog.size(), Duration.ofNanos(System.nanoTime() - draining).toMillis());

        String invoices = platform.serviceUrl("invoicing") + "/invoices";
        String customerId = api.created(platform.serviceUrl("invoicing") + "/customers", ApiClient.customer("USD"))
                .get("id").asText();
        String body = ApiClient.invoice(customerId, "10.00");
        int count = RATE * SECONDS;
        Instant from = Instant.now();

        var scheduler = Executors.newScheduledThreadPool(4);
        List<Future<?>> sent = new ArrayList<>();
        long periodNanos = 1_000_000_000L / RATE;
        for (int i = 0; i < count; i++) {
            sent.add(scheduler.schedule(() -> api.created(invoices, body), i * periodNanos, TimeUnit.NANOSECONDS));
        }
        for (Future<?> f : sent) {
            f.get();
        }
        scheduler.shutdown();

        Map<UUID, Instant> committed = outboxTimes(platform.jdbcUrl("invoicing"), from);
        Map<UUID, Instant> applied = awaitApplied(platform.jdbcUrl("analytics"), committed, Duration.ofSeconds(120));
        long[] latencies = committed.entrySet().stream().filter(e -> applied.containsKey(e.getKey()))
                .mapToLong(e -> Duration.between(e.getValue(), applied.get(e.getKey())).toMillis()).sorted()
                .toArray();

        System.out.printf(Locale.ROOT,
                "%n[commit-to-visible] %d invoices at %d/s over %d s (invoicing outbox commit -> analytics applied)%n",
                count, RATE, SECONDS);
        System.out.printf(Locale.ROOT, "  applied: %d of %d%n", latencies.length, committed.size());
        System.out.printf(Locale.ROOT, "  p50 %d ms, p99 %d ms, max %d ms%n", percentile(latencies, 50),
                percentile(latencies, 99), latencies.length == 0 ? -1 : latencies[latencies.length - 1]);
    }

    static Map<UUID, Instant> outboxTimes(String jdbcUrl, Instant from) throws SQLException {
        Map<UUID, Instant> times = new HashMap<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
                PreparedStatement q = c.prepareStatement(
                        "SELECT id, timestamp FROM outbox WHERE type = 'invoice-issued' AND timestamp >= ?")) {
            q.setTimestamp(1, Timestamp.from(from));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    times.put(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant());
                }
            }
        }
        return times;
    }

    static Map<UUID, Instant> awaitApplied(String jdbcUrl, Map<UUID, Instant> expected, Duration patience)
            throws Exception {
        Map<UUID, Instant> applied = new HashMap<>();
        long deadline = System.nanoTime() + patience.toNanos();
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            while (applied.size() < expected.size() && System.nanoTime() < deadline) {
                try (PreparedStatement q = c.prepareStatement(
                        "SELECT event_id, applied_at FROM inbox WHERE event_id = ANY (?)")) {
                    q.setArray(1, c.createArrayOf("uuid", expected.keySet().toArray()));
                    try (ResultSet rs = q.executeQuery()) {
                        while (rs.next()) {
                            applied.put(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant());
                        }
                    }
                }
                if (applied.size() < expected.size()) {
                    TimeUnit.MILLISECONDS.sleep(250); // polling a database from a benchmark, not a test
                }
            }
        }
        return applied;
    }

    static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return -1;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }

}
