package io.receivables.platform;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.receivables.local.FreePorts;
import io.receivables.local.LocalPlatform;
import io.receivables.local.Ports;

/** How the end-to-end tests and the benchmark start the whole local platform. */
public final class Platforms {

    /** Set by the build (failsafe, the benchmark profile): where the packaged services are. */
    static final String REPO_ROOT_PROPERTY = "receivables.repo.root";

    private static final Map<Path, Ports> CHOSEN = new HashMap<>();

    private Platforms() {
    }

    /**
     * Starts all five services, Kafka Connect and Debezium on free ports, keeping data in {@code dataDir} so that a
     * second start with {@code fresh=false} finds every invoice and offset where the first left them. The ports chosen on
     * the first start are reused on a restart: consumers and connectors remember where the broker was.
     */
    public static LocalPlatform start(Path dataDir, boolean fresh) {
        return start(builder(dataDir, fresh));
    }

    /** Starts {@code builder}'s platform and has {@link ApiClient} take its tokens from the platform's Keycloak. */
    public static LocalPlatform start(LocalPlatform.Builder builder) {
        LocalPlatform platform = builder.start();
        ApiClient.useTokensOf(platform);
        return platform;
    }

    /**
     * As {@link #start(Path, boolean)}, not yet started: a caller may change the builder (e.g. JVM options) and start it
     * with {@link #start(LocalPlatform.Builder)}.
     */
    public static LocalPlatform.Builder builder(Path dataDir, boolean fresh) {
        return LocalPlatform.builder()
                .repoRoot(repoRoot())
                .dataDir(dataDir)
                .fresh(fresh)
                .ports(ports(dataDir, fresh))
                // the services take only tokens, as in production: ApiClient gets them from this Keycloak
                .keycloak(true)
                // dunning runs for a later day remind of invoices issued today (a run for today would find none due)
                .serviceEnvironment("dunning", Map.of("RECEIVABLES_DUNNING_RUN_ALLOW_FUTURE_AS_OF", "true"));
    }

    /**
     * As {@link #start(Path, boolean)} (fresh), with the Kafka broker and Kafka Connect each in a process of its own,
     * as {@code ./run-local} runs them: every part can then be killed and restarted alone by the supervisor.
     */
    public static LocalPlatform startEachPartItsOwnProcess(Path dataDir) {
        return start(builder(dataDir, true).ownProcesses(true));
    }

    static Path repoRoot() {
        String root = System.getProperty(REPO_ROOT_PROPERTY);
        if (root == null) {
            throw new IllegalStateException("-D" + REPO_ROOT_PROPERTY + " is not set: run through ./mvnw verify");
        }
        return Path.of(root);
    }

    private static synchronized Ports ports(Path dataDir, boolean fresh) {
        if (fresh || !CHOSEN.containsKey(dataDir)) {
            Ports ports = new Ports(FreePorts.find(), FreePorts.find(), FreePorts.find(), Map.of());
            for (String service : LocalPlatform.SERVICES) {
                ports = ports.withService(service, FreePorts.find());
            }
            CHOSEN.put(dataDir, ports);
        }
        return CHOSEN.get(dataDir);
    }
}
