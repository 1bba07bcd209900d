package com.ledgerflow.timetracking;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.ledgerflow.people.Person;
import com.ledgerflow.people.PersonService;
import com.ledgerflow.project.Project;
import com.ledgerflow.project.ProjectService;
import com.ledgerflow.project.RateCard;
import com.ledgerflow.shared.InvalidField;
import com.ledgerflow.shared.StateConflict;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's week as one unit of approval: submit locks the week's drafts and asks for approval
 * ({@link TimesheetSubmitted}); approval freezes each entry's bill rate (rate card) and cost rate (the person's);
 * rejection hands the entries back for revision.
 */
@Service
public class TimesheetService {

	private static final Set<TimeEntryStatus> IN_SHEET = EnumSet.of(TimeEntryStatus.DRAFT, TimeEntryStatus.SUBMITTED,
			TimeEntryStatus.APPROVED, TimeEntryStatus.INVOICED, TimeEntryStatus.REJECTED);

	private final TimesheetRepository sheets;

	private final TimeEntryRepository entries;

	private final PersonService people;

	private final ProjectService projects;

	private final RateCard rateCard;

	private final ApplicationEventPublisher events;

	private final TimeEntryRules rules;

	private final Clock clock;

	TimesheetService(TimesheetRepository sheets, TimeEntryRepository entries, PersonService people,
			ProjectService projects, RateCard rateCard, ApplicationEventPublisher events, TimeEntryRules rules,
			Clock clock) {
		this.sheets = sheets;
		this.entries = entries;
		this.people = people;
		this.projects = projects;
		this.rateCard = rateCard;
		this.events = events;
		this.rules = rules;
		this.clock = clock;
	}

	/** Submits the week's draft and rejected entries; a week with none is refused (409). */
	@Transactional
	public Timesheet submit(UUID personId, IsoWeek week) {
		people.referencedBy("personId", personId);
		if (week.monday().isAfter(rules.today())) {
			throw new InvalidField("isoWeek", week + " has not started yet");
		}
		List<TimeEntry> open = entries.findWeek(personId, week.toString(),
				EnumSet.of(TimeEntryStatus.DRAFT, TimeEntryStatus.REJECTED));
		Timesheet sheet = get(personId, week);
		if (open.isEmpty()) {
			throw new StateConflict(sheet.status() == TimesheetStatus.SUBMITTED
					? "The timesheet " + week + " is already waiting for approval"
					: "The timesheet " + week + " has no draft time to submit");
		}
		sheet.submit(clock.instant());
		open.forEach(entry -> entry.submit(clock.instant()));
		events.publishEvent(new TimesheetSubmitted(personId, week.toString()));
		return sheets.save(sheet);
	}

	/** Approves the submitted entries: locked, rates frozen. Returns the projects approved time was booked on. */
	@Transactional
	public List<UUID> approve(UUID personId, IsoWeek week, String approverUserId) {
		Person person = people.referencedBy("personId", personId);
		Timesheet sheet = get(personId, week);
		sheet.approve(approverUserId, clock.instant());
		Map<UUID, BigDecimal> billRates = new LinkedHashMap<>();
		for (TimeEntry entry : submitted(personId, week)) {
			BigDecimal billRate = billRates.computeIfAbsent(entry.projectId(),
					project -> rateCard.billRateFor(project, personId).billRate());
			entry.approve(billRate, person.costRate(), clock.instant());
		}
		List<UUID> projectIds = List.copyOf(billRates.keySet());
		sheets.save(sheet);
		events.publishEvent(new TimesheetApproved(personId, week.toString(), projectIds));
		return projectIds;
	}

	/** Hands the submitted entries back to the person with the approver's comment (required). */
	@Transactional
	public void reject(UUID personId, IsoWeek week, String approverUserId, String comment) {
		if (comment == null || comment.isBlank()) {
			throw new InvalidField("comment", "is required when a timesheet is rejected");
		}
		Timesheet sheet = get(personId, week);
		sheet.reject(approverUserId, comment.strip(), clock.instant());
		submitted(personId, week).forEach(entry -> entry.reject(clock.instant()));
		sheets.save(sheet);
	}

	@Transactional(readOnly = true)
	public TimesheetSummary summary(UUID personId, IsoWeek week) {
		Person person = people.referencedBy("personId", personId);
		Timesheet sheet = get(personId, week);
		Map<UUID, int[]> perProject = new LinkedHashMap<>();
		int total = 0;
		int billable = 0;
		for (TimeEntry entry : entries.findWeek(personId, week.toString(), IN_SHEET)) {
			int[] minutes = perProject.computeIfAbsent(entry.projectId(), id -> new int[2]);
			minutes[0] += entry.minutes();
			total += entry.minutes();
			if (entry.billable()) {
				minutes[1] += entry.minutes();
				billable += entry.minutes();
			}
		}
		List<TimesheetSummary.ProjectHours> rows = new ArrayList<>();
		perProject.forEach((projectId, minutes) -> {
			Project project = projects.get(projectId);
			rows.add(new TimesheetSummary.ProjectHours(projectId, project.code(), project.name(),
					people.get(project.managerId()).userId(), minutes[0], minutes[1], project.budgetHours(),
					TimesheetSummary.toHours(entries.bookedMinutes(projectId))));
		});
		return new TimesheetSummary(personId, person.name(), week.toString(), sheet.status(),
				sheet.rejectionComment(), rows, total, billable);
	}

	@Transactional(readOnly = true)
	public Timesheet get(UUID personId, IsoWeek week) {
		return sheets.find(personId, week.toString()).orElseGet(() -> new Timesheet(personId, week));
	}

	private List<TimeEntry> submitted(UUID personId, IsoWeek week) {
		return entries.findWeek(personId, week.toString(), EnumSet.of(TimeEntryStatus.SUBMITTED));
	}

}
