package com.ledgerflow.accounting.qbo;

import java.io.IOException;
import java.time.LocalDate;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.ledgerflow.accounting.ExternalPurchase;
import com.ledgerflow.accounting.ExternalRef;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading QBO's {@code Purchase} JSON (lines shaped as in {@code qbo-samples/bill-billable-expense-response.json}). */
class QboPurchaseTests {

	private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

	@Test
	void keepsOnlyTheLinesOnACustomerAccountOrItemBasedWithTheirBillableStatus() throws IOException {
		QboPurchase purchase = json.readValue("""
				{"Id":"252","SyncToken":"1","PaymentType":"CreditCard","AccountRef":{"value":"42","name":"Visa"},
				 "EntityRef":{"value":"46","name":"Norton Lumber and Building Materials","type":"Vendor"},
				 "TxnDate":"2025-11-06","CurrencyRef":{"value":"USD","name":"United States Dollar"},
				 "PrivateNote":"Deck job","TotalAmt":215.55,"Line":[
				  {"Id":"1","DetailType":"AccountBasedExpenseLineDetail","Amount":103.55,"Description":"Lumber",
				   "AccountBasedExpenseLineDetail":{"AccountRef":{"value":"64"},"BillableStatus":"Billable",
				    "CustomerRef":{"value":"26","name":"Travis Waldron"}}},
				  {"Id":"2","DetailType":"AccountBasedExpenseLineDetail","Amount":12.00,
				   "AccountBasedExpenseLineDetail":{"AccountRef":{"value":"13"},"BillableStatus":"NotBillable"}},
				  {"Id":"3","DetailType":"ItemBasedExpenseLineDetail","Amount":100.00,
				   "ItemBasedExpenseLineDetail":{"ItemRef":{"value":"11"},"Qty":4,"UnitPrice":25,
				    "BillableStatus":"HasBeenBilled","CustomerRef":{"value":"27"}}}]}""", QboPurchase.class);

		ExternalPurchase read = purchase.toExternal();

		assertThat(read.id()).isEqualTo(new ExternalRef("252"));
		assertThat(read.date()).isEqualTo(LocalDate.of(2025, 11, 6));
		assertThat(read.vendor()).isEqualTo("Norton Lumber and Building Materials");
		assertThat(read.currency()).isEqualTo("USD");
		assertThat(read.privateNote()).isEqualTo("Deck job");
		assertThat(read.lines()).extracting(ExternalPurchase.Line::id).containsExactly("1", "3");
		assertThat(read.lines().get(0)).satisfies(line -> {
			assertThat(line.customerOrJob()).isEqualTo(new ExternalRef("26"));
			assertThat(line.amount()).isEqualByComparingTo("103.55");
			assertThat(line.billable()).isTrue();
			assertThat(line.description()).isEqualTo("Lumber");
		});
		assertThat(read.lines().get(1)).satisfies(line -> {
			assertThat(line.customerOrJob()).isEqualTo(new ExternalRef("27"));
			assertThat(line.billable()).as("billed already").isTrue();
			assertThat(line.description()).isEmpty();
		});
	}

	@Test
	void aLineWithoutStatusIsNotBillableAndAPurchaseWithoutCurrencyOrPayeeSaysSo() throws IOException {
		QboPurchase purchase = json.readValue("""
				{"Id":"253","PaymentType":"Cash","AccountRef":{"value":"35"},"TxnDate":"2025-11-07","Line":[
				  {"DetailType":"AccountBasedExpenseLineDetail","Amount":40,
				   "AccountBasedExpenseLineDetail":{"AccountRef":{"value":"64"},"CustomerRef":{"value":"26"}}}]}""",
				QboPurchase.class);

		ExternalPurchase read = purchase.toExternal();

		assertThat(read.currency()).isNull();
		assertThat(read.vendor()).isEmpty();
		assertThat(read.privateNote()).isEmpty();
		assertThat(read.lines()).singleElement().satisfies(line -> {
			assertThat(line.id()).as("numbered by position").isEqualTo("1");
			assertThat(line.billable()).isFalse();
		});
	}

}
