/**
 * Payments: what clients paid against posted or sent invoices — entered by finance on the payments page or the API,
 * or arriving from the accounting system's change feed (QBO) — each recorded once, with the invoice's open balance
 * kept exact (total minus the amounts applied) and an overpayment kept as a credit on the client. Recording is the
 * truth: {@link com.ledgerflow.payment.PaymentReceived} goes out through the event publication registry after the
 * payment's commit, and a payment recorded in Ledgerflow is then booked in the accounting system once
 * ({@code PaymentBooking}). Money is {@link java.math.BigDecimal} with two places.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "invoicing", "client", "accounting", "shared" })
package com.ledgerflow.payment;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
