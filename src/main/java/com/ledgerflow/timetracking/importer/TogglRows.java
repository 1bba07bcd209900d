package com.ledgerflow.timetracking.importer;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Toggl Track's detailed report: ISO dates, 24 h times, a {@code HH:MM:SS} duration and the currency in the name of
 * the amount column ({@code Amount (EUR)}). Real exports start with a byte order mark.
 */
final class TogglRows implements FormatRows {

	private static final List<String> KNOWN = List.of("user", "email", "client", "project", "task", "description",
			"billable", "start date", "start time", "end date", "end time", "duration", "tags", "amount (");

	@Override
	public SourceFormat format() {
		return SourceFormat.TOGGL;
	}

	@Override
	public List<String> knownColumns() {
		return KNOWN;
	}

	@Override
	public List<String> requiredColumns() {
		return List.of("User", "Email", "Project", "Start date", "Duration");
	}

	@Override
	public @Nullable ImportRow map(Cells cells) {
		String project = cells.required("Project");
		LocalDate date = cells.requiredDate("Start date");
		LocalTime start = cells.time("Start time");
		LocalDate endDate = cells.date("End date");
		LocalTime end = cells.time("End time");
		Integer minutes = cells.durationAsMinutes("Duration");
		Boolean billable = cells.yesNo("Billable");
		String name = cells.text("User");
		String email = cells.text("Email");
		if (name == null && email == null) {
			cells.reject("Email", "empty, and so is User");
		}
		if (cells.rejected() || project == null || date == null) {
			return null;
		}
		if (minutes == null) {
			minutes = cells.minutesBetween("Duration", date, start, endDate, end);
			if (minutes == null) {
				return null;
			}
		}
		String currency = HeaderColumns.currencyIn(cells.header().startingWith("amount ("));
		return new ImportRow(cells.line(), SourceFormat.TOGGL, name, email, cells.text("Client"), project, null,
				cells.text("Task"), date, start, end, minutes, cells.notes("Description"), billable, null, currency,
				"");
	}

}
