package com.ledgerflow.accounting;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A change the accounting system reported (QBO webhook or CDC poll), as the sync page lists it.
 * @param entity the accounting system's entity name, e.g. {@code Payment}
 * @param externalId its id there
 * @param linkedType Ledgerflow's record type it concerns ({@code INVOICE} for a payment of a posted invoice), if known
 * @param linkedLocalId that record's Ledgerflow id, if known
 * @param amount a payment's total, once read from the accounting system
 * @param source {@code WEBHOOK} or {@code CDC}
 */
public record ReceivedChange(String entity, String externalId, String operation, @Nullable String linkedType,
		@Nullable UUID linkedLocalId, @Nullable BigDecimal amount, @Nullable String currency, Instant receivedAt,
		String source) {
}
