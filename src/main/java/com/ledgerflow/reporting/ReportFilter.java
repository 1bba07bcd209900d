package com.ledgerflow.reporting;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import com.ledgerflow.shared.InvalidField;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * What a report covers: a date range (inclusive; either end open) and the projects of a client, one project or the
 * projects a person manages. Every filter given applies; none given means the whole firm.
 */
public record ReportFilter(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable UUID clientId,
		@Nullable UUID projectId, @Nullable UUID managerId) {

	public ReportFilter {
		if (from != null && to != null && to.isBefore(from)) {
			throw new InvalidField("to", "is before from (" + from + ")");
		}
	}

	/**
	 * Reads {@code from} and {@code to} as a date ({@code 2026-11-05}) or an ISO month ({@code 2026-11}: from its
	 * first, to its last day); anything else is a 400 naming the parameter.
	 */
	public static ReportFilter of(@Nullable String from, @Nullable String to, @Nullable UUID clientId,
			@Nullable UUID projectId, @Nullable UUID managerId) {
		return new ReportFilter(day("from", from, false), day("to", to, true), clientId, projectId, managerId);
	}

	private static @Nullable LocalDate day(String field, @Nullable String value, boolean endOfMonth) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.strip();
		try {
			if (text.length() == 7) {
				YearMonth month = YearMonth.parse(text);
				return endOfMonth ? month.atEndOfMonth() : month.atDay(1);
			}
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidField(field, "must be a date (2026-11-05) or a month (2026-11), not '" + value + "'");
		}
	}

	/** The last day the report looks at: {@code to}, or today. */
	public LocalDate asOf(LocalDate today) {
		return to != null ? to : today;
	}

	/**
	 * SQL conditions on a project alias ({@code and ...}, empty without project filters), with their parameters added
	 * to {@code params}: only filters given become conditions, so every query stays plain and index-friendly.
	 */
	String projectConditions(String project, MapSqlParameterSource params) {
		StringBuilder sql = new StringBuilder();
		if (clientId != null) {
			sql.append(" and ").append(project).append(".client_id = :clientId");
			params.addValue("clientId", clientId);
		}
		if (projectId != null) {
			sql.append(" and ").append(project).append(".id = :projectId");
			params.addValue("projectId", projectId);
		}
		if (managerId != null) {
			sql.append(" and ").append(project).append(".manager_id = :managerId");
			params.addValue("managerId", managerId);
		}
		return sql.toString();
	}

	/** {@code and column >= :from and column <= :to} for the ends given. */
	String dateConditions(String column, MapSqlParameterSource params) {
		StringBuilder sql = new StringBuilder();
		if (from != null) {
			sql.append(" and ").append(column).append(" >= :from");
			params.addValue("from", from);
		}
		if (to != null) {
			sql.append(" and ").append(column).append(" <= :to");
			params.addValue("to", to);
		}
		return sql.toString();
	}

	boolean scopedToProjects() {
		return clientId != null || projectId != null || managerId != null;
	}

}
