package com.ledgerflow.accounting.qbo;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.ledgerflow.accounting.ExternalPayment;
import com.ledgerflow.accounting.ExternalRef;
import com.ledgerflow.accounting.PaymentEntry;
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

	@Test
	void namesTheLedgerflowPaymentItWasBookedForOnlyWhenItsNoteSaysSo() throws IOException {
		UUID ours = UUID.randomUUID();
		String booked = """
				{"Id": "14", "TxnDate": "2026-11-20", "TotalAmt": 50.00, "PrivateNote": "%s"}""";

		assertThat(json.readValue(booked.formatted("Ledgerflow payment " + ours + ", reference CHK-2041"),
				QboPayment.class).toExternal().bookedFor()).isEqualTo(ours);
		assertThat(json.readValue(booked.formatted("Paid at the counter"), QboPayment.class).toExternal().bookedFor())
			.isNull();
		assertThat(json.readValue(booked.formatted("Ledgerflow payment of March"), QboPayment.class).toExternal()
			.bookedFor()).isNull();
	}

	/** What Ledgerflow sends for a payment recorded in it: all of it received, the applied part on the invoice. */
	@Test
	void aPaymentRecordedInLedgerflowIsWrittenWithItsCustomerInvoiceLineAndShortenedReference() throws IOException {
		UUID id = UUID.randomUUID();
		QboInvoice invoice = json.readValue("""
				{"Id": "130", "CustomerRef": {"value": "61"}, "CurrencyRef": {"value": "USD"}, "Balance": 108.88}""",
				QboInvoice.class);
		PaymentEntry entry = new PaymentEntry(id, UUID.randomUUID(), new BigDecimal("120.00"),
				new BigDecimal("108.88"), LocalDate.of(2026, 11, 20), "Wire 2026-11-20 ACME CORP 0042");

		// as QboClient writes bodies: dates in ISO form
		JsonNode body = json.copy()
			.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
			.valueToTree(QboCustomerPayment.of(entry, invoice, entry.appliedAmount()));

		assertThat(body.path("CustomerRef").path("value").asText()).isEqualTo("61");
		assertThat(body.path("TotalAmt").decimalValue()).isEqualByComparingTo("120.00");
		assertThat(body.path("TxnDate").asText()).isEqualTo("2026-11-20");
		assertThat(body.path("PaymentRefNum").asText()).isEqualTo("Wire 2026-11-20 ACME ").hasSize(21);
		assertThat(body.path("PrivateNote").asText())
			.isEqualTo("Ledgerflow payment " + id + ", reference Wire 2026-11-20 ACME CORP 0042");
		assertThat(body.path("Line")).hasSize(1);
		assertThat(body.path("Line").get(0).path("Amount").decimalValue()).isEqualByComparingTo("108.88");
		assertThat(body.path("Line").get(0).path("LinkedTxn").get(0).path("TxnId").asText()).isEqualTo("130");
		assertThat(body.path("Line").get(0).path("LinkedTxn").get(0).path("TxnType").asText()).isEqualTo("Invoice");
	}

}
