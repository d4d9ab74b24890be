package io.receivables.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class InfraMainTest {

    @Test
    void parsesTheOptionsOfTheTestResource() {
        InfraMain.Options options = InfraMain.Options.parse(new String[] { "--ephemeral", "--database", "invoicing",
                "--partitions", "3", "--ready-file", "/tmp/ready.properties", "--log-file", "/tmp/infra.log",
                "--control-file", "/tmp/infra.control" });
        assertThat(options.ephemeral).isTrue();
        assertThat(options.databases).containsExactly("invoicing");
        assertThat(options.partitions).isEqualTo(3);
        assertThat(options.readyFile).isEqualTo(Path.of("/tmp/ready.properties"));
        assertThat(options.logFile).isEqualTo(Path.of("/tmp/infra.log"));
        assertThat(options.controlFile).isEqualTo(Path.of("/tmp/infra.control"));
        assertThat(options.postgresPort).as("a free port").isZero();
        assertThat(options.withConnect).isFalse();
    }

    @Test
    void needsEitherAnEphemeralOrAGivenDataDirectory() {
        assertThatThrownBy(() -> InfraMain.Options.parse(new String[] { "--database", "invoicing" }))
                .hasMessageContaining("--ephemeral or --data-dir");
        assertThatThrownBy(() -> InfraMain.Options.parse(new String[] { "--ephemeral", "--data-dir", "x" }))
                .hasMessageContaining("--ephemeral or --data-dir");
        assertThatThrownBy(() -> InfraMain.Options.parse(new String[] { "--ephemeral", "--nope" }))
                .hasMessageContaining("unknown option --nope");
    }
}
