package io.receivables.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class FreePortsTest {

    /**
     * Kafka's client and controller listeners are picked one after the other; when the kernel offered
     * the same ephemeral port twice the broker refused to start. A few hundred probes make such a repeat
     * near certain (birthday bound over the ephemeral range), so this fails without the guard.
     */
    @Test
    void never_hands_out_the_same_port_twice() {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 600; i++) {
            assertThat(ports.add(FreePorts.find())).as("port handed out twice").isTrue();
        }
    }

    @Test
    void an_explicit_port_is_kept() {
        assertThat(FreePorts.orFree(45123)).isEqualTo(45123);
    }
}
