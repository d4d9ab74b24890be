package io.receivables.dunning.receivable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A customer as invoicing published it: whom to remind, how (contacts, language) and under which policy (segment), and
 * whether not at all (do-not-dun). Known from its customer-registered or customer-updated (each the whole profile), or,
 * when those are older than the topic keeps, from its first invoice (then without profile until it is updated).
 */
@Entity
@Table(name = "dunning_customer")
public class DunningCustomer {

    @Id
    @Column(name = "customer_id")
    public UUID id;

    @Column(name = "legal_name", length = 200)
    public String legalName;

    @Column(length = 3)
    public String currency;

    @Column(length = 64)
    public String segment;

    @Column(length = 35)
    public String language;

    @Column(name = "billing_email", length = 320)
    public String billingEmail;

    @Column(length = 64)
    public String phone;

    /** The billing address as JSON (the contract's PostalAddress); null when none was given. */
    @Column(name = "billing_address")
    public String billingAddress;

    /** The contacts as JSON (a list of the contract's Contact); null when none were given. */
    @Column
    public String contacts;

    /** Set while the customer must not be reminded; null: no do-not-dun. */
    @Column(name = "do_not_dun_reason", length = 500)
    public String doNotDunReason;

    /** The last day (inclusive) of the do-not-dun; null with a reason: until lifted. */
    @Column(name = "do_not_dun_until")
    public LocalDate doNotDunUntil;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Whether do-not-dun suppresses reminders on {@code date} (the contract's DoNotDun rule). */
    public boolean doNotDunOn(LocalDate date) {
        return doNotDunReason != null && (doNotDunUntil == null || !date.isAfter(doNotDunUntil));
    }
}
