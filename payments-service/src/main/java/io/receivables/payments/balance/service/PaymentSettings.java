package io.receivables.payments.balance.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.receivables.common.audit.AuditLog;
import io.receivables.common.audit.AuditSummary;
import io.receivables.common.problem.ProblemException;
import io.receivables.contracts.events.Actor;
import io.receivables.payments.balance.CustomerPaymentSettings;
import io.receivables.payments.balance.repository.CustomerPaymentSettingsRepository;
import io.receivables.payments.receivable.repository.ReceivableCustomerRepository;
import io.smallrye.mutiny.Uni;

/**
 * A customer's payment settings: for now whether its unapplied cash is applied to its next issued invoices
 * (docs/payments.md#credit-balances). Only for customers payments knows (from invoicing's events).
 */
@ApplicationScoped
public class PaymentSettings {

    /** The settings in force; {@code updatedAt} null while the customer has the defaults. */
    public record Settings(UUID customerId, boolean autoApplyCredit, Instant updatedAt) {
    }

    /** What a caller sets. */
    public record UpdateSettings(boolean autoApplyCredit) {
    }

    private final CustomerPaymentSettingsRepository settings;
    private final ReceivableCustomerRepository customers;
    private final AuditLog audit;
    private final Clock clock;

    @Inject
    public PaymentSettings(CustomerPaymentSettingsRepository settings, ReceivableCustomerRepository customers,
            AuditLog audit, Clock clock) {
        this.settings = settings;
        this.customers = customers;
        this.audit = audit;
        this.clock = clock;
    }

    @WithSession
    public Uni<Settings> get(UUID customerId) {
        return customers.findById(customerId).chain(customer -> {
            if (customer == null) {
                throw unknown(customerId);
            }
            return settings.findById(customerId);
        }).map(found -> found == null ? new Settings(customerId, false, null) : settings(found));
    }

    /**
     * Replaces the settings; audited with what changed. The customer's row is locked first, so that two callers
     * setting it at once write one after the other rather than both inserting. Runs in the caller's transaction.
     */
    public Uni<Settings> update(Actor actor, UUID customerId, UpdateSettings command) {
        return customers.findById(customerId, LockModeType.PESSIMISTIC_WRITE).chain(customer -> {
            if (customer == null) {
                throw unknown(customerId);
            }
            return settings.findById(customerId);
        }).chain(found -> {
            CustomerPaymentSettings row = found == null ? new CustomerPaymentSettings() : found;
            boolean before = row.autoApplyCredit;
            row.customerId = customerId;
            row.autoApplyCredit = command.autoApplyCredit();
            row.updatedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
            Uni<Void> stored = found == null ? settings.persist(row).replaceWithVoid() : Uni.createFrom().voidItem();
            return stored.chain(() -> audit.record(actor, "updatePaymentSettings", "customer", customerId,
                    AuditSummary.of().change("autoApplyCredit", found == null ? null : before,
                            command.autoApplyCredit())))
                    .chain(() -> settings.flush()).map(ignored -> settings(row));
        });
    }

    private static Settings settings(CustomerPaymentSettings row) {
        return new Settings(row.customerId, row.autoApplyCredit, row.updatedAt);
    }

    private static ProblemException unknown(UUID customerId) {
        return ProblemException.notFound("No customer " + customerId + " is known to payments");
    }
}
