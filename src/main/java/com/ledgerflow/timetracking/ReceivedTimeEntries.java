package com.ledgerflow.timetracking;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.ledgerflow.accounting.ExternalTimeActivity;
import com.ledgerflow.accounting.ReceivedTimeActivities;
import com.ledgerflow.accounting.ReceivedTimeActivity;
import com.ledgerflow.people.Person;
import com.ledgerflow.people.PersonService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes time entered in the accounting system over as time entries with origin {@link TimeEntryOrigin#QBO}, under the
 * same {@link TimeEntryRules} as any other entry, one entry per external id (changes of one activity delivered at
 * once wait for each other on a database lock). Each call runs in its own transaction,
 * so a refused activity rolls back alone and the caller can still record why.
 */
@Service
class ReceivedTimeEntries {

	private static final Logger log = LoggerFactory.getLogger(ReceivedTimeEntries.class);

	private final TimeEntryRepository entries;

	private final TimeEntryRules rules;

	private final PersonService people;

	private final ReceivedTimeActivities activities;

	private final Clock clock;

	ReceivedTimeEntries(TimeEntryRepository entries, TimeEntryRules rules, PersonService people,
			ReceivedTimeActivities activities, Clock clock) {
		this.entries = entries;
		this.activities = activities;
		this.rules = rules;
		this.people = people;
		this.clock = clock;
	}

	/**
	 * Reads the activity and creates its draft entry, or updates the entry taken over before while it is still
	 * editable; nothing when it is gone or is Ledgerflow's own. Throws {@link TimeActivityNotTakenOver} or the rules'
	 * exceptions when it cannot take it over.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public Optional<TimeEntry> takeOver(String externalId) {
		entries.lockExternalId(externalId);
		return activities.read(externalId).map(this::takeOver);
	}

	private TimeEntry takeOver(ReceivedTimeActivity received) {
		String externalId = received.activity().id().value();
		Optional<TimeEntry> existing = entries.findByExternalId(externalId);
		if (existing.isPresent() && !existing.get().status().editable()) {
			throw new TimeActivityNotTakenOver("changed in accounting, but its time entry " + existing.get().id()
					+ " is " + existing.get().status() + " and no longer changes");
		}
		TimeEntry.Worked worked = rules.resolve(details(received));
		rules.checkDay(worked, existing.map(TimeEntry::id).orElse(null));
		if (existing.isPresent()) {
			existing.get().change(worked, clock.instant());
			return entries.saveAndFlush(existing.get());
		}
		return entries.saveAndFlush(new TimeEntry(worked, TimeEntryOrigin.QBO, null, externalId, clock.instant()));
	}

	/** Deletes the draft entry taken over from the activity; a locked entry or one booked in Ledgerflow stays. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void remove(String externalId) {
		entries.lockExternalId(externalId);
		Optional<TimeEntry> entry = entries.findByExternalId(externalId);
		if (entry.isEmpty()) {
			return;
		}
		if (entry.get().origin() != TimeEntryOrigin.QBO || entry.get().status() != TimeEntryStatus.DRAFT) {
			throw new TimeActivityNotTakenOver("deleted in accounting, but its time entry " + entry.get().id()
					+ " is " + entry.get().status() + " and stays");
		}
		entries.delete(entry.get());
		log.info("Time entry {} deleted: its time activity {} was deleted in accounting", entry.get().id(), externalId);
	}

	private TimeEntryDetails details(ReceivedTimeActivity received) {
		ExternalTimeActivity activity = received.activity();
		if (received.projectId() == null) {
			String job = activity.customerOrJob() == null ? "no customer"
					: "customer " + activity.customerOrJob().value();
			throw new TimeActivityNotTakenOver("booked on " + job + ", which is no Ledgerflow project's job");
		}
		UUID personId = received.personId() != null ? received.personId() : personNamed(activity);
		// a span that disagrees with the duration (a break) keeps only the duration
		boolean span = activity.start() != null && activity.end() != null
				&& Duration.between(activity.start(), activity.end()).toMinutes() == activity.minutes();
		return new TimeEntryDetails(personId, received.projectId(), null, activity.date(),
				span ? null : activity.minutes(), span ? activity.start() : null, span ? activity.end() : null,
				activity.description(), activity.billable());
	}

	private UUID personNamed(ExternalTimeActivity activity) {
		String name = activity.employeeName().strip();
		List<Person> named = name.isEmpty() ? List.of()
				: people.active().stream().filter(person -> person.name().strip().equalsIgnoreCase(name)).toList();
		if (named.size() != 1) {
			String who = activity.employee() == null ? "no employee"
					: "employee " + activity.employee().value() + " '" + name + "'";
			throw new TimeActivityNotTakenOver("booked for " + who + ", who is "
					+ (named.isEmpty() ? "no Ledgerflow person" : "several Ledgerflow people"));
		}
		return named.get(0).id();
	}

}
