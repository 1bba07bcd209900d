package com.ledgerflow.expense.web;

import java.util.UUID;

import com.ledgerflow.expense.Expense;
import com.ledgerflow.people.Person;
import com.ledgerflow.people.PersonService;
import com.ledgerflow.people.StaffAccess;
import com.ledgerflow.project.ProjectService;
import com.ledgerflow.security.StaffGroups;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Whose expenses the caller may see and record: their own always; anyone's for managers, finance and administrators.
 * A receipt is shown only to its submitter, the manager of the expense's project, finance and administrators.
 */
@Component
class ExpenseAccess {

	private final StaffAccess staff;

	private final PersonService people;

	private final ProjectService projects;

	ExpenseAccess(StaffAccess staff, PersonService people, ProjectService projects) {
		this.staff = staff;
		this.people = people;
		this.projects = projects;
	}

	/** The person the caller acts for: {@code personId}, or the caller's own person when it is null. */
	UUID personFor(Authentication caller, @Nullable UUID personId) {
		return staff.personFor(caller, personId);
	}

	boolean seesEveryone(Authentication caller) {
		return staff.seesEveryone(caller);
	}

	@Nullable UUID selfIfAny(Authentication caller) {
		return staff.selfIfAny(caller);
	}

	void checkReceipt(Authentication caller, Expense expense) {
		if (StaffAccess.inAnyGroup(caller, StaffGroups.FINANCE, StaffGroups.ADMINS)
				|| caller.getName().equals(projects.managerUserId(expense.projectId()))) {
			return;
		}
		Person submitter = people.get(expense.personId());
		if (!caller.getName().equals(submitter.userId())) {
			throw new AccessDeniedException(
					"A receipt is shown to its submitter, the project's manager and finance only");
		}
	}

}
