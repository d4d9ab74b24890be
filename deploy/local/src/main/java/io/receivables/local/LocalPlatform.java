package io.receivables.local;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole platform on one machine, without Docker: PostgreSQL (one database per service), a KRaft Kafka broker
 * with every topic, Kafka Connect with one Debezium outbox connector per producing database, and the five services
 * as child processes.
 * <p>
 * Start order: PostgreSQL and Kafka (in parallel), topics, Connect, the services (which run their own migrations and
 * so create their {@code outbox} table), then the connectors; {@link Builder#start()} returns once every service is
 * ready and every connector and task is RUNNING. {@link #close()} stops everything in reverse order; a JVM shutdown
 * hook does the same when the JVM exits first.
 *
 * <pre>{@code
 * try (LocalPlatform platform = LocalPlatform.builder()
 *         .dataDir(Path.of(".local-platform"))
 *         .repoRoot(Path.of("."))
 *         .start()) {
 *     URI invoicing = platform.serviceUrl("invoicing");
 * }
 * }</pre>
 */
public final class LocalPlatform implements AutoCloseable {

    /** The five services, in the order of DESIGN.md §1; each has a database of the same name. */
    public static final List<String> SERVICES = List.of("invoicing", "payments", "disputes", "dunning", "analytics");

    private static final Logger LOG = LoggerFactory.getLogger(LocalPlatform.class);

    private final Builder settings;
    private volatile EmbeddedPostgresServer postgres;
    private volatile boolean postgresStopped;
    // in this JVM, or null when the broker and Connect run in processes of their own (Builder#ownProcesses)
    private volatile KafkaKraftBroker kafka;
    private volatile KafkaConnectWorker connect;
    private volatile String kafkaBootstrapServers;
    private volatile URI connectUrl;
    private volatile KeycloakPart keycloak;
    private volatile Messaging messaging;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final Map<String, Duration> startupTimes = new LinkedHashMap<>();
    private final Set<String> registeredConnectors = Collections.synchronizedSet(new LinkedHashSet<>());
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Supervisor supervisor;
    private Thread shutdownHook;

    private LocalPlatform(Builder settings) {
        this.settings = settings;
        this.supervisor = new Supervisor(settings.restartPolicy);
        if (settings.statusFile != null) {
            supervisor.onChange(snapshots -> PlatformStatus.write(settings.statusFile,
                    PlatformStatus.parts(snapshots, inLauncherParts())));
        }
    }

    /** Kafka and Connect run inside this JVM: they share its fate, and the status says so. */
    private List<PlatformStatus.Part> inLauncherParts() {
        List<PlatformStatus.Part> parts = new ArrayList<>();
        if (settings.ownProcesses) {
            return parts;
        }
        long pid = ProcessHandle.current().pid();
        String note = "inside the launcher JVM";
        parts.add(new PlatformStatus.Part("kafka", kafka == null ? "STARTING" : "UP", pid, 0, null, null, note));
        if (settings.connect) {
            parts.add(new PlatformStatus.Part("connect", connect == null ? "STARTING" : "UP", pid, 0, null,
                    connect == null ? null : connect.url().resolve("/health").toString(), note));
        }
        return parts;
    }

    /** Watches the parts that run as processes (PostgreSQL, the services, and with ownProcesses Kafka and Connect). */
    public Supervisor supervisor() {
        return supervisor;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The platform's data directory: PostgreSQL's data, Kafka's logs, and every log file under {@code logs/}. */
    public Path dataDir() {
        return settings.dataDir;
    }

    /** {@code <dataDir>/logs} */
    public Path logDir() {
        return settings.dataDir.resolve("logs");
    }

    /** The base URL of a started service, {@code http://localhost:<port>}. */
    public URI serviceUrl(String service) {
        return service(service).url();
    }

    /** A started service's process. */
    public ServiceProcess service(String service) {
        ServiceProcess process = services.get(service);
        if (process == null) {
            throw new IllegalArgumentException(service + " is not one of the started services " + services.keySet());
        }
        return process;
    }

    /** The services this platform runs (started or stopped). */
    public Set<String> services() {
        return Collections.unmodifiableSet(services.keySet());
    }

    /** {@code 127.0.0.1:<port>} */
    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    /** {@code jdbc:postgresql://127.0.0.1:<port>/<database>} */
    public String jdbcUrl(String database) {
        return postgres.jdbcUrl(database);
    }

    public EmbeddedPostgresServer postgres() {
        return postgres;
    }

    /**
     * Stops PostgreSQL, keeping its data directory and port, so that a test can take the database away while events
     * flow; {@link #startPostgres()} brings it back.
     */
    public synchronized void stopPostgres() {
        if (!postgresStopped) {
            supervised("postgres").stop();
            postgresStopped = true;
            LOG.info("PostgreSQL stopped on request");
        }
    }

    private SupervisedProcess supervised(String part) {
        return supervisor.get(part).orElseThrow(() -> new IllegalArgumentException(part + " is not supervised"));
    }

    /** Starts PostgreSQL again after {@link #stopPostgres()}: same port, same data. */
    public synchronized void startPostgres() {
        if (postgresStopped) {
            supervised("postgres").start();
            postgresStopped = false;
            LOG.info("PostgreSQL started again on request");
        }
    }

    /** The broker in this JVM; fails when it runs in a process of its own ({@link Builder#ownProcesses}). */
    public KafkaKraftBroker kafka() {
        if (kafka == null) {
            throw new IllegalStateException("the Kafka broker runs in a process of its own: use kafkaBootstrapServers()");
        }
        return kafka;
    }

    /** Kafka Connect's REST API; fails when the platform runs without Connect. */
    public URI connectUrl() {
        return kafkaConnectUrl().orElseThrow(() -> new IllegalStateException("this platform runs without Kafka Connect"));
    }

    /** Kafka Connect's REST API, when the platform runs Connect (in this JVM or in a process of its own). */
    public Optional<URI> kafkaConnectUrl() {
        return Optional.ofNullable(connectUrl);
    }

    /** The Connect worker in this JVM, if it runs here ({@link #kafkaConnectUrl()} either way). */
    public Optional<KafkaConnectWorker> connectWorker() {
        return Optional.ofNullable(connect);
    }

    /** The identity provider, when the platform runs one ({@link Builder#keycloak(boolean)}). */
    public Optional<KeycloakPart> keycloak() {
        return Optional.ofNullable(keycloak);
    }

    /**
     * The local mail server ({@link MailServer}) and SMS receiver ({@link SmsReceiver}) the dunning service sends to,
     * when the platform runs them ({@link Builder#messaging(boolean)}).
     */
    public Optional<Messaging> messaging() {
        return Optional.ofNullable(messaging);
    }

    /**
     * Where the dunning service's e-mail and SMS go locally, and where a user reads them.
     *
     * @param host the interface everything listens on (127.0.0.1)
     * @param smtpPort SMTP, no authentication, every recipient accepted
     * @param imapPort IMAP: log in as a recipient's address with the address as password
     * @param mailUrl the HTTP API listing the received mail ({@code GET /messages})
     * @param smsUrl the SMS receiver: Twilio's Messages API, and {@code GET /messages}
     */
    public record Messaging(String host, int smtpPort, int imapPort, URI mailUrl, URI smsUrl) {

        /** The configuration the dunning service is started with to send through these, as environment variables. */
        public Map<String, String> dunningEnvironment() {
            Map<String, String> env = new LinkedHashMap<>();
            env.put("QUARKUS_MAILER_HOST", host);
            env.put("QUARKUS_MAILER_PORT", String.valueOf(smtpPort));
            env.put("QUARKUS_MAILER_MOCK", "false");
            env.put("QUARKUS_MAILER_FROM", MAIL_FROM);
            env.put("RECEIVABLES_DUNNING_MAIL_FROM", MAIL_FROM);
            env.put("RECEIVABLES_DUNNING_SMS_BASE_URL", smsUrl.toString());
            env.put("RECEIVABLES_DUNNING_SMS_ACCOUNT_SID", SmsReceiver.LOCAL_ACCOUNT_SID);
            env.put("RECEIVABLES_DUNNING_SMS_AUTH_TOKEN", SmsReceiver.LOCAL_AUTH_TOKEN);
            env.put("RECEIVABLES_DUNNING_SMS_FROM", SMS_FROM);
            // the same through the AR_* variables the service's application.properties reads, as it reads AR_DB_HOST
            env.put("AR_SMTP_HOST", host);
            env.put("AR_SMTP_PORT", String.valueOf(smtpPort));
            env.put("AR_DUNNING_MAIL_FROM", MAIL_FROM);
            env.put("AR_SMS_BASE_URL", smsUrl.toString());
            env.put("AR_SMS_ACCOUNT_SID", SmsReceiver.LOCAL_ACCOUNT_SID);
            env.put("AR_SMS_AUTH_TOKEN", SmsReceiver.LOCAL_AUTH_TOKEN);
            env.put("AR_SMS_FROM", SMS_FROM);
            return env;
        }
    }

    /** The sender of the dunning service's e-mail on the local platform. */
    public static final String MAIL_FROM = "collections@receivables.local";
    /** The sender number of its SMS (a number reserved for fiction in the North American plan). */
    public static final String SMS_FROM = "+15550100";

    /** The names of the connectors registered so far. */
    public Set<String> registeredConnectors() {
        synchronized (registeredConnectors) {
            return Set.copyOf(registeredConnectors);
        }
    }

    /** How long each start-up step took: postgres+kafka, topics, connect, services, connectors, total. */
    public Map<String, Duration> startupTimes() {
        return Collections.unmodifiableMap(startupTimes);
    }

    /** Stops one service (SIGTERM, then SIGKILL after 20 s); {@link #startService(String)} starts it again. */
    public void stopService(String service) {
        service(service);
        supervised(service).stop();
    }

    /** Starts a stopped service again and waits until it is ready (no-op when it runs). */
    public void startService(String service) {
        service(service);
        supervised(service).start();
    }

    /**
     * Registers the outbox connector of every producing database whose {@code outbox} table exists (the services
     * create it in their migrations) and waits until each is RUNNING. Idempotent: a connector that already has this
     * configuration is left alone. Returns the connectors that were not registered before this call.
     */
    public List<String> registerConnectors() {
        List<OutboxConnectors.Definition> ready = new ArrayList<>();
        for (OutboxConnectors.Definition definition : OutboxConnectors.load()) {
            if (!settings.databases.contains(definition.database())) {
                continue;
            }
            if (postgres.hasTable(definition.database(), "outbox")) {
                ready.add(definition);
            } else {
                LOG.info("Not registering {} yet: database {} has no outbox table", definition.name(), definition.database());
            }
        }
        ConnectorRegistrar registrar = new ConnectorRegistrar(connectUrl());
        OutboxConnectors.DatabaseEndpoint endpoint = databaseEndpoint();
        for (OutboxConnectors.Definition definition : ready) {
            registrar.register(definition.name(), definition.config(endpoint), settings.connectorTimeout);
        }
        List<String> added = new ArrayList<>();
        for (OutboxConnectors.Definition definition : ready) {
            registrar.awaitRunning(definition.name(), settings.connectorTimeout);
            if (registeredConnectors.add(definition.name())) {
                added.add(definition.name());
            }
        }
        return added;
    }

    /** The connectors of the producing databases that are not registered yet. */
    public List<String> pendingConnectors() {
        return OutboxConnectors.load().stream()
                .filter(d -> settings.databases.contains(d.database()))
                .map(OutboxConnectors.Definition::name)
                .filter(name -> !registeredConnectors().contains(name))
                .toList();
    }

    /** How the connectors reach this platform's PostgreSQL. */
    public OutboxConnectors.DatabaseEndpoint databaseEndpoint() {
        return new OutboxConnectors.DatabaseEndpoint(postgres.host(), postgres.port(), EmbeddedPostgresServer.USER,
                EmbeddedPostgresServer.PASSWORD);
    }

    /**
     * Stops the services, Connect, Kafka and PostgreSQL, in this order. Idempotent; a second caller waits until the
     * first is done.
     */
    @Override
    public synchronized void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        removeShutdownHook();
        long started = System.nanoTime();
        List<ServiceProcess> processes;
        synchronized (services) {
            processes = List.copyOf(services.values());
        }
        // stopped through the supervisor: these exits are not crashes
        processes.stream()
                .map(s -> CompletableFuture.runAsync(() -> quietly("stop " + s.name(),
                        supervisor.get(s.name()).<Runnable> map(p -> p::stop).orElse(s::close)), daemonExecutor()))
                .toList()
                .forEach(CompletableFuture::join);
        if (connect != null) {
            quietly("stop Kafka Connect", connect::close);
        }
        supervisor.get("connect").ifPresent(p -> quietly("stop Kafka Connect", p::stop));
        supervisor.get("keycloak").ifPresent(p -> quietly("stop Keycloak", p::stop));
        supervisor.get("mail").ifPresent(p -> quietly("stop the mail server", p::stop));
        supervisor.get("sms").ifPresent(p -> quietly("stop the SMS receiver", p::stop));
        if (kafka != null) {
            quietly("stop Kafka", kafka::close);
        }
        supervisor.get("kafka").ifPresent(p -> quietly("stop Kafka", p::stop));
        if (postgres != null && !postgresStopped) {
            quietly("stop PostgreSQL", supervised("postgres")::stop);
        }
        supervisor.close();
        if (settings.deleteDataDirOnClose) {
            quietly("delete " + settings.dataDir, () -> Files2.deleteRecursively(settings.dataDir));
        }
        LOG.info("Local platform stopped in {} ms", Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    private void removeShutdownHook() {
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running or will run: close() is idempotent
            }
        }
    }

    private void putService(String name, ServiceProcess process) {
        synchronized (services) {
            services.put(name, process);
        }
    }

    private void checkNotClosed() {
        if (closed.get()) {
            throw new IllegalStateException("the local platform was closed while it started");
        }
    }

    private static void quietly(String what, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.warn("Could not {}", what, e);
        }
    }

    private static java.util.concurrent.Executor daemonExecutor() {
        return task -> {
            Thread thread = new Thread(task, "local-platform");
            thread.setDaemon(true);
            thread.start();
        };
    }

    private static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }

    /** Settings of a local platform; {@link #start()} starts it. */
    public static final class Builder {
        private Path dataDir;
        private boolean fresh;
        private boolean deleteDataDirOnClose;
        private Path repoRoot = Path.of("").toAbsolutePath();
        private int partitions = TopicCatalog.DEFAULT_PARTITIONS;
        private Ports ports = Ports.defaults();
        private Set<String> services = new LinkedHashSet<>(SERVICES);
        private Set<String> databases = new LinkedHashSet<>(SERVICES);
        private boolean connect = true;
        private List<String> serviceJvmOptions = ServiceProcess.DEFAULT_JVM_OPTIONS;
        private Map<String, String> serviceEnvironment = Map.of();
        private Duration serviceStartupTimeout = Duration.ofMinutes(5);
        private Duration connectorTimeout = Duration.ofMinutes(2);
        private boolean shutdownHook = true;
        private RestartPolicy restartPolicy = RestartPolicy.DEFAULT;
        private Path statusFile;
        private boolean ownProcesses;
        private List<String> infraJvmOptions = List.of("-Xmx512m", "-XX:+UseSerialGC");
        private boolean keycloak;
        private int keycloakPort = KeycloakPart.DEFAULT_PORT;
        private Duration keycloakStartupTimeout = Duration.ofMinutes(6);
        private boolean messaging = true;
        private List<String> messagingJvmOptions = MESSAGING_JVM_OPTIONS;
        private final Map<String, Map<String, String>> environmentOf = new LinkedHashMap<>();
        private final Map<String, Integer> replicas = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Run the local mail server ({@link MailServer}: SMTP, IMAP and an HTTP API over what it received) and SMS
         * receiver ({@link SmsReceiver}), each a supervised process, and point the dunning service at them
         * ({@link Messaging#dunningEnvironment()}). Default true.
         */
        public Builder messaging(boolean messaging) {
            this.messaging = messaging;
            return this;
        }

        /**
         * JVM options of the mail server's and the SMS receiver's processes (default at most a 256 MB heap: they keep
         * what they receive in memory, so tens of thousands of messages need more).
         */
        public Builder messagingJvmOptions(List<String> options) {
            this.messagingJvmOptions = List.copyOf(options);
            return this;
        }

        /**
         * More environment variables for one service (and its replicas), after {@link #serviceEnvironment(Map)} and the
         * platform's own: these win.
         */
        public Builder serviceEnvironment(String service, Map<String, String> environment) {
            if (!SERVICES.contains(service)) {
                throw new IllegalArgumentException("unknown service " + service + "; known: " + SERVICES);
            }
            environmentOf.computeIfAbsent(service, s -> new LinkedHashMap<>()).putAll(environment);
            return this;
        }

        /**
         * Run {@code count} instances of {@code service} (default 1), each its own process on its own port with the same
         * database and Kafka consumer groups, as replicas are run in production: the first is named as the service, the
         * others {@code <service>-2}, {@code <service>-3} … ({@link LocalPlatform#serviceUrl(String)}), on free ports.
         */
        public Builder replicas(String service, int count) {
            if (!SERVICES.contains(service)) {
                throw new IllegalArgumentException("unknown service " + service + "; known: " + SERVICES);
            }
            if (count < 1) {
                throw new IllegalArgumentException("replicas must be at least 1");
            }
            replicas.put(service, count);
            return this;
        }

        /** The instance names of a service: {@code dunning}, {@code dunning-2}, … */
        private List<String> instances(String service) {
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= replicas.getOrDefault(service, 1); i++) {
                names.add(i == 1 ? service : service + "-" + i);
            }
            return names;
        }

        /** How crashed processes (PostgreSQL, the services) are restarted. Default {@link RestartPolicy#DEFAULT}. */
        public Builder restartPolicy(RestartPolicy policy) {
            this.restartPolicy = Objects.requireNonNull(policy);
            return this;
        }

        /**
         * Run the Kafka broker and Kafka Connect each in a JVM of its own ({@link KafkaBrokerMain},
         * {@link KafkaConnectMain}), supervised like PostgreSQL and the services, instead of in this JVM (default
         * false: tests start faster with one JVM for the infrastructure).
         */
        public Builder ownProcesses(boolean ownProcesses) {
            this.ownProcesses = ownProcesses;
            return this;
        }

        /**
         * Run Keycloak (KeycloakPart) with the realm {@code receivables}, and give the services its realm as their token
         * issuer ({@code AR_OIDC_AUTH_SERVER_URL}). Default false: the services then accept no token, unless
         * {@link #serviceEnvironment(Map)} names an issuer.
         */
        public Builder keycloak(boolean keycloak) {
            this.keycloak = keycloak;
            return this;
        }

        /** Keycloak's port (default 18180; another free one when it is taken). */
        public Builder keycloakPort(int port) {
            this.keycloakPort = port;
            return this;
        }

        /** How long Keycloak may take to start (default 6 minutes: a first start builds it and creates its database). */
        public Builder keycloakStartupTimeout(Duration timeout) {
            this.keycloakStartupTimeout = timeout;
            return this;
        }

        /** JVM options of the broker's and Connect's own processes. */
        public Builder infraJvmOptions(List<String> options) {
            this.infraJvmOptions = List.copyOf(options);
            return this;
        }

        /** Where every part's state is written on each change, for {@code ./run-local --status}. Default none. */
        public Builder statusFile(Path statusFile) {
            this.statusFile = statusFile;
            return this;
        }

        /** Where everything is kept between runs. Default {@code <repoRoot>/.local-platform}. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
            return this;
        }

        /** Wipe the data directory before starting. */
        public Builder fresh(boolean fresh) {
            this.fresh = fresh;
            return this;
        }

        /** Delete the data directory on {@link LocalPlatform#close()}: for throw-away platforms. */
        public Builder deleteDataDirOnClose(boolean delete) {
            this.deleteDataDirOnClose = delete;
            return this;
        }

        /** The repository root, where {@code <name>-service/target/quarkus-app} are. Default: the current directory. */
        public Builder repoRoot(Path repoRoot) {
            this.repoRoot = repoRoot.toAbsolutePath();
            return this;
        }

        /** Partitions of every co-partitioned topic. Default 6. */
        public Builder partitions(int partitions) {
            if (partitions < 1) {
                throw new IllegalArgumentException("partitions must be at least 1");
            }
            this.partitions = partitions;
            return this;
        }

        public Builder ports(Ports ports) {
            this.ports = Objects.requireNonNull(ports);
            return this;
        }

        /** Every port picked free at start. */
        public Builder randomPorts() {
            return ports(Ports.random());
        }

        /** The services to run (default all five; empty for the infrastructure alone). */
        public Builder services(Collection<String> services) {
            Set<String> unknown = new LinkedHashSet<>(services);
            unknown.removeAll(SERVICES);
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException("unknown services " + unknown + "; known: " + SERVICES);
            }
            this.services = new LinkedHashSet<>(services);
            return this;
        }

        /** The databases to create (default one per service). The started services' databases are always there. */
        public Builder databases(Collection<String> databases) {
            this.databases = new LinkedHashSet<>(databases);
            return this;
        }

        /** Run Kafka Connect and the outbox connectors (default true). */
        public Builder connect(boolean connect) {
            this.connect = connect;
            return this;
        }

        /** JVM options of each service (default {@link ServiceProcess#DEFAULT_JVM_OPTIONS}). */
        public Builder serviceJvmOptions(List<String> options) {
            this.serviceJvmOptions = List.copyOf(options);
            return this;
        }

        /** More environment variables for every service. */
        public Builder serviceEnvironment(Map<String, String> environment) {
            this.serviceEnvironment = Map.copyOf(environment);
            return this;
        }

        public Builder serviceStartupTimeout(Duration timeout) {
            this.serviceStartupTimeout = timeout;
            return this;
        }

        public Builder connectorTimeout(Duration timeout) {
            this.connectorTimeout = timeout;
            return this;
        }

        /** Close the platform when the JVM exits (default true). */
        public Builder shutdownHook(boolean shutdownHook) {
            this.shutdownHook = shutdownHook;
            return this;
        }

        /** Starts everything and waits until it is ready; on failure, stops what it started and throws. */
        public LocalPlatform start() {
            if (dataDir == null) {
                dataDir = repoRoot.resolve(".local-platform");
            }
            dataDir = dataDir.toAbsolutePath();
            databases.addAll(services);
            long started = System.nanoTime();
            if (fresh) {
                Files2.deleteRecursively(dataDir);
            }
            Path logs = dataDir.resolve("logs");
            try {
                Files.createDirectories(logs);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("could not create " + logs, e);
            }
            if (!services.isEmpty()) {
                // fail before starting anything when a service is not built
                for (String service : services) {
                    Path jar = ServiceProcess.quarkusRunJar(repoRoot, service);
                    if (!Files.isRegularFile(jar)) {
                        throw new IllegalStateException(jar + " does not exist: build the services first"
                                + " (./mvnw -B package -DskipTests at the repository root)");
                    }
                }
            }

            // services left behind by a run whose JVM was killed hold ports and database sessions
            SERVICES.forEach(service -> ServiceProcess.stopLeftover(pidFile(dataDir, service)));
            replicas.keySet().forEach(service -> instances(service)
                    .forEach(instance -> ServiceProcess.stopLeftover(pidFile(dataDir, instance))));

            LocalPlatform platform = new LocalPlatform(this);
            if (shutdownHook) {
                // from the first step on: whatever has started is stopped when the JVM exits (Ctrl-C included)
                platform.shutdownHook = new Thread(platform::close, "local-platform-shutdown");
                Runtime.getRuntime().addShutdownHook(platform.shutdownHook);
            }
            long step = System.nanoTime();
            // Keycloak needs nothing else: it starts at once, in parallel, and the services wait for it
            CompletableFuture<Duration> identityProvider = CompletableFuture.completedFuture(Duration.ZERO);
            if (keycloak) {
                KeycloakPart part = new KeycloakPart(KeycloakPart.distribution(repoRoot), dataDir.resolve("keycloak"),
                        logs.resolve("keycloak.log"), FreePorts.orFree(keycloakPort), keycloakStartupTimeout);
                SupervisedProcess keycloakProcess = platform.supervisor.add(part);
                long keycloakStep = System.nanoTime();
                identityProvider = CompletableFuture.supplyAsync(() -> {
                    keycloakProcess.start();
                    platform.keycloak = part;
                    return since(keycloakStep);
                }, daemonExecutor());
            }
            // the mail server and the SMS receiver need nothing either; the dunning service is given their addresses
            CompletableFuture<Messaging> messagingParts = CompletableFuture.completedFuture(null);
            if (messaging) {
                messagingParts = startMessaging(platform, logs);
            }
            SupervisedProcess postgresProcess = platform.supervisor.add(new PostgresPart(EmbeddedPostgresServer.builder()
                    .port(ports.postgres())
                    .databases(databases)
                    // durable (fsync) unless the data directory is thrown away on close, as test infrastructure's is
                    .durable(!deleteDataDirOnClose), dataDir.resolve("postgres"), logs.resolve("postgres.log"),
                    server -> platform.postgres = server));
            CompletableFuture<EmbeddedPostgresServer> pg = CompletableFuture.supplyAsync(() -> {
                postgresProcess.start();
                return platform.postgres;
            }, daemonExecutor());
            CompletableFuture<String> broker;
            if (ownProcesses) {
                String bootstrap = EmbeddedPostgresServer.HOST + ":" + FreePorts.orFree(ports.kafka());
                SupervisedProcess brokerProcess = platform.supervisor.add(new JavaChildPart("kafka", infraJvmOptions,
                        KafkaBrokerMain.class,
                        List.of("--log-dir", dataDir.resolve("kafka").toString(), "--port", bootstrap.split(":")[1]),
                        logs.resolve("kafka.log"), () -> Readiness.kafkaAnswers(bootstrap), null,
                        Duration.ofMinutes(2)));
                broker = CompletableFuture.supplyAsync(() -> {
                    brokerProcess.start();
                    return bootstrap;
                }, daemonExecutor());
            } else {
                broker = CompletableFuture.supplyAsync(() -> KafkaKraftBroker.builder()
                        .logDir(dataDir.resolve("kafka"))
                        .port(ports.kafka())
                        .durable(!deleteDataDirOnClose)
                        .start(), daemonExecutor()).thenApply(server -> (platform.kafka = server).bootstrapServers());
            }
            broker = broker.thenApply(bootstrap -> platform.kafkaBootstrapServers = bootstrap);
            EmbeddedPostgresServer postgresServer;
            String kafkaBootstrap;
            try {
                CompletableFuture.allOf(pg, broker).exceptionally(e -> null).join();
                postgresServer = pg.join();
                kafkaBootstrap = broker.join();
            } catch (CompletionException e) {
                platform.close();
                throw unwrap(e);
            }
            platform.startupTimes.put("postgres+kafka", since(step));
            try {
                step = System.nanoTime();
                Map<String, Integer> topics = connect ? TopicCatalog.all(partitions) : TopicCatalog.coPartitioned(partitions);
                KafkaKraftBroker.createTopics(kafkaBootstrap, topics);
                platform.startupTimes.put("topics", since(step));

                if (connect) {
                    platform.checkNotClosed();
                    step = System.nanoTime();
                    if (ownProcesses) {
                        int connectPort = FreePorts.orFree(ports.connect());
                        URI url = URI.create("http://" + EmbeddedPostgresServer.HOST + ":" + connectPort);
                        platform.supervisor.add(new JavaChildPart("connect", infraJvmOptions, KafkaConnectMain.class,
                                List.of("--bootstrap-servers", kafkaBootstrap, "--port", String.valueOf(connectPort)),
                                logs.resolve("connect.log"), () -> Readiness.answers200(url.resolve("/health")),
                                url.resolve("/health"), Duration.ofMinutes(2))).start();
                        platform.connectUrl = url;
                    } else {
                        platform.connect = KafkaConnectWorker.builder()
                                .bootstrapServers(kafkaBootstrap)
                                .port(ports.connect())
                                .start();
                        platform.connectUrl = platform.connect.url();
                    }
                    platform.startupTimes.put("connect", since(step));
                }

                platform.checkNotClosed();
                try {
                    Duration keycloakStart = identityProvider.join();
                    if (keycloak) {
                        platform.startupTimes.put("keycloak", keycloakStart);
                    }
                } catch (CompletionException e) {
                    throw unwrap(e);
                }
                try {
                    platform.messaging = messagingParts.join();
                } catch (CompletionException e) {
                    throw unwrap(e);
                }
                step = System.nanoTime();
                for (String service : services) {
                    Map<String, String> env = new LinkedHashMap<>(serviceEnvironment);
                    if (platform.messaging != null && service.equals("dunning")) {
                        env.putAll(platform.messaging.dunningEnvironment());
                    }
                    if (platform.keycloak != null) {
                        env.put("AR_OIDC_AUTH_SERVER_URL", platform.keycloak.realmUrl().toString());
                    }
                    env.put("AR_DB_HOST", postgresServer.host());
                    env.put("AR_DB_PORT", String.valueOf(postgresServer.port()));
                    env.put("AR_DB_NAME", service);
                    env.put("AR_DB_USER", EmbeddedPostgresServer.USER);
                    env.put("AR_DB_PASSWORD", EmbeddedPostgresServer.PASSWORD);
                    env.put("AR_KAFKA_BOOTSTRAP", kafkaBootstrap);
                    env.putAll(environmentOf.getOrDefault(service, Map.of()));
                    for (String instance : instances(service)) {
                        // a further replica on a free port: the service's own port is the first's
                        int port = instance.equals(service) ? FreePorts.orFree(ports.service(service)) : FreePorts.find();
                        platform.putService(instance, ServiceProcess.quarkus(instance, service, repoRoot,
                                serviceJvmOptions, env, logs.resolve(instance + ".log"), port)
                                .pidFile(pidFile(dataDir, instance)));
                    }
                }
                // services in parallel; a service's further replicas only once its first is ready, as a rolling
                // deployment does: two instances migrating one empty database at once can collide on its first tables
                List<CompletableFuture<Void>> starting = new ArrayList<>();
                for (String service : services) {
                    CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
                    for (String instance : instances(service)) {
                        platform.checkNotClosed();
                        SupervisedProcess supervised = platform.supervisor
                                .add(new ServicePart(platform.service(instance), serviceStartupTimeout));
                        chain = chain.thenRunAsync(supervised::start, daemonExecutor());
                    }
                    starting.add(chain);
                }
                try {
                    CompletableFuture.allOf(starting.toArray(CompletableFuture[]::new)).join();
                } catch (CompletionException e) {
                    throw unwrap(e);
                }
                platform.startupTimes.put("services", since(step));

                if (connect) {
                    platform.checkNotClosed();
                    step = System.nanoTime();
                    platform.registerConnectors();
                    platform.startupTimes.put("connectors", since(step));
                }
                platform.startupTimes.put("total", since(started));
                LOG.info("Local platform started in {} ms: {}", since(started).toMillis(), platform.startupTimes);
                return platform;
            } catch (RuntimeException e) {
                platform.close();
                throw e;
            }
        }

        /** The mail server and the SMS receiver, each in a JVM of its own, started in parallel. */
        private CompletableFuture<Messaging> startMessaging(LocalPlatform platform, Path logs) {
            String host = EmbeddedPostgresServer.HOST;
            int smtp = FreePorts.orFree(ports.smtp());
            int imap = FreePorts.orFree(ports.imap());
            URI mailUrl = URI.create("http://" + host + ":" + FreePorts.orFree(ports.mailHttp()));
            URI smsUrl = URI.create("http://" + host + ":" + FreePorts.orFree(ports.sms()));
            SupervisedProcess mail = platform.supervisor.add(new JavaChildPart("mail", messagingJvmOptions,
                    MailServerMain.class, List.of("--smtp-port", String.valueOf(smtp), "--imap-port", String.valueOf(imap),
                            "--http-port", String.valueOf(mailUrl.getPort())),
                    logs.resolve("mail.log"), () -> Readiness.answers200(mailUrl.resolve("/health")),
                    mailUrl.resolve("/health"), Duration.ofMinutes(1)));
            SupervisedProcess sms = platform.supervisor.add(new JavaChildPart("sms", messagingJvmOptions,
                    SmsReceiverMain.class, List.of("--port", String.valueOf(smsUrl.getPort()), "--account-sid",
                            SmsReceiver.LOCAL_ACCOUNT_SID, "--auth-token", SmsReceiver.LOCAL_AUTH_TOKEN),
                    logs.resolve("sms.log"), () -> Readiness.answers200(smsUrl.resolve("/health")),
                    smsUrl.resolve("/health"), Duration.ofMinutes(1)));
            CompletableFuture<Void> mailUp = CompletableFuture.runAsync(mail::start, daemonExecutor());
            CompletableFuture<Void> smsUp = CompletableFuture.runAsync(sms::start, daemonExecutor());
            return mailUp.thenCombine(smsUp, (a, b) -> new Messaging(host, smtp, imap, mailUrl, smsUrl));
        }

        /**
         * Two small servers that keep what they receive in memory: no optimising compiler; a heap that grows only as mail
         * arrives, up to some thousands of reminders with their statement PDFs.
         */
        private static final List<String> MESSAGING_JVM_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1");

        private static Path pidFile(Path dataDir, String service) {
            return dataDir.resolve("run").resolve(service + ".pid");
        }

        private static RuntimeException unwrap(CompletionException e) {
            return e.getCause() instanceof RuntimeException r ? r : e;
        }
    }
}
