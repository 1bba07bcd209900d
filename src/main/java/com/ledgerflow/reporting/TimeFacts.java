package com.ledgerflow.reporting;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * Time as the reports read it: a subquery of the sums of time entries dated in a range, with the columns
 * {@code project_id, person_id, task_id, day, iso_week, status, billable, entries, minutes, bill_x60, cost_x60}
 * ({@code bill_x60}/{@code cost_x60}: Σ minutes × frozen rate). The whole pieces inside the range — a piece is the
 * part of an ISO week inside one month — come from the maintained aggregate {@code time_facts} (migration V19, one row
 * per project, person, task, status, billable flag and piece); only the days at the range's ragged ends come from
 * {@code time_entry} itself. Either way {@code day} is the first day of the piece, so a report groups and filters by
 * piece whichever source a row came from. A range of whole months or whole weeks reads the aggregate only.
 * <p>
 * Changes not folded yet are rows of their own (−1 entry for the old state, +1 for the new), so a group whose
 * entries all left it (invoiced, rejected, moved, deleted) still has rows that add up to zero: a report keeps only
 * its groups with {@code sum(entries) <> 0}, and groups by piece first where it shows a piece's day.
 */
final class TimeFacts {

	private static final String FACT_COLUMNS = "project_id, person_id, task_id, piece_start as day, iso_week, status, "
			+ "billable, entries, minutes, bill_x60, cost_x60";

	private static final String ENTRY_COLUMNS = "project_id, person_id, task_id, rollup_piece_start(work_date) as day, "
			+ "iso_week, status, billable, 1 as entries, minutes, coalesce(minutes * bill_rate, 0) as bill_x60, "
			+ "coalesce(minutes * cost_rate, 0) as cost_x60";

	private TimeFacts() {
	}

	/** The first day of the piece {@code day} is in: its week's Monday or its month's first, the later one. */
	static LocalDate pieceStart(LocalDate day) {
		LocalDate monday = day.minusDays(day.getDayOfWeek().getValue() - 1L);
		LocalDate first = day.withDayOfMonth(1);
		return monday.isAfter(first) ? monday : first;
	}

	/** The last day of the piece {@code day} is in: its week's Sunday or its month's last, the earlier one. */
	static LocalDate pieceEnd(LocalDate day) {
		LocalDate sunday = day.plusDays(7L - day.getDayOfWeek().getValue());
		LocalDate last = day.with(TemporalAdjusters.lastDayOfMonth());
		return sunday.isBefore(last) ? sunday : last;
	}

	/**
	 * The subquery for entries dated from {@code from} to {@code to} (inclusive, either open) that meet
	 * {@code condition} (SQL over the columns {@code project_id, person_id, task_id, status, billable}; {@code true}
	 * for all). Its parameters are added to {@code params} under names starting with {@code name}, so one query can
	 * read two ranges.
	 */
	static String between(@Nullable LocalDate from, @Nullable LocalDate to, String condition, String name,
			MapSqlParameterSource params) {
		// the whole pieces inside the range: from the first piece starting on or after from to the last piece ending
		// on or before to
		LocalDate wholeFrom = from == null || pieceStart(from).equals(from) ? from : pieceEnd(from).plusDays(1);
		LocalDate wholeTo = to == null || pieceEnd(to).equals(to) ? to : pieceStart(to).minusDays(1);
		if (wholeFrom != null && wholeTo != null && wholeFrom.isAfter(wholeTo)) {
			// inside one piece, or across the border of two: every day from the entries
			params.addValue(name + "From", from).addValue(name + "To", to);
			return """
					(select %s from time_entry
					 where work_date >= :%2$sFrom and work_date <= :%2$sTo and (%3$s))"""
				.formatted(ENTRY_COLUMNS, name, condition);
		}
		StringBuilder sql = new StringBuilder("(select ").append(FACT_COLUMNS)
			.append(" from time_facts where (")
			.append(condition)
			.append(')');
		if (wholeFrom != null) {
			sql.append(" and piece_start >= :").append(name).append("WholeFrom");
			params.addValue(name + "WholeFrom", wholeFrom);
		}
		if (wholeTo != null) {
			sql.append(" and piece_end <= :").append(name).append("WholeTo");
			params.addValue(name + "WholeTo", wholeTo);
		}
		if (from != null && !from.equals(wholeFrom)) {
			sql.append(edge(name + "Head", from, wholeFrom.minusDays(1), condition, params));
		}
		if (to != null && !to.equals(wholeTo)) {
			sql.append(edge(name + "Tail", wholeTo.plusDays(1), to, condition, params));
		}
		return sql.append(')').toString();
	}

	private static String edge(String name, LocalDate from, LocalDate to, String condition,
			MapSqlParameterSource params) {
		params.addValue(name + "From", from).addValue(name + "To", to);
		return """

				 union all
				 select %s from time_entry where work_date >= :%2$sFrom and work_date <= :%2$sTo and (%3$s)"""
			.formatted(ENTRY_COLUMNS, name, condition);
	}

}
