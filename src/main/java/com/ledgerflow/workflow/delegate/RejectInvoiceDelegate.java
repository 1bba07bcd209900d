package com.ledgerflow.workflow.delegate;

import com.ledgerflow.invoicing.InvoiceService;

import com.ledgerflow.workflow.InvoiceToCashProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/** Task_RejectInvoice: InvoiceService.reject (DRAFT → REJECTED); everything it billed is released for the next run. */
@Component
public class RejectInvoiceDelegate implements JavaDelegate {

	private final InvoiceService service;

	RejectInvoiceDelegate(InvoiceService service) {
		this.service = service;
	}

	@Override
	public void execute(DelegateExecution execution) {
		service.reject(InvoiceToCashProcess.invoiceId(execution));
	}

}
