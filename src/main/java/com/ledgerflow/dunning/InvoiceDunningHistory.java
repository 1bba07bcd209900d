package com.ledgerflow.dunning;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.ledgerflow.invoicing.InvoiceHistorySource;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reminders sent (what, when, to whom) and the follow-up decisions, in the invoice page's history: the same lines
 * ({@link SentReminder#summary()}, {@link FollowUp#summary()}) as the follow-up task's
 * ({@link DunningService#history}).
 */
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
		records.reminders(invoiceId)
			.forEach(reminder -> entries.add(new Entry(reminder.sentAt(), "Reminder " + reminder.summary())));
		records.followUps(invoiceId)
			.forEach(followUp -> entries.add(new Entry(followUp.decidedAt(), "Follow-up: " + followUp.summary())));
		return entries;
	}

}
