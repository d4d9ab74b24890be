package io.receivables.local;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * The local Keycloak's secrets, generated at its first start and kept in {@code <data dir>/keycloak/secrets.properties}
 * (owner-only permissions): the admin password of the master realm, the demo users' password and the secret of the
 * {@code receivables-integration} client. Nothing of this is in the repository.
 */
public record KeycloakSecrets(String adminPassword, String demoPassword, String integrationClientSecret) {

    public static final String ADMIN_USER = "admin";

    public static synchronized KeycloakSecrets loadOrCreate(Path file) {
        Properties properties = new Properties();
        try {
            if (Files.isRegularFile(file)) {
                try (Reader in = Files.newBufferedReader(file)) {
                    properties.load(in);
                }
            } else {
                Files.createDirectories(file.toAbsolutePath().getParent());
                properties.setProperty("admin-password", random());
                properties.setProperty("demo-password", random());
                properties.setProperty("integration-client-secret", random());
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                try (Writer out = Files.newBufferedWriter(file)) {
                    properties.store(out, "Generated at the local Keycloak's first start; admin user: " + ADMIN_USER);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or write " + file, e);
        }
        return new KeycloakSecrets(properties.getProperty("admin-password"), properties.getProperty("demo-password"),
                properties.getProperty("integration-client-secret"));
    }

    /** 144 random bits, URL-safe: fine in a form field, a shell word and a properties file alike. */
    private static String random() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
