package com.ledgerflow.timetracking;

import com.ledgerflow.timetracking.importer.SourceFormat;

/** The column a row error points at, by the name each export format gives it. */
final class Columns {

	private Columns() {
	}

	static String person(SourceFormat format) {
		switch (format) {
			case HARVEST:
				return "First Name";
			case LEDGERFLOW:
				return "person_email";
			default:
				return "Email";
		}
	}

	static String client(SourceFormat format) {
		return format == SourceFormat.LEDGERFLOW ? "client" : "Client";
	}

	static String project(SourceFormat format) {
		return format == SourceFormat.LEDGERFLOW ? "project" : "Project";
	}

	static String task(SourceFormat format) {
		return format == SourceFormat.LEDGERFLOW ? "task" : "Task";
	}

	static String date(SourceFormat format) {
		switch (format) {
			case TOGGL:
				return "Start date";
			case CLOCKIFY:
				return "Start Date";
			case LEDGERFLOW:
				return "date";
			default:
				return "Date";
		}
	}

	static String duration(SourceFormat format) {
		switch (format) {
			case TOGGL:
				return "Duration";
			case CLOCKIFY:
				return "Duration (h)";
			case LEDGERFLOW:
				return "hours";
			default:
				return "Hours";
		}
	}

}
