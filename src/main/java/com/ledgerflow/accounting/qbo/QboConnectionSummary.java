package com.ledgerflow.accounting.qbo;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** What the Connect to QuickBooks page shows about the connection; never the tokens. */
public record QboConnectionSummary(String realmId, QboConnectionStatus status, String connectedBy,
		Instant connectedAt, Instant accessExpiresAt, Instant refreshExpiresAt, @Nullable Instant refreshedAt) {

	public boolean reconnectNeeded() {
		return status == QboConnectionStatus.RECONNECT_NEEDED;
	}

}
