package io.receivables.payments.payment.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.receivables.payments.payment.PayerAccount;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PayerAccountRepository implements PanacheRepositoryBase<PayerAccount, String> {

    /**
     * Remembers that {@code customerId} paid from {@code account} (an IBAN in electronic form; null: nothing to
     * remember). The first customer seen with an account keeps it: a shared account identifies nobody better later.
     */
    public Uni<Void> remember(String account, UUID customerId, Instant now) {
        if (account == null) {
            return Uni.createFrom().voidItem();
        }
        return findById(account).chain(known -> {
            if (known != null) {
                return Uni.createFrom().voidItem();
            }
            PayerAccount payer = new PayerAccount();
            payer.account = account;
            payer.customerId = customerId;
            payer.firstSeenAt = now;
            return persist(payer).replaceWithVoid();
        });
    }
}
