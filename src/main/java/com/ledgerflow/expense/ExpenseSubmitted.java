package com.ledgerflow.expense;

import java.util.UUID;

/** An expense was submitted (or resubmitted after a rejection) for approval. */
public record ExpenseSubmitted(UUID expenseId) {

	public String businessKey() {
		return "expense:" + expenseId;
	}

}
