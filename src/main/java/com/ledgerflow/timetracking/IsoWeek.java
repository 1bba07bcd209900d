package com.ledgerflow.timetracking;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import com.ledgerflow.shared.InvalidField;

/** An ISO-8601 week such as {@code 2026-W48}: Monday to Sunday, week 1 holds the year's first Thursday. */
public record IsoWeek(int year, int week) implements Comparable<IsoWeek> {

	private static final Pattern FORMAT = Pattern.compile("(\\d{4})-W(\\d{2})");

	public IsoWeek {
		LocalDate probe = LocalDate.of(year, 6, 1);
		long weeks = probe.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
		if (week < 1 || week > weeks) {
			throw new InvalidField("isoWeek", year + " has weeks 1 to " + weeks + ", not " + week);
		}
	}

	/** Parses {@code yyyy-Www}; a malformed value is a 400 naming {@code isoWeek}. */
	public static IsoWeek parse(String value) {
		Matcher matcher = FORMAT.matcher(value.strip());
		if (!matcher.matches()) {
			throw new InvalidField("isoWeek", "must look like 2026-W48, not '" + value + "'");
		}
		return new IsoWeek(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
	}

	public static IsoWeek of(LocalDate date) {
		return new IsoWeek(date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
	}

	public LocalDate monday() {
		return LocalDate.of(year, 1, 4)
			.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
			.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
	}

	public LocalDate sunday() {
		return monday().plusDays(6);
	}

	public List<LocalDate> days() {
		LocalDate monday = monday();
		return IntStream.range(0, 7).mapToObj(monday::plusDays).toList();
	}

	public IsoWeek previous() {
		return of(monday().minusDays(7));
	}

	public IsoWeek next() {
		return of(monday().plusDays(7));
	}

	@Override
	public int compareTo(IsoWeek other) {
		return monday().compareTo(other.monday());
	}

	@Override
	public String toString() {
		return String.format("%04d-W%02d", year, week);
	}

}
