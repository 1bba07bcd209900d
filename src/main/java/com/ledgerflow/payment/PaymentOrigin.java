package com.ledgerflow.payment;

/**
 * Where a payment was recorded: {@code MANUAL} on the payments page, {@code API} through
 * {@code POST /api/v1/invoices/{id}/payments}, {@code QBO} from QuickBooks' change feed (webhook or CDC).
 */
public enum PaymentOrigin {

	MANUAL, API, QBO

}
