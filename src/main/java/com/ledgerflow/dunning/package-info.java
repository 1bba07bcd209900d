/**
 * Dunning: what happens to a sent invoice that is not paid yet — reminders sent by the step the
 * {@code dunning-policy} decision names (recorded once per invoice and step, at most one a day, e-mailed through the
 * outbox with the payment link and the open balance), the follow-up decisions on an overdue invoice (promise to pay,
 * dispute, collections, write-off — booked in accounting as bad debt by {@link com.ledgerflow.dunning.WriteOffBooking}),
 * the project put on hold by a final notice, and the thank-you receipt once paid.
 * The schedule itself lives in the DMN; this module only knows steps, not days.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "invoicing", "payment", "accounting", "client", "project", "mail",
		"security", "shared" })
package com.ledgerflow.dunning;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
