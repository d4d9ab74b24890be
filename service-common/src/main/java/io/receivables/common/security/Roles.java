package io.receivables.common.security;

import java.util.List;

/** The realm roles a token can carry (docs/security.md); the role matrices name operations' roles from these. */
public final class Roles {

    public static final String AR_ADMIN = "ar-admin";
    public static final String ACCOUNTANT = "accountant";
    public static final String COLLECTOR = "collector";
    public static final String VIEWER = "viewer";
    public static final String INTEGRATION = "integration";
    /** A portal user bound to one customer by the token's {@link #CUSTOMER_ID_CLAIM}. */
    public static final String CUSTOMER = "customer";

    public static final List<String> ALL = List.of(AR_ADMIN, ACCOUNTANT, COLLECTOR, VIEWER, INTEGRATION, CUSTOMER);

    /** The claim naming the customer a {@link #CUSTOMER} token is bound to. */
    public static final String CUSTOMER_ID_CLAIM = "customer_id";

    private Roles() {
    }
}
