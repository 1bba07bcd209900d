package com.ledgerflow.workflow;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Names and variable access for bpmn/invoice-to-cash.bpmn, bpmn/invoice-approval-routing.dmn and
 * bpmn/dunning-policy.dmn.
 */
public final class InvoiceToCashProcess {

	public static final String KEY = "invoice-to-cash";

	public static final String DECISION_KEY = "invoice-approval-routing";

	public static final String TASK_ASSESS_INVOICE = "Task_AssessInvoice";

	/** Task_AssessInvoice again after the manager approved: the routing reads the reviewed invoice. */
	public static final String TASK_ASSESS_REVIEWED_INVOICE = "Task_AssessReviewedInvoice";

	public static final String TASK_ROUTE_INVOICE = "Task_RouteInvoice";

	/** The project manager's review (candidate user: the manager). */
	public static final String TASK_REVIEW_INVOICE = "Task_ReviewInvoice";

	/** Finance's review after the manager's, when routed so (candidate group finance). */
	public static final String TASK_REVIEW_INVOICE_AS_FINANCE = "Task_ReviewInvoiceAsFinance";

	public static final String TASK_APPROVE_INVOICE = "Task_ApproveInvoice";

	public static final String TASK_REJECT_INVOICE = "Task_RejectInvoice";

	public static final String TASK_POST_INVOICE = "Task_PostInvoice";

	public static final String TASK_RENDER_INVOICE_PDF = "Task_RenderInvoicePdf";

	public static final String TASK_EMAIL_INVOICE = "Task_EmailInvoice";

	/** Finance sends the invoice by hand when the client has no billing e-mail (candidate group finance). */
	public static final String TASK_SEND_INVOICE_BY_HAND = "Task_SendInvoiceByHand";

	public static final String TASK_RECORD_INVOICE_SENT = "Task_RecordInvoiceSent";

	/** Milestone: e-mailed; the payment wait follows. */
	public static final String EVENT_INVOICE_SENT = "IntermediateEvent_InvoiceSent";

	/** Milestone: sent by hand by finance; the payment wait follows. */
	public static final String EVENT_INVOICE_SENT_BY_HAND = "IntermediateEvent_InvoiceSentByHand";

	public static final String END_INVOICE_REJECTED = "EndEvent_InvoiceRejected";

	// after sent: payment wait, reminders, escalation

	public static final String DUNNING_DECISION_KEY = "dunning-policy";

	/** Reads the open balance before every wait (and writes the daily reminder cycle). */
	public static final String TASK_CHECK_PAYMENT = "Task_CheckPayment";

	public static final String TASK_SEND_PAYMENT_RECEIPT = "Task_SendPaymentReceipt";

	/** Receive task waiting for {@link #MSG_PAYMENT_RECEIVED}. */
	public static final String TASK_AWAIT_PAYMENT = "Task_AwaitPayment";

	public static final String MSG_PAYMENT_RECEIVED = "Msg_PaymentReceived";

	/** Non-interrupting daily timer on Task_AwaitPayment ({@link #VAR_REMINDER_CYCLE}). */
	public static final String BOUNDARY_REMINDER_DAY = "BoundaryEvent_ReminderDay";

	public static final String TASK_ASSESS_DUNNING = "Task_AssessDunning";

	public static final String TASK_SEND_REMINDER = "Task_SendReminder";

	public static final String TASK_PUT_PROJECT_ON_HOLD = "Task_PutProjectOnHold";

	/** Escalation: the project's manager (finance too after 3 working days), follow-up-overdue-form. */
	public static final String TASK_FOLLOW_UP_OVERDUE_INVOICE = "Task_FollowUpOverdueInvoice";

	public static final String TASK_ASK_FINANCE_TO_FOLLOW_UP = "Task_AskFinanceToFollowUp";

	public static final String TASK_RECORD_FOLLOW_UP = "Task_RecordFollowUp";

	/** After a write-off: books the open balance as bad debt in accounting (async, retried while it is down). */
	public static final String TASK_WRITE_OFF_IN_ACCOUNTING = "Task_WriteOffInAccounting";

	public static final String END_INVOICE_PAID = "EndEvent_InvoicePaid";

	public static final String END_NO_REMINDER_DUE = "EndEvent_NoReminderDue";

	public static final String END_FINAL_NOTICE_SENT = "EndEvent_FinalNoticeSent";

	public static final String END_INVOICE_WRITTEN_OFF = "EndEvent_InvoiceWrittenOff";

	public static final String END_FOLLOWED_UP = "EndEvent_FollowedUp";

	/** Thrown by Task_EmailInvoice when the client has no billing e-mail address. */
	public static final String ERR_CLIENT_HAS_NO_EMAIL = "Err_ClientHasNoEmail";

	/** The invoice's id (UUID string); set at the start. */
	public static final String VAR_INVOICE_ID = "invoiceId";

	// facts written by Task_AssessInvoice, read by the DMN, the review tasks and their form

	/** The invoice total as Double, read by the DMN. */
	public static final String VAR_TOTAL = "total";

	/** Whether any time on the invoice is written off (Boolean), read by the DMN. */
	public static final String VAR_HAS_WRITE_OFF = "hasWriteOff";

	/** Lines and totals as text (String), shown by review-invoice-form. */
	public static final String VAR_INVOICE_SUMMARY = "invoiceSummary";

	/** {@code /invoices/{id}}: the invoice's staff page (lines, review actions), linked from review-invoice-form. */
	public static final String VAR_INVOICE_URL = "invoiceUrl";

	/** Camunda user id of the project's manager: candidate user of Task_ReviewInvoice. */
	public static final String VAR_MANAGER_USER_ID = "managerUserId";

	/** Output of Task_RouteInvoice: MANAGER or MANAGER_THEN_FINANCE. */
	public static final String VAR_ROUTE = "route";

	/** Local to each review task, from review-invoice-form: {@link #DECISION_APPROVE} or {@link #DECISION_REJECT}. */
	public static final String VAR_DECISION = "decision";

	/** Local to each review task: required when rejecting. */
	public static final String VAR_COMMENT = "comment";

	public static final String DECISION_APPROVE = "approve";

	public static final String DECISION_REJECT = "reject";

	public static final String VAR_REJECTION_COMMENT = "rejectionComment";

	public static final String VAR_REJECTED_BY = "rejectedBy";

	/** Who approved, comma-separated Camunda user ids (String). */
	public static final String VAR_APPROVED_BY = "approvedBy";

	/** Written by Task_ApproveInvoice: the invoice number. */
	public static final String VAR_INVOICE_NUMBER = "invoiceNumber";

	/** Written by Task_PostInvoice: the accounting system's id of the invoice. */
	public static final String VAR_ACCOUNTING_REF = "accountingRef";

	/** Written by Task_RenderInvoicePdf: the PDF's size in bytes (Integer). */
	public static final String VAR_PDF_SIZE = "pdfSize";

	/** Written by Task_EmailInvoice: the due date (java.util.Date), for the payment wait that comes later. */
	public static final String VAR_PAYMENT_DUE_AT = "paymentDueAt";

	/** Written by Task_CheckPayment: what the invoice still owes (Double). */
	public static final String VAR_OPEN_BALANCE = "openBalance";

	/** Written by Task_CheckPayment (Boolean). */
	public static final String VAR_PAID_IN_FULL = "paidInFull";

	/** Written by Task_CheckPayment: {@code R/<next 08:00 company time>/P1D}, the daily reminder check. */
	public static final String VAR_REMINDER_CYCLE = "reminderCycle";

	/** Written by Task_SendPaymentReceipt (Boolean). */
	public static final String VAR_RECEIPT_SENT = "receiptSent";

	// dunning-policy inputs, written by Task_AssessDunning

	/** Today minus the due date in the company calendar (Integer; negative before it). */
	public static final String VAR_DAYS_FROM_DUE = "daysFromDue";

	/** The client's reminder tier (String). */
	public static final String VAR_REMINDER_TIER = "reminderTier";

	/** The open balance as the policy reads it (Double). */
	public static final String VAR_OPEN_AMOUNT = "openAmount";

	/** Whether a promise to pay (until its day), a dispute or collections hold reminders (Boolean). */
	public static final String VAR_REMINDERS_HELD = "remindersHeld";

	// dunning-policy outputs, mapped by Task_ApplyDunningPolicy

	/** REMIND, ESCALATE, FINAL_NOTICE or NONE. */
	public static final String VAR_ACTION = "action";

	/** The step's name, sent once per invoice. */
	public static final String VAR_STEP = "step";

	public static final String VAR_TEMPLATE = "template";

	public static final String VAR_ATTACH_PDF = "attachPdf";

	/** Whether the step charges the client's late fee (missing in an instance decided before: false). */
	public static final String VAR_LATE_FEE = "lateFee";

	/** Written by Task_SendReminder: whether the step was sent now (Boolean). */
	public static final String VAR_REMINDER_SENT = "reminderSent";

	/** Written by Task_SendReminder: three working days on (java.util.Date), when finance joins the follow-up. */
	public static final String VAR_FOLLOW_UP_DUE_AT = "followUpDueAt";

	/** Written when the follow-up task is created: the invoice, reminders, follow-ups and payments as text. */
	public static final String VAR_DUNNING_HISTORY = "dunningHistory";

	/** Local to the follow-up task, from its form, then on the process: PROMISE, DISPUTE, COLLECTIONS or WRITE_OFF. */
	public static final String VAR_FOLLOW_UP_OUTCOME = "followUpOutcome";

	public static final String OUTCOME_PROMISE = "PROMISE";

	public static final String OUTCOME_DISPUTE = "DISPUTE";

	public static final String OUTCOME_COLLECTIONS = "COLLECTIONS";

	public static final String OUTCOME_WRITE_OFF = "WRITE_OFF";

	/** Local to the follow-up task: the promised date (ISO date String, as the form's date field submits it). */
	public static final String VAR_PROMISED_BY = "promisedBy";

	/** Local to the follow-up task: the note (required for a dispute). */
	public static final String VAR_NOTE = "note";

	/** Process copies of the follow-up's date and note, and who decided it. */
	public static final String VAR_FOLLOW_UP_PROMISED_BY = "followUpPromisedBy";

	public static final String VAR_FOLLOW_UP_NOTE = "followUpNote";

	public static final String VAR_FOLLOWED_UP_BY = "followedUpBy";

	/** Written by Task_WriteOffInAccounting: the accounting system's id of the write-off (String; null: nothing open). */
	public static final String VAR_WRITE_OFF_REF = "writeOffRef";

	public static final String GROUP_FINANCE = "finance";

	private InvoiceToCashProcess() {
	}

	public static String businessKey(UUID invoiceId) {
		return "invoice:" + invoiceId;
	}

	public static UUID invoiceId(VariableScope scope) {
		return UUID.fromString((String) scope.getVariable(VAR_INVOICE_ID));
	}

	public static String invoiceUrl(UUID invoiceId) {
		return "/invoices/" + invoiceId;
	}

}
