package io.receivables.common.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.receivables.common.problem.FieldError;

class QueryParametersTest {

    @Test
    void aLimitIsAWholeNumberInRangeOrAnErrorNamingIt() {
        for (String bad : new String[] { "abc", "0", "-1", "501", "1.5", "99999999999", "+5" }) {
            List<FieldError> errors = new ArrayList<>();
            QueryParameters.limit("limit", bad, 50, 500, errors);
            assertThat(errors).as(bad).extracting(FieldError::field).containsExactly("limit");
        }
        List<FieldError> errors = new ArrayList<>();
        assertThat(QueryParameters.limit("limit", null, 50, 500, errors)).isEqualTo(50);
        assertThat(QueryParameters.limit("limit", "500", 50, 500, errors)).isEqualTo(500);
        assertThat(errors).isEmpty();
    }

    @Test
    void aDateOutsideTheRangeIsAnErrorNamingIt() {
        List<FieldError> errors = new ArrayList<>();
        assertThat(QueryParameters.date("asOf", "0000-01-01", errors)).isNull();
        assertThat(QueryParameters.date("asOf", "9999-12-31", errors)).isNull();
        assertThat(errors).extracting(FieldError::field).containsExactly("asOf", "asOf");
    }

    @Test
    void aNulInTextIsAnErrorNamingIt() {
        List<FieldError> errors = new ArrayList<>();
        assertThat(QueryParameters.text("cursor", "ab\u0000", errors)).isNull();
        assertThat(errors).extracting(FieldError::field).containsExactly("cursor");
    }

    @Test
    void aFlagIsExactlyTrueOrFalseOrAnErrorNamingIt() {
        for (String bad : new String[] { "abc", "1", "0", "yes", "TRUE", "False", " true" }) {
            List<FieldError> errors = new ArrayList<>();
            QueryParameters.bool("includeReplayed", bad, false, errors);
            assertThat(errors).as(bad).extracting(FieldError::field).containsExactly("includeReplayed");
        }
        List<FieldError> errors = new ArrayList<>();
        assertThat(QueryParameters.bool("includeReplayed", null, false, errors)).isFalse();
        assertThat(QueryParameters.bool("includeReplayed", "", true, errors)).isTrue();
        assertThat(QueryParameters.bool("includeReplayed", "true", false, errors)).isTrue();
        assertThat(QueryParameters.bool("includeReplayed", "false", true, errors)).isFalse();
        assertThat(errors).isEmpty();
    }
}
