/**
 * The book of record for money, behind the {@link com.ledgerflow.accounting.AccountingSystem} port: the built-in
 * {@code local} ledger (default) or QuickBooks Online. {@link com.ledgerflow.accounting.AccountingSync} owns the
 * local-to-external id map and makes every push idempotent.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "client", "project", "shared" })
package com.ledgerflow.accounting;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
