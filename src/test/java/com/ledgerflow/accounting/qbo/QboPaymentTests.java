package com.ledgerflow.accounting.qbo;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.ledgerflow.accounting.ExternalPayment;
import com.ledgerflow.accounting.ExternalRef;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading QBO's {@code Payment} JSON (qbo-samples/payment-response.json) into the port's terms. */
class QboPaymentTests {

	private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());

	@Test
	void readsTheInvoiceEachLinePaysAndLeavesTheUnappliedRestOut() throws IOException {
		JsonNode sample;
		try (InputStream in = getClass().getResourceAsStream("/qbo-samples/payment-response.json")) {
			sample = json.readTree(in).path("Payment");
		}

		ExternalPayment read = json.treeToValue(sample, QboPayment.class).toExternal();

		assertThat(read.id()).isEqualTo(new ExternalRef("163"));
		assertThat(read.date()).isEqualTo(LocalDate.of(2015, 1, 16));
		assertThat(read.total()).isEqualTo(new BigDecimal("65.00"));
		assertThat(read.currency()).isNull();
		assertThat(read.applications())
			.containsExactly(new ExternalPayment.Application(new ExternalRef("70"), new BigDecimal("55.00")));
	}

	@Test
	void leavesLinesLinkedToOtherTransactionsOut() throws IOException {
		QboPayment payment = json.readValue("""
				{"Id": "9", "TxnDate": "2026-11-20", "TotalAmt": 30.00, "PaymentRefNum": " 1024 ",
				 "CurrencyRef": {"value": "EUR"}, "Line": [
				  {"Amount": 10.00, "LinkedTxn": [{"TxnId": "5", "TxnType": "CreditMemo"}]},
				  {"Amount": 20.00, "LinkedTxn": [{"TxnId": "6", "TxnType": "Invoice"}]}]}""", QboPayment.class);

		ExternalPayment read = payment.toExternal();

		assertThat(read.reference()).isEqualTo("1024");
		assertThat(read.currency()).isEqualTo("EUR");
		assertThat(read.applications())
			.containsExactly(new ExternalPayment.Application(new ExternalRef("6"), new BigDecimal("20.00")));
	}

	/** A write-off (or any credit applied to an invoice) brings no money: it pays no invoice. */
	@Test
	void aPaymentOfZeroApplyingACreditMemoPaysNoInvoice() throws IOException {
		QboPayment payment = json.readValue("""
				{"Id": "12", "TxnDate": "2027-01-20", "TotalAmt": 0, "Line": [
				  {"Amount": 60.00, "LinkedTxn": [{"TxnId": "6", "TxnType": "Invoice"}]},
				  {"Amount": 60.00, "LinkedTxn": [{"TxnId": "11", "TxnType": "CreditMemo"}]}]}""", QboPayment.class);

		ExternalPayment read = payment.toExternal();

		assertThat(read.total()).isEqualByComparingTo("0.00");
		assertThat(read.applications()).isEmpty();
	}

}
