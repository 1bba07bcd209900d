package com.ledgerflow.dunning;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.ledgerflow.invoicing.InvoiceHistorySource;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The reminders sent (what, when, to whom) and the follow-up decisions, in the invoice page's history. */
@Component
class InvoiceDunningHistory implements InvoiceHistorySource {

	private final DunningRecords records;

	InvoiceDunningHistory(DunningRecords records) {
		this.records = records;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Entry> history(UUID invoiceId) {
		List<Entry> entries = new ArrayList<>();
		records.reminders(invoiceId).forEach(reminder -> entries.add(new Entry(reminder.sentAt(),
				"Reminder " + reminder.step() + " (" + reminder.template() + ") sent to "
						+ (reminder.recipients().isEmpty() ? "nobody: no billing e-mail" : reminder.recipients())
						+ ", open balance " + reminder.openBalance().toPlainString() + " " + reminder.currency())));
		records.followUps(invoiceId).forEach(followUp -> entries.add(new Entry(followUp.decidedAt(),
				"Follow-up: " + followUp.outcome() + " by " + followUp.decidedBy()
						+ (followUp.promisedBy() == null ? "" : ", pay by " + followUp.promisedBy())
						+ (followUp.note() == null ? "" : ": " + followUp.note()))));
		return entries;
	}

}
