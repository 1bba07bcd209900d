package com.ledgerflow.people;

import com.ledgerflow.security.StaffGroups;
import org.jspecify.annotations.Nullable;

/**
 * Who decides a staff review (an invoice's or an expense's: the project's manager, then finance when routed so) and
 * who has approved so far, as the review processes record them. Invoicing and expenses both review this way, and
 * both depend on people; hence the rule lives here once.
 */
public final class Reviewers {

	private Reviewers() {
	}

	/**
	 * Who decided a review: the user who completed it when known; else, on the manager's review, the project's manager
	 * (its only candidate); else finance ({@link StaffGroups#FINANCE}), the group finance's review is offered to.
	 * @param user the assignee or the caller, when known
	 * @param managersReview whether it is the manager's review
	 */
	public static String decidedBy(@Nullable String user, boolean managersReview, String managerUserId) {
		if (user != null) {
			return user;
		}
		return managersReview ? managerUserId : StaffGroups.FINANCE;
	}

	/**
	 * The approvers after {@code approver} approved: comma-separated user ids in the order they approved.
	 * @param before the approvers so far; none when null or blank
	 */
	public static String approvedBy(@Nullable String before, String approver) {
		return before == null || before.isBlank() ? approver : before + "," + approver;
	}

}
