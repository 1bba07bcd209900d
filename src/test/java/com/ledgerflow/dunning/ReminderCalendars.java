package com.ledgerflow.dunning;

import java.time.Clock;
import java.time.ZoneId;

/** The application's {@link ReminderCalendar} for tests outside dunning, e.g. a process test's stub delegates. */
public final class ReminderCalendars {

	private ReminderCalendars() {
	}

	/** Daily checks at 08:00 (the default {@code ledgerflow.dunning.check-time}) in {@code zone}, by {@code clock}. */
	public static ReminderCalendar atEight(Clock clock, ZoneId zone) {
		return new ReminderCalendar(clock, zone, "08:00");
	}

}
