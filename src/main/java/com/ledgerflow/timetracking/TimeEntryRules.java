package com.ledgerflow.timetracking;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import com.ledgerflow.people.Person;
import com.ledgerflow.people.PersonService;
import com.ledgerflow.project.BillingModel;
import com.ledgerflow.project.Project;
import com.ledgerflow.project.ProjectPlanService;
import com.ledgerflow.project.ProjectTask;
import com.ledgerflow.project.ProjectTeam;
import com.ledgerflow.shared.InvalidField;
import com.ledgerflow.shared.StateConflict;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The rules every time entry obeys, however it comes in: a known, open project; a task of that project; a person on
 * its team; a day not in the future (company time zone); more than zero minutes, at most 24 h per person and day, and
 * no overlapping start–end spans.
 */
@Component
class TimeEntryRules {

	static final int MINUTES_PER_DAY = 24 * 60;

	private final ProjectPlanService plans;

	private final ProjectTeam team;

	private final PersonService people;

	private final TimeEntryRepository entries;

	private final Clock clock;

	private final ZoneId zone;

	TimeEntryRules(ProjectPlanService plans, ProjectTeam team, PersonService people, TimeEntryRepository entries,
			Clock clock, @Value("${ledgerflow.company.time-zone}") ZoneId zone) {
		this.plans = plans;
		this.team = team;
		this.people = people;
		this.entries = entries;
		this.clock = clock;
		this.zone = zone;
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(zone));
	}

	/** Checks the entry on its own and against the project; returns it resolved (minutes, billable). */
	TimeEntry.Worked resolve(TimeEntryDetails details) {
		Person person = people.referencedBy("personId", details.personId());
		Project project = team.bookable(details.projectId(), "time");
		ProjectTask task = details.taskId() == null ? null : taskOf(project, details.taskId());
		team.checkBooker(project, person);
		if (details.date().isAfter(today())) {
			throw new InvalidField("date", details.date() + " is in the future; time is booked once it is worked");
		}
		int minutes = minutes(details.minutes(), details.start(), details.end());
		boolean billable = details.billable() != null ? details.billable()
				: task != null ? task.billable() : project.billingModel() != BillingModel.FIXED_FEE;
		String notes = details.notes() == null ? "" : details.notes().strip();
		return new TimeEntry.Worked(person.id(), project.id(), task == null ? null : task.id(), details.date(),
				minutes, details.start(), details.end(), notes, billable);
	}

	/** Checks the day of the person: at most 24 h with the entries saved so far, no overlap with them. */
	void checkDay(TimeEntry.Worked worked, @Nullable UUID excluding) {
		long booked = entries.minutesOn(worked.personId(), worked.date(), excluding);
		checkDayTotal(worked, booked);
		if (worked.start() != null && worked.end() != null) {
			List<TimeEntry> overlaps = entries.overlapping(worked.personId(), worked.date(), excluding,
					worked.start(), worked.end());
			if (!overlaps.isEmpty()) {
				TimeEntry other = overlaps.get(0);
				throw new StateConflict("The time " + worked.start() + "–" + worked.end() + " on " + worked.date()
						+ " overlaps the entry " + other.start() + "–" + other.end() + " (" + other.id() + ")");
			}
		}
	}

	static void checkDayTotal(TimeEntry.Worked worked, long alreadyBooked) {
		long total = alreadyBooked + worked.minutes();
		if (total > MINUTES_PER_DAY) {
			throw new InvalidField("minutes", "would make " + hours(total) + " h on " + worked.date()
					+ " for this person; a day has at most 24 h");
		}
	}

	private ProjectTask taskOf(Project project, UUID taskId) {
		ProjectTask task = plans.task(taskId);
		if (!task.projectId().equals(project.id())) {
			throw new InvalidField("taskId", "task '" + task.name() + "' belongs to another project, not to "
					+ project.code());
		}
		return task;
	}

	static int minutes(@Nullable Integer minutes, @Nullable LocalTime start, @Nullable LocalTime end) {
		if ((start == null) != (end == null)) {
			throw new InvalidField(start == null ? "start" : "end", "is required when the other end is given");
		}
		if (start != null && end != null) {
			if (!end.isAfter(start)) {
				throw new InvalidField("end", "must be after start (" + start + ")");
			}
			int span = (int) Duration.between(start, end).toMinutes();
			if (minutes != null && minutes != span) {
				throw new InvalidField("minutes", "is " + minutes + " but " + start + "–" + end + " is " + span);
			}
			minutes = span;
		}
		if (minutes == null) {
			throw new InvalidField("minutes", "is required (or start and end)");
		}
		if (minutes <= 0) {
			throw new InvalidField("minutes", "must be more than zero, not " + minutes);
		}
		return minutes;
	}

	static String hours(long minutes) {
		return TimesheetSummary.toHours(minutes).stripTrailingZeros().toPlainString();
	}

}
