package io.receivables.local.testing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.receivables.local.Polling;

/**
 * Real PostgreSQL and a real Kafka broker for a service's {@code @QuarkusTest}s, without Docker:
 *
 * <pre>
 * {@code
 * &#64;QuarkusTest
 * &#64;WithTestResource(value = LocalInfraTestResource.class,
 *         initArgs = @ResourceArg(name = LocalInfraTestResource.DATABASE, value = "invoicing"))
 * class InvoiceResourceTest { ... }
 * }
 * </pre>
 *
 * With the default scope (MATCHING_RESOURCES) test classes annotated alike share one application and one
 * infrastructure; {@code scope = TestResourceScope.GLOBAL} on one class applies it to every test of the module.
 * <p>
 * It starts {@code io.receivables.local.InfraMain} in a child JVM (PostgreSQL with that one database, the Kafka
 * broker with every topic, free ports, a temporary data directory deleted at exit) and returns
 * {@code quarkus.datasource.username}, {@code quarkus.datasource.password}, {@code quarkus.datasource.reactive.url},
 * {@code quarkus.datasource.jdbc.url} and {@code kafka.bootstrap.servers}.
 * <p>
 * This class uses only the JDK and quarkus-test-common: a service depends on local-platform in test scope with
 * every transitive dependency excluded, so Kafka, Connect, Jetty and Scala never reach a Quarkus test class path.
 * The child's class path comes from {@code META-INF/local-platform.classpath}, written at build time. The child
 * exits when its standard input closes, so it never outlives the test JVM.
 */
public class LocalInfraTestResource implements QuarkusTestResourceLifecycleManager {

    /** Init arg: the database to create and connect to (e.g. {@code invoicing}). Required. */
    public static final String DATABASE = "database";
    /** Init arg: partitions of the event and dead-letter topics (default 6). */
    public static final String PARTITIONS = "partitions";
    /** Init arg: seconds to wait for the infrastructure (default 120). */
    public static final String STARTUP_TIMEOUT = "startupTimeoutSeconds";

    /**
     * Config property this resource sets: the control file through which {@link InfraControl} stops and starts
     * PostgreSQL.
     */
    public static final String CONTROL_FILE = "local-infra.control-file";

    static final String CLASSPATH_RESOURCE = "META-INF/local-platform.classpath";
    static final String MAIN_CLASS = "io.receivables.local.InfraMain";

    private String database;
    private int partitions = 6;
    private Duration startupTimeout = Duration.ofSeconds(120);
    private Process process;
    private Path readyFile;
    private Path controlFile;
    private Path outputLog;
    private Properties ready;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get(DATABASE);
        if (database == null || database.isBlank()) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " needs the init arg '" + DATABASE + "'");
        }
        if (initArgs.containsKey(PARTITIONS)) {
            partitions = Integer.parseInt(initArgs.get(PARTITIONS));
        }
        if (initArgs.containsKey(STARTUP_TIMEOUT)) {
            startupTimeout = Duration.ofSeconds(Long.parseLong(initArgs.get(STARTUP_TIMEOUT)));
        }
    }

    @Override
    public Map<String, String> start() {
        if (database == null) {
            throw new IllegalStateException("init(...) was not called with the '" + DATABASE + "' init arg");
        }
        try {
            // the child writes it once ready and deletes it when it exits
            readyFile = Path.of(System.getProperty("java.io.tmpdir"),
                    "ar-infra-" + database + "-" + UUID.randomUUID() + ".ready");
            controlFile = Path.of(System.getProperty("java.io.tmpdir"),
                    "ar-infra-" + database + "-" + UUID.randomUUID() + ".control");
            outputLog = logDirectory().resolve("local-infra-" + database + ".log");
            List<String> command = new ArrayList<>();
            command.add(javaExecutable());
            command.add("-Xmx384m");
            command.add("-XX:+UseSerialGC");
            command.add("-XX:TieredStopAtLevel=1");
            command.add("-cp");
            command.add(classPath());
            command.add(MAIN_CLASS);
            command.add("--ephemeral");
            command.add("--database");
            command.add(database);
            command.add("--partitions");
            command.add(String.valueOf(partitions));
            command.add("--ready-file");
            command.add(readyFile.toString());
            command.add("--control-file");
            command.add(controlFile.toString());
            command.add("--log-file");
            command.add(outputLog.resolveSibling("local-infra-" + database + "-platform.log").toString());
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(outputLog.toFile()))
                    .start();
            ready = awaitReadyFile(readyFile);
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException("could not start the local infrastructure", e);
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
        String host = ready.getProperty("postgres.host");
        String port = ready.getProperty("postgres.port");
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.username", ready.getProperty("postgres.user"));
        config.put("quarkus.datasource.password", ready.getProperty("postgres.password"));
        config.put("quarkus.datasource.reactive.url", "postgresql://" + host + ":" + port + "/" + database);
        config.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://" + host + ":" + port + "/" + database);
        config.put("kafka.bootstrap.servers", ready.getProperty("kafka.bootstrap.servers"));
        config.put(CONTROL_FILE, controlFile.toString());
        return config;
    }

    @Override
    public void stop() {
        Process p = process;
        process = null;
        if (p != null) {
            try {
                // end-of-stream on its standard input: the child stops everything and exits
                p.getOutputStream().close();
            } catch (IOException e) {
                // then it is gone already
            }
            try {
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroy();
                    if (!p.waitFor(15, TimeUnit.SECONDS)) {
                        p.descendants().forEach(ProcessHandle::destroyForcibly);
                        p.destroyForcibly();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
        if (readyFile != null) {
            try {
                Files.deleteIfExists(readyFile);
            } catch (IOException e) {
                // a temporary file: the OS cleans it eventually
            }
            readyFile = null;
        }
    }

    /** The child JVM's process, while it runs (for tests of this class). */
    Process process() {
        return process;
    }

    /** What the child wrote to its ready file. */
    Properties readyProperties() {
        return ready;
    }

    private Properties awaitReadyFile(Path readyFile) throws IOException {
        try {
            Polling.await("the local infrastructure to be ready", startupTimeout, () -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the local infrastructure exited with status "
                            + process.exitValue() + " before it was ready; its output:\n" + tail(outputLog));
                }
                return Files.exists(readyFile);
            });
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof TimeoutException) {
                throw new IllegalStateException("the local infrastructure was not ready within "
                        + startupTimeout.toSeconds() + " s; its output:\n" + tail(outputLog), e);
            }
            throw e;
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(readyFile)) {
            properties.load(in);
        }
        return properties;
    }

    /**
     * This module's own classes (a jar, or target/classes in a reactor) and the class path file generated at build
     * time.
     */
    static String classPath() {
        ClassLoader loader = LocalInfraTestResource.class.getClassLoader();
        String dependencies;
        try (InputStream in = loader.getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(CLASSPATH_RESOURCE + " is not on the class path: build deploy/local first");
            }
            dependencies = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + CLASSPATH_RESOURCE, e);
        }
        String own = ownLocation();
        // java honours the Class-Path (lib/...) of the launcher jar's manifest: when that lib/ is there, the same
        // jars must not come twice (zonky refuses two copies of its PostgreSQL binaries)
        Path lib = Path.of(own).resolveSibling("lib");
        StringBuilder classPath = new StringBuilder(own);
        for (String entry : dependencies.split(File.pathSeparator)) {
            if (entry.isBlank() || (own.endsWith(".jar") && Files.isRegularFile(lib.resolve(Path.of(entry).getFileName())))) {
                continue;
            }
            classPath.append(File.pathSeparator).append(entry);
        }
        return classPath.toString();
    }

    /** The jar or directory this class was loaded from. */
    static String ownLocation() {
        CodeSource source = LocalInfraTestResource.class.getProtectionDomain().getCodeSource();
        if (source != null && source.getLocation() != null && "file".equals(source.getLocation().getProtocol())) {
            return toPath(source.getLocation());
        }
        // a class loader without a code source: derive the location from the class file's URL
        String classFile = LocalInfraTestResource.class.getName().replace('.', '/') + ".class";
        URL url = LocalInfraTestResource.class.getClassLoader().getResource(classFile);
        if (url == null) {
            throw new IllegalStateException("cannot locate " + classFile);
        }
        String external = url.toExternalForm();
        if (external.startsWith("jar:")) {
            String jar = external.substring("jar:".length(), external.indexOf("!/"));
            return toPath(urlOf(jar));
        }
        if (external.startsWith("file:")) {
            String dir = external.substring(0, external.length() - classFile.length());
            return toPath(urlOf(dir));
        }
        throw new IllegalStateException("cannot turn " + url + " into a class path entry");
    }

    private static URL urlOf(String spec) {
        try {
            return new java.net.URI(spec).toURL();
        } catch (URISyntaxException | java.net.MalformedURLException e) {
            throw new IllegalStateException("not a URL: " + spec, e);
        }
    }

    private static String toPath(URL url) {
        try {
            return Path.of(url.toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("not a file URL: " + url, e);
        }
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** {@code target/} of the module under test when there is one (Maven runs tests there), else the temp dir. */
    private static Path logDirectory() throws IOException {
        Path target = Path.of("target");
        if (Files.isDirectory(target)) {
            return target;
        }
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "(" + file + " unreadable: " + e + ")";
        }
    }
}
