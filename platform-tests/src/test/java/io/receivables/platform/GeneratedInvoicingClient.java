package io.receivables.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import io.receivables.client.invoicing.ApiClient;
import io.receivables.client.invoicing.ApiException;
import io.receivables.client.invoicing.ApiResponse;
import io.receivables.client.invoicing.api.CustomersApi;
import io.receivables.client.invoicing.api.InvoicesApi;
import io.receivables.client.invoicing.model.CreateInvoiceRequest;
import io.receivables.client.invoicing.model.CreditDecision;
import io.receivables.client.invoicing.model.CustomerRequest;
import io.receivables.client.invoicing.model.CustomerResponse;
import io.receivables.client.invoicing.model.InvoiceLineRequest;
import io.receivables.client.invoicing.model.InvoiceResponse;
import io.receivables.client.invoicing.model.InvoiceStatus;
import io.receivables.client.invoicing.model.PaymentTermsRequest;
import io.receivables.client.invoicing.model.PaymentTermsType;
import io.receivables.client.invoicing.model.VoidInvoiceRequest;
import io.receivables.client.invoicing.model.VoidReasonCode;

/**
 * An integrator's first session with invoicing, through the Java client openapi-generator builds from the published
 * document (platform-tests' pom): register a customer, issue an invoice, read its ETag, void it under If-Match. If the
 * document mistypes a field or drops a header, this does not compile or fails here.
 */
final class GeneratedInvoicingClient {

    private GeneratedInvoicingClient() {
    }

    static void registerIssueReadAndVoid(String baseUri, String currency) throws ApiException {
        ApiClient client = new ApiClient();
        client.updateBaseUri(baseUri);
        // the ar-admin token from the platform's Keycloak (the platform-tests' ApiClient, not the generated one)
        client.setRequestInterceptor(request -> request.header("Authorization",
                io.receivables.platform.ApiClient.authorization()));
        CustomersApi customers = new CustomersApi(client);
        InvoicesApi invoices = new InvoicesApi(client);

        CustomerResponse customer = customers.registerCustomer(new CustomerRequest()
                .legalName("Generated Client AB " + System.nanoTime()).currency(currency)
                .paymentTerms(new PaymentTermsRequest().type(PaymentTermsType.NET).days(30)), null);
        assertThat(customer.getCreditLimit()).as("no limit: null, as the document says").isNull();

        InvoiceResponse issued = invoices.issueInvoice(new CreateInvoiceRequest().customerId(customer.getId())
                .lines(List.of(new InvoiceLineRequest().description("Licence").quantity("2").unitPrice("150.00")
                        .taxRate("0.25"))),
                null);
        // money stays a decimal string, dates are dates: nothing lost to a double or a bare string
        assertThat(issued.getTotal()).isEqualTo("375.00");
        assertThat(issued.getIssueDate()).isInstanceOf(LocalDate.class);
        assertThat(issued.getDueDate()).isEqualTo(issued.getIssueDate().plusDays(30));
        assertThat(issued.getStatus()).isEqualTo(InvoiceStatus.ISSUED);
        assertThat(issued.getCreditCheck().getDecision()).isEqualTo(CreditDecision.NO_LIMIT);

        ApiResponse<InvoiceResponse> read = invoices.getInvoiceWithHttpInfo(issued.getId());
        String etag = read.getHeaders().get("ETag").get(0);
        assertThat(etag).isEqualTo("\"0\"");

        VoidInvoiceRequest duplicate = new VoidInvoiceRequest().reasonCode(VoidReasonCode.DUPLICATE);
        assertThatThrownBy(() -> invoices.voidInvoice(issued.getId(), "\"7\"", duplicate, null))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(412));
        InvoiceResponse voided = invoices.voidInvoice(issued.getId(), etag, duplicate, null);
        assertThat(voided.getStatus()).isEqualTo(InvoiceStatus.VOIDED);
        assertThat(voided.getAmountDue()).isEqualTo("0.00");
    }
}
