package io.receivables.payments.statement;

/** The statement formats {@link BankStatementReader} reads, detected from the content, never from a file name. */
public enum StatementFormat {
    CAMT_053_001_02("urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"),
    CAMT_053_001_08("urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"),
    CAMT_054_001_02("urn:iso:std:iso:20022:tech:xsd:camt.054.001.02"),
    CAMT_054_001_08("urn:iso:std:iso:20022:tech:xsd:camt.054.001.08"),
    /** The column layout of docs/bank-statements.md. */
    CSV(null);

    private final String namespace;

    StatementFormat(String namespace) {
        this.namespace = namespace;
    }

    /** The XML namespace of the camt {@code Document}; null for CSV. */
    public String namespace() {
        return namespace;
    }

    /** The camt format whose Document is in {@code namespace}, or null when none is. */
    public static StatementFormat ofNamespace(String namespace) {
        for (StatementFormat format : values()) {
            if (format.namespace != null && format.namespace.equals(namespace)) {
                return format;
            }
        }
        return null;
    }
}
