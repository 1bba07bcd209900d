package com.ledgerflow.timetracking;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.ledgerflow.timetracking.importer.RowError;
import com.ledgerflow.timetracking.importer.SourceFormat;
import org.jspecify.annotations.Nullable;

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
 * @param firstEntryDate the date of the file's first row that is (or would be) imported; null when none is
 * @param firstEntryPersonId whose time that row is; null when none is
 */
public record TimeImportReport(SourceFormat format, boolean committed, int rows, int imported, int alreadyImported,
		BigDecimal hours, List<RowError> errors, int errorCount, List<String> newProjects, List<String> newTasks,
		List<String> teamAdditions, List<String> matchedPeople, List<String> matchedProjects,
		@Nullable LocalDate firstEntryDate, @Nullable UUID firstEntryPersonId) {

	public static final int MAX_LISTED_ERRORS = 500;

	public boolean hasErrors() {
		return errorCount > 0;
	}

}
