package com.ledgerflow.timetracking;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.ledgerflow.mail.MailMessage;
import com.ledgerflow.mail.MailOutbox;
import com.ledgerflow.mail.MailTemplates;
import com.ledgerflow.people.Person;
import com.ledgerflow.people.PersonService;
import com.ledgerflow.project.ProjectTeam;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminds consultants who have not submitted last week's timesheet by its due time (Monday 12:00 company time by
 * default). Safe to run on every node and as often as wanted: each reminder's outbox dedupe key names the person and
 * the week, so it goes out once; a node that was down at the due time sends it when it next checks.
 */
@Service
public class TimesheetReminders {

	private final ProjectTeam team;

	private final PersonService people;

	private final TimesheetRepository sheets;

	private final TimeEntryRepository entries;

	private final MailOutbox outbox;

	private final MailTemplates templates;

	private final TimeTrackingProperties properties;

	private final ZoneId zone;

	private final String baseUrl;

	TimesheetReminders(ProjectTeam team, PersonService people, TimesheetRepository sheets,
			TimeEntryRepository entries, MailOutbox outbox, MailTemplates templates, TimeTrackingProperties properties,
			@Value("${ledgerflow.company.time-zone}") ZoneId zone, @Value("${ledgerflow.base-url}") String baseUrl) {
		this.team = team;
		this.people = people;
		this.sheets = sheets;
		this.entries = entries;
		this.outbox = outbox;
		this.templates = templates;
		this.properties = properties;
		this.zone = zone;
		this.baseUrl = baseUrl;
	}

	/** The week whose reminders are due at {@code now}: last week once this week's due time has passed. */
	Optional<IsoWeek> dueWeek(Instant now) {
		ZonedDateTime local = now.atZone(zone);
		LocalDate dueDay = local.toLocalDate()
			.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
			.with(TemporalAdjusters.nextOrSame(properties.reminderDay()));
		ZonedDateTime due = dueDay.atTime(properties.reminderTime()).atZone(zone);
		return local.isBefore(due) ? Optional.empty() : Optional.of(IsoWeek.of(local.toLocalDate()).previous());
	}

	/** Writes the due reminders to the outbox; returns how many people were due one (sent now or before). */
	@Transactional
	public int sendDue(Instant now) {
		Optional<IsoWeek> week = dueWeek(now);
		if (week.isEmpty()) {
			return 0;
		}
		int due = 0;
		for (Person person : people.byIds(team.peopleOnProjectsInWork()).values()) {
			if (person.active() && !submitted(person.id(), week.get())) {
				outbox.enqueue(reminder(person, week.get()));
				due++;
			}
		}
		return due;
	}

	private boolean submitted(UUID personId, IsoWeek week) {
		boolean sheetDone = sheets.find(personId, week.toString())
			.map(sheet -> sheet.status() == TimesheetStatus.SUBMITTED || sheet.status() == TimesheetStatus.APPROVED)
			.orElse(false);
		return sheetDone && entries
			.findWeek(personId, week.toString(), EnumSet.of(TimeEntryStatus.DRAFT, TimeEntryStatus.REJECTED))
			.isEmpty();
	}

	private MailMessage reminder(Person person, IsoWeek week) {
		String subject = "Please submit your timesheet for " + week + " (" + week.monday() + " to " + week.sunday()
				+ ")";
		MailTemplates.Bodies bodies = templates.render("timesheet-reminder", Map.of("name", person.name(), "week",
				week, "monday", week.monday(), "sunday", week.sunday(), "link", baseUrl + "/timesheet?week=" + week));
		return MailMessage.of("timesheet-reminder:" + person.id() + ":" + week, List.of(person.email()), subject,
				bodies, List.of());
	}

}
