package io.receivables.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Keycloak, the local platform's identity provider, as a {@link SupervisedPart}: the {@code keycloak-quarkus-dist}
 * distribution from Maven Central (unpacked by the build into {@code deploy/local/target/keycloak}), run with
 * {@code kc.sh start --optimized} on a fixed port, its database (H2 files) under {@code <data dir>/keycloak}. The
 * one-time {@code kc.sh build} is done in the unpacked distribution and kept there (a marker file), so that only the
 * first start after a clean build pays for it.
 * <p>
 * On the first start the realm {@code receivables} is created through the admin API ({@link KeycloakRealm}): its roles,
 * one demo user per role, the public client {@code receivables-cli} and the service account client
 * {@code receivables-integration}. The admin password, the demo users' password and the client secret are generated
 * then and kept in {@code <data dir>/keycloak/secrets.properties} ({@link KeycloakSecrets}), never in the repository.
 */
public final class KeycloakPart implements SupervisedPart {

    private static final Logger LOG = LoggerFactory.getLogger(KeycloakPart.class);
    public static final int DEFAULT_PORT = 18180;
    private static final String BUILT_MARKER = ".receivables-built";
    /** Build-time options: H2 files as the database. */
    private static final List<String> BUILD_OPTIONS = List.of("--db=dev-file");
    /** One small node on a machine shared with the rest of the platform: C1 only (kc.sh picks the GC and caps the heap). */
    private static final String JVM_OPTIONS = "-XX:TieredStopAtLevel=1";

    private final Path distribution;
    private final Path dataDir;
    private final Path logFile;
    private final int port;
    private final Duration startupTimeout;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile Process process;
    /** Keycloak's JVM, kc.sh's child ({@link #asOneProcess}). */
    private volatile ProcessHandle jvm;

    /**
     * @param distribution the unpacked distribution ({@link #distribution(Path)})
     * @param dataDir Keycloak's database and secrets, kept between runs
     */
    public KeycloakPart(Path distribution, Path dataDir, Path logFile, int port, Duration startupTimeout) {
        this.distribution = distribution;
        this.dataDir = dataDir;
        this.logFile = logFile;
        this.port = port;
        this.startupTimeout = startupTimeout;
    }

    /** The distribution the build unpacked into {@code <repoRoot>/deploy/local/target/keycloak}. */
    public static Path distribution(Path repoRoot) {
        Path unpacked = repoRoot.resolve("deploy").resolve("local").resolve("target").resolve("keycloak");
        try (Stream<Path> dirs = Files.isDirectory(unpacked) ? Files.list(unpacked) : Stream.empty()) {
            return dirs.filter(d -> d.getFileName().toString().startsWith("keycloak-") && Files.isDirectory(d))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No Keycloak distribution in " + unpacked
                            + ": build the local platform first (./mvnw -B package -DskipTests -pl deploy/local)"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String name() {
        return "keycloak";
    }

    /** {@code http://localhost:<port>}: also the issuer's host, whatever address a client uses. */
    public URI url() {
        return URI.create("http://localhost:" + port);
    }

    /** The realm's URL, the services' {@code AR_OIDC_AUTH_SERVER_URL}. */
    public URI realmUrl() {
        return url().resolve("/realms/" + KeycloakRealm.REALM);
    }

    public URI tokenUrl() {
        return URI.create(realmUrl() + "/protocol/openid-connect/token");
    }

    public KeycloakSecrets secrets() {
        return KeycloakSecrets.loadOrCreate(secretsFile());
    }

    /** {@code <data dir>/keycloak/secrets.properties}: admin password, demo users' password, client secret. */
    public Path secretsFile() {
        return dataDir.resolve("secrets.properties").toAbsolutePath();
    }

    @Override
    public synchronized Running start() {
        KeycloakSecrets secrets = secrets();
        buildOnce();
        List<String> command = new ArrayList<>(List.of("bash", kcSh().toString(), "start", "--optimized",
                "--http-enabled=true", "--http-port=" + port,
                // one node needs no cluster: the default cache (Infinispan, with JGroups discovery) costs start time
                "--cache=local", "--hostname=" + url(),
                "--db-url=jdbc:h2:file:" + dataDir.resolve("h2").resolve("keycloakdb").toAbsolutePath()
                        + ";NON_KEYWORDS=VALUE"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().putAll(environment(secrets));
        long started = System.nanoTime();
        try {
            Files.createDirectories(dataDir);
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start Keycloak: " + command, e);
        }
        Process running = process;
        LOG.info("Started Keycloak (pid {}) on port {}, log {}", running.pid(), port, logFile);
        URI discovery = url().resolve("/realms/master/.well-known/openid-configuration");
        Polling.await("Keycloak to answer (log: " + logFile + ")", startupTimeout, () -> {
            if (!running.isAlive()) {
                throw new IllegalStateException("Keycloak exited with status " + running.exitValue()
                        + " before it was ready; see " + logFile);
            }
            return Readiness.answers200(discovery);
        });
        new KeycloakRealm(url(), secrets, http).ensure();
        LOG.info("Keycloak is ready in {} ms", Duration.ofNanos(System.nanoTime() - started).toMillis());
        return asOneProcess(running);
    }

    /**
     * kc.sh runs Keycloak's JVM as a child of its own and waits for it, so the part is two processes. The supervisor
     * sees the JVM (its pid is what {@code --status} shows and what a crash kills), and the part has ended when the
     * script has: if the script alone dies (kill -9), its JVM would live on as an orphan holding the port and the H2
     * database's file lock, and every restart would fail on them, so the JVM is ended with it.
     */
    private Running asOneProcess(Process script) {
        ProcessHandle jvm = script.toHandle().descendants()
                .filter(child -> child.info().command().map(command -> command.endsWith("java")).orElse(false))
                .findFirst().orElse(script.toHandle());
        this.jvm = jvm;
        CompletableFuture<OptionalInt> exit = script.onExit().thenCompose(ended -> {
            jvm.destroyForcibly();
            return jvm.onExit().thenApply(ignored -> OptionalInt.of(ended.exitValue()));
        });
        return new Running(jvm.pid(), exit);
    }

    /** kc.sh forwards SIGTERM to its JVM; killed itself, it cannot, and the JVM must not outlive it. */
    private void endJvm() {
        ProcessHandle orphan = jvm;
        if (orphan != null) {
            orphan.destroyForcibly();
        }
    }

    /** kc.sh runs the JVM of this platform; the bootstrap admin is taken only on the very first start. */
    private Map<String, String> environment(KeycloakSecrets secrets) {
        return Map.of(
                "JAVA_HOME", Path.of(ServiceProcess.currentJava()).getParent().getParent().toString(),
                "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m",
                "JAVA_OPTS_APPEND", JVM_OPTIONS,
                "KC_BOOTSTRAP_ADMIN_USERNAME", KeycloakSecrets.ADMIN_USER,
                "KC_BOOTSTRAP_ADMIN_PASSWORD", secrets.adminPassword());
    }

    /**
     * {@code kc.sh build} once per unpacked distribution: {@code start --optimized} then skips Quarkus' build-time
     * check and augmentation on every start (about a minute on a loaded machine).
     */
    private void buildOnce() {
        Path marker = distribution.resolve(BUILT_MARKER);
        String built = String.join(" ", BUILD_OPTIONS) + "\n";
        try {
            if (Files.isRegularFile(marker) && Files.readString(marker).equals(built)) {
                return;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LOG.info("Building the Keycloak distribution once (kc.sh build), log {}", logFile);
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            List<String> command = new ArrayList<>(List.of("bash", kcSh().toString(), "build"));
            command.addAll(BUILD_OPTIONS);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().put("JAVA_HOME", Path.of(ServiceProcess.currentJava()).getParent().getParent()
                    .toString());
            builder.environment().put("JAVA_OPTS_APPEND", JVM_OPTIONS);
            Process build = builder.start();
            if (!build.waitFor(10, TimeUnit.MINUTES) || build.exitValue() != 0) {
                build.destroyForcibly();
                throw new IllegalStateException("kc.sh build failed; see " + logFile);
            }
            Files.writeString(marker, built);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building Keycloak", e);
        }
    }

    private Path kcSh() {
        return distribution.resolve("bin").resolve("kc.sh");
    }

    @Override
    public synchronized void stop() {
        Process p = process;
        process = null;
        if (p == null || !p.isAlive()) {
            endJvm();
            return;
        }
        p.destroy();
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                LOG.warn("Keycloak did not stop within 30 s: killing it");
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        } finally {
            endJvm();
        }
        LOG.info("Stopped Keycloak");
    }

    @Override
    public Path logFile() {
        return logFile;
    }

    @Override
    public Optional<URI> healthUrl() {
        return Optional.of(url().resolve("/realms/" + KeycloakRealm.REALM + "/.well-known/openid-configuration"));
    }

    /**
     * A token from the realm by the password grant of {@code receivables-cli}, for a demo user (named as its role).
     */
    public String passwordGrantToken(String username) {
        return token(Map.of("grant_type", "password", "client_id", KeycloakRealm.CLI_CLIENT, "username", username,
                "password", secrets().demoPassword()));
    }

    /** A token of the service account {@code receivables-integration} (client credentials grant). */
    public String serviceAccountToken() {
        return token(Map.of("grant_type", "client_credentials", "client_id", KeycloakRealm.INTEGRATION_CLIENT,
                "client_secret", secrets().integrationClientSecret()));
    }

    private String token(Map<String, String> form) {
        return KeycloakRealm.accessToken(http, tokenUrl(), form);
    }

    /** The one-line curl that gets an accountant's token, as {@code ./run-local} prints it. */
    public String tokenCurl() {
        return "curl -s " + tokenUrl() + " -d grant_type=password -d client_id=" + KeycloakRealm.CLI_CLIENT
                + " -d username=accountant -d password=$(sed -n 's/^demo-password=//p' " + secretsFile()
                + ") | sed 's/.*\"access_token\":\"\\([^\"]*\\)\".*/\\1/'";
    }

    static String form(Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return body.toString();
    }

    static final ObjectMapper JSON = new ObjectMapper();

    static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
