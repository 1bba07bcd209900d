package com.ledgerflow.reporting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The reports' one notion of "today": the application clock in the company's time zone. */
@Component
public class ReportClock {

	private final Clock clock;

	private final ZoneId zone;

	ReportClock(Clock clock, @Value("${ledgerflow.company.time-zone}") ZoneId zone) {
		this.clock = clock;
		this.zone = zone;
	}

	/** The last day the report looks at: the filter's {@code to}, or today. */
	public LocalDate asOf(ReportFilter filter) {
		return filter.asOf(LocalDate.now(clock.withZone(zone)));
	}

	Instant now() {
		return clock.instant();
	}

	ZoneId zone() {
		return zone;
	}

}
