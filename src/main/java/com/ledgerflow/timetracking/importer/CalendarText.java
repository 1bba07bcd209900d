package com.ledgerflow.timetracking.importer;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Dates and times as the supported exports write them: ISO {@code 2024-03-04}, US {@code 03/04/2024} and
 * {@code 04.03.2024}; {@code 14:05[:09]} and {@code 2:05[:09] PM}.
 */
final class CalendarText {

	private static final DateTimeFormatter ISO_DATE = strict("uuuu-M-d");

	private static final DateTimeFormatter US_DATE = strict("M/d/uuuu");

	private static final DateTimeFormatter DOTTED_DATE = strict("d.M.uuuu");

	private static final DateTimeFormatter TIME_24H = strict("H:mm[:ss]");

	private static final DateTimeFormatter TIME_12H = new DateTimeFormatterBuilder().parseCaseInsensitive()
		.appendPattern("h:mm[:ss][ ]a")
		.toFormatter(Locale.US)
		.withResolverStyle(ResolverStyle.STRICT);

	private CalendarText() {
	}

	static @Nullable LocalDate date(String text) {
		DateTimeFormatter format = text.contains("/") ? US_DATE : text.contains(".") ? DOTTED_DATE : ISO_DATE;
		try {
			return LocalDate.parse(text, format);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	static @Nullable LocalTime time(String text) {
		String upper = text.toUpperCase(Locale.ROOT);
		boolean twelveHour = upper.endsWith("AM") || upper.endsWith("PM");
		try {
			return LocalTime.parse(text, twelveHour ? TIME_12H : TIME_24H);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/** Seconds in {@code H:MM:SS} or {@code H:MM} (hours may exceed 24), {@code null} when malformed. */
	static @Nullable Long seconds(String text) {
		String[] parts = text.split(":", -1);
		if (parts.length < 2 || parts.length > 3) {
			return null;
		}
		long total = 0;
		for (int i = 0; i < parts.length; i++) {
			if (!parts[i].matches("[0-9]{1,9}") || (i > 0 && (parts[i].length() != 2 || parts[i].compareTo("60") >= 0))) {
				return null;
			}
			total = total * 60 + Long.parseLong(parts[i]);
		}
		return (parts.length == 2) ? total * 60 : total;
	}

	private static DateTimeFormatter strict(String pattern) {
		return DateTimeFormatter.ofPattern(pattern, Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
	}

}
