package io.receivables.payments.statement;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The statement files under src/test/resources/statements. */
public final class StatementFiles {

    public static final List<String> CAMT = List.of("camt053-v02-references.xml", "camt053-v08-batch.xml",
            "camt054-v02-credit.xml", "camt054-v08-return.xml");

    private StatementFiles() {
    }

    public static byte[] bytes(String name) {
        try (InputStream in = StatementFiles.class.getResourceAsStream("/statements/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test file " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String name) {
        return new String(bytes(name), java.nio.charset.StandardCharsets.UTF_8);
    }
}
