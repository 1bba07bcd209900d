package com.ledgerflow.expense.web;

import java.util.Set;
import java.util.UUID;

import com.ledgerflow.expense.Expense;
import com.ledgerflow.people.Person;
import com.ledgerflow.people.PersonService;
import com.ledgerflow.project.ProjectService;
import com.ledgerflow.security.StaffGroups;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Whose expenses the caller may see and record: their own always; anyone's for managers, finance and administrators.
 * A receipt is shown only to its submitter, the manager of the expense's project, finance and administrators.
 */
@Component
class ExpenseAccess {

	private static final Set<String> ANYONE = Set.of(StaffGroups.authority(StaffGroups.MANAGERS),
			StaffGroups.authority(StaffGroups.FINANCE), StaffGroups.authority(StaffGroups.ADMINS));

	private static final Set<String> ALL_RECEIPTS = Set.of(StaffGroups.authority(StaffGroups.FINANCE),
			StaffGroups.authority(StaffGroups.ADMINS));

	private final PersonService people;

	private final ProjectService projects;

	ExpenseAccess(PersonService people, ProjectService projects) {
		this.people = people;
		this.projects = projects;
	}

	/** The person the caller acts for: {@code personId}, or the caller's own person when it is null. */
	UUID personFor(Authentication caller, @Nullable UUID personId) {
		if (personId == null) {
			return self(caller).id();
		}
		if (!has(caller, ANYONE) && !self(caller).id().equals(personId)) {
			throw new AccessDeniedException("Only managers and finance may see or record another person's expenses");
		}
		return personId;
	}

	void checkReceipt(Authentication caller, Expense expense) {
		if (has(caller, ALL_RECEIPTS) || caller.getName().equals(projects.managerUserId(expense.projectId()))) {
			return;
		}
		Person submitter = people.get(expense.personId());
		if (!caller.getName().equals(submitter.userId())) {
			throw new AccessDeniedException(
					"A receipt is shown to its submitter, the project's manager and finance only");
		}
	}

	/** Whether the caller sees and records anyone's expenses (managers, finance, administrators). */
	boolean seesEveryone(Authentication caller) {
		return has(caller, ANYONE);
	}

	/** The caller's own person, or null when the login records no expenses (e.g. finance or an administrator). */
	@Nullable UUID selfIfAny(Authentication caller) {
		return people.findByUserId(caller.getName()).map(Person::id).orElse(null);
	}

	Person self(Authentication caller) {
		return people.findByUserId(caller.getName())
			.orElseThrow(() -> new AccessDeniedException(
					"The login " + caller.getName() + " is not a person in Ledgerflow and records no expenses"));
	}

	static boolean has(Authentication caller, Set<String> authorities) {
		return caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(authorities::contains);
	}

}
