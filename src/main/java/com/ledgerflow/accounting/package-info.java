/**
 * The book of record for money, behind the {@link com.ledgerflow.accounting.AccountingSystem} port: the built-in
 * {@code local} ledger (default) or QuickBooks Online. {@link com.ledgerflow.accounting.AccountingSync} owns the
 * local-to-external id map and makes every push idempotent. The port's input and result records
 * ({@link com.ledgerflow.accounting.TimeActivityEntry}, {@link com.ledgerflow.accounting.BillableExpenseEntry},
 * {@link com.ledgerflow.accounting.InvoiceDraft}, {@link com.ledgerflow.accounting.PaymentEntry},
 * {@link com.ledgerflow.accounting.PostedInvoice},
 * {@link com.ledgerflow.accounting.InvoiceStatus}, {@link com.ledgerflow.accounting.ChangesPage}) are accounting's own,
 * so the time, expense, invoicing and payment modules map to them; money is {@link java.math.BigDecimal} with two
 * places ({@link com.ledgerflow.accounting.Money}).
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "client", "project", "shared" })
package com.ledgerflow.accounting;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
