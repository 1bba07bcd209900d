package com.ledgerflow.accounting;

import java.util.List;
import java.util.UUID;

/**
 * A person retried a failed push (sync page) and it succeeded: processes of {@code projectIds} that wait for it
 * (a refusal to resolve, an incident) may continue.
 */
public record AccountingPushRetried(String entityType, UUID localId, List<UUID> projectIds) {
}
