package io.receivables.payments.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The camt test files are real camt: each is valid against the official XSD of its namespace. */
class CamtFixturesTest {

    @ParameterizedTest
    @ValueSource(strings = { "camt053-v02-references.xml", "camt053-v08-batch.xml", "camt054-v02-credit.xml",
            "camt054-v08-return.xml" })
    void everyCamtTestFileIsValidAgainstItsSchema(String file) {
        StatementFormat format = CamtSchemas.validate(StatementFiles.bytes(file));

        assertThat(new BankStatementReader().read(StatementFiles.bytes(file)).format()).isEqualTo(format);
    }

    @Test
    void theRejectedAmountIsRefusedByTheReaderThoughTheSchemaAllowsIt() {
        // the XSD allows 5 decimals for any currency: the currency's minor unit is the reader's rule
        CamtSchemas.validate(StatementFiles.bytes("rejected/camt054-v02-three-decimals.xml"));
    }

    @Test
    void theSchemaCheckCanFail() {
        // an entry without its mandatory status: the check above would catch a file that is not camt
        String broken = StatementFiles.text("camt053-v02-references.xml").replaceFirst("<Sts>BOOK</Sts>", "");

        assertThatThrownBy(() -> CamtSchemas.validate(broken.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("not valid CAMT_053_001_02");
    }
}
