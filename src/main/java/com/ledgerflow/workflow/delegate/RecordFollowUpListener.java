package com.ledgerflow.workflow.delegate;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Set;

import com.ledgerflow.dunning.FollowUpRules;
import com.ledgerflow.shared.InvalidField;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import static com.ledgerflow.workflow.InvoiceToCashProcess.*;

/**
 * Task_FollowUpOverdueInvoice (complete): checks the form — an outcome; what the decision needs
 * ({@link FollowUpRules}: a promise a date, today or later in the company's calendar, taken as {@code yyyy-MM-dd} or
 * the date part of a date-time; a dispute a note); a write-off a member of finance — otherwise the completion fails
 * with the reason and the task stays open; then copies it to the
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
		String noteText = note == null || note.toString().isBlank() ? null : note.toString().strip();
		LocalDate promisedBy = OUTCOME_PROMISE.equals(outcome) ? date(task.getVariable(VAR_PROMISED_BY)) : null;
		try {
			FollowUpRules.check(RecordFollowUpDelegate.outcome(outcome.toString()), promisedBy, noteText,
					LocalDate.now(clock.withZone(zone)));
		}
		catch (InvalidField ex) {
			throw new IllegalArgumentException(ex.field() + ": " + ex.reason());
		}
		String user = Objects.requireNonNullElse(RecordReviewDecisionListener.assigneeOrCaller(task), "unknown");
		if (OUTCOME_WRITE_OFF.equals(outcome) && !inFinance(task, user)) {
			throw new IllegalArgumentException(VAR_FOLLOW_UP_OUTCOME + ": only finance writes an invoice off");
		}
		var process = task.getExecution().getProcessInstance();
		process.setVariable(VAR_FOLLOW_UP_OUTCOME, outcome.toString());
		process.setVariable(VAR_FOLLOW_UP_PROMISED_BY, promisedBy == null ? null : promisedBy.toString());
		process.setVariable(VAR_FOLLOW_UP_NOTE, noteText);
		process.setVariable(VAR_FOLLOWED_UP_BY, user);
	}

	/** The form's date, {@code yyyy-MM-dd} or the date part of a date-time; none when left empty. */
	private static @Nullable LocalDate date(@Nullable Object value) {
		if (value == null || value.toString().isBlank()) {
			return null;
		}
		String text = value.toString();
		try {
			return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException(VAR_PROMISED_BY + ": '" + text + "' is not a date (yyyy-MM-dd)");
		}
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
