package com.ledgerflow.timetracking;

/** How a time entry came in. */
public enum TimeEntryOrigin {

	WEB, API, IMPORT, QBO

}
