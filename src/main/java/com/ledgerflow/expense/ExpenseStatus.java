package com.ledgerflow.expense;

/** Where an expense stands: drafts and rejected expenses can be changed by their owner, the rest are locked. */
public enum ExpenseStatus {

	DRAFT, SUBMITTED, APPROVED, INVOICED, REJECTED;

	public boolean editable() {
		return this == DRAFT || this == REJECTED;
	}

}
