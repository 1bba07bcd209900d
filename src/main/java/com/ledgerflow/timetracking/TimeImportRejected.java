package com.ledgerflow.timetracking;

/** A time import with row errors: nothing of it was saved; the report lists the errors (answered as 400). */
public class TimeImportRejected extends RuntimeException {

	private final transient TimeImportReport report;

	TimeImportRejected(TimeImportReport report) {
		super("The file has " + report.errorCount() + " row error(s); nothing was imported");
		this.report = report;
	}

	public TimeImportReport report() {
		return report;
	}

}
