package com.ledgerflow.workflow.delegate;

import com.ledgerflow.invoicing.InvoiceService;

import com.ledgerflow.workflow.InvoiceToCashProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/** Task_RecordInvoiceSent: after finance sent the invoice by hand, InvoiceService.markSent (POSTED → SENT). */
@Component
public class RecordInvoiceSentDelegate implements JavaDelegate {

	private final InvoiceService service;

	RecordInvoiceSentDelegate(InvoiceService service) {
		this.service = service;
	}

	@Override
	public void execute(DelegateExecution execution) {
		service.markSent(InvoiceToCashProcess.invoiceId(execution));
	}

}
