package com.ledgerflow.timetracking;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the timesheet reminder check on every node (it is idempotent), first one interval after start. */
@Component
class TimesheetReminderScheduler {

	private static final Logger log = LoggerFactory.getLogger(TimesheetReminderScheduler.class);

	private final TimesheetReminders reminders;

	private final Clock clock;

	TimesheetReminderScheduler(TimesheetReminders reminders, Clock clock) {
		this.reminders = reminders;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${ledgerflow.time-tracking.reminder-check-interval:PT15M}",
			initialDelayString = "${ledgerflow.time-tracking.reminder-check-interval:PT15M}")
	void check() {
		try {
			reminders.sendDue(clock.instant());
		}
		catch (RuntimeException ex) {
			log.warn("Timesheet reminder check failed, next try in one interval: {}", ex.toString());
		}
	}

}
