package com.ledgerflow.accounting;

/**
 * How the records of one type stand with the accounting system: in sync (external id, no error), pending (a link
 * without external id and without error: a push started but has not finished) and failed (the last push failed).
 */
public record SyncTypeStatus(String entityType, long inSync, long pending, long failed) {

	static SyncTypeStatus none(String entityType) {
		return new SyncTypeStatus(entityType, 0, 0, 0);
	}

}
