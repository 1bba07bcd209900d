package com.ledgerflow.timetracking;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import com.ledgerflow.shared.StateConflict;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The running timer: one per person; stopping books the span as a time entry with start and end (company time zone,
 * whole minutes, at least one). A timer running past midnight is booked on its start day up to midnight.
 */
@Service
public class TimerService {

	private final RunningTimerRepository timers;

	private final TimeEntryRules rules;

	private final TimeEntryService timeEntries;

	private final Clock clock;

	private final ZoneId zone;

	TimerService(RunningTimerRepository timers, TimeEntryRules rules, TimeEntryService timeEntries, Clock clock,
			@Value("${ledgerflow.company.time-zone}") ZoneId zone) {
		this.timers = timers;
		this.rules = rules;
		this.timeEntries = timeEntries;
		this.clock = clock;
		this.zone = zone;
	}

	/** Starts a timer; a second one while one runs is refused (409): stop the first. */
	@Transactional
	public RunningTimer start(UUID personId, UUID projectId, @Nullable UUID taskId, @Nullable String notes) {
		LocalDate today = rules.today();
		// the entry it will become must be bookable: check it now, as a one-minute entry
		rules.resolve(new TimeEntryDetails(personId, projectId, taskId, today, 1, null, null, notes, null));
		if (timers.existsById(personId)) {
			throw new StateConflict("A timer is already running for this person; stop it first");
		}
		return timers.saveAndFlush(new RunningTimer(personId, projectId, taskId, notes == null ? "" : notes.strip(),
				clock.instant().truncatedTo(ChronoUnit.MINUTES)));
	}

	/** Stops the person's timer and books it; 409 when none runs. */
	@Transactional
	public TimeEntry stop(UUID personId) {
		RunningTimer timer = timers.findById(personId)
			.orElseThrow(() -> new StateConflict("No timer is running for this person"));
		ZonedDateTime started = timer.startedAt().atZone(zone);
		ZonedDateTime now = clock.instant().atZone(zone).truncatedTo(ChronoUnit.MINUTES);
		LocalTime start = started.toLocalTime();
		LocalTime end = now.toLocalDate().isAfter(started.toLocalDate()) ? LocalTime.of(23, 59) : now.toLocalTime();
		if (!end.isAfter(start)) {
			end = start.plusMinutes(1);
		}
		timers.delete(timer);
		return timeEntries.create(new TimeEntryDetails(personId, timer.projectId(), timer.taskId(),
				started.toLocalDate(), null, start, end, timer.notes(), null), TimeEntryOrigin.WEB);
	}

	@Transactional(readOnly = true)
	public Optional<RunningTimer> running(UUID personId) {
		return timers.findById(personId);
	}

}
