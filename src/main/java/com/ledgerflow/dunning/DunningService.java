package com.ledgerflow.dunning;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import com.ledgerflow.client.ClientService;
import com.ledgerflow.invoicing.Invoice;
import com.ledgerflow.invoicing.InvoiceService;
import com.ledgerflow.payment.PaymentService;
import com.ledgerflow.project.ProjectService;
import com.ledgerflow.shared.InvalidField;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An open invoice's dunning standing and the follow-up decisions on it: the facts the policy decides on, promises,
 * disputes, collections and write-offs recorded on the invoice, and the project put on hold by a final notice.
 */
@Service
public class DunningService {

	private final InvoiceService invoices;

	private final ClientService clients;

	private final ProjectService projects;

	private final OpenBalances balances;

	private final PaymentService payments;

	private final DunningRecords records;

	private final Clock clock;

	private final ZoneId zone;

	DunningService(InvoiceService invoices, ClientService clients, ProjectService projects, OpenBalances balances,
			PaymentService payments, DunningRecords records, Clock clock,
			@Value("${ledgerflow.company.time-zone}") ZoneId zone) {
		this.invoices = invoices;
		this.clients = clients;
		this.projects = projects;
		this.balances = balances;
		this.payments = payments;
		this.records = records;
		this.clock = clock;
		this.zone = zone;
	}

	/** Today's facts for the dunning-policy decision, in the company's calendar. */
	@Transactional(readOnly = true)
	public DunningFacts facts(UUID invoiceId) {
		Invoice invoice = invoices.get(invoiceId);
		LocalDate today = today();
		boolean held = records.followUps(invoiceId)
			.stream()
			.anyMatch(followUp -> followUp.outcome().stopsReminders()
					|| (followUp.promisedBy() != null && !today.isAfter(followUp.promisedBy())));
		return new DunningFacts((int) ChronoUnit.DAYS.between(invoice.dueDate(), today),
				clients.get(invoice.clientId()).reminderTier(), balances.of(invoice), held);
	}

	/**
	 * Records a follow-up decision: {@link FollowUpOutcome#PROMISED} needs {@code promisedBy}, a dispute a note.
	 * @throws InvalidField naming the missing or wrong field
	 */
	@Transactional
	public void decide(UUID invoiceId, FollowUpOutcome outcome, @Nullable LocalDate promisedBy, @Nullable String note,
			String by) {
		FollowUpRules.check(outcome, promisedBy, note, today());
		switch (outcome) {
			case PROMISED -> recordPromise(invoiceId, Objects.requireNonNull(promisedBy), by);
			case DISPUTED -> recordDispute(invoiceId, Objects.requireNonNull(note), by);
			case COLLECTIONS -> sendToCollections(invoiceId, note, by);
			case WRITTEN_OFF -> writeOff(invoiceId, note, by);
		}
	}

	/** The client promised to pay by {@code date} (today or later): reminders pause until that day has passed. */
	@Transactional
	public void promise(UUID invoiceId, LocalDate date, String by) {
		FollowUpRules.check(FollowUpOutcome.PROMISED, date, null, today());
		recordPromise(invoiceId, date, by);
	}

	private void recordPromise(UUID invoiceId, LocalDate date, String by) {
		records.record(new FollowUp(invoiceId, FollowUpOutcome.PROMISED, date, null, by, clock.instant()));
	}

	/** The client disputes the invoice: reminders stop. A note is required. */
	@Transactional
	public void dispute(UUID invoiceId, @Nullable String note, String by) {
		FollowUpRules.check(FollowUpOutcome.DISPUTED, null, note, today());
		recordDispute(invoiceId, Objects.requireNonNull(note), by);
	}

	private void recordDispute(UUID invoiceId, String note, String by) {
		records.record(new FollowUp(invoiceId, FollowUpOutcome.DISPUTED, null, note.strip(), by, clock.instant()));
	}

	/** The invoice went to a collection agency: reminders stop. */
	@Transactional
	public void sendToCollections(UUID invoiceId, @Nullable String note, String by) {
		records.record(new FollowUp(invoiceId, FollowUpOutcome.COLLECTIONS, null, note, by, clock.instant()));
	}

	/**
	 * Finance wrote the open balance off: recorded on the invoice (it stays {@code SENT}; reports no longer count it
	 * open). The process then books it in accounting ({@link WriteOffBooking}, its own retried job).
	 */
	@Transactional
	public void writeOff(UUID invoiceId, @Nullable String note, String by) {
		records.record(new FollowUp(invoiceId, FollowUpOutcome.WRITTEN_OFF, null, note, by, clock.instant()));
	}

	/** A final notice went out: the invoice's project goes on hold. Idempotent. */
	@Transactional
	public void holdProject(UUID invoiceId) {
		Invoice invoice = invoices.get(invoiceId);
		projects.putOnHold(invoice.projectId(), "Final payment notice on invoice " + invoice.number());
	}

	@Transactional(readOnly = true)
	public List<FollowUp> followUps(UUID invoiceId) {
		return records.followUps(invoiceId);
	}

	/**
	 * The invoice, its open balance, reminders, payments and follow-ups as plain text, one line each, for the
	 * follow-up task.
	 */
	@Transactional(readOnly = true)
	public String history(UUID invoiceId) {
		Invoice invoice = invoices.get(invoiceId);
		StringBuilder text = new StringBuilder();
		text.append("Invoice ").append(invoice.number()).append(", total ").append(invoice.total()).append(' ')
			.append(invoice.currency()).append(", due ").append(invoice.dueDate()).append(", open balance ")
			.append(balances.of(invoice)).append('\n');
		records.reminders(invoiceId).forEach(reminder -> text.append(reminder.sentOn()).append(": ")
			.append(reminder.action()).append(' ').append(reminder.summary()).append('\n'));
		payments.of(invoiceId).forEach(payment -> text.append(payment.date()).append(": PAYMENT ")
			.append(payment.amount()).append(' ').append(payment.currency()).append(" (").append(payment.method())
			.append(", ").append(payment.origin()).append(")\n"));
		records.followUps(invoiceId).forEach(followUp -> text.append(LocalDate.ofInstant(followUp.decidedAt(), zone))
			.append(": ").append(followUp.summary()).append('\n'));
		return text.toString().strip();
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(zone));
	}

}
