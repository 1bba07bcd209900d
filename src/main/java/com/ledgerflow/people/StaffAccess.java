package com.ledgerflow.people;

import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.ledgerflow.security.StaffGroups;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Whom a logged-in caller may act for in their own records (time, expenses): themselves always; anyone for managers,
 * finance and administrators. A refusal is an {@link AccessDeniedException} (403).
 */
@Component
public class StaffAccess {

	private static final Set<String> ANYONE = authorities(StaffGroups.MANAGERS, StaffGroups.FINANCE,
			StaffGroups.ADMINS);

	private final PersonService people;

	StaffAccess(PersonService people) {
		this.people = people;
	}

	/** The person the caller acts for: {@code personId}, or the caller's own person when it is null. */
	public UUID personFor(Authentication caller, @Nullable UUID personId) {
		if (personId == null) {
			return self(caller).id();
		}
		if (!seesEveryone(caller) && !self(caller).id().equals(personId)) {
			throw new AccessDeniedException(
					"Only managers, finance and administrators may see or record another person's records");
		}
		return personId;
	}

	/** Managers, finance and administrators see and record anyone's time and expenses. */
	public boolean seesEveryone(Authentication caller) {
		return has(caller, ANYONE);
	}

	/** The caller's own person, or null when the login is no person (e.g. an administrator). */
	public @Nullable UUID selfIfAny(Authentication caller) {
		return people.findByUserId(caller.getName()).map(Person::id).orElse(null);
	}

	public Person self(Authentication caller) {
		return people.findByUserId(caller.getName())
			.orElseThrow(() -> new AccessDeniedException(
					"The login " + caller.getName() + " is not a person in Ledgerflow and keeps no records"));
	}

	/** Whether the caller is in one of the groups. */
	public static boolean inAnyGroup(Authentication caller, String... groups) {
		return has(caller, authorities(groups));
	}

	private static boolean has(Authentication caller, Set<String> authorities) {
		return caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(authorities::contains);
	}

	private static Set<String> authorities(String... groups) {
		return Arrays.stream(groups).map(StaffGroups::authority).collect(Collectors.toUnmodifiableSet());
	}

}
