package com.ledgerflow.dunning;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When the daily dunning check runs: at {@code ledgerflow.dunning.check-time} (08:00 by default) in the company's time
 * zone, so that a reminder reaches the client in the morning of the company's calendar day.
 */
@Component
public class ReminderCalendar {

	private final Clock clock;

	private final ZoneId zone;

	private final LocalTime checkTime;

	ReminderCalendar(Clock clock, @Value("${ledgerflow.company.time-zone}") ZoneId zone,
			@Value("${ledgerflow.dunning.check-time:08:00}") String checkTime) {
		this.clock = clock;
		this.zone = zone;
		this.checkTime = LocalTime.parse(checkTime);
	}

	/**
	 * The daily checks from the next one after now on, as an ISO 8601 repeating interval (the form a timer cycle
	 * takes): {@code R/<next check with the company's offset on that day>/P1D}, e.g.
	 * {@code R/2026-12-02T08:00:00-05:00/P1D}.
	 */
	public String dailyChecks() {
		return dailyChecks(clock.instant());
	}

	String dailyChecks(Instant now) {
		return "R/" + nextCheck(now).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + "/P1D";
	}

	/** The next daily check after now, with the company's offset on that day. */
	ZonedDateTime nextCheck(Instant now) {
		ZonedDateTime today = now.atZone(zone).with(checkTime);
		return today.toInstant().isAfter(now) ? today : today.plusDays(1).with(checkTime);
	}

}
