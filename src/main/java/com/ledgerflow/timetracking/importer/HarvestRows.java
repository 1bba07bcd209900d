package com.ledgerflow.timetracking.importer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Harvest's detailed time report. Older exports lack some columns, so columns are found by name. Hours and rates
 * follow the account's number format ({@code 7,5} or {@code 7.5}); the currency reads like {@code Euro - EUR}.
 */
final class HarvestRows implements FormatRows {

	private static final List<String> KNOWN = List.of("date", "client", "project", "project code", "task", "notes",
			"hours", "billable?", "invoiced?", "approved?", "first name", "last name", "roles", "employee?",
			"billable rate", "billable amount", "cost rate", "cost amount", "currency", "external reference url");

	@Override
	public SourceFormat format() {
		return SourceFormat.HARVEST;
	}

	@Override
	public List<String> knownColumns() {
		return KNOWN;
	}

	@Override
	public List<String> requiredColumns() {
		return List.of("Date", "Project", "Hours", "First Name", "Last Name");
	}

	@Override
	public @Nullable ImportRow map(Cells cells) {
		LocalDate date = cells.requiredDate("Date");
		String project = cells.required("Project");
		Integer minutes = (cells.required("Hours") != null) ? cells.hoursAsMinutes("Hours") : null;
		String person = personName(cells);
		Boolean billable = cells.yesNo("Billable?");
		BigDecimal rate = cells.decimal("Billable Rate");
		String currency = currency(cells);
		if (cells.rejected() || date == null || project == null || minutes == null) {
			return null;
		}
		return new ImportRow(cells.line(), SourceFormat.HARVEST, person, null, cells.text("Client"), project,
				cells.text("Project Code"), cells.text("Task"), date, null, null, minutes, cells.notes("Notes"),
				billable, rate, currency, "");
	}

	private static @Nullable String personName(Cells cells) {
		String first = cells.text("First Name");
		String last = cells.text("Last Name");
		if (first == null && last == null) {
			cells.reject("First Name", "empty, and so is Last Name");
			return null;
		}
		return (first == null) ? last : (last == null) ? first : first + " " + last;
	}

	/** {@code Euro - EUR} or plain {@code EUR}. */
	private static @Nullable String currency(Cells cells) {
		String value = cells.text("Currency");
		if (value == null) {
			return null;
		}
		String code = value.substring(value.lastIndexOf('-') + 1).strip();
		if (!code.matches("[A-Za-z]{3}")) {
			cells.reject("Currency", "not a currency: '" + value + "'");
			return null;
		}
		return code.toUpperCase(Locale.ROOT);
	}

}
