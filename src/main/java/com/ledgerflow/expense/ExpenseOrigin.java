package com.ledgerflow.expense;

/** How an expense came in. */
public enum ExpenseOrigin {

	WEB, API, QBO

}
