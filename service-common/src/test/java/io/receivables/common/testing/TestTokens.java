package io.receivables.common.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.receivables.common.security.Roles;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Bearer tokens for {@code @QuarkusTest}s, signed (valid 12 hours) with {@code security/test-only-private-key.pem}: a key
 * generated for
 * the tests, whose public half only the test configuration of service-common's test-jar trusts (never a deployment).
 * They carry the roles where Keycloak puts realm roles ({@code realm_access.roles}), so that the services read test
 * tokens and Keycloak's alike.
 */
public final class TestTokens {

    /** The issuer the test configuration trusts (META-INF/microprofile-config.properties of the test-jar). */
    public static final String ISSUER = "https://issuer.test-only.receivables.invalid";

    private static final PrivateKey KEY = readKey();

    private TestTokens() {
    }

    /** A valid token with these roles, subject {@code test-<first role>}. */
    public static String withRoles(String... roles) {
        return claims(roles).sign(KEY);
    }

    /** The {@code Authorization} header's value for a token with these roles. */
    public static String bearer(String... roles) {
        return "Bearer " + withRoles(roles);
    }

    /** A person's token: this subject and {@code preferred_username}, with these roles. */
    public static String user(String subject, String username, String... roles) {
        return claims(roles).subject(subject).claim("preferred_username", username).sign(KEY);
    }

    /**
     * A service account's token as Keycloak issues it for the client credentials grant: the client's service-account
     * user as subject and username ({@code service-account-<client>}), the client in {@code client_id} and {@code azp}.
     */
    public static String serviceAccount(String clientId, String... roles) {
        return claims(roles).subject("sa-" + clientId).claim("preferred_username", "service-account-" + clientId)
                .claim("client_id", clientId).claim("azp", clientId).sign(KEY);
    }

    /** A portal user's token: role {@code customer}, bound to this customer by the {@code customer_id} claim. */
    public static String customer(UUID customerId) {
        return claims(Roles.CUSTOMER).claim(Roles.CUSTOMER_ID_CLAIM, customerId.toString()).sign(KEY);
    }

    /** Expired 55 minutes ago. */
    public static String expired(String role) {
        Instant past = Instant.now().minus(Duration.ofHours(1));
        return claims(role).issuedAt(past).expiresAt(past.plus(Duration.ofMinutes(5))).sign(KEY);
    }

    /** Signed with the trusted key, but naming another issuer. */
    public static String fromAnotherIssuer(String role) {
        return claims(role).issuer("https://someone-else.invalid").sign(KEY);
    }

    /** Signed by a key the service does not trust. */
    public static String signedByAnotherKey(String role) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return claims(role).sign(generator.generateKeyPair().getPrivate());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A valid token whose payload was changed afterwards (an extra role), its signature left as it was. */
    public static String tampered(String role) {
        String[] parts = withRoles(role).split("\\.");
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"" + role + "\"", "\"" + role + "\",\"" + Roles.AR_ADMIN + "\"");
        return parts[0] + "." + encoder.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    private static JwtClaimsBuilder claims(String... roles) {
        Instant now = Instant.now();
        return Jwt.issuer(ISSUER).subject("test-" + (roles.length == 0 ? "nobody" : roles[0]))
                .claim("preferred_username", "test-" + (roles.length == 0 ? "nobody" : roles[0]))
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .issuedAt(now).expiresAt(now.plus(Duration.ofHours(12)));
    }

    private static PrivateKey readKey() {
        try (InputStream in = TestTokens.class.getClassLoader()
                .getResourceAsStream("security/test-only-private-key.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException(e);
        }
    }
}
