package com.ledgerflow.workflow;

import java.util.UUID;

import com.ledgerflow.accounting.AccountingRejected;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Names and variable access for bpmn/expense-approval.bpmn and bpmn/expense-approval-routing.dmn. */
public final class ExpenseApprovalProcess {

	public static final String KEY = "expense-approval";

	public static final String DECISION_KEY = "expense-approval-routing";

	public static final String START_EXPENSE_SUBMITTED = "StartEvent_ExpenseSubmitted";

	public static final String TASK_ASSESS_EXPENSE = "Task_AssessExpense";

	public static final String TASK_ROUTE_EXPENSE = "Task_RouteExpense";

	/** The project manager's approval (candidate user: the manager). */
	public static final String TASK_APPROVE_EXPENSE = "Task_ApproveExpense";

	/** Finance's approval above the finance threshold, after the manager's (candidate group finance). */
	public static final String TASK_APPROVE_EXPENSE_AS_FINANCE = "Task_ApproveExpenseAsFinance";

	public static final String TASK_RECORD_APPROVAL = "Task_RecordExpenseApproval";

	public static final String TASK_BOOK_EXPENSE = "Task_BookExpenseInAccounting";

	/** Finance resolves a refusal of Task_BookExpenseInAccounting (boundary BoundaryEvent_BookingRejected). */
	public static final String TASK_RESOLVE_BOOKING_REJECTION = "Task_ResolveExpenseBookingRejection";

	public static final String TASK_REJECT_EXPENSE = "Task_RejectExpense";

	public static final String TASK_REVISE_EXPENSE = "Task_ReviseExpense";

	public static final String END_EXPENSE_BOOKED = "EndEvent_ExpenseBooked";

	/** The BPMN error Task_BookExpenseInAccounting throws when the accounting system refuses the expense. */
	public static final String ERR_ACCOUNTING_REJECTED = ProjectLifecycleProcess.ERR_ACCOUNTING_REJECTED;

	/** The accounting system's message and detail of the last refusal, shown by resolve-expense-booking-rejection-form. */
	public static final String VAR_ACCOUNTING_ERROR = ProjectLifecycleProcess.VAR_ACCOUNTING_ERROR;

	/** The expense's id (UUID string); set at the start. */
	public static final String VAR_EXPENSE_ID = "expenseId";

	// facts of the submitted expense, written by Task_AssessExpense and read by the DMN, the tasks and the forms

	/**
	 * Expense.projectAmount() as Double: the amount in the project's currency, which the DMN reads as the company-currency
	 * amount (multi-currency conversion to the company currency is not modelled).
	 */
	public static final String VAR_AMOUNT = "amount";

	/** ISO 4217 code of {@link #VAR_AMOUNT} (the project's client's currency). */
	public static final String VAR_CURRENCY = "currency";

	/** Whether a receipt is attached (Boolean). */
	public static final String VAR_HAS_RECEIPT = "hasReceipt";

	/** The amount as paid, e.g. {@code 42.50 EUR} (String), shown by the forms. */
	public static final String VAR_SPENT = "spent";

	/**
	 * {@link #VAR_AMOUNT} as the forms show it, e.g. {@code 45.91 USD} (String); equal to {@link #VAR_SPENT} when paid
	 * in the project's currency.
	 */
	public static final String VAR_PROJECT_AMOUNT = "projectAmount";

	public static final String VAR_SUBMITTER_NAME = "submitterName";

	/** Camunda user id of the person who paid: assignee of Task_ReviseExpense. */
	public static final String VAR_SUBMITTER_USER_ID = "submitterUserId";

	/** Camunda user id of the project's manager: candidate user of Task_ApproveExpense. */
	public static final String VAR_MANAGER_USER_ID = "managerUserId";

	/** {@code P-1 Website relaunch}. */
	public static final String VAR_PROJECT = "project";

	/** ISO date (String). */
	public static final String VAR_EXPENSE_DATE = "expenseDate";

	/** The category's name as people read it, e.g. {@code Travel} (not its code). */
	public static final String VAR_CATEGORY = "category";

	public static final String VAR_VENDOR = "vendor";

	public static final String VAR_DESCRIPTION = "description";

	public static final String VAR_BILLABLE = "billable";

	/** Markup in percent as plain text, e.g. {@code 10.00}. */
	public static final String VAR_MARKUP_PERCENT = "markupPercent";

	/**
	 * {@code /expenses/{id}/receipt}, or null without a receipt: the expenses page's receipt, which the approver's
	 * Tasklist session may open (the API's {@code /api/v1/expenses/{id}/receipt} takes HTTP Basic only).
	 */
	public static final String VAR_RECEIPT_URL = "receiptUrl";

	// output of Task_RouteExpense (DMN expense-approval-routing)

	/** AUTO_APPROVE, MANAGER or MANAGER_AND_FINANCE. */
	public static final String VAR_ROUTE = "route";

	public static final String ROUTE_AUTO_APPROVE = "AUTO_APPROVE";

	public static final String ROUTE_MANAGER = "MANAGER";

	public static final String ROUTE_MANAGER_AND_FINANCE = "MANAGER_AND_FINANCE";

	/** Local to each approval task, from approve-expense-form: {@link #DECISION_APPROVE} or {@link #DECISION_REJECT}. */
	public static final String VAR_DECISION = "decision";

	/** Local to each approval task, from approve-expense-form: required when rejecting. */
	public static final String VAR_COMMENT = "comment";

	public static final String DECISION_APPROVE = "approve";

	public static final String DECISION_REJECT = "reject";

	// collected to the process instance by RecordExpenseDecisionListener

	/** Whether the last approval task rejected the expense (Boolean); reset to false by Task_AssessExpense. */
	public static final String VAR_REJECTED = "rejected";

	/** The rejecting approver's comment, shown by revise-expense-form and stored as Expense.decisionComment. */
	public static final String VAR_REJECTION_COMMENT = "rejectionComment";

	/** Camunda user id of the rejecting approver. */
	public static final String VAR_REJECTED_BY = "rejectedBy";

	/** Who approved so far, comma-separated Camunda user ids (String); reset by Task_AssessExpense. */
	public static final String VAR_APPROVED_BY = "approvedBy";

	/**
	 * Local to Task_ReviseExpense (Boolean): set by the trigger when the submitter resubmitted the expense through the
	 * API, so completing the task does not submit it a second time.
	 */
	public static final String VAR_RESUBMITTED = ProcessInstances.VAR_RESUBMITTED;

	/** Written by Task_BookExpenseInAccounting: the accounting system's id of the booked expense (QBO Purchase id). */
	public static final String VAR_BOOKING_REF = "bookingRef";

	/** Who approved an automatically approved expense (Expense.decidedBy). */
	public static final String AUTO_APPROVER = "auto:" + DECISION_KEY;

	private ExpenseApprovalProcess() {
	}

	public static String businessKey(UUID expenseId) {
		return "expense:" + expenseId;
	}

	public static UUID expenseId(VariableScope scope) {
		return UUID.fromString((String) scope.getVariable(VAR_EXPENSE_ID));
	}

	public static String receiptUrl(UUID expenseId) {
		return "/expenses/" + expenseId + "/receipt";
	}

	/** Who approved the expense, for Expense.decidedBy: the routing decision, or the approvers in order. */
	public static String approvedBy(VariableScope scope) {
		Object approvers = scope.getVariable(VAR_APPROVED_BY);
		if (ROUTE_AUTO_APPROVE.equals(scope.getVariable(VAR_ROUTE)) || approvers == null
				|| approvers.toString().isBlank()) {
			return AUTO_APPROVER;
		}
		return approvers.toString();
	}

	/** A refusal by the accounting system as {@link #ERR_ACCOUNTING_REJECTED}, its message kept for finance. */
	public static BpmnError accountingRejected(VariableScope scope, AccountingRejected rejected) {
		return ProjectLifecycleProcess.accountingRejected(scope, rejected);
	}

}
