package com.ledgerflow.shared;

/** A rule across fields that Bean Validation cannot express was broken: answered as 400 naming the field. */
public class InvalidField extends RuntimeException {

	private final String field;

	public InvalidField(String field, String reason) {
		super(reason);
		this.field = field;
	}

	public String field() {
		return field;
	}

	public String reason() {
		return getMessage();
	}

}
