package com.ledgerflow.expense.web;

import java.util.Map;

import com.ledgerflow.expense.ReceiptRefused;
import com.ledgerflow.shared.InvalidField;
import com.ledgerflow.shared.NotFound;
import com.ledgerflow.shared.StateConflict;

import org.springframework.http.HttpStatus;

/**
 * A change the expenses page refused, shown next to the form it came from ({@code add}, an expense's id, or
 * {@code page}): the reason, led by the field as the page names it, and the status the page is answered with.
 */
record ExpensePageError(String form, String message, HttpStatus status) {

	private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("projectId", "Project"),
			Map.entry("personId", "Person"), Map.entry("date", "Date"), Map.entry("category", "Category"),
			Map.entry("vendor", "Vendor"), Map.entry("description", "Description"), Map.entry("amount", "Amount"),
			Map.entry("currency", "Currency"), Map.entry("exchangeRate", "Exchange rate"),
			Map.entry("distance", "Distance"), Map.entry("billable", "Billable"),
			Map.entry("markupPercent", "Markup %"), Map.entry("receipt", "Receipt"));

	static ExpensePageError of(String form, RuntimeException refusal) {
		String message = refusal.getMessage() == null ? "Refused" : refusal.getMessage();
		if (refusal instanceof InvalidField invalid) {
			return new ExpensePageError(form, label(invalid.field()) + ": " + invalid.reason(), HttpStatus.BAD_REQUEST);
		}
		if (refusal instanceof ReceiptRefused receipt) {
			return new ExpensePageError(form, "Receipt: " + message,
					receipt.tooLarge() ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.UNSUPPORTED_MEDIA_TYPE);
		}
		if (refusal instanceof NotFound notFound) {
			return notFound.field() == null ? new ExpensePageError(form, message, HttpStatus.NOT_FOUND)
					: new ExpensePageError(form, label(notFound.field()) + ": " + message, HttpStatus.BAD_REQUEST);
		}
		if (refusal instanceof StateConflict) {
			return new ExpensePageError(form, message, HttpStatus.CONFLICT);
		}
		return new ExpensePageError(form, message, HttpStatus.BAD_REQUEST);
	}

	static String label(String field) {
		return LABELS.getOrDefault(field, field);
	}

}
