package io.receivables.dunning.interest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.local.testing.LocalInfraTestResource;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The seeded reference rates are exactly the shipped public data (src/main/resources/rates, see its SOURCE.md): each
 * MRO change of the ECB file, each half-year of the Basiszinssatz file, nothing more and nothing altered.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "dunning"))
class ReferenceRateSeedTest {

    /** The last date of the shipped data; tests that add rates add them after it. */
    static final String LAST_SHIPPED = "2025-07-01";

    @Inject
    Pool pool;

    @Test
    void theSeedIsTheEcbFileRowForRow() throws IOException {
        List<String> expected = new ArrayList<>();
        for (String[] row : csv("rates/ecb-key-rates-2005-2025.csv")) {
            if (!row[1].isEmpty()) { // 2008-10-08/09: only the corridor moved, the MRO cell is empty
                expected.add(row[0] + " " + row[1]);
            }
        }

        assertThat(seeded("ECB_MRO")).hasSize(46).containsExactlyElementsOf(expected);
    }

    @Test
    void theSeedIsTheBasiszinssatzFileRowForRow() throws IOException {
        List<String> expected = csv("rates/de-basiszinssatz-halfyears.csv").stream().map(row -> row[0] + " " + row[1])
                .toList();

        assertThat(seeded("DE_BASISZINSSATZ")).hasSize(48).containsExactlyElementsOf(expected)
                .contains("2016-07-01 -0.88", "2025-07-01 1.27");
    }

    @Test
    void theImpliedEcbReferenceRateOfTheBundesbankFileMatchesTheEcbSeed() throws IOException {
        // two independent sources agree: from 2009 (fixed-rate tenders) the Bundesbank's Basiszinssatz is the ECB
        // reference rate of the half-year - 0.88, and the file says which reference rate it implies
        RateSchedule ecb = new RateSchedule(RateKind.ECB_MRO, seeded("ECB_MRO").stream()
                .map(line -> new RatePoint(LocalDate.parse(line.substring(0, 10)),
                        new BigDecimal(line.substring(11))))
                .toList());
        int compared = 0;
        for (String[] row : csv("rates/de-basiszinssatz-halfyears.csv")) {
            if (row.length > 3 && !row[3].isEmpty()) {
                LocalDate halfYear = LocalDate.parse(row[0]);
                assertThat(ecb.fixedFor(halfYear).orElseThrow().percent()).as("ECB rate fixed for %s", halfYear)
                        .isEqualByComparingTo(row[3]);
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(30);
    }

    private List<String> seeded(String kind) {
        List<String> rows = new ArrayList<>();
        pool.preparedQuery("SELECT valid_from, rate_percent FROM reference_rate WHERE kind = $1 AND valid_from <= $2"
                + " ORDER BY valid_from")
                .execute(Tuple.of(kind, LocalDate.parse(LAST_SHIPPED)))
                .await().indefinitely()
                .forEach(row -> rows.add(row.getLocalDate(0) + " " + row.getBigDecimal(1).stripTrailingZeros()
                        .setScale(2).toPlainString()));
        return rows;
    }

    private static List<String[]> csv(String resource) throws IOException {
        try (InputStream in = ReferenceRateSeedTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1)
                    .filter(line -> !line.isBlank()).toList();
            // the files' last columns are free text that may hold commas: only the first ones are read
            return lines.stream().map(line -> line.split(",", -1)).toList();
        }
    }
}
