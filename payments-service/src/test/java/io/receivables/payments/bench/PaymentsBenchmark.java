package io.receivables.payments.bench;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.local.testing.LocalInfraTestResource;
import io.receivables.payments.payment.repository.PayerAccountRepository;
import io.receivables.payments.receivable.service.Receivables;
import io.receivables.payments.statement.BankLineGenerator;
import io.receivables.payments.statement.BankLineGenerator.Line;
import io.receivables.payments.statement.BankLineGenerator.Score;
import io.receivables.payments.statement.CamtStatementGenerator;
import io.receivables.payments.statement.StatementFormat;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The statement import benchmark (issue 10, part 12), run only by {@code ./mvnw -B verify -Pbenchmark -pl
 * payments-service -am} (its name matches none of surefire's default patterns; the benchmark profile runs it alone).
 * A 10,000-entry camt.053.001.08 of {@link BankLineGenerator}'s messy bank lines is imported through
 * {@code POST /bank-statements} against real PostgreSQL, beside a baseline measured in the same run on the same
 * database: the very rows the import wrote, inserted again over raw JDBC, one transaction per entry
 * ({@link RawInsertBaseline}). The machines are shared and noisy, so the ratio is the figure to compare between runs;
 * the match rate and wrong-match count of the same lines are printed too. Settings: {@code -Dbench.lines} (10000),
 * {@code -Dbench.seed} (10).
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "payments"))
class PaymentsBenchmark {

    static final int LINES = Integer.getInteger("bench.lines", 10_000);
    static final long SEED = Long.getLong("bench.seed", 10);

    @Inject
    Receivables service;

    @Inject
    PayerAccountRepository payers;

    @Inject
    Pool pool;

    @Test
    void importTenThousandEntries() throws Exception {
        BankLineGenerator.DataSet data = BankLineGenerator.generate(SEED, LINES);
        byte[] file = CamtStatementGenerator.camt053(data.lines(), StatementFormat.CAMT_053_001_08);
        long loading = System.nanoTime();
        new GeneratedReceivables(data).load(service, payers);
        double loadSeconds = (System.nanoTime() - loading) / 1e9;

        long start = System.nanoTime();
        JsonPath report = given()
                .config(RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                        .setParam("http.socket.timeout", 3_600_000)))
                .contentType("application/xml").body(file).post("/bank-statements").then().statusCode(200)
                .extract().jsonPath();
        double importSeconds = (System.nanoTime() - start) / 1e9;
        assertThat(report.getList("entries")).hasSize(LINES);
        double importRate = LINES / importSeconds;

        List<String> references = data.lines().stream().map(Line::bankReference).toList();
        Map<UUID, String> payments = Allocated.payments(report, references);
        Score score = data.score(Allocated.read(pool, payments).invoicesByBankReference());

        var config = ConfigProvider.getConfig();
        RawInsertBaseline baseline = new RawInsertBaseline(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getOptionalValue("quarkus.datasource.username", String.class).orElse("postgres"),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
        List<RawInsertBaseline.Entry> entries = baseline.rowsOf(payments.keySet());
        RawInsertBaseline.Rate raw = baseline.insert(entries);

        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%nPayments benchmark: %d cores, %s, load average %.2f%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), loadAverage()));
        out.append(String.format(Locale.ROOT,
                "%n[statement import] camt.053.001.08, %,d entries (%,d bytes), %,d open invoices of %,d customers"
                        + " (read model loaded in %.1f s)%n",
                LINES, file.length, data.invoices().size(), data.invoices().stream()
                        .map(BankLineGenerator.Invoice::customerName).distinct().count(),
                loadSeconds));
        out.append(String.format(Locale.ROOT, "  %-48s %10.1f entries/s (%.1f s)%n",
                "POST /bank-statements (read, match, record):", importRate, importSeconds));
        out.append(String.format(Locale.ROOT, "  %-48s %10.1f entries/s (%.1f rows per entry)%n",
                "raw JDBC insert of the same rows (baseline):", raw.entriesPerSecond(), raw.rowsPerEntry()));
        out.append(String.format(Locale.ROOT, "  %-48s %10.2f%n", "ratio import / baseline:",
                importRate / raw.entriesPerSecond()));
        out.append(String.format(Locale.ROOT, "  %-48s %9.1f%% (%d of %d matchable lines)%n",
                "automatic match rate:", score.matchRate() * 100, score.matched(), score.matchable()));
        out.append(String.format(Locale.ROOT, "  %-48s %10d%n", "wrong matches:", score.wrong()));
        out.append(String.format(Locale.ROOT, "  %-48s %s%n", "report totals:", report.getMap("totals")));
        out.append(String.format(Locale.ROOT, "%nload average at the end: %.2f%n", loadAverage()));
        System.out.print(out);

        assertThat(entries).as("every entry's rows read back").hasSize(LINES);
        assertThat(score.wrong()).as("wrong matches").isZero();
    }

    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
