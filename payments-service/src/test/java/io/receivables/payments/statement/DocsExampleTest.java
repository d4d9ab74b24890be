package io.receivables.payments.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The tiny camt.053 of docs/payments.md's curl example is a file the reader takes, with the outcome it shows. */
class DocsExampleTest {

    @Test
    void theDocumentedStatementIsRead() throws Exception {
        String doc = Files.readString(Path.of("../docs/payments.md"));
        int start = doc.indexOf("cat > /tmp/stmt.xml <<'XML'\n") + "cat > /tmp/stmt.xml <<'XML'\n".length();
        String xml = doc.substring(start, doc.indexOf("\nXML\n", start));

        ParsedStatement statement = new BankStatementReader().read(xml.getBytes(StandardCharsets.UTF_8));

        assertThat(statement.format()).isEqualTo(StatementFormat.CAMT_053_001_02);
        assertThat(statement.statementIds()).containsExactly("S1");
        assertThat(statement.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo(EntryKind.PAYMENT);
            assertThat(entry.bankReference()).isEqualTo("DE89370400440532013000/20261120001");
            assertThat(entry.endToEndId()).isEqualTo("E2E-1");
            assertThat(entry.location()).startsWith("Stmt[1]/Ntry[1]");
        });
    }
}
