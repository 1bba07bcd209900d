package com.ledgerflow.timetracking.importer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** Ledgerflow's own format, documented in {@code docs/time-import.md}. */
final class LedgerflowRows implements FormatRows {

	private static final List<String> KNOWN = List.of("date", "person_email", "person_name", "client", "project",
			"project_code", "task", "hours", "start", "end", "notes", "billable", "bill_rate", "currency");

	@Override
	public SourceFormat format() {
		return SourceFormat.LEDGERFLOW;
	}

	@Override
	public List<String> knownColumns() {
		return KNOWN;
	}

	@Override
	public List<String> requiredColumns() {
		return List.of("date", "person_email", "project");
	}

	@Override
	public void checkColumns(HeaderColumns header) {
		FormatRows.super.checkColumns(header);
		if (!header.has("hours") && !(header.has("start") && header.has("end"))) {
			throw new TimeCsvUnreadable("hours", "missing column 'hours' (or both 'start' and 'end')");
		}
	}

	@Override
	public @Nullable ImportRow map(Cells cells) {
		LocalDate date = cells.requiredDate("date");
		String email = cells.required("person_email");
		String project = cells.required("project");
		LocalTime start = cells.time("start");
		LocalTime end = cells.time("end");
		Integer minutes = cells.hoursAsMinutes("hours");
		Boolean billable = cells.yesNo("billable");
		BigDecimal rate = cells.decimal("bill_rate");
		String currency = currency(cells);
		if (cells.rejected() || date == null || email == null || project == null) {
			return null;
		}
		if (minutes == null) {
			minutes = cells.minutesBetween("hours", date, start, null, end);
			if (minutes == null) {
				return null;
			}
		}
		return new ImportRow(cells.line(), SourceFormat.LEDGERFLOW, cells.text("person_name"), email,
				cells.text("client"), project, cells.text("project_code"), cells.text("task"), date, start, end,
				minutes, cells.notes("notes"), billable, rate, currency, "");
	}

	private static @Nullable String currency(Cells cells) {
		String value = cells.text("currency");
		if (value != null && !value.matches("[A-Za-z]{3}")) {
			cells.reject("currency", "not a currency: '" + value + "'");
			return null;
		}
		return (value == null) ? null : value.toUpperCase(Locale.ROOT);
	}

}
