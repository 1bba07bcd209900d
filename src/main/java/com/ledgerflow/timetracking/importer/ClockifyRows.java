package com.ledgerflow.timetracking.importer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Clockify's detailed report: US dates, 12 h times with or without seconds, the duration both as {@code HH:MM:SS}
 * and in decimal hours, and the currency in the name of the rate column ({@code Billable Rate (USD)}). Some
 * workspaces add {@code Type}, {@code Invoiced} and {@code Invoice ID}, which are ignored.
 */
final class ClockifyRows implements FormatRows {

	private static final String DURATION = "Duration (h)";

	private static final String DECIMAL_DURATION = "Duration (decimal)";

	private static final List<String> KNOWN = List.of("project", "client", "description", "task", "user", "group",
			"email", "tags", "billable", "start date", "start time", "end date", "end time", "duration (h)",
			"duration (decimal)", "billable rate (", "billable amount (", "type", "invoiced", "invoice id");

	@Override
	public SourceFormat format() {
		return SourceFormat.CLOCKIFY;
	}

	@Override
	public List<String> knownColumns() {
		return KNOWN;
	}

	@Override
	public List<String> requiredColumns() {
		return List.of("Project", "User", "Email", "Start Date", DURATION);
	}

	@Override
	public @Nullable ImportRow map(Cells cells) {
		String project = cells.required("Project");
		LocalDate date = cells.requiredDate("Start Date");
		LocalTime start = cells.time("Start Time");
		LocalDate endDate = cells.date("End Date");
		LocalTime end = cells.time("End Time");
		Integer minutes = cells.durationAsMinutes(DURATION);
		if (minutes == null && cells.text(DURATION) == null) {
			minutes = cells.hoursAsMinutes(DECIMAL_DURATION);
		}
		Boolean billable = cells.yesNo("Billable");
		String rateColumn = cells.header().startingWith("billable rate (");
		BigDecimal rate = (rateColumn != null) ? cells.decimal(rateColumn) : null;
		String name = cells.text("User");
		String email = cells.text("Email");
		if (name == null && email == null) {
			cells.reject("Email", "empty, and so is User");
		}
		if (cells.rejected() || project == null || date == null) {
			return null;
		}
		if (minutes == null) {
			minutes = cells.minutesBetween(DURATION, date, start, endDate, end);
			if (minutes == null) {
				return null;
			}
		}
		return new ImportRow(cells.line(), SourceFormat.CLOCKIFY, name, email, cells.text("Client"), project, null,
				cells.text("Task"), date, start, end, minutes, cells.notes("Description"), billable, rate,
				currency(cells.header(), rateColumn), "");
	}

	private static @Nullable String currency(HeaderColumns header, @Nullable String rateColumn) {
		String fromRate = HeaderColumns.currencyIn(rateColumn);
		return (fromRate != null) ? fromRate : HeaderColumns.currencyIn(header.startingWith("billable amount ("));
	}

}
