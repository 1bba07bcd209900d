package com.ledgerflow.shared;

import org.jspecify.annotations.Nullable;

/**
 * The request is well-formed but the record's state forbids it (e.g. editing a closed project): answered as 409; with
 * a {@code field}, the answer names the request field whose record is in the way.
 */
public class StateConflict extends RuntimeException {

	private final @Nullable String field;

	public StateConflict(String message) {
		this(message, null);
	}

	public StateConflict(String message, @Nullable String field) {
		super(message);
		this.field = field;
	}

	public @Nullable String field() {
		return field;
	}

}
