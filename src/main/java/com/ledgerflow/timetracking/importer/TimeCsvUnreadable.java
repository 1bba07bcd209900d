package com.ledgerflow.timetracking.importer;

/** A time-entry CSV as a whole cannot be imported: its header matches no format or lacks a required column. */
public class TimeCsvUnreadable extends RuntimeException {

	private final String column;

	public TimeCsvUnreadable(String column, String reason) {
		super(reason);
		this.column = column;
	}

	/** The missing column's name, or {@code header} when the header as a whole is not recognised. */
	public String column() {
		return column;
	}

	public String reason() {
		return getMessage();
	}

}
