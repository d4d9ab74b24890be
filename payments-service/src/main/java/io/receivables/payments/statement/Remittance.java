package io.receivables.payments.statement;

import java.util.List;

/**
 * What the payer said the money is for.
 *
 * @param text the unstructured remittance lines ({@code Ustrd}) joined with a space, or null
 * @param creditorReference the structured creditor reference ({@code Strd/CdtrRefInf/Ref}) without spaces, e.g. an ISO
 *        11649 {@code RF18539007547034}; null when there is none, or when it claims to be an RF reference and its check
 *        digits are wrong (it then stays in {@code text}, where matching may still find an invoice number in it)
 * @param documentNumbers the referred document numbers ({@code Strd/RfrdDocInf/Nb}), in file order, without duplicates
 */
public record Remittance(String text, String creditorReference, List<String> documentNumbers) {

    public static final Remittance NONE = new Remittance(null, null, List.of());

    public Remittance {
        documentNumbers = List.copyOf(documentNumbers);
    }
}
