package com.ledgerflow.timetracking;

import java.util.UUID;

/** A person submitted (or resubmitted after a rejection) the week's time for approval. */
public record TimesheetSubmitted(UUID personId, String isoWeek) {

	public String businessKey() {
		return Timesheet.businessKey(personId, isoWeek);
	}

}
