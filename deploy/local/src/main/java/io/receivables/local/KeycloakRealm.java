package io.receivables.local;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * The realm {@code receivables} of the local Keycloak, created through the admin API when it does not exist yet:
 * <ul>
 * <li>the six realm roles of docs/security.md;</li>
 * <li>one demo user per role, named as its role, all with the generated demo password; the user {@code customer} has
 * the attribute {@code customer_id} ({@link #DEMO_CUSTOMER_ID}: change it to a real customer's id in the admin console
 * to see that customer in the portal role);</li>
 * <li>the public client {@code receivables-cli} (password grant, for the demo and the curl examples), which maps the
 * user attribute {@code customer_id} to the token claim of the same name;</li>
 * <li>the confidential client {@code receivables-integration}, a service account with the role {@code integration}.</li>
 * </ul>
 */
final class KeycloakRealm {

    private static final Logger LOG = LoggerFactory.getLogger(KeycloakRealm.class);

    static final String REALM = "receivables";
    static final String CLI_CLIENT = "receivables-cli";
    static final String INTEGRATION_CLIENT = "receivables-integration";
    static final List<String> ROLES = List.of("ar-admin", "accountant", "collector", "viewer", "integration", "customer");
    static final String DEMO_CUSTOMER_ID = "00000000-0000-0000-0000-000000000001";

    private final URI keycloak;
    private final KeycloakSecrets secrets;
    private final HttpClient http;

    KeycloakRealm(URI keycloak, KeycloakSecrets secrets, HttpClient http) {
        this.keycloak = keycloak;
        this.secrets = secrets;
        this.http = http;
    }

    /** Creates the realm unless it exists (then it is left as it is: an operator may have changed it). */
    void ensure() {
        String admin = accessToken(http, keycloak.resolve("/realms/master/protocol/openid-connect/token"),
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", KeycloakSecrets.ADMIN_USER,
                        "password", secrets.adminPassword()));
        HttpResponse<String> existing = KeycloakPart.send(http, HttpRequest.newBuilder(keycloak.resolve(
                "/admin/realms/" + REALM)).header("Authorization", "Bearer " + admin).timeout(Duration.ofSeconds(30))
                .GET().build());
        if (existing.statusCode() == 200) {
            return;
        }
        HttpResponse<String> created = KeycloakPart.send(http, HttpRequest.newBuilder(keycloak.resolve("/admin/realms"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(2)).POST(HttpRequest.BodyPublishers.ofString(representation())).build());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("Could not create the realm " + REALM + ": HTTP " + created.statusCode()
                    + " " + created.body());
        }
        LOG.info("Created the Keycloak realm {} with its roles, demo users and clients", REALM);
    }

    String representation() {
        Map<String, Object> realm = new LinkedHashMap<>();
        realm.put("realm", REALM);
        realm.put("enabled", true);
        realm.put("accessTokenLifespan", 900);
        realm.put("roles", Map.of("realm", ROLES.stream().map(role -> Map.of("name", role)).toList()));
        Map<String, Object> customerIdMapper = Map.of("name", "customer_id", "protocol", "openid-connect",
                "protocolMapper", "oidc-usermodel-attribute-mapper", "config", Map.of("user.attribute", "customer_id",
                        "claim.name", "customer_id", "jsonType.label", "String", "access.token.claim", "true",
                        "id.token.claim", "false", "userinfo.token.claim", "false"));
        realm.put("clients", List.of(
                Map.of("clientId", CLI_CLIENT, "publicClient", true, "directAccessGrantsEnabled", true,
                        "standardFlowEnabled", false, "protocolMappers", List.of(customerIdMapper)),
                Map.of("clientId", INTEGRATION_CLIENT, "publicClient", false, "secret",
                        secrets.integrationClientSecret(), "serviceAccountsEnabled", true,
                        "directAccessGrantsEnabled", false, "standardFlowEnabled", false)));
        List<Map<String, Object>> users = new ArrayList<>();
        for (String role : ROLES) {
            Map<String, Object> user = new LinkedHashMap<>();
            user.put("username", role);
            user.put("enabled", true);
            // Keycloak's user profile requires these before a user may log in
            user.put("email", role + "@receivables.invalid");
            user.put("emailVerified", true);
            user.put("firstName", "Demo");
            user.put("lastName", role);
            user.put("realmRoles", List.of(role));
            user.put("credentials", List.of(Map.of("type", "password", "value", secrets.demoPassword(),
                    "temporary", false)));
            if (role.equals("customer")) {
                user.put("attributes", Map.of("customer_id", List.of(DEMO_CUSTOMER_ID)));
            }
            users.add(user);
        }
        users.add(Map.of("username", "service-account-" + INTEGRATION_CLIENT, "enabled", true,
                "serviceAccountClientId", INTEGRATION_CLIENT, "realmRoles", List.of("integration")));
        realm.put("users", users);
        try {
            return KeycloakPart.JSON.writeValueAsString(realm);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The access token of a token endpoint's answer to this form. */
    static String accessToken(HttpClient http, URI tokenUrl, Map<String, String> form) {
        HttpResponse<String> response = KeycloakPart.send(http, HttpRequest.newBuilder(tokenUrl)
                .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(KeycloakPart.form(form))).build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("No token from " + tokenUrl + ": HTTP " + response.statusCode() + " "
                    + response.body());
        }
        try {
            return KeycloakPart.JSON.readTree(response.body()).path("access_token").asText();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable token response from " + tokenUrl, e);
        }
    }
}
