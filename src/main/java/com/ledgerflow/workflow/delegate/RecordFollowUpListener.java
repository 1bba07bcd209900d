package com.ledgerflow.workflow.delegate;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import static com.ledgerflow.workflow.InvoiceToCashProcess.*;

/**
 * Task_FollowUpOverdueInvoice (complete): checks the form — an outcome; a promise needs a date, today or later in the
 * company's calendar, taken as {@code yyyy-MM-dd} or the date part of a date-time; a dispute a note; a write-off a
 * member of finance — otherwise the completion fails with the reason and the task stays open; then copies it to the
 * process: {@code followUpOutcome}, {@code followUpPromisedBy}, {@code followUpNote}, {@code followedUpBy}.
 */
@Component
public class RecordFollowUpListener implements TaskListener {

	private static final Set<String> OUTCOMES = Set.of(OUTCOME_PROMISE, OUTCOME_DISPUTE, OUTCOME_COLLECTIONS,
			OUTCOME_WRITE_OFF);

	private final Clock clock;

	private final ZoneId zone;

	public RecordFollowUpListener(Clock clock, @Value("${ledgerflow.company.time-zone}") ZoneId zone) {
		this.clock = clock;
		this.zone = zone;
	}

	@Override
	public void notify(DelegateTask task) {
		Object outcome = task.getVariable(VAR_FOLLOW_UP_OUTCOME);
		if (outcome == null || !OUTCOMES.contains(outcome.toString())) {
			throw new IllegalArgumentException(
					VAR_FOLLOW_UP_OUTCOME + ": must be one of " + OUTCOMES + ", not " + outcome);
		}
		Object note = task.getVariable(VAR_NOTE);
		if (OUTCOME_DISPUTE.equals(outcome) && (note == null || note.toString().isBlank())) {
			throw new IllegalArgumentException(VAR_NOTE + ": is required for a dispute");
		}
		String user = decidedBy(task);
		if (OUTCOME_WRITE_OFF.equals(outcome) && !inFinance(task, user)) {
			throw new IllegalArgumentException(VAR_FOLLOW_UP_OUTCOME + ": only finance writes an invoice off");
		}
		var process = task.getExecution().getProcessInstance();
		process.setVariable(VAR_FOLLOW_UP_OUTCOME, outcome.toString());
		process.setVariable(VAR_FOLLOW_UP_PROMISED_BY,
				OUTCOME_PROMISE.equals(outcome) ? promisedBy(task.getVariable(VAR_PROMISED_BY)).toString() : null);
		process.setVariable(VAR_FOLLOW_UP_NOTE,
				note == null || note.toString().isBlank() ? null : note.toString().strip());
		process.setVariable(VAR_FOLLOWED_UP_BY, user);
	}

	private LocalDate promisedBy(Object value) {
		if (value == null || value.toString().isBlank()) {
			throw new IllegalArgumentException(VAR_PROMISED_BY + ": is required for a promise to pay");
		}
		String text = value.toString();
		LocalDate date;
		try {
			date = LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException(VAR_PROMISED_BY + ": '" + text + "' is not a date (yyyy-MM-dd)");
		}
		if (date.isBefore(LocalDate.now(clock.withZone(zone)))) {
			throw new IllegalArgumentException(VAR_PROMISED_BY + ": must be today or later");
		}
		return date;
	}

	/** The assignee (Tasklist claims before completing), else the caller. */
	private static String decidedBy(DelegateTask task) {
		if (task.getAssignee() != null) {
			return task.getAssignee();
		}
		var caller = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
		return caller != null && caller.getUserId() != null ? caller.getUserId() : "unknown";
	}

	private static boolean inFinance(DelegateTask task, String user) {
		IdentityService identity = task.getProcessEngineServices().getIdentityService();
		var caller = identity.getCurrentAuthentication();
		if (caller != null && user.equals(caller.getUserId()) && caller.getGroupIds() != null
				&& caller.getGroupIds().contains(GROUP_FINANCE)) {
			return true;
		}
		return identity.createUserQuery().userId(user).memberOfGroup(GROUP_FINANCE).count() > 0;
	}

}
