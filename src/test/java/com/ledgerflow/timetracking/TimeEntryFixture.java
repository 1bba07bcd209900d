package com.ledgerflow.timetracking;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A time entry written straight to {@code time_entry}, as billing finds it once its timesheet is approved: by default
 * approved and billable, "work", no task, billed at 150.00 an hour at a cost of 60.00, entered on the web. The
 * {@code with…} methods change one column; {@link #insert} writes the row.
 *
 * @param billRate null for an entry not rated yet (then it has no cost rate either)
 */
public record TimeEntryFixture(UUID person, UUID project, @Nullable UUID task, LocalDate day, int minutes,
		String notes, boolean billable, String status, @Nullable BigDecimal billRate) {

	private static final BigDecimal BILL_RATE = new BigDecimal("150.00");

	private static final BigDecimal COST_RATE = new BigDecimal("60.00");

	/** Approved billable time of the person on the project. */
	public static TimeEntryFixture approvedTime(UUID person, UUID project, LocalDate day, int minutes) {
		return new TimeEntryFixture(person, project, null, day, minutes, "work", true, "APPROVED", BILL_RATE);
	}

	public TimeEntryFixture onTask(@Nullable UUID task) {
		return new TimeEntryFixture(person, project, task, day, minutes, notes, billable, status, billRate);
	}

	public TimeEntryFixture withNotes(String notes) {
		return new TimeEntryFixture(person, project, task, day, minutes, notes, billable, status, billRate);
	}

	public TimeEntryFixture withBillRate(@Nullable BigDecimal billRate) {
		return new TimeEntryFixture(person, project, task, day, minutes, notes, billable, status, billRate);
	}

	public TimeEntryFixture withBillRate(@Nullable String billRate) {
		return withBillRate(billRate == null ? null : new BigDecimal(billRate));
	}

	public TimeEntryFixture withStatus(String status) {
		return new TimeEntryFixture(person, project, task, day, minutes, notes, billable, status, billRate);
	}

	public TimeEntryFixture withBillable(boolean billable) {
		return new TimeEntryFixture(person, project, task, day, minutes, notes, billable, status, billRate);
	}

	/** Inserts the entry (its ISO week from the day); returns its new id. */
	public UUID insert(JdbcTemplate jdbc) {
		UUID id = UUID.randomUUID();
		jdbc.update("""
				insert into time_entry (id, person_id, project_id, task_id, work_date, iso_week, minutes, notes, billable,
				 status, bill_rate, cost_rate, origin, created_at, updated_at, version)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'WEB', now(), now(), 0)""", id, person, project, task, day,
				IsoWeek.of(day).toString(), minutes, notes, billable, status, billRate,
				billRate == null ? null : COST_RATE);
		return id;
	}

}
