package io.receivables.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class EmailAddressesTest {

    @Test
    void isTheRuleOfTheEventSchemas() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("schemas/v1/common.json")) {
            JsonNode email = new ObjectMapper().readTree(in).at("/$defs/email");
            assertThat(email.get("pattern").asText()).isEqualTo(EmailAddresses.REGEX);
            assertThat(email.get("maxLength").asInt()).isEqualTo(EmailAddresses.MAX_LENGTH);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "ap@globex.example", "ap@acme.example.com", "first.last+ar@sub.example.co.uk" })
    void acceptsAddresses(String address) {
        assertThat(EmailAddresses.isValid(address)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "not-an-email", "ap@localhost", "a b@example.com", "ap@@example.com", "@example.com",
            "ap@example." })
    void rejectsWhatIsNotAnAddress(String address) {
        assertThat(EmailAddresses.isValid(address)).isFalse();
    }
}
