package io.receivables.invoicing.invoice.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.receivables.common.problem.FieldError;
import io.receivables.common.problem.ProblemException;

class CsvInvoicesTest {

    private static final String HEADER = "externalNumber,customerId,issueDate,description,quantity,unitPrice,taxRate\r\n";
    private static final String CUSTOMER = "6f1c1a4e-0000-4000-8000-000000000001";

    @Test
    void groupsTheRowsOfAnInvoiceByItsNumberAndReadsQuotedFields() {
        List<ImportRow> rows = CsvInvoices.read(HEADER
                + "ERP-1," + CUSTOMER + ",2019-03-01,\"Consulting, \"\"senior\"\"\",10,120.00,0.19\r\n"
                + "ERP-2," + CUSTOMER + ",2019-03-02,\"Two\nlines\",1,5,0\r\n"
                + "\r\n"
                + "ERP-1,,,Travel,1,80.00,0.19\r\n", 10);

        assertThat(rows).extracting(ImportRow::line).containsExactly(2, 3);
        HistoricalInvoice first = rows.get(0).invoice();
        assertThat(first.externalNumber()).isEqualTo("ERP-1");
        assertThat(first.issueDate()).isEqualTo("2019-03-01");
        assertThat(first.lines()).extracting(l -> l.description()).containsExactly("Consulting, \"senior\"", "Travel");
        assertThat(rows.get(0).lineNumbers()).containsExactly(2, 6);
        assertThat(rows.get(1).invoice().lines().get(0).description()).isEqualTo("Two\nlines");
    }

    @Test
    void aHeaderWithAnUnknownOrMissingColumnIsRejectedNamingIt() {
        assertThatThrownBy(() -> CsvInvoices.read("externalNumber,customerId,issueDat,description,quantity,unitPrice,"
                + "taxRate\n", 10))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactlyInAnyOrder("issueDat", "issueDate"));
    }

    @Test
    void cellsThatDoNotParseRejectTheirInvoiceNamingColumnAndLine() {
        List<ImportRow> rows = CsvInvoices.read(HEADER + "ERP-3,not-a-uuid,2019-02-30,Licence,1,1,0\n", 10);

        assertThat(rows.get(0).invoice()).isNull();
        assertThat(rows.get(0).errors()).extracting(FieldError::field).containsExactly("customerId", "issueDate");
        assertThat(rows.get(0).errors().get(1).message()).contains("line 2");
    }

    @Test
    void moreRowsThanTheLimitAreRefusedAsAWhole() {
        assertThatThrownBy(() -> CsvInvoices.read(HEADER + "A,,,,,,\nB,,,,,,\n", 1))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.type().status()).isEqualTo(413));
    }

    @Test
    void aStrayQuoteRejectsItsInvoiceInsteadOfManglingTheDescription() {
        List<ImportRow> rows = CsvInvoices.read(HEADER
                + "ERP-4," + CUSTOMER + ",2019-03-01,Cable 5\" long,1,1,0\n"
                + "ERP-5," + CUSTOMER + ",2019-03-01,\"Quoted\" tail,1,1,0\n"
                + "ERP-6," + CUSTOMER + ",2019-03-01,\"Fine, quoted\",1,1,0\n", 10);

        assertThat(rows).extracting(ImportRow::line).containsExactly(2, 3, 4);
        assertThat(rows.get(0).invoice()).isNull();
        assertThat(rows.get(0).errors()).extracting(FieldError::field).containsExactly("line");
        assertThat(rows.get(0).errors().get(0).message()).contains("field 4").contains("line 2");
        assertThat(rows.get(1).invoice()).isNull();
        assertThat(rows.get(1).errors().get(0).message()).contains("after its closing quote");
        assertThat(rows.get(2).invoice().lines().get(0).description()).isEqualTo("Fine, quoted");
    }

    @Test
    void aMalformedRowRejectsItsWholeInvoiceNeverImportingTheRestOfIt() {
        List<ImportRow> rows = CsvInvoices.read(HEADER
                + "ERP-7," + CUSTOMER + ",2019-03-01,First,1,1,0\n"
                + "ERP-7,,,Second,1,1\n"
                + "ERP-7,,,Third \"x\",1,1,0\n", 10);

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).invoice()).isNull();
        assertThat(rows.get(0).externalNumber()).isEqualTo("ERP-7");
        assertThat(rows.get(0).errors()).extracting(FieldError::field).containsExactly("columns", "line");
    }

    @Test
    void aNulCharacterOrADateOutOfRangeRejectsTheInvoiceNamingTheColumn() {
        List<ImportRow> rows = CsvInvoices.read(HEADER
                + "ERP-8," + CUSTOMER + ",2019-03-01,Nul\u0000,1,1,0\n"
                + "ERP-9," + CUSTOMER + ",9999-12-31,Late,1,1,0\n"
                + "ERP-10," + CUSTOMER + ",0000-01-01,Early,1,1,0\n"
                + "ERP-11," + CUSTOMER + ",1582-10-10,Gap,1,1,0\n", 10);

        assertThat(rows).allSatisfy(row -> assertThat(row.invoice()).isNull());
        assertThat(rows.get(0).errors()).extracting(FieldError::field).containsExactly("description");
        assertThat(rows.get(1).errors()).extracting(FieldError::field).containsExactly("issueDate");
        assertThat(rows.get(2).errors()).extracting(FieldError::field).containsExactly("issueDate");
        assertThat(rows.get(3).errors()).extracting(FieldError::field).containsExactly("issueDate");
    }
}
