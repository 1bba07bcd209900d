package com.ledgerflow.timetracking;

/** Where a time entry stands: drafts and rejected entries can be changed by their owner, the rest are locked. */
public enum TimeEntryStatus {

	DRAFT, SUBMITTED, APPROVED, INVOICED, REJECTED, WRITTEN_OFF;

	public boolean editable() {
		return this == DRAFT || this == REJECTED;
	}

}
