package com.ledgerflow.accounting.qbo;

import org.jspecify.annotations.Nullable;

/** A QBO entity as read back: its id and the {@code SyncToken} an update must quote. */
interface QboEntity {

	@Nullable String id();

	@Nullable String syncToken();

}
