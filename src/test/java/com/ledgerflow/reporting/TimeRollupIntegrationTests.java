package com.ledgerflow.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import com.ledgerflow.IntegrationTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The maintained aggregate behind the reports (migration V19, {@link TimeFacts}, {@link TimeRollupFolder}) against
 * plain sums over {@code time_entry}: for ranges of every shape (whole months and weeks, ragged ends, inside one
 * piece, across two, open ends), before and after folding, and after entries change status, move, and are deleted.
 */
@IntegrationTest
class TimeRollupIntegrationTests {

	static final String[] STATUSES = { "DRAFT", "SUBMITTED", "APPROVED", "INVOICED", "REJECTED", "WRITTEN_OFF" };

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	NamedParameterJdbcTemplate named;

	@Autowired
	TimeRollupFolder folder;

	ReportingTestFirm firm;

	final Random random = new Random(20261126);

	final List<UUID> entries = new ArrayList<>();

	@BeforeEach
	void firmWithRandomTime() {
		firm = new ReportingTestFirm(jdbc).create();
		for (int i = 0; i < 400; i++) {
			UUID id = UUID.randomUUID();
			LocalDate day = LocalDate.parse("2026-07-20").plusDays(random.nextInt(170));
			String status = STATUSES[random.nextInt(STATUSES.length)];
			boolean rated = !status.equals("DRAFT") && !status.equals("SUBMITTED") && !status.equals("REJECTED");
			jdbc.update("""
					insert into time_entry (id, person_id, project_id, task_id, work_date, iso_week, minutes, notes,
					  billable, status, bill_rate, cost_rate, origin, created_at, updated_at, version)
					values (?, ?, ?, ?, ?, ?, ?, 'random', ?, ?, ?, ?, 'WEB', now(), now(), 0)""", id,
					random.nextBoolean() ? firm.ann : firm.ben, random.nextBoolean() ? firm.build : firm.fixedFee,
					random.nextBoolean() ? null : firm.billableTask, day, UtilizationReport.isoWeek(day),
					15 * (1 + random.nextInt(40)), random.nextInt(5) > 0, status,
					rated ? new BigDecimal(100 + random.nextInt(9000)).movePointLeft(2) : null,
					rated ? new BigDecimal(100 + random.nextInt(9000)).movePointLeft(2) : null);
			entries.add(id);
		}
	}

	@Test
	void piecesInJavaAreThePiecesInSql() {
		for (LocalDate day = LocalDate.parse("2026-01-01"); day.isBefore(LocalDate.parse("2028-01-01")); day = day
			.plusDays(1)) {
			Map<String, Object> sql = jdbc.queryForMap("select rollup_piece_start(?) as s, rollup_piece_end(?) as e",
					day, day);
			assertThat(((java.sql.Date) sql.get("s")).toLocalDate()).as("start of %s", day)
				.isEqualTo(TimeFacts.pieceStart(day));
			assertThat(((java.sql.Date) sql.get("e")).toLocalDate()).as("end of %s", day)
				.isEqualTo(TimeFacts.pieceEnd(day));
		}
		assertThat(TimeFacts.pieceStart(LocalDate.parse("2026-10-01"))).as("a Thursday, first of the month")
			.isEqualTo("2026-10-01");
		assertThat(TimeFacts.pieceEnd(LocalDate.parse("2026-09-29"))).as("a Tuesday, the month ends on Wednesday")
			.isEqualTo("2026-09-30");
		assertThat(TimeFacts.pieceEnd(LocalDate.parse("2026-10-01"))).as("Sunday").isEqualTo("2026-10-04");
	}

	@Test
	void everyRangeSumsLikeTheEntriesBeforeAndAfterFolding() {
		assertEveryRangeMatches("unfolded");
		folder.fold();
		assertThat(jdbc.queryForObject("select count(*) from time_rollup_change", Long.class)).isZero();
		assertEveryRangeMatches("folded");

		// approve, bill, move and delete some: the deltas go to the change table, then into the rollup
		for (int i = 0; i < 60; i++) {
			jdbc.update("update time_entry set status = 'INVOICED', bill_rate = coalesce(bill_rate, 150.00), "
					+ "cost_rate = coalesce(cost_rate, 60.00) where id = ?", entries.get(i));
		}
		for (int i = 60; i < 90; i++) {
			LocalDate moved = LocalDate.parse("2026-08-01").plusDays(random.nextInt(90));
			jdbc.update("update time_entry set work_date = ?, iso_week = ?, minutes = minutes + 15 where id = ?", moved,
					UtilizationReport.isoWeek(moved), entries.get(i));
		}
		jdbc.update("update time_entry set notes = 'only the notes' where id = ?", entries.get(95));
		for (int i = 100; i < 130; i++) {
			jdbc.update("delete from time_entry where id = ?", entries.get(i));
		}
		assertEveryRangeMatches("changed, unfolded");
		folder.fold();
		assertEveryRangeMatches("changed, folded");
		assertThat(jdbc.queryForObject("select count(*) from time_rollup where entries = 0", Long.class))
			.as("a piece whose entries all left is removed").isZero();
	}

	private void assertEveryRangeMatches(String when) {
		assertThat(entries(null, null)).as("the random entries make many groups").hasSizeGreaterThan(100);
		List<LocalDate[]> ranges = new ArrayList<>();
		ranges.add(new LocalDate[] { null, null });
		ranges.add(range("2026-08-01", "2026-10-31")); // whole months
		ranges.add(range("2026-09-07", "2026-10-18")); // whole weeks
		ranges.add(range("2026-09-09", "2026-10-21")); // ragged ends
		ranges.add(range("2026-10-06", "2026-10-08")); // inside one piece
		ranges.add(range("2026-09-29", "2026-10-02")); // across a month's end inside one week
		ranges.add(range("2026-10-01", "2026-10-01"));
		ranges.add(new LocalDate[] { null, LocalDate.parse("2026-10-14") });
		ranges.add(new LocalDate[] { LocalDate.parse("2026-09-17"), null });
		for (int i = 0; i < 40; i++) {
			LocalDate from = LocalDate.parse("2026-07-15").plusDays(random.nextInt(180));
			ranges.add(new LocalDate[] { from, from.plusDays(random.nextInt(60)) });
		}
		for (LocalDate[] range : ranges) {
			assertThat(facts(range[0], range[1])).as("%s, %s to %s", when, range[0], range[1])
				.isEqualTo(entries(range[0], range[1]));
		}
	}

	private static LocalDate[] range(String from, String to) {
		return new LocalDate[] { LocalDate.parse(from), LocalDate.parse(to) };
	}

	/**
	 * Sums per project, person, task, week, status and billable flag through {@link TimeFacts}, groups with entries
	 * left (as every report keeps them; the reports' own test checks a group whose entries all left shows no row).
	 */
	private Map<String, String> facts(@Nullable LocalDate from, @Nullable LocalDate to) {
		var params = new MapSqlParameterSource("projects", List.of(firm.build, firm.fixedFee));
		return sums("select * from " + TimeFacts.between(from, to, "project_id in (:projects)", "r", params) + " f",
				params);
	}

	/** The same sums straight from the entries. */
	private Map<String, String> entries(@Nullable LocalDate from, @Nullable LocalDate to) {
		var params = new MapSqlParameterSource("projects", List.of(firm.build, firm.fixedFee)).addValue("from", from)
			.addValue("to", to);
		return sums("""
				select project_id, person_id, task_id, iso_week, status, billable, 1 as entries, minutes,
				       coalesce(minutes * bill_rate, 0) as bill_x60, coalesce(minutes * cost_rate, 0) as cost_x60
				from time_entry
				where project_id in (:projects) and (cast(:from as date) is null or work_date >= :from)
				  and (cast(:to as date) is null or work_date <= :to)""", params);
	}

	private Map<String, String> sums(String source, MapSqlParameterSource params) {
		Map<String, String> sums = new TreeMap<>();
		named.query("""
				select project_id, person_id, task_id, iso_week, status, billable, sum(entries) as entries,
				       sum(minutes) as minutes, sum(bill_x60) as bill_x60, sum(cost_x60) as cost_x60
				from (%s) s
				group by project_id, person_id, task_id, iso_week, status, billable
				having sum(entries) <> 0""".formatted(source), params, rs -> {
			sums.put(String.join("/", rs.getString("project_id"), rs.getString("person_id"),
					String.valueOf(rs.getString("task_id")), rs.getString("iso_week"), rs.getString("status"),
					rs.getString("billable")),
					String.join("/", rs.getString("entries"), rs.getString("minutes"),
							rs.getBigDecimal("bill_x60").stripTrailingZeros().toPlainString(),
							rs.getBigDecimal("cost_x60").stripTrailingZeros().toPlainString()));
		});
		return sums;
	}

}
