package io.receivables.payments.payment.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.receivables.payments.payment.PayerAccount;

@ApplicationScoped
public class PayerAccountRepository implements PanacheRepositoryBase<PayerAccount, String> {
}
