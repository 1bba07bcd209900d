package com.ledgerflow.accounting;

/** The id of a record in the accounting system (a QBO entity id, or a local ledger id). */
public record ExternalRef(String value) {
}
