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
}
