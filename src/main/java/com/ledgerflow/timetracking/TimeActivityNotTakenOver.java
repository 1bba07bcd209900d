package com.ledgerflow.timetracking;

/**
 * A time activity entered in the accounting system that cannot become a Ledgerflow time entry as it is (its job or
 * employee is unknown here, or the entry it changes is locked); the sync page lists it with this message.
 */
class TimeActivityNotTakenOver extends RuntimeException {

	TimeActivityNotTakenOver(String message) {
		super(message);
	}

}
