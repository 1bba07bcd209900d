package com.ledgerflow.workflow;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Names and variable access for bpmn/invoice-to-cash.bpmn and bpmn/invoice-approval-routing.dmn. */
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

	public static final String END_INVOICE_SENT = "EndEvent_InvoiceSent";

	public static final String END_INVOICE_SENT_BY_HAND = "EndEvent_InvoiceSentByHand";

	public static final String END_INVOICE_REJECTED = "EndEvent_InvoiceRejected";

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

	public static final String ROUTE_MANAGER = "MANAGER";

	public static final String ROUTE_MANAGER_THEN_FINANCE = "MANAGER_THEN_FINANCE";

	/** Local to each review task, from review-invoice-form: {@link #DECISION_APPROVE} or {@link #DECISION_REJECT}. */
	public static final String VAR_DECISION = "decision";

	/** Local to each review task: required when rejecting. */
	public static final String VAR_COMMENT = "comment";

	public static final String DECISION_APPROVE = "approve";

	public static final String DECISION_REJECT = "reject";

	/** Whether the last review rejected the invoice (Boolean), set by RecordInvoiceDecisionListener. */
	public static final String VAR_REJECTED = "rejected";

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
