/**
 * Expenses: costs paid for a project (with a receipt, or mileage), approved and booked in accounting as billable
 * expenses on the project, then re-invoiced with the project's markup.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "client", "people", "project", "accounting", "mail", "security", "shared" })
package com.ledgerflow.expense;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
