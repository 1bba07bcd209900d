package com.ledgerflow.timetracking;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import com.ledgerflow.accounting.AccountingPerson;
import com.ledgerflow.accounting.AccountingRejected;
import com.ledgerflow.accounting.AccountingSync;
import com.ledgerflow.accounting.ExternalRef;
import com.ledgerflow.accounting.PushOutcome;
import com.ledgerflow.accounting.TimeActivityEntry;
import com.ledgerflow.people.Person;
import com.ledgerflow.people.PersonService;
import com.ledgerflow.project.ProjectPlanService;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Books approved time in accounting (QBO: one {@code TimeActivity} per entry on the project's job, for the person as
 * employee, with the task as service item). Idempotent: {@link AccountingSync} books each entry once, so a retry after
 * a crash or an outage books only what is missing.
 */
@Service
public class TimeBooking {

	static final String DEFAULT_SERVICE_ITEM = "Hours";

	private final TimeEntryRepository entries;

	private final AccountingSync accounting;

	private final PersonService people;

	private final ProjectPlanService plans;

	private final String incomeAccountRef;

	TimeBooking(TimeEntryRepository entries, AccountingSync accounting, PersonService people,
			ProjectPlanService plans,
			@Value("${ledgerflow.accounting.service-income-account:1}") String incomeAccountRef) {
		this.entries = entries;
		this.accounting = accounting;
		this.people = people;
		this.plans = plans;
		this.incomeAccountRef = incomeAccountRef;
	}

	/**
	 * Books the week's approved entries; returns one outcome per entry. Entries the accounting system refuses are
	 * recorded for the sync page and do not stop the others.
	 */
	@Transactional(noRollbackFor = AccountingRejected.class)
	public List<PushOutcome> bookApproved(UUID personId, IsoWeek week) {
		List<TimeEntry> approved = entries.findWeek(personId, week.toString(),
				EnumSet.of(TimeEntryStatus.APPROVED, TimeEntryStatus.INVOICED));
		if (approved.isEmpty()) {
			return List.of();
		}
		Person person = people.referencedBy("personId", personId);
		ExternalRef employee = accounting.pushEmployee(personId, accountingPerson(person));
		Map<UUID, ExternalRef> jobs = new HashMap<>();
		Map<String, ExternalRef> items = new HashMap<>();
		Map<UUID, String> taskNames = new HashMap<>();
		List<TimeActivityEntry> activities = new ArrayList<>(approved.size());
		List<PushOutcome> fromAccounting = new ArrayList<>();
		for (TimeEntry entry : approved) {
			if (entry.origin() == TimeEntryOrigin.QBO && entry.externalId() != null) {
				// entered in the accounting system itself: it is booked there already, pushing it would book it twice
				fromAccounting.add(PushOutcome.pushed(entry.id(), new ExternalRef(entry.externalId())));
				continue;
			}
			ExternalRef job = jobs.computeIfAbsent(entry.projectId(), accounting::setUpProject);
			String itemName = entry.taskId() == null ? DEFAULT_SERVICE_ITEM
					: taskNames.computeIfAbsent(entry.taskId(), task -> plans.task(task).name());
			ExternalRef item = items.computeIfAbsent(itemName,
					name -> accounting.pushServiceItem(name, incomeAccountRef));
			activities.add(new TimeActivityEntry(entry.id(), job, employee, item, entry.date(), entry.minutes(),
					Objects.requireNonNull(entry.billRate(), "approved entries have a bill rate"), entry.billable(),
					entry.notes()));
		}
		List<PushOutcome> outcomes = new ArrayList<>(fromAccounting);
		if (!activities.isEmpty()) {
			outcomes.addAll(accounting.pushTimeActivities(activities));
		}
		return outcomes;
	}

	/** Of these entries, those booked in accounting, with their external id (taken over ones: their origin's). */
	@Transactional(readOnly = true)
	public Map<UUID, String> booked(Collection<UUID> entryIds) {
		Map<UUID, String> booked = new HashMap<>(accounting.syncedTimeActivities(entryIds));
		entries.findAllById(entryIds)
			.stream()
			.filter(entry -> entry.origin() == TimeEntryOrigin.QBO && entry.externalId() != null)
			.forEach(entry -> booked.put(entry.id(), entry.externalId()));
		return booked;
	}

	static AccountingPerson accountingPerson(Person person) {
		String name = person.name().strip();
		int space = name.indexOf(' ');
		return space < 0 ? new AccountingPerson(name, "", person.email())
				: new AccountingPerson(name.substring(0, space), name.substring(space + 1).strip(), person.email());
	}

}
