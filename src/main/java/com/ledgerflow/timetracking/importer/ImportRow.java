package com.ledgerflow.timetracking.importer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;

import org.jspecify.annotations.Nullable;

/**
 * One normalized time entry read from an import file. Text fields are trimmed; empty optional text is {@code null}.
 * @param line the 1-based file line the row starts on (the header is line 1)
 * @param personName "First Last" (Harvest), the user's name (Toggl, Clockify) or {@code person_name} (Ledgerflow)
 * @param personEmail the user's e-mail (Toggl, Clockify, Ledgerflow); always {@code null} for Harvest
 * @param projectCode only Harvest and Ledgerflow carry one
 * @param date the day the work started
 * @param start start time where the format has one (never for Harvest)
 * @param end end time where the format has one (never for Harvest)
 * @param minutes worked minutes, {@code >= 0} (zero is passed through; validation elsewhere rejects it)
 * @param notes the description, {@code ""} when there is none; may span several lines
 * @param billable {@code null} when the file leaves it empty or has no such column
 * @param billRate hourly rate from the file (Harvest, Clockify, Ledgerflow), {@code null} if absent
 * @param currency ISO 4217 code from the file (Harvest, Toggl, Clockify, Ledgerflow), {@code null} if absent
 * @param importKey SHA-256 hex that is equal for the same entry when the same file is imported again, and distinct
 * for identical entries within one file; use it to import idempotently
 */
public record ImportRow(int line, SourceFormat format, @Nullable String personName, @Nullable String personEmail,
		@Nullable String clientName, String projectName, @Nullable String projectCode, @Nullable String taskName,
		LocalDate date, @Nullable LocalTime start, @Nullable LocalTime end, int minutes, String notes,
		@Nullable Boolean billable, @Nullable BigDecimal billRate, @Nullable String currency, String importKey) {

	ImportRow withImportKey(String key) {
		return new ImportRow(line, format, personName, personEmail, clientName, projectName, projectCode, taskName,
				date, start, end, minutes, notes, billable, billRate, currency, key);
	}

}
