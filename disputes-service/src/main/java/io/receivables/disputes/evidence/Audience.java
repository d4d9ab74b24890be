package io.receivables.disputes.evidence;

import java.util.Optional;
import java.util.UUID;

/**
 * Who asks, as far as the conversation is concerned: staff see everything; a portal user confined to one customer
 * (service-common's {@code Caller.customerScope()}) sees that customer's disputes only, and of them only what is
 * visible to the customer. Resolved at the edge and passed down, like the actor.
 */
public record Audience(Optional<UUID> customer) {

    public static Audience staff() {
        return new Audience(Optional.empty());
    }

    public static Audience customer(UUID customerId) {
        return new Audience(Optional.of(customerId));
    }

    public boolean isCustomer() {
        return customer.isPresent();
    }

    /** Whether this audience may see the dispute of {@code customerId} at all. */
    public boolean maySee(UUID customerId) {
        return customer.map(own -> own.equals(customerId)).orElse(true);
    }

    /** Whether this audience may see something of {@code visibility}. */
    public boolean maySee(Visibility visibility) {
        return !isCustomer() || visibility == Visibility.CUSTOMER;
    }

    /** The side a write of this audience is recorded as. */
    public Author author() {
        return isCustomer() ? Author.CUSTOMER : Author.STAFF;
    }
}
