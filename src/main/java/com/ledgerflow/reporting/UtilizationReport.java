package com.ledgerflow.reporting;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Per person and ISO week: billable and non-billable hours logged in the whole week (every entry but rejected ones,
 * whatever its approval state: utilization is about where the time went), available hours ({@code
 * ledgerflow.reporting.weekly-capacity-hours}, default 40), utilization % = billable / available × 100, non-billable
 * % = non-billable / available × 100. Weeks: every week touching the range, each counted whole, as its available
 * hours are; without {@code from}, the 12 weeks up to the as-of day. Without a client, project or manager filter
 * every active person has a row per week (zero hours show who is idle); with one, only people who logged time on
 * those projects.
 */
@Component
public class UtilizationReport {

	static final int DEFAULT_WEEKS = 12;

	/** A row; none is {@code null} in the JSON too, so every row has every column (as in the CSV). */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	public record Row(UUID personId, String personName, String isoWeek, LocalDate weekStart, BigDecimal billableHours,
			BigDecimal nonBillableHours, BigDecimal availableHours, @Nullable BigDecimal utilizationPercent,
			@Nullable BigDecimal nonBillablePercent) {
	}

	private final NamedParameterJdbcTemplate jdbc;

	private final ReportingProperties properties;

	private final ReportClock clock;

	UtilizationReport(NamedParameterJdbcTemplate jdbc, ReportingProperties properties, ReportClock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<Row> rows(ReportFilter filter) {
		CustomPlans.forThisTransaction(jdbc);
		LocalDate to = clock.asOf(filter);
		LocalDate firstMonday = filter.from() != null ? monday(filter.from())
				: monday(to).minusWeeks(DEFAULT_WEEKS - 1L);
		LocalDate lastSunday = to.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
		var params = new MapSqlParameterSource();
		String sql = """
				select te.person_id, te.iso_week,
				       coalesce(sum(te.minutes) filter (where te.billable), 0) as billable,
				       coalesce(sum(te.minutes) filter (where not te.billable), 0) as non_billable
				from %s te join project p on p.id = te.project_id
				where true %s
				group by te.person_id, te.iso_week
				having sum(te.entries) <> 0
				""".formatted(TimeFacts.between(firstMonday, lastSunday, "status <> 'REJECTED'", "logged", params),
				filter.projectConditions("p", params));
		Map<String, long[]> logged = new HashMap<>();
		jdbc.query(sql, params, rs -> {
			logged.put(rs.getString("person_id") + "/" + rs.getString("iso_week"),
					new long[] { rs.getLong("billable"), rs.getLong("non_billable") });
		});
		Map<UUID, String> people = new LinkedHashMap<>();
		if (filter.scopedToProjects()) {
			var ids = logged.keySet().stream().map(key -> UUID.fromString(key.substring(0, 36))).distinct().toList();
			if (!ids.isEmpty()) {
				jdbc.query("select id, name from person where id in (:ids) order by name, id",
						new MapSqlParameterSource("ids", ids),
						rs -> {
							people.put(rs.getObject("id", UUID.class), rs.getString("name"));
						});
			}
		}
		else {
			jdbc.query("select id, name from person where active order by name, id", rs -> {
				people.put(rs.getObject("id", UUID.class), rs.getString("name"));
			});
		}
		BigDecimal available = BigDecimal.valueOf(properties.weeklyCapacityHours()).setScale(2);
		List<Row> rows = new ArrayList<>();
		for (var person : people.entrySet()) {
			for (LocalDate monday = firstMonday; !monday.isAfter(to); monday = monday.plusWeeks(1)) {
				String week = isoWeek(monday);
				long[] minutes = logged.getOrDefault(person.getKey() + "/" + week, new long[2]);
				BigDecimal billable = Figures.hours(minutes[0]);
				BigDecimal nonBillable = Figures.hours(minutes[1]);
				rows.add(new Row(person.getKey(), person.getValue(), week, monday, billable, nonBillable, available,
						Figures.percent(billable, available), Figures.percent(nonBillable, available)));
			}
		}
		return rows;
	}

	private static LocalDate monday(LocalDate day) {
		return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
	}

	static String isoWeek(LocalDate day) {
		return "%d-W%02d".formatted(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
	}

}
