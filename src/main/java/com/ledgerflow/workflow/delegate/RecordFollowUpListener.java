package com.ledgerflow.workflow.delegate;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

import com.ledgerflow.dunning.FollowUpOutcome;
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
 * the date part of a date-time; a dispute a note; a write-off a member of finance, whose groups the caller's
 * authentication and the identity service give) — otherwise the completion fails with the reason and the task stays
 * open; then copies it to the process: {@code followUpOutcome}, {@code followUpPromisedBy}, {@code followUpNote},
 * {@code followedUpBy}.
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
		FollowUpOutcome decision = RecordFollowUpDelegate.outcome(outcome.toString());
		String user = Objects.requireNonNullElse(RecordReviewDecisionListener.assigneeOrCaller(task), "unknown");
		try {
			FollowUpRules.check(decision, promisedBy, noteText, LocalDate.now(clock.withZone(zone)));
			FollowUpRules.checkDecider(decision, groups(task, user));
		}
		catch (InvalidField ex) {
			// the form names the outcome followUpOutcome; promisedBy and note alike
			String field = "outcome".equals(ex.field()) ? VAR_FOLLOW_UP_OUTCOME : ex.field();
			throw new IllegalArgumentException(field + ": " + ex.reason());
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

	/** The groups of who completes the task: the caller's own when it is them, and those the identity service has. */
	private static Set<String> groups(DelegateTask task, String user) {
		IdentityService identity = task.getProcessEngineServices().getIdentityService();
		Set<String> groups = new HashSet<>();
		var caller = identity.getCurrentAuthentication();
		if (caller != null && user.equals(caller.getUserId()) && caller.getGroupIds() != null) {
			groups.addAll(caller.getGroupIds());
		}
		identity.createGroupQuery().groupMember(user).list().forEach(group -> groups.add(group.getId()));
		return groups;
	}

}
