package com.ledgerflow.accounting.qbo;

import java.time.Instant;

/**
 * One entity change QuickBooks reported, as stored in {@code qbo_inbound_change}.
 * @param entity QBO entity name ({@code Payment}, {@code Invoice}, ...)
 * @param operation {@code Create}, {@code Update}, {@code Delete}, {@code Merge}, {@code Void} or {@code Emailed}
 * @param lastUpdated when QBO changed it, truncated to the second (part of the duplicate key)
 */
record QboInboundChange(String realmId, String entity, String entityId, String operation, Instant lastUpdated) {

	enum Source {
		WEBHOOK, CDC
	}

}
