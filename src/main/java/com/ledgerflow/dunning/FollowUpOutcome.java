package com.ledgerflow.dunning;

/**
 * The decision on an overdue invoice's follow-up: the client promised to pay by a date (reminders pause until then),
 * disputes it (reminders stop), it went to a collection agency (reminders stop), or finance wrote it off.
 */
public enum FollowUpOutcome {

	PROMISED, DISPUTED, COLLECTIONS, WRITTEN_OFF;

	/** Whether reminders stop for good after this decision. */
	boolean stopsReminders() {
		return this != PROMISED;
	}

}
