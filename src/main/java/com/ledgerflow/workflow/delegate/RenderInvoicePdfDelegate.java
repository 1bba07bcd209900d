package com.ledgerflow.workflow.delegate;

import com.ledgerflow.invoicing.InvoiceDocuments;

import com.ledgerflow.workflow.InvoiceToCashProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * Task_RenderInvoicePdf: renders the PDF once and keeps it (a repeated job keeps the first), before anything is
 * e-mailed, so a layout failure becomes an incident here; the e-mail attaches the stored file. Its size in
 * {@code pdfSize}.
 */
@Component
public class RenderInvoicePdfDelegate implements JavaDelegate {

	private final InvoiceDocuments documents;

	RenderInvoicePdfDelegate(InvoiceDocuments documents) {
		this.documents = documents;
	}

	@Override
	public void execute(DelegateExecution execution) {
		execution.setVariable(InvoiceToCashProcess.VAR_PDF_SIZE,
				documents.store(InvoiceToCashProcess.invoiceId(execution)).content().length);
	}

}
