package io.receivables.dunning.promise.service;

import java.util.List;

import io.receivables.dunning.promise.PromiseInvoice;
import io.receivables.dunning.promise.PromiseToPay;

/** A promise with its invoices. */
public record PromiseView(PromiseToPay promise, List<PromiseInvoice> invoices) {
}
