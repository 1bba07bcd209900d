package com.ledgerflow.dunning;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The daily check time, its timer cycle and the follow-up's working days, in the company's time zone. */
class ReminderCalendarTests {

	private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	private final ReminderCalendar calendar = new ReminderCalendar(Clock.systemUTC(), NEW_YORK, "08:00");

	@Test
	void checksAtEightTodayBeforeEightAndTomorrowAfter() {
		assertThat(calendar.nextCheck(at("2026-12-01T07:59-05:00"))).isEqualTo(at("2026-12-01T08:00-05:00")
			.atZone(NEW_YORK));
		assertThat(calendar.nextCheck(at("2026-12-01T08:00-05:00"))).isEqualTo(at("2026-12-02T08:00-05:00")
			.atZone(NEW_YORK));
	}

	@Test
	void keepsEightOClockAcrossADaylightSavingChange() {
		ZonedDateTime next = calendar.nextCheck(at("2027-03-13T09:00-05:00"));

		assertThat(next.toOffsetDateTime()).hasToString("2027-03-14T08:00-04:00");
	}

	@Test
	void repeatsTheCheckDailyFromTheNextOneOnAsATimerCycle() {
		assertThat(calendar.dailyChecks(at("2026-12-01T07:59-05:00"))).isEqualTo("R/2026-12-01T08:00:00-05:00/P1D");
		assertThat(calendar.dailyChecks(at("2026-12-01T13:00Z"))).isEqualTo("R/2026-12-02T08:00:00-05:00/P1D");
		assertThat(calendar.dailyChecks(at("2027-03-13T09:00-05:00"))).isEqualTo("R/2027-03-14T08:00:00-04:00/P1D");
	}

	@Test
	void countsThreeWorkingDaysOverAWeekend() {
		Instant fridayNoon = at("2026-12-04T12:00-05:00");

		assertThat(ReminderService.workingDaysAfter(fridayNoon, 3, NEW_YORK)).isEqualTo(at("2026-12-09T12:00-05:00"));
		assertThat(ReminderService.workingDaysAfter(at("2026-12-01T12:00-05:00"), 3, NEW_YORK))
			.isEqualTo(at("2026-12-04T12:00-05:00"));
	}

	private static Instant at(String offsetDateTime) {
		return java.time.OffsetDateTime.parse(offsetDateTime).toInstant();
	}

}
