package com.ledgerflow.accounting;

import org.jspecify.annotations.Nullable;

/**
 * A person who books time, as the accounting system keeps them (QBO: {@code Employee}); upserted by display name
 * ({@code givenName familyName}).
 */
public record AccountingPerson(String givenName, String familyName, @Nullable String email) {

	public String displayName() {
		return (givenName + " " + familyName).strip();
	}

}
