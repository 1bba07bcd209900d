package com.ledgerflow.workflow.delegate;

import com.ledgerflow.workflow.InvoiceToCashProcess;

import org.springframework.stereotype.Component;

/** Task_ReviewInvoice and Task_ReviewInvoiceAsFinance (complete): see {@link RecordReviewDecisionListener}. */
@Component
public class RecordInvoiceDecisionListener extends RecordReviewDecisionListener {

	public RecordInvoiceDecisionListener() {
		super("an invoice", InvoiceToCashProcess.TASK_REVIEW_INVOICE);
	}

}
