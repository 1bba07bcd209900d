package com.ledgerflow.timetracking;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Minutes per person and day during an import: what is stored already (read once per person and week) plus the rows
 * taken so far, so the 24 h rule holds across the file and the database without a query per row.
 */
class DayTotals {

	private record PersonDay(UUID personId, LocalDate date) {
	}

	private record PersonWeek(UUID personId, String isoWeek) {
	}

	private final JdbcTemplate jdbc;

	private final Map<PersonDay, Integer> minutes = new HashMap<>();

	private final Set<PersonWeek> loaded = new HashSet<>();

	DayTotals(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The day's total with these minutes added, without adding them. */
	int withAdded(UUID personId, LocalDate date, int added) {
		load(personId, date);
		return minutes.getOrDefault(new PersonDay(personId, date), 0) + added;
	}

	void add(UUID personId, LocalDate date, int added) {
		load(personId, date);
		minutes.merge(new PersonDay(personId, date), added, Integer::sum);
	}

	private void load(UUID personId, LocalDate date) {
		String week = IsoWeek.of(date).toString();
		if (loaded.add(new PersonWeek(personId, week))) {
			jdbc.query("""
					select work_date, sum(minutes) from time_entry
					where person_id = ? and iso_week = ? and status <> 'REJECTED' group by work_date""",
					rs -> {
						minutes.merge(new PersonDay(personId, rs.getObject(1, LocalDate.class)), rs.getInt(2),
								Integer::sum);
					}, personId, week);
		}
	}

}
