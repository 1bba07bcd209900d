package com.ledgerflow.dunning;

import java.time.LocalDate;
import java.util.Collection;

import com.ledgerflow.security.StaffGroups;
import com.ledgerflow.shared.InvalidField;
import org.jspecify.annotations.Nullable;

/**
 * What a follow-up decision needs, checked alike where it is recorded ({@link DunningService#decide}) and where the
 * follow-up task is completed (so the task stays open with the reason): a promise to pay a date, today or later; a
 * dispute a note; and who may decide it: a write-off only finance.
 */
public final class FollowUpRules {

	private FollowUpRules() {
	}

	/** @throws InvalidField naming {@code promisedBy} or {@code note} when the decision lacks what it needs */
	public static void check(FollowUpOutcome outcome, @Nullable LocalDate promisedBy, @Nullable String note,
			LocalDate today) {
		if (outcome == FollowUpOutcome.PROMISED) {
			if (promisedBy == null) {
				throw new InvalidField("promisedBy", "is required for a promise to pay");
			}
			if (promisedBy.isBefore(today)) {
				throw new InvalidField("promisedBy", "must be today or later");
			}
		}
		if (outcome == FollowUpOutcome.DISPUTED && (note == null || note.isBlank())) {
			throw new InvalidField("note", "is required for a dispute");
		}
	}

	/**
	 * @param deciderGroups the staff groups ({@link StaffGroups}) of who decides
	 * @throws InvalidField naming {@code outcome} when a write-off is decided by someone outside finance
	 */
	public static void checkDecider(FollowUpOutcome outcome, Collection<String> deciderGroups) {
		if (outcome == FollowUpOutcome.WRITTEN_OFF && !deciderGroups.contains(StaffGroups.FINANCE)) {
			throw new InvalidField("outcome", "only finance writes an invoice off");
		}
	}

}
