package io.receivables.dunning.receivable;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.receivables.common.testing.CloudEventProducer;
import io.receivables.contracts.events.DoNotDun;
import io.receivables.contracts.events.InvoiceIssued;
import io.receivables.contracts.events.PaymentPlanCreated.Instalment;
import io.receivables.dunning.receivable.consumer.PaymentsEventsConsumer;
import io.receivables.dunning.receivable.service.ConsumerCatchUp;
import io.receivables.dunning.receivable.service.CustomerPage;
import io.receivables.dunning.receivable.service.DunningQueries;
import io.receivables.dunning.receivable.service.OpenItem;
import io.receivables.local.testing.LocalInfraTestResource;
import io.restassured.path.json.JsonPath;
import io.smallrye.mutiny.Uni;

/**
 * Dunning's read model is built from ar.invoicing.events, ar.payments.events and ar.disputes.events only, through the
 * inbox (a redelivery applies once), and answers the run's questions: a customer's open items with what is collectable,
 * the customers with something collectable overdue (keyset-paged) and whether the payments consumer has caught up. Each
 * test works on customers of its own (random), so tests need no order and no cleanup; each waits for a sentinel event
 * sent last on the same key (so the same partition) before it asserts.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "dunning"))
class ReadModelTest {

    static final Duration WAIT = Duration.ofSeconds(60);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    DunningDatabase db;

    @Inject
    DunningQueries queries;

    @Inject
    ConsumerCatchUp catchUp;

    CloudEventProducer producer;
    DunningEvents events;

    @BeforeEach
    void connect() {
        producer = new CloudEventProducer(bootstrap);
        events = new DunningEvents(producer);
    }

    @AfterEach
    void disconnect() {
        producer.close();
    }

    @Test
    void invoicingEventsGiveTheProfileAndOpenItemsAndARedeliveryAppliesOnce() {
        UUID customer = UUID.randomUUID();
        UUID invoice = UUID.randomUUID();
        UUID voided = UUID.randomUUID();
        UUID fee = UUID.randomUUID();
        events.customerRegistered(customer, "Globex");
        events.customerUpdated(customer, "Globex GmbH", "key-accounts", "de", "ap@globex.example",
                List.of(DunningEvents.contact("Hans", "hans@globex.example", null, false),
                        DunningEvents.contact("Greta", null, "+49301234567", true)),
                new DoNotDun("insolvency proceedings", LocalDate.of(2026, 12, 31)));
        UUID issuedTwice = UUID.randomUUID();
        events.invoiceIssued(issuedTwice, customer, invoice, "1000.00", DunningEvents.DUE, null);
        events.invoiceIssued(issuedTwice, customer, invoice, "1000.00", DunningEvents.DUE, null);
        events.creditNote(customer, invoice, "100.00");
        events.invoiceIssued(customer, voided, "40.00", DunningEvents.DUE);
        events.voided(customer, voided, "40.00");
        events.invoiceIssued(UUID.randomUUID(), customer, fee, "40.00", DunningEvents.DUE.plusDays(10),
                new InvoiceIssued.LateFee(UUID.randomUUID(), invoice));
        UUID sentinel = UUID.randomUUID();
        events.invoiceIssued(customer, sentinel, "1.00", DunningEvents.DUE.plusDays(60));
        awaitInvoice(sentinel);

        JsonPath state = state(customer, "2026-12-15");
        assertThat(state.getString("legalName")).isEqualTo("Globex GmbH");
        assertThat(state.getString("segment")).isEqualTo("key-accounts");
        assertThat(state.getString("language")).isEqualTo("de");
        assertThat(state.getString("billingEmail")).isEqualTo("ap@globex.example");
        assertThat(state.getString("phone")).as("the primary contact's").isEqualTo("+49301234567");
        assertThat(state.getString("doNotDun.until")).isEqualTo("2026-12-31");
        assertThat(state.getBoolean("doNotDun.active")).isTrue();
        assertThat(state.getList("holds.kind", String.class)).containsExactly("DO_NOT_DUN");
        assertThat(state(customer, "2027-01-01").getBoolean("doNotDun.active")).as("after its end date").isFalse();

        assertThat(state.getList("items.invoiceId", String.class)).as("the voided invoice is not open")
                .containsExactly(invoice.toString(), fee.toString(), sentinel.toString());
        Map<String, Object> item = state.getMap("items[0]");
        assertThat(item).containsEntry("total", "1000.00").containsEntry("openAmount", "900.00")
                .containsEntry("collectableAmount", "900.00").containsEntry("feeInvoice", false)
                .containsEntry("overdue", true);
        assertThat(state.getMap("items[1]")).as("a fee invoice: never charged a fee itself")
                .containsEntry("feeInvoice", true).containsEntry("feeForInvoiceId", invoice.toString());
        assertThat(state.getBoolean("items[2].overdue")).isFalse();
        assertThat(db.count("dunning_invoice", "invoice_id = $1", invoice)).as("issued once").isEqualTo(1);

        // customer-updated carries the whole profile: without doNotDun, it is lifted
        events.customerUpdated(customer, "Globex GmbH", "key-accounts", "de", "ap@globex.example", List.of(), null);
        await().atMost(WAIT)
                .until(() -> db.count("dunning_customer", "customer_id = $1 AND do_not_dun_reason IS NULL", customer) == 1);
        JsonPath lifted = state(customer, "2026-12-15");
        assertThat(lifted.getString("doNotDun")).isNull();
        assertThat(lifted.getString("phone")).isNull();
        assertThat(lifted.getList("holds")).isEmpty();
    }

    @Test
    void aPartlyDisputedInvoiceIsCollectableForTheRestAndAReopenedDisputeHoldsAgain() {
        UUID customer = UUID.randomUUID();
        UUID invoice = UUID.randomUUID();
        UUID dispute = UUID.randomUUID();
        events.invoiceIssued(customer, invoice, "1000.00", DunningEvents.DUE);
        awaitInvoice(invoice);
        UUID openedTwice = UUID.randomUUID();
        events.disputeOpened(openedTwice, customer, dispute, invoice, "200.00");
        events.disputeOpened(openedTwice, customer, dispute, invoice, "200.00");
        awaitDisputeSentinel(customer);

        assertThat(db.disputedAmount(invoice)).as("the redelivery held nothing twice").isEqualByComparingTo("200.00");
        JsonPath state = state(customer, "2026-12-15");
        assertThat(state.getMap("items[0]")).containsEntry("openAmount", "1000.00")
                .containsEntry("disputedAmount", "200.00").containsEntry("collectableAmount", "800.00");
        assertThat(state.getMap("holds.find { it.invoiceId == '%s' }".formatted(invoice)))
                .containsEntry("kind", "DISPUTE").containsEntry("amount", "200.00");

        // a dispute in another currency than its invoice can never apply: dead-lettered, nothing held
        UUID inDollars = events.disputeOpened(UUID.randomUUID(), customer, UUID.randomUUID(), invoice, "300.00", "USD");
        await().atMost(WAIT).until(() -> db.count("dead_letter", "event_id = $1", inDollars) == 1);
        assertThat(db.disputedAmount(invoice)).isEqualByComparingTo("200.00");

        events.disputeRejected(customer, dispute, invoice, "200.00");
        await().atMost(WAIT).until(() -> db.disputedAmount(invoice).signum() == 0);
        assertThat(state(customer, "2026-12-15").getString("items[0].collectableAmount")).isEqualTo("1000.00");

        events.disputeReopened(customer, dispute, invoice, "200.00");
        await().atMost(WAIT).until(() -> db.disputedAmount(invoice).compareTo(new BigDecimal("200.00")) == 0);
        assertThat(state(customer, "2026-12-15").getString("items[0].collectableAmount")).isEqualTo("800.00");

        // paid down to 150: the dispute of 200 holds all that is left, and never more
        events.paid(customer, invoice, "850.00");
        await().atMost(WAIT).until(() -> db.openAmount(invoice).compareTo(new BigDecimal("150.00")) == 0);
        assertThat(state(customer, "2026-12-15").getString("items[0].collectableAmount")).isEqualTo("0.00");
        assertThat(overdueCustomers(LocalDate.of(2026, 12, 15))).as("nothing collectable").doesNotContain(customer);
    }

    @Test
    void aPaymentBeforeItsInvoiceWaitsParkedAndAppliesWhenTheInvoiceArrives() {
        UUID customer = UUID.randomUUID();
        UUID invoice = UUID.randomUUID();
        events.paid(customer, invoice, "250.00");
        events.disputeOpened(UUID.randomUUID(), customer, UUID.randomUUID(), invoice, "100.00");
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> db.parkedFor("invoice:" + invoice) == 2);

        events.invoiceIssued(customer, invoice, "1000.00", DunningEvents.DUE);
        await().atMost(WAIT).until(() -> db.openAmount(invoice) != null
                && db.openAmount(invoice).compareTo(new BigDecimal("750.00")) == 0);
        assertThat(db.disputedAmount(invoice)).isEqualByComparingTo("100.00");
        assertThat(db.parkedFor("invoice:" + invoice)).isZero();
        assertThat(state(customer, "2026-12-15").getString("items[0].collectableAmount")).isEqualTo("650.00");
    }

    @Test
    void anActivePlansInstalmentDatesReplaceTheDueDateUntilItBreaks() {
        UUID customer = UUID.randomUUID();
        UUID invoice = UUID.randomUUID();
        UUID plan = UUID.randomUUID();
        events.invoiceIssued(customer, invoice, "300.00", DunningEvents.DUE);
        awaitInvoice(invoice);
        LocalDate first = LocalDate.of(2027, 1, 15);
        events.planCreated(customer, plan, invoice, "300.00", LocalDate.of(2026, 12, 20), "100.00",
                List.of(new Instalment(1, first, new BigDecimal("100.00")),
                        new Instalment(2, first.plusMonths(1), new BigDecimal("100.00"))));
        await().atMost(WAIT).until(() -> db.planInstalments(plan) == 3);

        List<OpenItem> items = openItems(customer);
        assertThat(items).hasSize(1);
        assertThat(items.get(0).planId()).isEqualTo(plan);
        assertThat(items.get(0).effectiveDueDates()).containsExactly(LocalDate.of(2026, 12, 20), first,
                first.plusMonths(1));
        assertThat(overdueCustomers(LocalDate.of(2026, 12, 15)))
                .as("the invoice's due date passed, but the plan's first date has not").doesNotContain(customer);
        assertThat(overdueCustomers(LocalDate.of(2026, 12, 21))).as("the down payment's date passed")
                .contains(customer);
        JsonPath state = state(customer, "2026-12-15");
        assertThat(state.getList("items[0].instalments.dueDate", String.class)).containsExactly("2026-12-20",
                "2027-01-15", "2027-02-15");
        assertThat(state.getBoolean("items[0].overdue")).isFalse();
        assertThat(state.getMap("holds[0]")).containsEntry("kind", "PAYMENT_PLAN").containsEntry("until", "2027-02-15");

        events.planBroken(customer, plan, invoice, LocalDate.of(2026, 12, 20));
        await().atMost(WAIT).until(() -> "BROKEN".equals(db.planState(plan)));
        assertThat(openItems(customer).get(0).planId()).isNull();
        assertThat(overdueCustomers(LocalDate.of(2026, 12, 15))).as("the due date counts again").contains(customer);
    }

    @Test
    void overdueCustomersArePagedInIdOrderAndOnlyThoseWithSomethingCollectableOverdue() {
        List<UUID> overdue = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            UUID customer = UUID.randomUUID();
            UUID invoice = UUID.randomUUID();
            events.invoiceIssued(customer, invoice, "100.00", DunningEvents.DUE);
            overdue.add(customer);
            awaitInvoice(invoice);
        }
        UUID notYetDue = UUID.randomUUID();
        UUID later = UUID.randomUUID();
        events.invoiceIssued(notYetDue, later, "100.00", DunningEvents.DUE.plusDays(30));
        UUID paid = UUID.randomUUID();
        UUID paidInvoice = UUID.randomUUID();
        events.invoiceIssued(paid, paidInvoice, "100.00", DunningEvents.DUE);
        awaitInvoice(later);
        awaitInvoice(paidInvoice);
        events.paid(paid, paidInvoice, "100.00");
        await().atMost(WAIT).until(() -> db.openAmount(paidInvoice).signum() == 0);

        LocalDate asOf = DunningEvents.DUE.plusDays(1);
        assertThat(overdueCustomers(DunningEvents.DUE)).as("due today is not overdue").doesNotContainAnyElementsOf(overdue);
        List<UUID> all = overdueCustomers(asOf);
        assertThat(all).containsAll(overdue).doesNotContain(notYetDue, paid);
        // PostgreSQL orders UUIDs as unsigned bytes, as their text sorts (Java's UUID.compareTo does not: signed longs)
        assertThat(all).as("each once, in id order").doesNotHaveDuplicates()
                .isSortedAccordingTo(java.util.Comparator.comparing(UUID::toString));
    }

    @Test
    void whenThePaymentsConsumerHasCaughtUpToAMarkEveryPaymentBeforeItIsApplied() {
        UUID customer = UUID.randomUUID();
        UUID invoice = UUID.randomUUID();
        events.invoiceIssued(customer, invoice, "500.00", DunningEvents.DUE);
        awaitInvoice(invoice);
        UUID paidTwice = UUID.randomUUID();
        UUID payment = UUID.randomUUID();
        events.paid(paidTwice, customer, payment, invoice, "120.00");
        events.paid(paidTwice, customer, payment, invoice, "120.00");
        ConsumerCatchUp.Mark mark = result(catchUp.mark(PaymentsEventsConsumer.CHANNEL));
        assertThat(mark.groupId()).isEqualTo("dunning.payments-events");
        assertThat(mark.endOffsets()).isNotEmpty();

        await().atMost(WAIT).until(() -> result(catchUp.progress(mark)).caughtUp());
        assertThat(db.openAmount(invoice)).as("caught up: the payment sent before the mark is in the read model, once")
                .isEqualByComparingTo("380.00");

        // a mark past what the group committed (records it has not read yet) is not caught up
        Map<Integer, Long> ahead = new java.util.HashMap<>();
        mark.endOffsets().forEach((partition, end) -> ahead.put(partition, end + 5));
        ConsumerCatchUp.Progress behind = result(catchUp.progress(new ConsumerCatchUp.Mark(mark.channel(),
                mark.topic(), mark.groupId(), ahead, mark.takenAt())));
        assertThat(behind.caughtUp()).isFalse();
        assertThat(behind.recordsBehind()).isGreaterThanOrEqualTo(5L * ahead.size());
    }

    private JsonPath state(UUID customer, String asOf) {
        return given().queryParam("asOf", asOf).get("/customers/" + customer + "/dunning-state").then()
                .statusCode(200).extract().jsonPath();
    }

    private List<OpenItem> openItems(UUID customer) {
        return inSession(() -> queries.openItems(customer));
    }

    /** Every page, from the start: what a run claiming customers in batches of two would see. */
    private List<UUID> overdueCustomers(LocalDate asOf) {
        List<UUID> all = new ArrayList<>();
        UUID after = null;
        do {
            UUID from = after;
            CustomerPage page = inSession(() -> queries.overdueCustomers(asOf, from, 2));
            assertThat(page.customerIds()).hasSizeLessThanOrEqualTo(2);
            all.addAll(page.customerIds());
            after = page.after();
        } while (after != null);
        return all;
    }

    private void awaitInvoice(UUID invoice) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> db.openAmount(invoice) != null);
    }

    /** A dispute on an invoice of its own, after the customer's other dispute events: once it shows, they all have. */
    private void awaitDisputeSentinel(UUID customer) {
        UUID invoice = UUID.randomUUID();
        events.invoiceIssued(customer, invoice, "10.00", DunningEvents.DUE.plusDays(60));
        awaitInvoice(invoice);
        events.disputeOpened(UUID.randomUUID(), customer, UUID.randomUUID(), invoice, "1.00");
        await().atMost(WAIT).until(() -> db.disputedAmount(invoice).signum() > 0);
    }

    private static <T> T inSession(java.util.function.Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(work));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T result(Uni<T> uni) {
        return uni.await().atMost(Duration.ofSeconds(30));
    }
}
