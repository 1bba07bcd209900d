package com.ledgerflow.timetracking.web;

import java.util.Set;
import java.util.UUID;

import com.ledgerflow.people.Person;
import com.ledgerflow.people.PersonService;
import com.ledgerflow.security.StaffGroups;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Whose time the caller may see and book: their own always; anyone's for managers, finance and administrators.
 */
@Component
class TimeAccess {

	private static final Set<String> ANYONE = Set.of(StaffGroups.authority(StaffGroups.MANAGERS),
			StaffGroups.authority(StaffGroups.FINANCE), StaffGroups.authority(StaffGroups.ADMINS));

	private final PersonService people;

	TimeAccess(PersonService people) {
		this.people = people;
	}

	/** The person the caller acts for: {@code personId}, or the caller's own person when it is null. */
	UUID personFor(Authentication caller, @Nullable UUID personId) {
		if (personId == null) {
			return self(caller).id();
		}
		if (!seesEveryone(caller) && !self(caller).id().equals(personId)) {
			throw new AccessDeniedException("Only managers and finance may see or book another person's time");
		}
		return personId;
	}

	boolean seesEveryone(Authentication caller) {
		return caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(ANYONE::contains);
	}

	/** The caller's own person, or null when the login books no time (e.g. an administrator). */
	@Nullable UUID selfIfAny(Authentication caller) {
		return people.findByUserId(caller.getName()).map(Person::id).orElse(null);
	}

	Person self(Authentication caller) {
		return people.findByUserId(caller.getName())
			.orElseThrow(() -> new AccessDeniedException(
					"The login " + caller.getName() + " is not a person in Ledgerflow and books no time"));
	}

}
