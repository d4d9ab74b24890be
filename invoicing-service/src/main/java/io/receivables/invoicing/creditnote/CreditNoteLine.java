package io.receivables.invoicing.creditnote;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.receivables.invoicing.invoice.DocumentLine;

@Entity
@Table(name = "credit_note_line")
public class CreditNoteLine extends DocumentLine {

    @Id
    public UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "credit_note_id", nullable = false)
    public CreditNote creditNote;
}
