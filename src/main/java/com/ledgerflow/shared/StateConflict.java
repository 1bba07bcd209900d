package com.ledgerflow.shared;

/** The request is well-formed but the record's state forbids it (e.g. editing a closed project): answered as 409. */
public class StateConflict extends RuntimeException {

	public StateConflict(String message) {
		super(message);
	}

}
