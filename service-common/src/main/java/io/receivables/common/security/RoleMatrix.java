package io.receivables.common.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which roles may call each operation, by operationId: the service's own matrix
 * ({@code receivables.security.role-matrix}, {@code security/role-matrix.properties}) and service-common's
 * {@code security/common-role-matrix.properties} for the operations every service has. An operation in neither is
 * allowed to no one (fail closed); a role that does not exist, or an operation in both files, is a startup error.
 */
public final class RoleMatrix {

    public static final String COMMON = "security/common-role-matrix.properties";
    /**
     * The roles of test-only resources (a service's {@code src/test/resources}, never {@code src/main}): hidden from the
     * OpenAPI document, yet as closed as every other operation.
     */
    public static final String TEST_ONLY = "security/test-only-role-matrix.properties";

    /**
     * The matrix value of an operation that takes no bearer token because it authenticates each request itself (a
     * payment provider's signed webhook, which cannot send our tokens). Alone, never with roles; its resource method
     * carries {@link #PUBLIC_EXTENSION} so that the OpenAPI document says so (docs/security.md#signed-webhooks).
     */
    public static final String PUBLIC = "public-signed";
    /** The OpenAPI extension on such an operation, naming how it authenticates requests. */
    public static final String PUBLIC_EXTENSION = "x-authenticated-by";

    private final Map<String, Set<String>> rolesByOperation;
    private final Set<String> testOnly;

    private RoleMatrix(Map<String, Set<String>> rolesByOperation, Set<String> testOnly) {
        this.rolesByOperation = Collections.unmodifiableMap(rolesByOperation);
        this.testOnly = Collections.unmodifiableSet(testOnly);
    }

    /** The common matrix and the service's, read from the class path. */
    public static RoleMatrix load(ClassLoader loader, String serviceMatrix) {
        Map<String, Set<String>> roles = new TreeMap<>();
        read(loader, COMMON, roles);
        read(loader, serviceMatrix, roles);
        Set<String> testOnly = new TreeSet<>();
        if (loader.getResource(TEST_ONLY) != null) {
            Map<String, Set<String>> testRoles = new TreeMap<>();
            read(loader, TEST_ONLY, testRoles);
            testOnly.addAll(testRoles.keySet());
            testRoles.forEach((operation, allowed) -> {
                if (roles.put(operation, allowed) != null) {
                    throw new IllegalStateException("Role matrix " + TEST_ONLY + ": " + operation + " named again");
                }
            });
        }
        return new RoleMatrix(roles, testOnly);
    }

    /** The roles allowed to call the operation; empty for an operation the matrix does not name. */
    public Set<String> rolesOf(String operationId) {
        return isPublic(operationId) ? Set.of() : rolesByOperation.getOrDefault(operationId, Set.of());
    }

    /** True for an operation the matrix marks {@link #PUBLIC}: no bearer token, the operation checks a signature. */
    public boolean isPublic(String operationId) {
        return rolesByOperation.getOrDefault(operationId, Set.of()).contains(PUBLIC);
    }

    public boolean names(String operationId) {
        return rolesByOperation.containsKey(operationId);
    }

    public Map<String, Set<String>> entries() {
        return rolesByOperation;
    }

    /** The operations of {@link #TEST_ONLY}. */
    public Set<String> testOnly() {
        return testOnly;
    }

    private static void read(ClassLoader loader, String resource, Map<String, Set<String>> into) {
        Properties properties = new Properties();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No role matrix " + resource + " on the class path (docs/security.md)");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> errors = new ArrayList<>();
        for (String operation : properties.stringPropertyNames()) {
            Set<String> roles = new LinkedHashSet<>();
            for (String role : Arrays.stream(properties.getProperty(operation).split(",")).map(String::strip)
                    .filter(r -> !r.isEmpty()).toList()) {
                if (PUBLIC.equals(role)) {
                    if (!properties.getProperty(operation).strip().equals(PUBLIC)) {
                        errors.add(operation + ": " + PUBLIC + " stands alone, never with roles");
                    }
                } else if (!Roles.ALL.contains(role)) {
                    errors.add(operation + ": unknown role " + role);
                }
                roles.add(role);
            }
            if (into.put(operation, Collections.unmodifiableSet(roles)) != null) {
                errors.add(operation + ": named again in " + resource);
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException("Role matrix " + resource + ": " + String.join("; ", errors));
        }
    }
}
