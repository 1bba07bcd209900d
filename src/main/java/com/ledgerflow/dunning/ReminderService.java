package com.ledgerflow.dunning;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import com.ledgerflow.client.Client;
import com.ledgerflow.client.ClientService;
import com.ledgerflow.invoicing.Invoice;
import com.ledgerflow.invoicing.InvoiceDocuments;
import com.ledgerflow.invoicing.InvoiceService;
import com.ledgerflow.invoicing.LateFees;
import com.ledgerflow.mail.MailAttachment;
import com.ledgerflow.mail.MailMessage;
import com.ledgerflow.mail.MailOutbox;
import com.ledgerflow.mail.MailTemplates;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends the reminder of a due dunning step: reads the open balance in its own transaction (a payment committed before
 * sends nothing), records the reminder on the invoice (once per step, at most one a day: a repeated, late or parallel
 * job records and sends nothing more) and e-mails it through the outbox (dedupe key
 * {@code invoice:{id}:reminder:{step}}) with the payment link and the open balance, and the late fee when the step
 * charges one (billed on a separate invoice, which the letter announces).
 */
@Service
public class ReminderService {

	private static final int FOLLOW_UP_WORKING_DAYS = 3;

	private final InvoiceService invoices;

	private final ClientService clients;

	private final OpenBalances balances;

	private final InvoiceDocuments documents;

	private final MailOutbox outbox;

	private final MailTemplates templates;

	private final DunningRecords records;

	private final LateFees lateFees;

	private final Clock clock;

	private final ZoneId zone;

	ReminderService(InvoiceService invoices, ClientService clients, OpenBalances balances, InvoiceDocuments documents,
			MailOutbox outbox, MailTemplates templates, DunningRecords records, LateFees lateFees, Clock clock,
			@Value("${ledgerflow.company.time-zone}") ZoneId zone) {
		this.lateFees = lateFees;
		this.invoices = invoices;
		this.clients = clients;
		this.balances = balances;
		this.documents = documents;
		this.outbox = outbox;
		this.templates = templates;
		this.records = records;
		this.clock = clock;
		this.zone = zone;
	}

	@Transactional
	public ReminderOutcome send(ReminderNotice notice) {
		Invoice invoice = invoices.get(notice.invoiceId());
		BigDecimal open = balances.of(invoice);
		Instant now = clock.instant();
		Instant followUpDueAt = workingDaysAfter(now, FOLLOW_UP_WORKING_DAYS, zone);
		if (open.signum() == 0) {
			return new ReminderOutcome(false, "nothing is owed", followUpDueAt);
		}
		Client client = clients.get(invoice.clientId());
		SentReminder reminder = new SentReminder(invoice.id(), notice.step(), notice.action(), notice.template(),
				LocalDate.ofInstant(now, zone), now, String.join(", ", client.billingEmails()), open,
				invoice.currency());
		if (!records.record(reminder)) {
			return new ReminderOutcome(false, "step " + notice.step() + " sent before, or a reminder went out today",
					followUpDueAt);
		}
		Optional<BigDecimal> fee = lateFee(notice, client, open);
		if (!client.billingEmails().isEmpty()) {
			outbox.enqueue(letter(notice, invoice, client, open, fee.orElse(null)));
		}
		// once per invoice and step (claimed in invoicing), in this transaction: a rollback takes the fee back too
		fee.ifPresent(amount -> lateFees.draft(invoice.id(), notice.step(), label(notice.action()), amount));
		return new ReminderOutcome(true, "sent", followUpDueAt);
	}

	/**
	 * The fee a step the policy marks {@code lateFee} charges the client (fixed + open balance × percent / 100, half-up
	 * to the cent), if it has one; billed on a separate late-fee draft.
	 */
	private static Optional<BigDecimal> lateFee(ReminderNotice notice, Client client, BigDecimal open) {
		if (!notice.lateFee() || !client.chargesLateFee()) {
			return Optional.empty();
		}
		BigDecimal fee = LateFees.amount(client.lateFeeFixed(), client.lateFeePercent(), open);
		return fee.signum() > 0 ? Optional.of(fee) : Optional.empty();
	}

	private static String label(DunningAction action) {
		return switch (action) {
			case ESCALATE -> "escalation";
			case FINAL_NOTICE -> "final notice";
			default -> "reminder";
		};
	}

	/** Every reminder recorded on the invoice, oldest first. */
	@Transactional(readOnly = true)
	public List<SentReminder> sentFor(UUID invoiceId) {
		invoices.get(invoiceId); // an unknown invoice is a NotFound, not an empty record
		return records.reminders(invoiceId);
	}

	private MailMessage letter(ReminderNotice notice, Invoice invoice, Client client, BigDecimal open,
			@Nullable BigDecimal lateFee) {
		String number = Objects.requireNonNull(invoice.number());
		URI link = Objects.requireNonNull(invoice.paymentLink(), () -> "Invoice " + invoice.id() + " is not posted");
		String company = documents.companyName();
		ReminderLetters letter = ReminderLetters.named(notice.template());
		Map<String, @Nullable Object> model = new HashMap<>(Map.of("client", client.name(), "number", number,
				"company", company, "balance", open.toPlainString() + " " + invoice.currency(), "dueDate",
				invoice.dueDate(), "paymentLink", link));
		model.put("lateFee", lateFee == null ? null : lateFee.toPlainString() + " " + invoice.currency());
		MailTemplates.Bodies bodies = templates.render(letter.template(), model);
		List<MailAttachment> attachments = notice.attachPdf() ? List.of(new MailAttachment(
				"invoice-" + number + ".pdf", "application/pdf", documents.store(invoice.id()).content())) : List.of();
		return MailMessage.of("invoice:" + invoice.id() + ":reminder:" + notice.step(), client.billingEmails(),
				letter.subject(number, company, invoice.dueDate()), bodies, attachments);
	}

	/** {@code days} working days (Monday to Friday) after {@code from}, at the same time of day, company time zone. */
	static Instant workingDaysAfter(Instant from, int days, ZoneId zone) {
		ZonedDateTime at = from.atZone(zone);
		int left = days;
		while (left > 0) {
			at = at.plusDays(1);
			if (at.getDayOfWeek() != DayOfWeek.SATURDAY && at.getDayOfWeek() != DayOfWeek.SUNDAY) {
				left--;
			}
		}
		return at.toInstant();
	}

}
