package io.receivables.dunning.run.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.receivables.common.problem.ProblemException;
import io.receivables.common.problem.ProblemType;
import io.receivables.dunning.hold.service.Holds;
import io.receivables.dunning.policy.StepChannel;
import io.receivables.dunning.policy.service.PolicyAssignments;
import io.receivables.dunning.policy.service.PolicyView;
import io.receivables.dunning.receivable.DunningCustomer;
import io.receivables.dunning.receivable.repository.DunningCustomerRepository;
import io.receivables.dunning.receivable.service.DunningQueries;
import io.receivables.dunning.receivable.service.OpenItem;
import io.receivables.dunning.run.CustomerPlan;
import io.receivables.dunning.run.DueStep;
import io.receivables.dunning.run.Recipients;
import io.receivables.dunning.run.RunOutcome;
import io.receivables.dunning.run.SkipReason;
import io.receivables.dunning.run.StepChoice;
import io.receivables.dunning.run.StepRule;
import io.receivables.dunning.run.repository.DunningRunRepository;
import io.receivables.dunning.template.Channel;
import io.smallrye.mutiny.Uni;

/**
 * Decides what one customer is sent on a day, from state only: do-not-dun and account holds first, then the policy
 * that applies, the open items with what is collectable, the invoice holds, and the steps already actioned. Read-only;
 * joins the caller's session or transaction (the run's claim transaction, or the preview's session), so that the run
 * decides on what it then writes.
 */
@ApplicationScoped
public class CustomerDecisions {

    private final DunningCustomerRepository customers;
    private final DunningQueries queries;
    private final PolicyAssignments assignments;
    private final Holds holds;
    private final DunningRunRepository runs;

    @Inject
    public CustomerDecisions(DunningCustomerRepository customers, DunningQueries queries,
            PolicyAssignments assignments, Holds holds, DunningRunRepository runs) {
        this.customers = customers;
        this.queries = queries;
        this.assignments = assignments;
        this.holds = holds;
        this.runs = runs;
    }

    public Uni<CustomerDecision> decide(UUID customerId, LocalDate asOf) {
        return customers.findById(customerId).chain(customer -> {
            if (customer == null) {
                // invoices name a customer dunning always records (without profile at worst): nothing to remind
                return Uni.createFrom().item(new CustomerDecision(null, null, CustomerPlan.of(List.of(),
                        new Recipients(null, null, null), List.of()), RunOutcome.NOTHING_DUE));
            }
            if (customer.doNotDunOn(asOf)) {
                return whole(customer, null, SkipReason.DO_NOT_DUN, RunOutcome.DO_NOT_DUN);
            }
            return holds.onCustomer(customerId, asOf).chain(accountHold -> accountHold.isPresent()
                    ? whole(customer, null, SkipReason.ACCOUNT_HELD, RunOutcome.HELD)
                    : policy(customer).chain(policy -> policy == null
                            ? whole(customer, null, SkipReason.NO_POLICY, RunOutcome.NO_POLICY)
                            : decideItems(customer, policy, asOf)));
        });
    }

    private Uni<CustomerDecision> decideItems(DunningCustomer customer, PolicyView policy, LocalDate asOf) {
        List<StepRule> steps = rules(policy);
        String policyCurrency = policy.version().currency;
        return queries.openItems(customer.id).chain(items -> holds.onInvoices(customer.id, asOf)
                .chain(held -> runs.highestActioned(items.stream().map(OpenItem::invoiceId).toList())
                        .map(actioned -> {
                            List<DueStep> due = new ArrayList<>();
                            List<UUID> heldDue = new ArrayList<>();
                            for (OpenItem item : items) {
                                var step = StepChoice.choose(item, asOf, steps, policyCurrency,
                                        actioned.getOrDefault(item.invoiceId(), 0));
                                if (step.isEmpty()) {
                                    continue;
                                }
                                if (held.containsKey(item.invoiceId())) {
                                    heldDue.add(item.invoiceId());
                                } else {
                                    due.add(step.get());
                                }
                            }
                            CustomerPlan plan = CustomerPlan.of(due, new Recipients(customer.legalName,
                                    customer.billingEmail, customer.phone), heldDue);
                            return new CustomerDecision(customer, policy, plan,
                                    plan.messages().isEmpty() ? RunOutcome.NOTHING_DUE : RunOutcome.MESSAGED);
                        })));
    }

    /** The policy that applies to the customer (override, its segment's, default); null when none does. */
    private Uni<PolicyView> policy(DunningCustomer customer) {
        return assignments.resolve(customer.id, customer.segment).map(PolicyAssignments.Resolution::policy)
                .onFailure(failure -> failure instanceof ProblemException problem
                        && problem.type() == ProblemType.NOT_FOUND)
                .recoverWithNull();
    }

    static List<StepRule> rules(PolicyView policy) {
        return policy.steps().stream().map(step -> {
            Map<Channel, String> templates = new EnumMap<>(Channel.class);
            for (StepChannel channel : step.channels()) {
                templates.put(channel.channel, channel.templateKey);
            }
            return new StepRule(step.step().number, step.step().offsetDays, step.step().minimumOverdue, templates,
                    step.step().feeAmount, step.step().assessInterest, step.step().escalation);
        }).toList();
    }

    private static Uni<CustomerDecision> whole(DunningCustomer customer, PolicyView policy, SkipReason reason,
            RunOutcome outcome) {
        return Uni.createFrom().item(new CustomerDecision(customer, policy, CustomerPlan.skippedWhole(reason),
                outcome));
    }
}
