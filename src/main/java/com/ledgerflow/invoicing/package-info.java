/**
 * Invoicing: drafts invoices for a project and period from approved billable time (rounded and grouped as the project
 * says), approved billable expenses with markup, completed milestones or the retainer; claims every billed item with
 * a database key so that nothing is billed twice, whoever drafts at the same time; numbers invoices gaplessly per year
 * when they are approved. Money is {@link java.math.BigDecimal} with two places, rounded half-up once per line.
 */
@NullMarked
@ApplicationModule(
		allowedDependencies = { "client", "people", "project", "timetracking", "expense", "accounting", "mail", "security",
				"shared" })
package com.ledgerflow.invoicing;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
