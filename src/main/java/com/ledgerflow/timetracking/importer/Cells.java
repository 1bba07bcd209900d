package com.ledgerflow.timetracking.importer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * The cells of one data row, read by column name and converted; every conversion that fails is collected as a
 * {@link RowError} (and answers {@code null}) so that one row reports all its problems.
 */
final class Cells {

	private static final BigDecimal MINUTES_PER_HOUR = BigDecimal.valueOf(60);

	private final CSVRecord record;

	private final HeaderColumns header;

	private final int line;

	private final List<RowError> errors = new ArrayList<>();

	Cells(CSVRecord record, HeaderColumns header, int line) {
		this.record = record;
		this.header = header;
		this.line = line;
	}

	int line() {
		return line;
	}

	HeaderColumns header() {
		return header;
	}

	List<RowError> errors() {
		return errors;
	}

	boolean rejected() {
		return !errors.isEmpty();
	}

	void reject(String column, String reason) {
		errors.add(new RowError(line, header.spelled(column), reason));
	}

	/** The trimmed cell, {@code null} when empty or when the file has no such column. */
	@Nullable String text(String column) {
		Integer position = header.position(column);
		if (position == null || position >= record.size()) {
			return null;
		}
		String value = record.get(position).strip();
		return value.isEmpty() ? null : value;
	}

	/** Free text with line breaks normalized to {@code \n}; {@code ""} when empty. */
	String notes(String column) {
		String value = text(column);
		return (value == null) ? "" : value.replace("\r\n", "\n").replace('\r', '\n');
	}

	@Nullable String required(String column) {
		String value = text(column);
		if (value == null) {
			reject(column, "empty");
		}
		return value;
	}

	@Nullable BigDecimal decimal(String column) {
		String value = text(column);
		if (value == null) {
			return null;
		}
		BigDecimal number = LocalizedDecimal.parse(value);
		if (number == null) {
			reject(column, "not a number: '" + value + "'");
		}
		return number;
	}

	@Nullable LocalDate date(String column) {
		String value = text(column);
		if (value == null) {
			return null;
		}
		LocalDate date = CalendarText.date(value);
		if (date == null) {
			reject(column, "not a date: '" + value + "'");
		}
		return date;
	}

	@Nullable LocalDate requiredDate(String column) {
		if (text(column) == null) {
			reject(column, "empty");
			return null;
		}
		return date(column);
	}

	@Nullable LocalTime time(String column) {
		String value = text(column);
		if (value == null) {
			return null;
		}
		LocalTime time = CalendarText.time(value);
		if (time == null) {
			reject(column, "not a time: '" + value + "'");
		}
		return time;
	}

	/** Yes/No/true/false in any case; {@code null} when empty. */
	@Nullable Boolean yesNo(String column) {
		String value = text(column);
		if (value == null) {
			return null;
		}
		String lower = value.toLowerCase(Locale.ROOT);
		if (lower.equals("yes") || lower.equals("true")) {
			return Boolean.TRUE;
		}
		if (lower.equals("no") || lower.equals("false")) {
			return Boolean.FALSE;
		}
		reject(column, "not yes or no: '" + value + "'");
		return null;
	}

	/** Decimal hours as whole minutes, rounded half up (0.01 h is 1 minute). */
	@Nullable Integer hoursAsMinutes(String column) {
		BigDecimal hours = decimal(column);
		if (hours == null) {
			return null;
		}
		if (hours.signum() < 0) {
			reject(column, "negative: '" + text(column) + "'");
			return null;
		}
		BigDecimal minutes = hours.multiply(MINUTES_PER_HOUR).setScale(0, RoundingMode.HALF_UP);
		if (minutes.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
			reject(column, "too large: '" + text(column) + "'");
			return null;
		}
		return minutes.intValue();
	}

	/** A duration {@code H:MM:SS} or {@code H:MM} as whole minutes, seconds rounded half up. */
	@Nullable Integer durationAsMinutes(String column) {
		String value = text(column);
		if (value == null) {
			return null;
		}
		Long seconds = CalendarText.seconds(value);
		if (seconds == null || seconds / 60 >= Integer.MAX_VALUE) {
			reject(column, "not a duration: '" + value + "'");
			return null;
		}
		return (int) ((seconds + 30) / 60);
	}

	/**
	 * The minutes from end minus start, when both times are known; an end before the start on the same (or an
	 * unknown) end date is taken to be on the next day. Rejects {@code durationColumn} when neither is there.
	 */
	@Nullable Integer minutesBetween(String durationColumn, LocalDate startDate, @Nullable LocalTime start,
			@Nullable LocalDate endDate, @Nullable LocalTime end) {
		if (start == null || end == null) {
			reject(durationColumn, "empty, and no start and end time");
			return null;
		}
		LocalDate endDay = (endDate != null) ? endDate : startDate;
		if (end.isBefore(start) && !endDay.isAfter(startDate)) {
			endDay = endDay.plusDays(1);
		}
		long seconds = Duration.between(startDate.atTime(start), endDay.atTime(end)).getSeconds();
		if (seconds < 0) {
			reject(durationColumn, "end before start");
			return null;
		}
		return (int) ((seconds + 30) / 60);
	}

}
