package com.ledgerflow.workflow.delegate;

import com.ledgerflow.invoicing.InvoiceService;

import com.ledgerflow.workflow.InvoiceToCashProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/** Task_RejectInvoice: InvoiceService.reject (DRAFT → REJECTED); everything it billed is released for the next run. */
@Component
public class RejectInvoiceDelegate implements JavaDelegate {

	private final InvoiceService invoices;

	RejectInvoiceDelegate(InvoiceService invoices) {
		this.invoices = invoices;
	}

	@Override
	public void execute(DelegateExecution execution) {
		invoices.reject(InvoiceToCashProcess.invoiceId(execution));
	}

}
