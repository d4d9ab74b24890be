package io.receivables.disputes.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.receivables.common.time.BusinessCalendar;
import io.receivables.disputes.dispute.ReasonCode;
import io.receivables.disputes.sla.service.DisputeSlas;
import io.receivables.disputes.sla.service.SlaDueTimes;

/** The due times the opening stores, from the reason code's business days and, for chargebacks, the evidence date. */
class DisputeSlasTest {

    private static final BusinessCalendar CALENDAR = new BusinessCalendar(
            EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
            List.of(LocalDate.parse("2026-12-25"), LocalDate.parse("2027-01-01")), ZoneId.of("UTC"));

    private final DisputeSlas slas = new DisputeSlas(policies(new DisputeSlas.Policy(2, 10)), CALENDAR);

    @Test
    void dueTimesAreBusinessDaysFromTheOpening() {
        // Wednesday 2026-12-23: two business days skip Christmas (Friday) and the weekend
        SlaDueTimes due = slas.dueTimes(ReasonCode.PRICING, Instant.parse("2026-12-23T09:30:00Z"), null);

        assertThat(due.firstResponseDueAt()).isEqualTo(Instant.parse("2026-12-28T09:30:00Z"));
        // ten business days: 24, 28, 29, 30, 31, (1st off) 4, 5, 6, 7, 8
        assertThat(due.resolutionDueAt()).isEqualTo(Instant.parse("2027-01-08T09:30:00Z"));
    }

    @Test
    void eachReasonCodeHasItsOwnDays() {
        Map<ReasonCode, DisputeSlas.Policy> policies = new EnumMap<>(policies(new DisputeSlas.Policy(2, 10)));
        policies.put(ReasonCode.DUPLICATE_BILLING, new DisputeSlas.Policy(0, 1));
        DisputeSlas configured = new DisputeSlas(policies, CALENDAR);
        Instant saturday = Instant.parse("2026-12-05T12:00:00Z");

        SlaDueTimes due = configured.dueTimes(ReasonCode.DUPLICATE_BILLING, saturday, null);

        // opened on a Saturday: counted from Monday 00:00
        assertThat(due.firstResponseDueAt()).isEqualTo(Instant.parse("2026-12-07T00:00:00Z"));
        assertThat(due.resolutionDueAt()).isEqualTo(Instant.parse("2026-12-08T00:00:00Z"));
        assertThat(configured.dueTimes(ReasonCode.PRICING, saturday, null).resolutionDueAt())
                .isEqualTo(Instant.parse("2026-12-21T00:00:00Z"));
    }

    @Test
    void aChargebackIsDueByTheGatewaysEvidenceDate() {
        Instant opened = Instant.parse("2026-12-01T10:00:00Z");
        Instant evidenceDue = Instant.parse("2026-12-08T23:59:59Z");

        SlaDueTimes due = slas.dueTimes(ReasonCode.CHARGEBACK, opened, evidenceDue);

        assertThat(due.resolutionDueAt()).isEqualTo(evidenceDue);
        assertThat(due.firstResponseDueAt()).isEqualTo(Instant.parse("2026-12-03T10:00:00Z"));
    }

    @Test
    void anEarlyEvidenceDateBringsTheFirstResponseForward() {
        Instant opened = Instant.parse("2026-12-01T10:00:00Z");
        Instant evidenceDue = Instant.parse("2026-12-02T12:00:00Z");

        SlaDueTimes due = slas.dueTimes(ReasonCode.CHARGEBACK, opened, evidenceDue);

        assertThat(due.firstResponseDueAt()).isEqualTo(evidenceDue);
        assertThat(due.resolutionDueAt()).isEqualTo(evidenceDue);
    }

    @Test
    void theEvidenceDateIsOnlyForChargebacksAndOptional() {
        Instant opened = Instant.parse("2026-12-01T10:00:00Z");

        assertThat(slas.dueTimes(ReasonCode.QUALITY, opened, Instant.parse("2026-12-02T00:00:00Z")))
                .isEqualTo(slas.dueTimes(ReasonCode.QUALITY, opened, null));
        assertThat(slas.dueTimes(ReasonCode.CHARGEBACK, opened, null).resolutionDueAt())
                .isEqualTo(Instant.parse("2026-12-15T10:00:00Z"));
    }

    @Test
    void everyReasonCodeNeedsAnSlaAndDaysAreNotNegative() {
        assertThatThrownBy(() -> new DisputeSlas(Map.of(ReasonCode.PRICING, new DisputeSlas.Policy(2, 10)), CALENDAR))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DisputeSlas.Policy(-1, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Map<ReasonCode, DisputeSlas.Policy> policies(DisputeSlas.Policy policy) {
        return Arrays.stream(ReasonCode.values()).collect(Collectors.toMap(Function.identity(), code -> policy));
    }
}
