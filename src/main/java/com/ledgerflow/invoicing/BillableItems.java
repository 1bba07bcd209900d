package com.ledgerflow.invoicing;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.ledgerflow.expense.Expense;
import com.ledgerflow.expense.ExpenseService;
import com.ledgerflow.people.Person;
import com.ledgerflow.people.PersonService;
import com.ledgerflow.project.Milestone;
import com.ledgerflow.project.Project;
import com.ledgerflow.project.ProjectPlanService;
import com.ledgerflow.project.ProjectTask;
import com.ledgerflow.timetracking.TimeEntry;
import com.ledgerflow.timetracking.TimeEntryService;

import org.springframework.stereotype.Component;

/**
 * What an invoice bills, claimed and turned into lines: time, expenses, milestones, the retainer. Each claim is
 * followed by the owning module's status change (invoiced), each release by its reverse; the owning modules take ids
 * and know nothing of invoices. Runs inside the caller's transaction.
 */
@Component
class BillableItems {

	private final InvoiceClaims claims;

	private final TimeEntryService time;

	private final ExpenseService expenses;

	private final ProjectPlanService plans;

	private final PersonService people;

	BillableItems(InvoiceClaims claims, TimeEntryService time, ExpenseService expenses, ProjectPlanService plans,
			PersonService people) {
		this.claims = claims;
		this.time = time;
		this.expenses = expenses;
		this.plans = plans;
		this.people = people;
	}

	/** Claims the project's approved billable time up to {@code upTo}; the lines for what this invoice got. */
	List<InvoiceLine> claimTime(UUID invoiceId, Project project, LocalDate upTo) {
		List<TimeEntry> candidates = time.billable(project.id(), upTo);
		Set<UUID> claimed = new HashSet<>(claims.claim(invoiceId, InvoiceItemType.TIME_ENTRY, ids(candidates)));
		time.markInvoiced(claimed);
		return timeLines(project, candidates.stream().filter(entry -> claimed.contains(entry.id())).toList());
	}

	/** The time lines of what the invoice still bills (after a write-off). */
	List<InvoiceLine> timeLines(UUID invoiceId, Project project) {
		return timeLines(project, time.getAll(claims.billed(invoiceId, InvoiceItemType.TIME_ENTRY)));
	}

	/** Claims the project's approved billable expenses up to {@code upTo}: one line each, markup included. */
	List<InvoiceLine> claimExpenses(UUID invoiceId, Project project, LocalDate upTo) {
		List<Expense> candidates = expenses.billable(project.id(), upTo);
		Set<UUID> claimed = new HashSet<>(
				claims.claim(invoiceId, InvoiceItemType.EXPENSE, candidates.stream().map(Expense::id).toList()));
		expenses.markInvoiced(claimed);
		return candidates.stream()
			.filter(expense -> claimed.contains(expense.id()))
			.map(expense -> InvoiceLine.single(InvoiceLineKind.EXPENSE, describe(expense), expense.billableAmount()))
			.toList();
	}

	/** Claims the project's completed milestones not billed yet: one line each, at its amount. */
	List<InvoiceLine> claimMilestones(UUID invoiceId, Project project) {
		List<Milestone> candidates = plans.billableMilestones(project.id());
		Set<UUID> claimed = new HashSet<>(
				claims.claim(invoiceId, InvoiceItemType.MILESTONE, candidates.stream().map(Milestone::id).toList()));
		plans.markMilestonesInvoiced(claimed);
		return candidates.stream()
			.filter(milestone -> claimed.contains(milestone.id()))
			.map(milestone -> InvoiceLine.single(InvoiceLineKind.MILESTONE, "Milestone: " + milestone.name(),
					milestone.amount()))
			.toList();
	}

	/** Claims the retainer of the period (once per project and period start): its line, or none if billed. */
	List<InvoiceLine> claimRetainer(UUID invoiceId, Project project, BillingPeriod period) {
		if (project.retainerAmount() == null) {
			return List.of();
		}
		UUID retainer = UUID.nameUUIDFromBytes(
				("retainer:" + project.id() + ":" + period.start()).getBytes(StandardCharsets.UTF_8));
		if (claims.claim(invoiceId, InvoiceItemType.RETAINER, List.of(retainer)).isEmpty()) {
			return List.of();
		}
		return List.of(InvoiceLine.single(InvoiceLineKind.RETAINER, "Retainer " + period.start() + " to " + period.end(),
				project.retainerAmount()));
	}

	List<BilledItem> billedBy(UUID invoiceId) {
		return claims.all(invoiceId);
	}

	boolean anyWrittenOff(UUID invoiceId) {
		return claims.anyWrittenOff(invoiceId);
	}

	/** Writes the time entry off on the invoice: WRITTEN_OFF, never billed; false if the invoice does not bill it. */
	boolean writeOffTime(UUID invoiceId, UUID entryId, String reason) {
		if (!claims.writeOff(invoiceId, InvoiceItemType.TIME_ENTRY, entryId, reason)) {
			return false;
		}
		time.writeOff(entryId);
		return true;
	}

	/** Releases everything the invoice bills (written-off time stays written off): billable on the next run. */
	void release(UUID invoiceId) {
		time.release(claims.billed(invoiceId, InvoiceItemType.TIME_ENTRY));
		expenses.release(claims.billed(invoiceId, InvoiceItemType.EXPENSE));
		plans.releaseMilestones(claims.billed(invoiceId, InvoiceItemType.MILESTONE));
		claims.release(invoiceId);
	}

	private List<InvoiceLine> timeLines(Project project, List<TimeEntry> entries) {
		if (entries.isEmpty()) {
			return List.of();
		}
		Map<UUID, String> tasks = plans.tasks(project.id())
			.stream()
			.collect(Collectors.toMap(ProjectTask::id, ProjectTask::name));
		Map<UUID, Person> persons = people.byIds(entries.stream().map(TimeEntry::personId).collect(Collectors.toSet()));
		List<BillableTime> billable = new ArrayList<>(entries.size());
		for (TimeEntry entry : entries) {
			Person person = persons.get(entry.personId());
			String task = entry.taskId() == null ? project.name() : tasks.getOrDefault(entry.taskId(), project.name());
			billable.add(new BillableTime(entry.id(), entry.date(), entry.personId(),
					person == null ? "" : person.name(), entry.taskId(), task, entry.notes(), entry.minutes(),
					Objects.requireNonNull(entry.billRate(), "approved time has a bill rate")));
		}
		return new TimeLines(project.timeRounding(), project.timeGrouping()).of(billable);
	}

	private static String describe(Expense expense) {
		String text = expense.date() + " " + expense.category() + " – " + expense.vendor();
		if (!expense.description().isBlank()) {
			text += ": " + expense.description().strip();
		}
		if (expense.markupPercent().signum() > 0) {
			text += " (" + expense.projectAmount() + " + " + expense.markupPercent().stripTrailingZeros().toPlainString()
					+ " % markup)";
		}
		return text;
	}

	private static List<UUID> ids(Collection<TimeEntry> entries) {
		return entries.stream().map(TimeEntry::id).toList();
	}

}
