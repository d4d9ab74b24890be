package io.receivables.payments.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.receivables.common.problem.FieldError;
import io.receivables.common.problem.ProblemType;

/** The files under statements/rejected, each refused with a 400 naming what is wrong. */
class RejectedFilesTest {

    private final BankStatementReader reader = new BankStatementReader();

    @Test
    void anExternalEntity() {
        assertThatThrownBy(() -> reader.read(StatementFiles.bytes("rejected/xxe-external-entity.xml")))
                .isInstanceOfSatisfying(StatementRejectedException.class, e -> {
                    assertThat(e.type()).isEqualTo(ProblemType.VALIDATION);
                    assertThat(e.errors()).extracting(FieldError::field).containsExactly("DOCTYPE");
                    assertThat(e.getMessage()).doesNotContain("root:x:0:0");
                });
    }

    @Test
    void entityExpansion() {
        long start = System.nanoTime();

        assertThatThrownBy(() -> reader.read(StatementFiles.bytes("rejected/billion-laughs.xml")))
                .isInstanceOfSatisfying(StatementRejectedException.class,
                        e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("DOCTYPE"));
        assertThat((System.nanoTime() - start) / 1_000_000).as("refused before expanding anything").isLessThan(2_000);
    }

    @Test
    void anUnsupportedVersion() {
        assertThatThrownBy(() -> reader.read(StatementFiles.bytes("rejected/camt053-v04-unsupported.xml")))
                .isInstanceOfSatisfying(StatementRejectedException.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(error -> {
                            assertThat(error.field()).isEqualTo("Document");
                            assertThat(error.message()).contains("camt.053.001.04}Document");
                        }));
    }

    @Test
    void moreDecimalsThanTheCurrencyHas() {
        assertThatThrownBy(() -> reader.read(StatementFiles.bytes("rejected/camt054-v02-three-decimals.xml")))
                .isInstanceOfSatisfying(StatementRejectedException.class, e -> assertThat(e.errors()).containsExactly(
                        new FieldError("Ntfctn[1]/Ntry[1]/Amt", "1190.005 EUR has 3 decimals; EUR has 2 (line 17)")));
    }
}
