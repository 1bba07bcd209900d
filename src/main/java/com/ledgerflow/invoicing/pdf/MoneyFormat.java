package com.ledgerflow.invoicing.pdf;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Currency;
import java.util.Locale;

/**
 * Amounts of one currency as printed: the currency's symbol where it is unambiguous in English ({@code $}, {@code €},
 * {@code £}, else e.g. {@code CA$} or {@code CHF}), comma grouping, the currency's fraction digits.
 */
final class MoneyFormat {

	private final Currency currency;

	private final String symbol;

	private final int digits;

	private final DecimalFormat number;

	MoneyFormat(Currency currency) {
		this.currency = currency;
		this.symbol = currency.getSymbol(Locale.US);
		this.digits = Math.max(0, currency.getDefaultFractionDigits());
		this.number = new DecimalFormat((digits == 0) ? "#,##0" : "#,##0." + "0".repeat(digits),
				DecimalFormatSymbols.getInstance(Locale.US));
	}

	/** E.g. {@code $1,234.50}, {@code -€250.00}, {@code CHF 80.00}; rounded half up to the currency's digits. */
	String format(BigDecimal amount) {
		BigDecimal rounded = amount.setScale(digits, RoundingMode.HALF_UP);
		String separator = (symbol.length() > 1 && Character.isLetter(symbol.charAt(symbol.length() - 1))) ? " " : "";
		String text = symbol + separator + number.format(rounded.abs());
		return (rounded.signum() < 0) ? "-" + text : text;
	}

	/** A percentage without trailing zeros, e.g. {@code 8.875%} or {@code 10%}. */
	static String percent(BigDecimal value) {
		return value.stripTrailingZeros().toPlainString() + "%";
	}

	Currency currency() {
		return currency;
	}

}
