package com.ledgerflow.shared;

import org.jspecify.annotations.Nullable;

/**
 * A referenced record does not exist: answered as 404. {@code field} names the request field that carried the id
 * when it came in a body (null for a path id).
 */
public class NotFound extends RuntimeException {

	private final String entity;

	private final transient Object id;

	private final @Nullable String field;

	public NotFound(String entity, Object id) {
		this(entity, id, null);
	}

	public NotFound(String entity, Object id, @Nullable String field) {
		super("No " + entity + " with id " + id);
		this.entity = entity;
		this.id = id;
		this.field = field;
	}

	public String entity() {
		return entity;
	}

	public Object id() {
		return id;
	}

	public @Nullable String field() {
		return field;
	}

}
