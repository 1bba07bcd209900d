package com.ledgerflow.timetracking.web;

import java.util.Map;

import com.ledgerflow.shared.InvalidField;
import com.ledgerflow.shared.NotFound;

/**
 * A change the timesheet page refused, shown next to the form it came from ({@code add}, {@code timer},
 * {@code submit}, an entry's id, or {@code page}): the reason, led by the field as the page names it.
 */
record PageError(String form, String message) {

	private static final Map<String, String> LABELS = Map.of("minutes", "Hours", "hours", "Hours", "date", "Day",
			"projectId", "Project", "taskId", "Task", "personId", "Person", "notes", "Notes", "isoWeek", "Week",
			"start", "Start", "end", "End");

	static PageError of(String form, RuntimeException refusal) {
		String message = refusal.getMessage() == null ? "Refused" : refusal.getMessage();
		if (refusal instanceof InvalidField invalid) {
			message = label(invalid.field()) + ": " + invalid.reason();
		}
		else if (refusal instanceof NotFound notFound && notFound.field() != null) {
			message = label(notFound.field()) + ": " + message;
		}
		return new PageError(form, message);
	}

	private static String label(String field) {
		return LABELS.getOrDefault(field, field);
	}

}
