package com.ledgerflow.expense.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;

import com.ledgerflow.expense.Expense;
import com.ledgerflow.expense.ExpenseDetails;
import com.ledgerflow.shared.InvalidField;
import org.jspecify.annotations.Nullable;

/**
 * The expenses page's add form as typed, kept as strings so that a refused expense comes back as it was entered;
 * each unreadable value is an {@link InvalidField} naming the field. {@code billable} is a checkbox: present when
 * ticked, absent when not. Blank optional fields mean the default (currency and markup: the project's).
 */
record ExpenseForm(@Nullable String projectId, @Nullable String date, @Nullable String category,
		@Nullable String vendor, @Nullable String description, @Nullable String amount, @Nullable String currency,
		@Nullable String exchangeRate, @Nullable String distance, @Nullable String billable,
		@Nullable String markupPercent) {

	static ExpenseForm empty(LocalDate today, String category, @Nullable String currency) {
		return new ExpenseForm("", today.toString(), category, "", "", "", currency, "", "", "on", "");
	}

	/** The form filled with an expense, to change it. */
	static ExpenseForm of(Expense expense) {
		return new ExpenseForm(expense.projectId().toString(), expense.date().toString(), expense.category(),
				expense.vendor(), expense.description(),
				expense.distance() != null ? "" : expense.amount().toPlainString(), expense.currency(),
				expense.exchangeRate().compareTo(BigDecimal.ONE) == 0 ? ""
						: expense.exchangeRate().stripTrailingZeros().toPlainString(),
				expense.distance() == null ? "" : expense.distance().toPlainString(), expense.billable() ? "on" : "",
				expense.markupPercent().stripTrailingZeros().toPlainString());
	}

	public boolean billableChecked() {
		return billable != null && !billable.isBlank() && !"false".equalsIgnoreCase(billable.strip());
	}

	ExpenseDetails details(UUID personId) {
		return new ExpenseDetails(personId, project(), day(), required("category", category), required("vendor", vendor),
				blankToNull(description), number("amount", amount), currencyCode(), number("exchangeRate", exchangeRate),
				number("distance", distance), billableChecked(), number("markupPercent", markupPercent));
	}

	private UUID project() {
		String text = required("projectId", projectId);
		try {
			return UUID.fromString(text);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidField("projectId", "'" + text + "' is not a project of this page");
		}
	}

	private LocalDate day() {
		String text = required("date", date);
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidField("date", "'" + text + "' is not a day (yyyy-mm-dd)");
		}
	}

	private @Nullable String currencyCode() {
		String text = blankToNull(currency);
		if (text == null) {
			return null;
		}
		String code = text.toUpperCase(Locale.ROOT);
		if (!code.matches("[A-Z]{3}")) {
			throw new InvalidField("currency", "'" + text + "' is not an ISO 4217 currency code such as USD");
		}
		return code;
	}

	/** A decimal as typed, {@code 42.50} or {@code 42,50}; null when blank. */
	static @Nullable BigDecimal number(String field, @Nullable String value) {
		String text = blankToNull(value);
		if (text == null) {
			return null;
		}
		try {
			return new BigDecimal(text.replace(',', '.'));
		}
		catch (NumberFormatException ex) {
			throw new InvalidField(field, "'" + text + "' is not a number");
		}
	}

	private static String required(String field, @Nullable String value) {
		String text = blankToNull(value);
		if (text == null) {
			throw new InvalidField(field, "is required");
		}
		return text;
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
