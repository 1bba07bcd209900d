package com.ledgerflow.accounting;

/**
 * The accounting system reports that one of its records changed (a QBO webhook or the CDC poll); consumers read the
 * record themselves. Published once per distinct change.
 * @param entity the accounting system's entity name, e.g. {@code Payment}, {@code Invoice}, {@code TimeActivity},
 * {@code Purchase}
 * @param externalId the record's id in the accounting system
 * @param operation {@code Create}, {@code Update}, {@code Delete}, {@code Merge}, {@code Void} or {@code Emailed}
 */
public record AccountingChangeReceived(String entity, String externalId, String operation) {
}
