package com.ledgerflow.payment;

/** How a client paid. */
public enum PaymentMethod {

	BANK_TRANSFER, CARD, CHECK, CASH, OTHER

}
