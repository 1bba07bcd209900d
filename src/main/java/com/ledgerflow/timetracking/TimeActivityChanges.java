package com.ledgerflow.timetracking;

import com.ledgerflow.accounting.AccountingChange;
import com.ledgerflow.accounting.AccountingChangeReceived;
import com.ledgerflow.accounting.ReceivedTimeActivities;
import com.ledgerflow.shared.InvalidField;
import com.ledgerflow.shared.NotFound;
import com.ledgerflow.shared.StateConflict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Time activities entered in the accounting system (QBO, QuickBooks Time) become draft time entries: created and
 * updated ones are taken over, deleted ones remove their draft. Idempotent (one entry per external id). What cannot be
 * taken over is logged and listed on the sync page, never dropped silently; technical failures (accounting
 * unreachable) throw, so the event publication registry retries the change.
 */
@Component
class TimeActivityChanges {

	private static final Logger log = LoggerFactory.getLogger(TimeActivityChanges.class);

	private final ReceivedTimeActivities received;

	private final ReceivedTimeEntries entries;

	TimeActivityChanges(ReceivedTimeActivities received, ReceivedTimeEntries entries) {
		this.received = received;
		this.entries = entries;
	}

	@ApplicationModuleListener
	void on(AccountingChangeReceived change) {
		if (!AccountingChange.TIME_ACTIVITY.equals(change.entity())) {
			return;
		}
		String externalId = change.externalId();
		try {
			switch (change.operation()) {
				case "Create", "Update" -> entries.takeOver(externalId);
				case "Delete" -> entries.remove(externalId);
				default -> {
					return;
				}
			}
			received.matched(externalId);
		}
		catch (TimeActivityNotTakenOver | InvalidField | StateConflict | NotFound ex) {
			String reason = ex instanceof InvalidField invalid ? invalid.field() + " " + invalid.getMessage()
					: ex.getMessage();
			log.warn("Time activity {} ({}) from accounting not taken over: {}", externalId, change.operation(),
					reason);
			received.unmatched(externalId, reason);
		}
	}

}
