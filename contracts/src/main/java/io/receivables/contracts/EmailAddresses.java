package io.receivables.contracts;

import java.util.regex.Pattern;

/**
 * The one rule for an e-mail address, shared by the event schemas ({@code common.json#/$defs/email}) and the REST APIs
 * that accept one, so that an address a service accepts can always be published.
 */
public final class EmailAddresses {

    /** One '@', a dot in the domain, no whitespace: the schema's {@code pattern}. */
    public static final String REGEX = "^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$";
    public static final int MAX_LENGTH = 254;

    private static final Pattern PATTERN = Pattern.compile(REGEX);

    private EmailAddresses() {
    }

    public static boolean isValid(String address) {
        return address != null && address.length() <= MAX_LENGTH && PATTERN.matcher(address).matches();
    }
}
