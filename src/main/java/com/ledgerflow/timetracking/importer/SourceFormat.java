package com.ledgerflow.timetracking.importer;

/** The tool a time-entry CSV was exported from, recognised by its header names. */
public enum SourceFormat {

	/** Harvest's detailed time report. */
	HARVEST,

	/** Toggl Track's detailed report. */
	TOGGL,

	/** Clockify's detailed report. */
	CLOCKIFY,

	/** Ledgerflow's own import format, described in {@code docs/time-import.md}. */
	LEDGERFLOW

}
