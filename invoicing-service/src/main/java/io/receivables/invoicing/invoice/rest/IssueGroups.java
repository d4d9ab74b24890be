package io.receivables.invoicing.invoice.rest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import io.micrometer.core.instrument.MeterRegistry;
import io.receivables.common.concurrency.GroupCommit;
import io.receivables.common.concurrency.GroupCommit.Outcome;
import io.receivables.common.idempotency.Idempotency;
import io.receivables.common.idempotency.Idempotency.KeyedRequest;
import io.receivables.common.problem.ProblemException;
import io.receivables.contracts.events.Actor;
import io.receivables.invoicing.invoice.service.InvoiceService;
import io.receivables.invoicing.invoice.service.InvoiceService.IssuedInvoice;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * Issues concurrent single {@code POST /invoices} in groups, one transaction per group. Every issue takes the next number
 * of its series under the counter row's lock, held until commit: one at a time, concurrent requests queue for that lock
 * through each other's commit. Grouped, they take one block of numbers, flush together and share one commit. Numbers
 * stay gap-free and in arrival order; each request keeps its own answer, its own rejection and its own Idempotency-Key.
 */
@ApplicationScoped
public class IssueGroups {

    /** Enough to cover every client waiting at once under load, small enough to keep one transaction short. */
    static final int MAX_GROUP = 64;

    /**
     * One request waiting to be issued: who asks (resolved in the resource: the group's transaction serves several
     * callers, so it has no caller of its own), its body, its key (null without one) and how to answer it once issued.
     */
    record PendingIssue(Actor actor, CreateInvoiceRequest request, KeyedRequest keyed,
            Function<IssuedInvoice, Response> respond) {
    }

    private final InvoiceService service;
    private final Idempotency idempotency;
    private final GroupCommit<PendingIssue, Response> groups;

    @Inject
    public IssueGroups(InvoiceService service, Idempotency idempotency, Vertx vertx, MeterRegistry metrics) {
        this.service = service;
        this.idempotency = idempotency;
        this.groups = new GroupCommit<>("invoice-issue", vertx, metrics, MAX_GROUP,
                pending -> pending.keyed() == null ? null : pending.keyed().key(), this::issue);
    }

    /** Issues {@code request} in the next group; its transaction begins there, not in the resource. */
    public Uni<Response> submit(Actor actor, CreateInvoiceRequest request, KeyedRequest keyed,
            Function<IssuedInvoice, Response> respond) {
        return groups.submit(new PendingIssue(Objects.requireNonNull(actor, "actor"), request, keyed, respond));
    }

    /**
     * A group, in its transaction: claims the keys (a retry is answered with its recorded response and issues nothing),
     * issues the rest each on its own merits, records the issued answers under their keys and gives back the keys of the
     * rejected requests.
     */
    private Uni<List<Outcome<Response>>> issue(List<PendingIssue> group) {
        @SuppressWarnings("unchecked")
        Outcome<Response>[] outcomes = new Outcome[group.size()];
        List<Integer> toIssue = new ArrayList<>();
        return Multi.createFrom().range(0, group.size())
                .onItem().transformToUniAndConcatenate(i -> claim(group.get(i)).invoke(replayed -> {
                    if (replayed == null) {
                        toIssue.add(i);
                    } else {
                        outcomes[i] = replayed;
                    }
                }))
                .collect().last()
                .chain(() -> service.issueEach(toIssue.stream().map(i -> group.get(i).request()).toList(),
                        toIssue.stream().map(i -> group.get(i).actor()).toList()))
                .chain(issued -> Multi.createFrom().range(0, issued.size())
                        .onItem().transformToUniAndConcatenate(j -> {
                            int i = toIssue.get(j);
                            return answer(group.get(i), issued.get(j)).invoke(outcome -> outcomes[i] = outcome);
                        })
                        .collect().last())
                .map(ignored -> Arrays.asList(outcomes));
    }

    /** Null when the request is to be issued; its outcome when its key answers it already (a retry, or a reused key). */
    private Uni<Outcome<Response>> claim(PendingIssue pending) {
        if (pending.keyed() == null) {
            return Uni.createFrom().nullItem();
        }
        return idempotency.claim(pending.keyed())
                .map(replayed -> replayed == null ? null : Outcome.of(replayed))
                .onFailure(ProblemException.class).recoverWithItem(Outcome::failed);
    }

    private Uni<Outcome<Response>> answer(PendingIssue pending, Outcome<IssuedInvoice> issued) {
        if (issued.failure() != null) {
            Uni<Void> release = pending.keyed() == null ? Uni.createFrom().voidItem() : idempotency.release(pending.keyed());
            return release.map(ignored -> Outcome.failed(issued.failure()));
        }
        Response response = pending.respond().apply(issued.value());
        Uni<Response> recorded = pending.keyed() == null ? Uni.createFrom().item(response)
                : idempotency.record(pending.keyed(), response);
        return recorded.map(Outcome::of);
    }
}
