package com.ledgerflow.reporting;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Folds the deltas that time_entry's trigger appends to {@code time_rollup_change} into {@code time_rollup} (see
 * migration V19), a batch per transaction: each batch's deltas are deleted and added in one commit, so readers of
 * {@code time_facts} never see a delta twice or not at all. Safe on every node at once: a delta deleted by one node
 * is skipped by the other's delete, and the upsert serializes on the rollup row.
 */
@Component
public class TimeRollupFolder {

	static final int BATCH = 100_000;

	private static final String FOLD = """
			with moved as (
			    delete from time_rollup_change
			    where id in (select id from time_rollup_change order by id limit %d)
			    returning *
			)
			insert into time_rollup as r (project_id, person_id, task_id, piece_start, piece_end, iso_week, status,
			                              billable, entries, minutes, bill_x60, cost_x60)
			select project_id, person_id, task_id, piece_start, piece_end, iso_week, status, billable, sum(entries),
			       sum(minutes), sum(bill_x60), sum(cost_x60)
			from moved
			group by project_id, person_id, task_id, piece_start, piece_end, iso_week, status, billable
			on conflict on constraint time_rollup_key do update
			    set entries = r.entries + excluded.entries, minutes = r.minutes + excluded.minutes,
			        bill_x60 = r.bill_x60 + excluded.bill_x60, cost_x60 = r.cost_x60 + excluded.cost_x60
			""".formatted(BATCH);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	TimeRollupFolder(JdbcTemplate jdbc, TransactionTemplate transaction) {
		this.jdbc = jdbc;
		this.transaction = transaction;
	}

	/** Folds every delta there is now; returns how many deltas were folded. */
	@Scheduled(fixedDelayString = "${ledgerflow.reporting.rollup-fold-interval:PT10S}",
			initialDelayString = "${ledgerflow.reporting.rollup-fold-interval:PT10S}")
	public int fold() {
		int folded = 0;
		int batch;
		do {
			batch = transaction.execute(status -> {
				Integer pending = jdbc.queryForObject(
						"select count(*) from (select 1 from time_rollup_change limit " + BATCH + ") c", Integer.class);
				if (pending == null || pending == 0) {
					return 0;
				}
				jdbc.update(FOLD);
				jdbc.update("delete from time_rollup where entries = 0");
				return pending;
			});
			folded += batch;
		}
		while (batch == BATCH);
		return folded;
	}

}
