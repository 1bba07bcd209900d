package com.ledgerflow.timetracking.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BiFunction;

import com.ledgerflow.timetracking.IsoWeek;
import com.ledgerflow.timetracking.TimeEntry;
import com.ledgerflow.timetracking.TimeEntryStatus;
import com.ledgerflow.timetracking.TimesheetSummary;
import org.jspecify.annotations.Nullable;

/**
 * A person's week as the timesheet page shows it: one row per project and task, one column per day, the hours of each
 * cell, row, day and the week. Hours are exact to the minute, always shown with two places ({@code 7.50}). Written-off
 * entries are listed but count nowhere.
 */
record TimesheetGrid(List<LocalDate> days, List<Row> rows, List<String> dayTotals, String total, String billable,
		List<Entry> entries) {

	/** One project/task combination: its label, the hours per day ("" for none) and its total. */
	record Row(UUID projectId, @Nullable UUID taskId, String label, List<String> days, String total) {
	}

	/** One entry with what the page needs to show or edit it. */
	record Entry(UUID id, LocalDate date, String label, String hours, @Nullable LocalTime start,
			@Nullable LocalTime end, String notes, boolean billable, TimeEntryStatus status, boolean editable) {
	}

	/** @param label the row label of a project and (nullable) task */
	static TimesheetGrid of(IsoWeek week, List<TimeEntry> entries, BiFunction<UUID, @Nullable UUID, String> label) {
		List<LocalDate> days = week.days();
		Map<List<@Nullable UUID>, int[]> cells = new LinkedHashMap<>();
		int[] dayMinutes = new int[7];
		int total = 0;
		int billable = 0;
		List<Entry> listed = new ArrayList<>();
		for (TimeEntry entry : entries) {
			String rowLabel = label.apply(entry.projectId(), entry.taskId());
			listed.add(new Entry(entry.id(), entry.date(), rowLabel, hours(entry.minutes()), entry.start(),
					entry.end(), entry.notes(), entry.billable(), entry.status(), entry.status().editable()));
			if (entry.status() == TimeEntryStatus.WRITTEN_OFF) {
				continue;
			}
			int day = days.indexOf(entry.date());
			cells.computeIfAbsent(key(entry.projectId(), entry.taskId()), k -> new int[7])[day] += entry.minutes();
			dayMinutes[day] += entry.minutes();
			total += entry.minutes();
			billable += entry.billable() ? entry.minutes() : 0;
		}
		List<Row> rows = new ArrayList<>();
		cells.forEach((key, minutes) -> rows.add(row(Objects.requireNonNull(key.get(0)), key.get(1),
				label.apply(Objects.requireNonNull(key.get(0)), key.get(1)), minutes)));
		rows.sort((a, b) -> a.label().compareToIgnoreCase(b.label()));
		List<String> dayTotals = new ArrayList<>();
		for (int minutes : dayMinutes) {
			dayTotals.add(hours(minutes));
		}
		return new TimesheetGrid(days, rows, dayTotals, hours(total), hours(billable), listed);
	}

	public boolean anyEditable() {
		return entries.stream().anyMatch(Entry::editable);
	}

	/** Minutes as hours with two places: 90 is {@code 1.50}. */
	static String hours(int minutes) {
		return TimesheetSummary.toHours(minutes).toPlainString();
	}

	private static List<@Nullable UUID> key(UUID projectId, @Nullable UUID taskId) {
		List<@Nullable UUID> key = new ArrayList<>(2);
		key.add(projectId);
		key.add(taskId);
		return key;
	}

	private static Row row(UUID projectId, @Nullable UUID taskId, String label, int[] minutes) {
		List<String> days = new ArrayList<>();
		int total = 0;
		for (int day : minutes) {
			days.add(day == 0 ? "" : hours(day));
			total += day;
		}
		return new Row(projectId, taskId, label, days, hours(total));
	}

}
