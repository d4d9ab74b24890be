package io.receivables.platform.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.receivables.local.LocalPlatform;

/**
 * The CPU time each part of the platform spent over a stretch of the benchmark: the benchmark's own JVM (its clients),
 * each service, PostgreSQL (the postmaster and its backends), Kafka, Kafka Connect and Keycloak, read from the process
 * tree under this JVM. On two cores, the sum per invoice bounds the rate from above whatever the code does: 2,000 ms of
 * CPU per second divided by the milliseconds one invoice costs across the machine. A rate is noisy on a shared machine;
 * CPU time per invoice barely moves with other load, so it says which part a change made cheaper.
 */
final class CpuAccount {

    private final String postgresPort;
    private final Map<String, Duration> start;

    private CpuAccount(String postgresPort) {
        this.postgresPort = postgresPort;
        this.start = snapshot();
    }

    static CpuAccount start(LocalPlatform platform) {
        return new CpuAccount("-p " + platform.postgres().port() + " ");
    }

    /** CPU time per part since {@link #start()}; parts in name order. */
    Map<String, Duration> spent() {
        Map<String, Duration> now = snapshot();
        Map<String, Duration> spent = new TreeMap<>();
        now.forEach((part, cpu) -> spent.put(part, cpu.minus(start.getOrDefault(part, Duration.ZERO))));
        return spent;
    }

    /**
     * Prints milliseconds of CPU per unit ({@code units} invoices, inserts, …) per part, their sum, and the rate the sum
     * allows on this machine's cores.
     */
    static double print(String title, Map<String, Duration> spent, int units) {
        double total = spent.values().stream().mapToLong(Duration::toNanos).sum() / 1e6 / units;
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "  CPU per %s, all parts: %.2f ms (at most %.0f/s on %d cores)%n", title, total,
                cores * 1000 / total, cores);
        spent.forEach((part, cpu) -> {
            double ms = cpu.toNanos() / 1e6 / units;
            if (ms >= 0.005) {
                System.out.printf(Locale.ROOT, "    %-22s %6.2f ms%n", part, ms);
            }
        });
        return total;
    }

    private Map<String, Duration> snapshot() {
        Map<String, Duration> parts = new TreeMap<>();
        ProcessHandle self = ProcessHandle.current();
        Stream.concat(Stream.of(self), self.descendants()).forEach(process -> parts.merge(partOf(process, self),
                cpu(process), Duration::plus));
        // pg_ctl starts the postmaster as a daemon, so it is no descendant of this JVM: found by its port
        ProcessHandle.allProcesses().filter(p -> cmdline(p).contains("postgres") && cmdline(p).contains(postgresPort))
                .flatMap(postmaster -> Stream.concat(Stream.of(postmaster), postmaster.descendants()))
                .forEach(process -> parts.merge("postgresql", cpu(process), Duration::plus));
        return parts;
    }

    private static Duration cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    private static String partOf(ProcessHandle process, ProcessHandle self) {
        if (process.pid() == self.pid()) {
            return "benchmark JVM (clients, Kafka, Kafka Connect)";
        }
        String cmdline = cmdline(process).toLowerCase(Locale.ROOT);
        for (String service : LocalPlatform.SERVICES) {
            if (cmdline.contains(service + "-service")) {
                return service;
            }
        }
        for (String part : List.of("kafkabrokermain:kafka", "kafkaconnectmain:kafka connect", "keycloak:keycloak")) {
            String[] marker = part.split(":");
            if (cmdline.contains(marker[0])) {
                return marker[1];
            }
        }
        return "other";
    }

    /**
     * The process's command line from {@code /proc} (empty where there is none): {@code ProcessHandle.Info#arguments}
     * is empty for a long one, such as a JVM's with its class path.
     */
    private static String cmdline(ProcessHandle process) {
        try {
            return Files.readString(Path.of("/proc", String.valueOf(process.pid()), "cmdline")).replace('\0', ' ');
        } catch (IOException | RuntimeException e) {
            return process.info().commandLine().orElse("");
        }
    }
}
