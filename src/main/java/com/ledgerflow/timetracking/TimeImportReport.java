package com.ledgerflow.timetracking;

import java.math.BigDecimal;
import java.util.List;

import com.ledgerflow.timetracking.importer.RowError;
import com.ledgerflow.timetracking.importer.SourceFormat;

/**
 * What an import of a time CSV does (preview) or did (commit).
 * @param rows data rows read
 * @param imported rows that become (or became) time entries
 * @param alreadyImported rows an earlier import of the same file already holds: skipped, never duplicated
 * @param hours the imported rows' hours, two places
 * @param errors the first {@value #MAX_LISTED_ERRORS} row errors in file order; {@code errorCount} counts all
 * @param newProjects projects created for rows naming an unknown project ("Client / Project")
 * @param newTasks tasks created ("Project / Task")
 * @param teamAdditions people added to a project's team ("Person → Project")
 * @param matchedPeople the Ledgerflow people the rows were matched to
 * @param matchedProjects existing projects the rows were matched to
 */
public record TimeImportReport(SourceFormat format, boolean committed, int rows, int imported, int alreadyImported,
		BigDecimal hours, List<RowError> errors, int errorCount, List<String> newProjects, List<String> newTasks,
		List<String> teamAdditions, List<String> matchedPeople, List<String> matchedProjects) {

	public static final int MAX_LISTED_ERRORS = 500;

	public boolean hasErrors() {
		return errorCount > 0;
	}

}
