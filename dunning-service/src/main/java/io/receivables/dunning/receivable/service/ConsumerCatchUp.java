package io.receivables.dunning.receivable.service;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.eclipse.microprofile.config.Config;

import io.smallrye.mutiny.Uni;

/**
 * How far a consumer of this service has caught up, for the run that must not remind anybody of an invoice paid this
 * morning (issue 12 item 3). "Caught up to the run's start" means: every record that was on the topic when the run
 * started has been applied. The run takes a {@link Mark} (the end offset of each partition of the channel's topic) when
 * it starts, then waits until the channel's consumer group has committed at least those offsets. The group commits an
 * offset only after the record's inbox transaction committed (service-common's throttled commits of acknowledged
 * records), so a committed offset past a payment means the payment is in the read model; parked and dead-lettered
 * records count as done, as they are for the consumer.
 * <p>
 * Why offsets, not times: the newest applied event's time (the inbox's event_time) says nothing when no payment came
 * since, and a topic that is quiet would then never look caught up; and event times of different partitions are not
 * ordered. Offsets are exact, per partition, and a quiet topic is caught up at once.
 */
@ApplicationScoped
public class ConsumerCatchUp {

    /** The end offsets of a channel's topic when the mark was taken (partition → next offset to be written). */
    public record Mark(String channel, String topic, String groupId, Map<Integer, Long> endOffsets, Instant takenAt) {
    }

    /** What the channel's group still has to apply of a mark: records per partition (only those behind). */
    public record Progress(Mark mark, Map<Integer, Long> behind) {

        public boolean caughtUp() {
            return behind.isEmpty();
        }

        public long recordsBehind() {
            return behind.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final Config config;
    private final Clock clock;
    private Admin admin;

    @Inject
    public ConsumerCatchUp(Config config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** The end offsets of {@code channel}'s topic now: what the group must have committed to be caught up to now. */
    public Uni<Mark> mark(String channel) {
        String topic = config.getValue("mp.messaging.incoming." + channel + ".topic", String.class);
        String group = config.getValue("mp.messaging.incoming." + channel + ".group.id", String.class);
        Instant takenAt = clock.instant();
        return partitions(topic).chain(partitions -> {
            if (partitions.isEmpty()) {
                return Uni.createFrom().item(new Mark(channel, topic, group, Map.of(), takenAt));
            }
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
            return Uni.createFrom().completionStage(admin().listOffsets(latest).all().toCompletionStage())
                    .map(offsets -> {
                        Map<Integer, Long> ends = new HashMap<>();
                        offsets.forEach((p, info) -> ends.put(p.partition(), info.offset()));
                        return new Mark(channel, topic, group, Map.copyOf(ends), takenAt);
                    });
        });
    }

    /** How far the channel's group is behind the mark; caught up when no partition is. */
    public Uni<Progress> progress(Mark mark) {
        if (mark.endOffsets().isEmpty()) {
            return Uni.createFrom().item(new Progress(mark, Map.of()));
        }
        return Uni.createFrom()
                .completionStage(admin().listConsumerGroupOffsets(mark.groupId()).partitionsToOffsetAndMetadata()
                        .toCompletionStage())
                .map(committed -> {
                    Map<Integer, Long> behind = new HashMap<>();
                    mark.endOffsets().forEach((partition, end) -> {
                        OffsetAndMetadata at = committed.get(new TopicPartition(mark.topic(), partition));
                        long done = at == null ? 0 : at.offset();
                        if (done < end) {
                            behind.put(partition, end - done);
                        }
                    });
                    return new Progress(mark, Map.copyOf(behind));
                });
    }

    private Uni<List<TopicPartition>> partitions(String topic) {
        return Uni.createFrom().completionStage(admin().describeTopics(List.of(topic)).allTopicNames().toCompletionStage())
                .map(described -> described.get(topic).partitions().stream()
                        .map(p -> new TopicPartition(topic, p.partition())).toList())
                .onFailure(failure -> failure instanceof UnknownTopicOrPartitionException
                        || failure.getCause() instanceof UnknownTopicOrPartitionException)
                // a topic nobody wrote to yet: nothing to catch up with
                .recoverWithItem(List.of());
    }

    private synchronized Admin admin() {
        if (admin == null) {
            Map<String, Object> settings = new HashMap<>();
            settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    config.getValue("kafka.bootstrap.servers", String.class));
            // the connector's client settings (security, when production sets them) apply to this client too
            for (String name : config.getPropertyNames()) {
                if (name.startsWith("kafka.security.") || name.startsWith("kafka.sasl.")
                        || name.startsWith("kafka.ssl.")) {
                    config.getOptionalValue(name, String.class)
                            .ifPresent(value -> settings.put(name.substring("kafka.".length()), value));
                }
            }
            admin = Admin.create(settings);
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close();
        }
    }

}
