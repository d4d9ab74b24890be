package io.receivables.platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What banks and gateways send payments-service, written as they send it: a camt.053.001.08 day statement, a
 * camt.054.001.08 notification of a returned payment, and a Stripe event with its {@code Stripe-Signature}.
 */
final class PaymentFiles {

    static final String ACCOUNT = "DE89370400440532013000";

    /** One booked credit: who paid, how much, the bank's reference and what the payer wrote. */
    record Credit(String bankReference, String endToEndId, String amount, String payer, String payerIban,
            String remittance) {
    }

    private PaymentFiles() {
    }

    static byte[] camt053(String statementId, String currency, String bookingDate, List<Credit> credits) {
        StringBuilder entries = new StringBuilder();
        for (Credit credit : credits) {
            entries.append("""
                          <Ntry>
                            <Amt Ccy="%2$s">%3$s</Amt>
                            <CdtDbtInd>CRDT</CdtDbtInd>
                            <Sts><Cd>BOOK</Cd></Sts>
                            <BookgDt><Dt>%1$s</Dt></BookgDt>
                            <ValDt><Dt>%1$s</Dt></ValDt>
                            <AcctSvcrRef>%4$s</AcctSvcrRef>
                            <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
                            <NtryDtls>
                              <TxDtls>
                                <Refs><EndToEndId>%5$s</EndToEndId></Refs>
                                <Amt Ccy="%2$s">%3$s</Amt>
                                <CdtDbtInd>CRDT</CdtDbtInd>
                                <RltdPties>
                                  <Dbtr><Pty><Nm>%6$s</Nm></Pty></Dbtr>
                                  <DbtrAcct><Id><IBAN>%7$s</IBAN></Id></DbtrAcct>
                                </RltdPties>
                                <RmtInf><Ustrd>%8$s</Ustrd></RmtInf>
                              </TxDtls>
                            </NtryDtls>
                          </Ntry>
                    """.formatted(bookingDate, currency, credit.amount(), credit.bankReference(), credit.endToEndId(),
                    credit.payer(), credit.payerIban(), credit.remittance()));
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
                  <BkToCstmrStmt>
                    <GrpHdr><MsgId>%1$s</MsgId><CreDtTm>%2$sT18:00:00Z</CreDtTm></GrpHdr>
                    <Stmt>
                      <Id>%1$s</Id>
                      <CreDtTm>%2$sT18:00:00Z</CreDtTm>
                      <Acct><Id><IBAN>%3$s</IBAN></Id><Ccy>%4$s</Ccy></Acct>
                %5$s    </Stmt>
                  </BkToCstmrStmt>
                </Document>
                """.formatted(statementId, bookingDate, ACCOUNT, currency, entries).getBytes(StandardCharsets.UTF_8);
    }

    /** The bank returns the credit whose end-to-end id is {@code endToEndId} (AC04: the payer's account is closed). */
    static byte[] camt054Return(String notificationId, String currency, String bookingDate, String bankReference,
            String endToEndId, String amount) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08">
                  <BkToCstmrDbtCdtNtfctn>
                    <GrpHdr><MsgId>%1$s</MsgId><CreDtTm>%3$sT09:00:00Z</CreDtTm></GrpHdr>
                    <Ntfctn>
                      <Id>%1$s</Id>
                      <Acct><Id><IBAN>%7$s</IBAN></Id></Acct>
                      <Ntry>
                        <Amt Ccy="%2$s">%6$s</Amt>
                        <CdtDbtInd>DBIT</CdtDbtInd>
                        <RvslInd>true</RvslInd>
                        <Sts><Cd>BOOK</Cd></Sts>
                        <BookgDt><Dt>%3$s</Dt></BookgDt>
                        <ValDt><Dt>%3$s</Dt></ValDt>
                        <AcctSvcrRef>%4$s</AcctSvcrRef>
                        <NtryDtls>
                          <TxDtls>
                            <Refs><EndToEndId>%5$s</EndToEndId></Refs>
                            <Amt Ccy="%2$s">%6$s</Amt>
                            <CdtDbtInd>DBIT</CdtDbtInd>
                            <RtrInf><Rsn><Cd>AC04</Cd></Rsn><AddtlInf>Account closed</AddtlInf></RtrInf>
                          </TxDtls>
                        </NtryDtls>
                      </Ntry>
                    </Ntfctn>
                  </BkToCstmrDbtCdtNtfctn>
                </Document>
                """.formatted(notificationId, currency, bookingDate, bankReference, endToEndId, amount, ACCOUNT)
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Stripe's {@code payment_intent.succeeded} for a card payment of an invoice named in the intent's metadata. */
    static byte[] stripePaymentSucceeded(String eventId, long amountMinor, String currency, String invoiceId,
            String customerId, long createdEpochSecond) {
        String suffix = eventId.substring(4);
        return """
                {"id": "%1$s", "object": "event", "api_version": "2024-06-20", "created": %6$d, "livemode": false,
                 "type": "payment_intent.succeeded", "pending_webhooks": 1,
                 "request": {"id": null, "idempotency_key": null},
                 "data": {"object": {"id": "pi_%7$s", "object": "payment_intent", "amount": %2$d,
                   "amount_received": %2$d, "currency": "%3$s", "status": "succeeded", "created": %6$d,
                   "latest_charge": "ch_%7$s", "description": "Card payment",
                   "metadata": {"invoice_id": "%4$s", "customer_id": "%5$s"}}}}"""
                .formatted(eventId, amountMinor, currency.toLowerCase(java.util.Locale.ROOT), invoiceId, customerId,
                        createdEpochSecond, suffix)
                .getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Stripe's {@code charge.dispute.created} for the payment of {@link #stripePaymentSucceeded} made under the same
     * event id suffix: the card holder disputed {@code amountMinor}, Stripe took it back, and wants evidence by
     * {@code dueBy} (epoch seconds).
     */
    static byte[] stripeDisputeCreated(String eventId, String paymentEventId, long amountMinor, String currency,
            long dueBy, long createdEpochSecond) {
        String payment = paymentEventId.substring(4);
        return """
                {"id": "%1$s", "object": "event", "api_version": "2024-06-20", "created": %6$d, "livemode": false,
                 "type": "charge.dispute.created", "pending_webhooks": 1,
                 "request": {"id": null, "idempotency_key": null},
                 "data": {"object": {"id": "dp_%7$s", "object": "dispute", "amount": %2$d, "currency": "%3$s",
                   "charge": "ch_%4$s", "payment_intent": "pi_%4$s", "created": %6$d,
                   "evidence_details": {"due_by": %5$d, "has_evidence": false, "past_due": false,
                     "submission_count": 0},
                   "is_charge_refundable": false, "livemode": false, "metadata": {},
                   "reason": "product_not_received", "status": "needs_response"}}}"""
                .formatted(eventId, amountMinor, currency.toLowerCase(java.util.Locale.ROOT), payment, dueBy,
                        createdEpochSecond, eventId.substring(4))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** {@code Stripe-Signature} as Stripe computes it: HMAC-SHA256 of {@code t.body} with the endpoint's secret. */
    static String stripeSignature(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
