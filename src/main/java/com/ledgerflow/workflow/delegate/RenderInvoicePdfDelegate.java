package com.ledgerflow.workflow.delegate;

import com.ledgerflow.invoicing.InvoiceDocuments;

import com.ledgerflow.workflow.InvoiceToCashProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/** Task_RenderInvoicePdf: renders the PDF before anything is e-mailed, so a layout failure becomes an incident here (the e-mail renders it again; PDFs are not stored); its size in {@code pdfSize}. */
@Component
public class RenderInvoicePdfDelegate implements JavaDelegate {

	private final InvoiceDocuments documents;

	RenderInvoicePdfDelegate(InvoiceDocuments documents) {
		this.documents = documents;
	}

	@Override
	public void execute(DelegateExecution execution) {
		execution.setVariable(InvoiceToCashProcess.VAR_PDF_SIZE,
				documents.render(InvoiceToCashProcess.invoiceId(execution)).length);
	}

}
