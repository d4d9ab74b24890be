package io.receivables.payments.balance.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.receivables.payments.balance.CustomerPaymentSettings;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CustomerPaymentSettingsRepository implements PanacheRepositoryBase<CustomerPaymentSettings, UUID> {

    /** Whether the customer asked for its unapplied cash to be applied to its next invoices; false by default. */
    public Uni<Boolean> autoApplyCredit(UUID customerId) {
        return findById(customerId).map(settings -> settings != null && settings.autoApplyCredit);
    }
}
