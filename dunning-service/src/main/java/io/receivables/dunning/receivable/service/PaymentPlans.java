package io.receivables.dunning.receivable.service;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.receivables.common.inbox.MalformedEventException;
import io.receivables.contracts.events.PaymentPlanCreated;
import io.receivables.dunning.receivable.PlanState;
import io.smallrye.mutiny.Uni;

/**
 * Payment plans from ar.payments.events: payment-plan-created records the covered invoices and the instalment dates
 * (the down payment as number 0), -broken and -completed end it. While ACTIVE its instalment dates replace the due dates
 * of the invoices it covers (the run's question, {@link DunningQueries}). A plan needs no invoice to be known: it only
 * names them. Joins the inbox transaction of the consumer.
 */
@ApplicationScoped
public class PaymentPlans {

    private final Clock clock;

    @Inject
    public PaymentPlans(Clock clock) {
        this.clock = clock;
    }

    /** payment-plan-created. A second creation of the same plan under another event id can never apply. */
    public Uni<Void> created(PaymentPlanCreated plan) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("INSERT INTO dunning_payment_plan (plan_id, customer_id, currency, state, updated_at)"
                        + " VALUES (:id, :customer, :currency, 'ACTIVE', :at) ON CONFLICT (plan_id) DO NOTHING")
                .setParameter("id", plan.planId()).setParameter("customer", plan.customerId())
                .setParameter("currency", plan.currency()).setParameter("at", now()).executeUpdate()
                .invoke(inserted -> {
                    if (inserted == 0) {
                        throw new MalformedEventException("payment-plan-created for plan " + plan.planId()
                                + ", which was created before under another event id");
                    }
                })
                .chain(() -> {
                    Uni<Integer> chain = Uni.createFrom().item(0);
                    for (PaymentPlanCreated.CoveredInvoice covered : plan.invoices()) {
                        chain = chain.chain(() -> session.createNativeQuery(
                                "INSERT INTO dunning_plan_invoice (plan_id, invoice_id) VALUES (:id, :invoice)"
                                        + " ON CONFLICT DO NOTHING")
                                .setParameter("id", plan.planId()).setParameter("invoice", covered.invoiceId())
                                .executeUpdate());
                    }
                    if (plan.downPayment() != null) {
                        chain = chain.chain(() -> instalment(session, plan.planId(), 0, plan.downPayment().dueDate(),
                                plan.downPayment().amount()));
                    }
                    for (PaymentPlanCreated.Instalment instalment : plan.instalments()) {
                        chain = chain.chain(() -> instalment(session, plan.planId(), instalment.number(),
                                instalment.dueDate(), instalment.amount()));
                    }
                    return chain;
                })).replaceWithVoid();
    }

    /**
     * payment-plan-broken and payment-plan-completed: the plan no longer replaces due dates. A plan whose creation this
     * service never saw (older than the topic keeps) is recorded ended, with its invoices and no instalments.
     */
    public Uni<Void> ended(UUID planId, UUID customerId, String currency, List<UUID> invoiceIds, PlanState state) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("INSERT INTO dunning_payment_plan (plan_id, customer_id, currency, state, updated_at)"
                        + " VALUES (:id, :customer, :currency, :state, :at)"
                        + " ON CONFLICT (plan_id) DO UPDATE SET state = :state, updated_at = :at")
                .setParameter("id", planId).setParameter("customer", customerId).setParameter("currency", currency)
                .setParameter("state", state.name()).setParameter("at", now()).executeUpdate()
                .chain(() -> {
                    Uni<Integer> chain = Uni.createFrom().item(0);
                    for (UUID invoiceId : invoiceIds) {
                        chain = chain.chain(() -> session.createNativeQuery(
                                "INSERT INTO dunning_plan_invoice (plan_id, invoice_id) VALUES (:id, :invoice)"
                                        + " ON CONFLICT DO NOTHING")
                                .setParameter("id", planId).setParameter("invoice", invoiceId).executeUpdate());
                    }
                    return chain;
                })).replaceWithVoid();
    }

    private static Uni<Integer> instalment(org.hibernate.reactive.mutiny.Mutiny.Session session, UUID planId, int number,
            java.time.LocalDate dueDate, java.math.BigDecimal amount) {
        return session.createNativeQuery("INSERT INTO dunning_plan_instalment (plan_id, number, due_date, amount)"
                + " VALUES (:id, :number, :due, :amount)").setParameter("id", planId).setParameter("number", number)
                .setParameter("due", dueDate).setParameter("amount", amount).executeUpdate();
    }

    private java.time.Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
