package io.receivables.invoicing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.arc.Unremovable;
import io.receivables.invoicing.document.SellerConfig;

/**
 * Quarkus registers a {@code @ConfigMapping} only where it is injected, and on this branch nothing in main code injects
 * {@link SellerConfig} yet (the document REST API does, on its own branch): without this injection point the
 * {@code receivables.invoicing.seller.*} properties "do not map to any root" and no {@code @QuarkusTest} starts.
 * Remove once main code injects it.
 */
@ApplicationScoped
@Unremovable
public class SellerConfigInTests {

    @Inject
    SellerConfig seller;
}
