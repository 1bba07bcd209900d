package com.ledgerflow.timetracking.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import com.ledgerflow.shared.InvalidField;
import org.jspecify.annotations.Nullable;

/**
 * The timesheet page's add-entry form as typed, kept as strings so that a refused entry comes back as it was entered;
 * each bad value is an {@link InvalidField} naming the field.
 */
record EntryForm(@Nullable String work, @Nullable String date, @Nullable String hours, @Nullable String notes) {

	static EntryForm empty(LocalDate day) {
		return new EntryForm("", day.toString(), "", "");
	}

	BookableWork.Work bookedWork() {
		return BookableWork.Work.parse(work);
	}

	LocalDate day() {
		try {
			return LocalDate.parse(date == null ? "" : date.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidField("date", "'" + date + "' is not a day (yyyy-mm-dd)");
		}
	}

	int minutes() {
		return minutes(hours);
	}

	/** Hours as typed, {@code 7.5}, {@code 7,5} or {@code 7:30}, in whole minutes. */
	static int minutes(@Nullable String hours) {
		String text = hours == null ? "" : hours.strip();
		if (text.isEmpty()) {
			throw new InvalidField("hours", "are required, e.g. 7.5 or 7:30");
		}
		try {
			if (text.contains(":")) {
				String[] parts = text.split(":", 2);
				int minutes = Integer.parseInt(parts[1]);
				if (minutes < 0 || minutes > 59) {
					throw new NumberFormatException(text);
				}
				return Integer.parseInt(parts[0]) * 60 + minutes;
			}
			return new BigDecimal(text.replace(',', '.')).multiply(BigDecimal.valueOf(60))
				.setScale(0, RoundingMode.HALF_UP)
				.intValueExact();
		}
		catch (NumberFormatException | ArithmeticException ex) {
			throw new InvalidField("hours", "'" + text + "' is not a number of hours; write 7.5 or 7:30");
		}
	}

}
