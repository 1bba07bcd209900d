package com.ledgerflow.accounting;

/** How many records of one type are in sync with the accounting system, and how many failed their last push. */
public record SyncStatusCount(String entityType, long inSync, long failed) {
}
