package io.receivables.common.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class RequestFingerprintTest {

    record Line(String description, String amount) {
    }

    record Order(String customerId, List<Line> lines, Map<String, String> tags, String note) {
    }

    private final ObjectMapper mapper = new ObjectMapper();
    private final RequestFingerprint fingerprint = new RequestFingerprint(mapper);

    @Test
    void theSameRequestWithKeysInAnotherOrderHasTheSameFingerprint() throws Exception {
        Object first = mapper.readValue("""
                {"b": 1, "a": {"y": "2", "x": [1, 2]}}""", Object.class);
        Object second = mapper.readValue("""
                {"a": {"x": [1, 2], "y": "2"},   "b": 1}""", Object.class);
        assertThat(fingerprint.of(first)).isEqualTo(fingerprint.of(second)).matches("[0-9a-f]{64}");
    }

    @Test
    void aRecordAndMapsInsideItAreHashedCanonically() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("z", "1");
        tags.put("a", "2");
        Map<String, String> reversed = new LinkedHashMap<>();
        reversed.put("a", "2");
        reversed.put("z", "1");
        assertThat(fingerprint.of(new Order("c", List.of(new Line("x", "1.00")), tags, null)))
                .isEqualTo(fingerprint.of(new Order("c", List.of(new Line("x", "1.00")), reversed, null)));
    }

    @Test
    void anyDifferenceInWhatWasAskedChangesTheFingerprint() {
        Order order = new Order("c", List.of(new Line("x", "1.00")), Map.of(), null);
        String base = fingerprint.of(order);
        assertThat(fingerprint.of(new Order("c", List.of(new Line("x", "1.01")), Map.of(), null))).isNotEqualTo(base);
        assertThat(fingerprint.of(new Order("d", List.of(new Line("x", "1.00")), Map.of(), null))).isNotEqualTo(base);
        assertThat(fingerprint.of(new Order("c", List.of(new Line("x", "1.00")), Map.of(), "n"))).isNotEqualTo(base);
        // line order is part of the request: arrays are not sorted
        assertThat(fingerprint.of(new Order("c", List.of(new Line("a", "1"), new Line("b", "2")), Map.of(), null)))
                .isNotEqualTo(fingerprint.of(
                        new Order("c", List.of(new Line("b", "2"), new Line("a", "1")), Map.of(), null)));
    }

    @Test
    void aPostWithoutABodyHasAFingerprintToo() {
        assertThat(fingerprint.of(null)).matches("[0-9a-f]{64}").isEqualTo(fingerprint.of(null));
    }
}
