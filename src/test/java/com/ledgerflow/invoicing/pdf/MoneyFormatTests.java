package com.ledgerflow.invoicing.pdf;

import java.math.BigDecimal;
import java.util.Currency;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MoneyFormatTests {

	@Test
	void printsSymbolGroupingAndTheCurrencysDigits() {
		assertThat(format("USD", "1234.5")).isEqualTo("$1,234.50");
		assertThat(format("EUR", "1234567.891")).isEqualTo("€1,234,567.89");
		assertThat(format("GBP", "0")).isEqualTo("£0.00");
		assertThat(format("JPY", "123456")).isEqualTo("¥123,456");
		assertThat(format("CHF", "80")).isEqualTo("CHF 80.00");
		assertThat(format("CAD", "5")).isEqualTo("CA$5.00");
	}

	@Test
	void signsNegativeAmountsUnlessTheyRoundToZero() {
		assertThat(format("EUR", "-250")).isEqualTo("-€250.00");
		assertThat(format("USD", "-0.004")).isEqualTo("$0.00");
		assertThat(format("USD", "2.005")).isEqualTo("$2.01");
	}

	@Test
	void printsPercentagesWithoutTrailingZeros() {
		assertThat(MoneyFormat.percent(new BigDecimal("8.8750"))).isEqualTo("8.875%");
		assertThat(MoneyFormat.percent(new BigDecimal("10.00"))).isEqualTo("10%");
	}

	private static String format(String currency, String amount) {
		return new MoneyFormat(Currency.getInstance(currency)).format(new BigDecimal(amount));
	}

}
