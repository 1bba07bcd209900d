package com.ledgerflow.project;

/** How a project's time appears on its invoices: one line per entry, per task, per person, or per task and person. */
public enum TimeGrouping {

	PER_ENTRY, PER_TASK, PER_PERSON, PER_TASK_AND_PERSON

}
