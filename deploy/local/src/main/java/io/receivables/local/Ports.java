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
 * @param smtp the local mail server's SMTP port (default 13025, {@link MailServer})
 * @param imap its IMAP port (default 13143)
 * @param mailHttp its HTTP API listing what it received (default 18025)
 * @param sms the SMS receiver's HTTP port (default 13026, {@link SmsReceiver})
 */
public record Ports(int postgres, int kafka, int connect, Map<String, Integer> services, int smtp, int imap,
        int mailHttp, int sms) {

    public Ports {
        services = Map.copyOf(services);
    }

    /** The infrastructure's and the services' ports; the mail server's and the SMS receiver's are picked free. */
    public Ports(int postgres, int kafka, int connect, Map<String, Integer> services) {
        this(postgres, kafka, connect, services, 0, 0, 0, 0);
    }

    /** The fixed ports a developer uses. */
    public static Ports defaults() {
        Map<String, Integer> services = new LinkedHashMap<>();
        for (int i = 0; i < LocalPlatform.SERVICES.size(); i++) {
            services.put(LocalPlatform.SERVICES.get(i), 8081 + i);
        }
        return new Ports(15432, 19092, 18083, services, MailServer.DEFAULT_SMTP_PORT, MailServer.DEFAULT_IMAP_PORT,
                MailServer.DEFAULT_HTTP_PORT, SmsReceiver.DEFAULT_PORT);
    }

    /** Every port picked free at start: for tests, which may run beside a developer's platform. */
    public static Ports random() {
        Map<String, Integer> services = new LinkedHashMap<>();
        LocalPlatform.SERVICES.forEach(s -> services.put(s, 0));
        return new Ports(0, 0, 0, services);
    }

    public Ports withPostgres(int port) {
        return new Ports(port, kafka, connect, services, smtp, imap, mailHttp, sms);
    }

    public Ports withKafka(int port) {
        return new Ports(postgres, port, connect, services, smtp, imap, mailHttp, sms);
    }

    public Ports withConnect(int port) {
        return new Ports(postgres, kafka, port, services, smtp, imap, mailHttp, sms);
    }

    public Ports withService(String service, int port) {
        Map<String, Integer> copy = new LinkedHashMap<>(services);
        copy.put(service, port);
        return new Ports(postgres, kafka, connect, copy, smtp, imap, mailHttp, sms);
    }

    /** The mail server's SMTP, IMAP and HTTP ports. */
    public Ports withMail(int smtp, int imap, int mailHttp) {
        return new Ports(postgres, kafka, connect, services, smtp, imap, mailHttp, sms);
    }

    public Ports withSms(int port) {
        return new Ports(postgres, kafka, connect, services, smtp, imap, mailHttp, port);
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
