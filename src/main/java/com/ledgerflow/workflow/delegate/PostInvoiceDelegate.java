package com.ledgerflow.workflow.delegate;

import com.ledgerflow.invoicing.InvoicePosting;

import com.ledgerflow.workflow.InvoiceToCashProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/** Task_PostInvoice: InvoicePosting.post (idempotent: posted once), the accounting id in {@code accountingRef}. */
@Component
public class PostInvoiceDelegate implements JavaDelegate {

	private final InvoicePosting posting;

	PostInvoiceDelegate(InvoicePosting posting) {
		this.posting = posting;
	}

	@Override
	public void execute(DelegateExecution execution) {
		execution.setVariable(InvoiceToCashProcess.VAR_ACCOUNTING_REF,
				posting.post(InvoiceToCashProcess.invoiceId(execution)).value());
	}

}
