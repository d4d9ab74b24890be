package io.receivables.invoicing.balance;

import static io.receivables.invoicing.balance.BalanceEvents.allocations;
import static io.receivables.invoicing.balance.BalanceEvents.customer;
import static io.receivables.invoicing.balance.BalanceEvents.get;
import static io.receivables.invoicing.balance.BalanceEvents.invoice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.receivables.common.testing.CloudEventProducer;
import io.receivables.contracts.Topics;
import io.receivables.invoicing.balance.consumer.PaymentEventsConsumer;
import io.receivables.local.testing.LocalInfraTestResource;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The same event delivered to two replicas at once (a rebalance hands its partition over while the first is still
 * applying it): both deliveries run the real consumer in their own transaction, and the event is applied once.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "invoicing"))
class ConcurrentRedeliveryTest {

    @Inject
    PaymentEventsConsumer consumer;

    @Inject
    Pool pool;

    @Test
    void theSameEventDeliveredTwiceAtOnceIsAppliedOnce() throws Exception {
        String customer = customer("EUR");
        String invoice = invoice(customer, "2054-07-01", "100.00");
        UUID payment = UUID.randomUUID();
        Map<String, String> headers = CloudEventProducer.headers(UUID.randomUUID(), "payment-received",
                payment.toString());
        String body = BalanceEvents.paymentReceivedBody(payment, customer, "EUR", "25.00", allocations(invoice, "25.00"));
        AtomicInteger acks = new AtomicInteger();
        List<Throwable> nacks = new CopyOnWriteArrayList<>();

        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            List<Future<Void>> deliveries = List.of(1, 2).stream().map(n -> replicas.submit(() -> {
                Message<String> message = message(customer, headers, body, acks, nacks);
                together.await();
                try {
                    return VertxContextSupport.subscribeAndAwait(() -> consumer.consume(message));
                } catch (Throwable e) {
                    throw new AssertionError(e);
                }
            })).toList();
            for (Future<Void> delivery : deliveries) {
                delivery.get(60, TimeUnit.SECONDS);
            }
        } finally {
            replicas.shutdownNow();
        }

        assertThat(nacks).isEmpty();
        assertThat(acks).hasValue(2);
        get(invoice).body("amountPaid", equalTo("25.00")).body("amountDue", equalTo("75.00"));
        assertThat(pool.preparedQuery("SELECT count(*) FROM invoice_payment WHERE invoice_id = $1")
                .execute(Tuple.of(UUID.fromString(invoice))).await().indefinitely().iterator().next().getLong(0))
                .isEqualTo(1);
        assertThat(pool.preparedQuery("SELECT count(*) FROM inbox WHERE event_id = $1")
                .execute(Tuple.of(UUID.fromString(headers.get("ce_id")))).await().indefinitely().iterator().next()
                .getLong(0)).isEqualTo(1);
    }

    /** A record as the Kafka connector hands it to the consumer, with acknowledgements counted. */
    private static Message<String> message(String key, Map<String, String> headers, String body, AtomicInteger acks,
            List<Throwable> nacks) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(Topics.PAYMENTS, 0, 0, key, body);
        headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return Message.of(body, Metadata.of(new IncomingKafkaRecordMetadata<>(record, "payments-events")), () -> {
            acks.incrementAndGet();
            return CompletableFuture.completedFuture(null);
        }, failure -> {
            nacks.add(failure);
            return CompletableFuture.completedFuture(null);
        });
    }
}
