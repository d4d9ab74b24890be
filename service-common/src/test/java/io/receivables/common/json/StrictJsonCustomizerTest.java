package io.receivables.common.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.receivables.common.problem.JsonPaths;

/** The strict reading of request bodies: no silent coercion, no duplicate keys, no NUL, dates in range. */
class StrictJsonCustomizerTest {

    enum Kind {
        NET,
        END_OF_MONTH
    }

    record Terms(Kind type, Integer days, Boolean primary, LocalDate until, String note, List<String> tags) {
    }

    private final ObjectMapper mapper = strict();

    private static ObjectMapper strict() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.registerModule(new JavaTimeModule());
        new StrictJsonCustomizer().customize(mapper);
        return mapper;
    }

    @Test
    void readsAWellTypedBody() throws JsonProcessingException {
        Terms terms = mapper.readValue("""
                {"type": "NET", "days": 30, "primary": true, "until": "2026-11-23", "note": "ok", "tags": ["a"]}""",
                Terms.class);
        assertThat(terms).isEqualTo(new Terms(Kind.NET, 30, true, LocalDate.of(2026, 11, 23), "ok", List.of("a")));
    }

    @Test
    void refusesEveryCoercionNamingTheField() {
        refused("{\"type\": 1}", "type");
        refused("{\"days\": 45.9}", "days");
        refused("{\"days\": 45.0}", "days");
        refused("{\"days\": \"30\"}", "days");
        refused("{\"days\": \"\"}", "days");
        refused("{\"days\": true}", "days");
        refused("{\"primary\": \"true\"}", "primary");
        refused("{\"primary\": 1}", "primary");
        refused("{\"primary\": \"\"}", "primary");
        refused("{\"type\": \"\"}", "type");
        refused("{\"note\": 12}", "note");
        refused("{\"note\": true}", "note");
        refused("{\"tags\": \"\"}", "tags");
    }

    @Test
    void acceptsOnlyIsoDateStringsBetween1900And2999() throws JsonProcessingException {
        refused("{\"until\": [2026, 1, 2]}", "until");
        refused("{\"until\": 20000}", "until");
        refused("{\"until\": \"2026-01-02T10:00:00\"}", "until");
        refused("{\"until\": \"\"}", "until");
        refused("{\"until\": \"2026-02-30\"}", "until");
        refused("{\"until\": \"+2026-01-02\"}", "until");
        refused("{\"until\": \"9999-12-31\"}", "until");
        refused("{\"until\": \"0000-01-01\"}", "until");
        refused("{\"until\": \"1582-10-10\"}", "until");
        refused("{\"until\": \"1899-12-31\"}", "until");
        refused("{\"until\": \"3000-01-01\"}", "until");
        assertThat(mapper.readValue("{\"until\": \"1900-01-01\"}", Terms.class).until()).isEqualTo("1900-01-01");
        assertThat(mapper.readValue("{\"until\": \"2999-12-31\"}", Terms.class).until()).isEqualTo("2999-12-31");
        assertThat(mapper.readValue("{\"until\": null}", Terms.class).until()).isNull();
    }

    @Test
    void refusesANulCharacterInAnyString() {
        refused("{\"note\": \"a\\u0000b\"}", "note");
        refused("{\"tags\": [\"ok\", \"\\u0000\"]}", "tags[1]");
    }

    @Test
    void refusesAKeyGivenTwiceNamingIt() {
        assertThatThrownBy(() -> mapper.readValue("{\"note\": \"a\", \"note\": \"b\"}", Terms.class))
                .isInstanceOfSatisfying(JsonProcessingException.class,
                        e -> assertThat(JsonPaths.duplicateKey(e)).isEqualTo("note"));
    }

    private void refused(String json, String field) {
        assertThatThrownBy(() -> mapper.readValue(json, Terms.class)).as(json)
                .isInstanceOfSatisfying(JsonMappingException.class, e -> assertThat(JsonPaths.of(e)).isEqualTo(field));
    }
}
