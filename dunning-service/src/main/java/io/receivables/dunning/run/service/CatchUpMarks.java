package io.receivables.dunning.run.service;

import java.util.List;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.receivables.dunning.receivable.service.ConsumerCatchUp;
import io.receivables.dunning.receivable.service.ConsumerCatchUp.Mark;
import io.receivables.dunning.receivable.service.ConsumerCatchUp.Progress;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * The run's catch-up condition: the end offsets of the three topics dunning's read model is built from, taken when the
 * run is created, and whether their consumer groups have committed past them (so nobody is reminded of an invoice paid,
 * credited or disputed this morning). Kept on the run as JSON, so any replica can check it.
 */
@ApplicationScoped
public class CatchUpMarks {

    /** The read model's channels (application.properties, mp.messaging.incoming.*). */
    static final List<String> CHANNELS = List.of("invoicing-events", "payments-events", "disputes-events");

    private final ConsumerCatchUp catchUp;
    private final ObjectMapper mapper;

    @Inject
    public CatchUpMarks(ConsumerCatchUp catchUp, ObjectMapper mapper) {
        this.catchUp = catchUp;
        this.mapper = mapper;
    }

    /** The marks of every channel now, as JSON. */
    public Uni<String> take() {
        return onCallersContext(() -> Uni.join().all(CHANNELS.stream().map(catchUp::mark).toList()).andFailFast()
                .map(this::json));
    }

    /** The channels still behind their marks, with how many records ("payments-events: 3 records"); empty: caught up. */
    public Uni<List<String>> behind(String marksJson) {
        List<Mark> marks = marks(marksJson);
        if (marks.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return onCallersContext(() -> Uni.join().all(marks.stream().map(catchUp::progress).toList()).andFailFast()
                .map(progress -> progress.stream().filter(p -> !p.caughtUp())
                        .map(CatchUpMarks::describe).toList()));
    }

    /**
     * The admin client completes on its own thread; what follows (the run's database work through Hibernate Reactive)
     * must continue on the caller's Vert.x context.
     */
    private static <T> Uni<T> onCallersContext(Supplier<Uni<T>> kafka) {
        return Uni.createFrom().deferred(() -> {
            Context context = Vertx.currentContext();
            Uni<T> result = kafka.get();
            return context == null ? result : result.emitOn(task -> context.runOnContext(ignored -> task.run()));
        });
    }

    private static String describe(Progress progress) {
        return progress.mark().channel() + ": " + progress.recordsBehind() + " records";
    }

    private String json(List<Mark> marks) {
        try {
            return mapper.writeValueAsString(marks);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("marks are plain records", e);
        }
    }

    private List<Mark> marks(String json) {
        try {
            return mapper.readValue(json, new TypeReference<List<Mark>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a run's marks are written by take()", e);
        }
    }
}
