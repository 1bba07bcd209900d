package com.ledgerflow.dunning;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The dunning tables (V16): reminders sent, unique per invoice and step and per invoice and day, and follow-ups. */
@Repository
class DunningRecords {

	private final JdbcClient jdbc;

	DunningRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Records the reminder unless the step was sent before or a reminder went out that day; true when recorded. */
	boolean record(SentReminder reminder) {
		return jdbc.sql("""
				insert into dunning_reminder (id, invoice_id, step, action, template, sent_on, sent_at, recipients,
				 open_balance, currency) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
			.params(UUID.randomUUID(), reminder.invoiceId(), reminder.step(), reminder.action().name(),
					reminder.template(), reminder.sentOn(), Timestamp.from(reminder.sentAt()), reminder.recipients(),
					reminder.openBalance(), reminder.currency())
			.update() == 1;
	}

	List<SentReminder> reminders(UUID invoiceId) {
		return jdbc.sql("""
				select invoice_id, step, action, template, sent_on, sent_at, recipients, open_balance, currency
				 from dunning_reminder where invoice_id = ? order by sent_at""")
			.param(invoiceId)
			.query((rs, row) -> new SentReminder(rs.getObject("invoice_id", UUID.class), rs.getString("step"),
					DunningAction.valueOf(rs.getString("action")), rs.getString("template"),
					rs.getDate("sent_on").toLocalDate(), rs.getTimestamp("sent_at").toInstant(),
					rs.getString("recipients"), rs.getBigDecimal("open_balance"), rs.getString("currency")))
			.list();
	}

	void record(FollowUp followUp) {
		jdbc.sql("""
				insert into dunning_follow_up (id, invoice_id, outcome, promised_by, note, decided_by, decided_at)
				 values (?, ?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), followUp.invoiceId(), followUp.outcome().name(), followUp.promisedBy(),
					followUp.note(), followUp.decidedBy(), Timestamp.from(followUp.decidedAt()))
			.update();
	}

	List<FollowUp> followUps(UUID invoiceId) {
		return jdbc.sql("""
				select invoice_id, outcome, promised_by, note, decided_by, decided_at from dunning_follow_up
				 where invoice_id = ? order by decided_at""")
			.param(invoiceId)
			.query((rs, row) -> new FollowUp(rs.getObject("invoice_id", UUID.class),
					FollowUpOutcome.valueOf(rs.getString("outcome")),
					rs.getDate("promised_by") == null ? null : rs.getDate("promised_by").toLocalDate(),
					rs.getString("note"), rs.getString("decided_by"), rs.getTimestamp("decided_at").toInstant()))
			.list();
	}

}
