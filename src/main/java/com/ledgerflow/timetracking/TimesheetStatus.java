package com.ledgerflow.timetracking;

/** A week's sheet: open until submitted; submitted sheets wait for approval; rejected ones go back to the person. */
public enum TimesheetStatus {

	OPEN, SUBMITTED, APPROVED, REJECTED

}
