package com.ledgerflow.workflow.delegate;

import com.ledgerflow.accounting.AccountingRejected;
import com.ledgerflow.expense.ExpenseBooking;
import com.ledgerflow.workflow.ExpenseApprovalProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * Task_BookExpenseInAccounting: the approved expense is booked once (QBO: a Purchase on the project's job; a retry
 * returns the first booking). A refusal becomes {@code Err_AccountingRejected} (boundary event to finance); technical
 * failures propagate (job retries, incident).
 */
@Component
public class BookExpenseInAccountingDelegate implements JavaDelegate {

	private final ExpenseBooking booking;

	BookExpenseInAccountingDelegate(ExpenseBooking booking) {
		this.booking = booking;
	}

	@Override
	public void execute(DelegateExecution execution) {
		try {
			execution.setVariable(ExpenseApprovalProcess.VAR_BOOKING_REF,
					booking.book(ExpenseApprovalProcess.expenseId(execution)).value());
		}
		catch (AccountingRejected rejected) {
			throw ExpenseApprovalProcess.accountingRejected(execution, rejected);
		}
	}

}
