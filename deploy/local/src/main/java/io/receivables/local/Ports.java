package io.receivables.local;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ports of the local platform; 0 means "pick a free port at start".
 *
 * @param postgres PostgreSQL (default 15432)
 * @param kafka the Kafka broker's client port (default 19092)
 * @param connect Kafka Connect's REST API (default 18083)
 * @param services each service's HTTP port (defaults: invoicing 8081, payments 8082, disputes 8083, dunning 8084,
 *        analytics 8085)
 */
public record Ports(int postgres, int kafka, int connect, Map<String, Integer> services) {

    public Ports {
        services = Map.copyOf(services);
    }

    /** The fixed ports a developer uses. */
    public static Ports defaults() {
        Map<String, Integer> services = new LinkedHashMap<>();
        for (int i = 0; i < LocalPlatform.SERVICES.size(); i++) {
            services.put(LocalPlatform.SERVICES.get(i), 8081 + i);
        }
        return new Ports(15432, 19092, 18083, services);
    }

    /** Every port picked free at start: for tests, which may run beside a developer's platform. */
    public static Ports random() {
        Map<String, Integer> services = new LinkedHashMap<>();
        LocalPlatform.SERVICES.forEach(s -> services.put(s, 0));
        return new Ports(0, 0, 0, services);
    }

    public Ports withPostgres(int port) {
        return new Ports(port, kafka, connect, services);
    }

    public Ports withKafka(int port) {
        return new Ports(postgres, port, connect, services);
    }

    public Ports withConnect(int port) {
        return new Ports(postgres, kafka, port, services);
    }

    public Ports withService(String service, int port) {
        Map<String, Integer> copy = new LinkedHashMap<>(services);
        copy.put(service, port);
        return new Ports(postgres, kafka, connect, copy);
    }

    /** The port of {@code service}; 0 when it is to be picked at start. */
    public int service(String service) {
        Integer port = services.get(service);
        if (port == null) {
            throw new IllegalArgumentException("no port for service " + service);
        }
        return port;
    }
}
