package com.ledgerflow.workflow.delegate;

import com.ledgerflow.invoicing.InvoiceService;

import com.ledgerflow.workflow.InvoiceToCashProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/** Task_RecordInvoiceSent: after finance sent the invoice by hand, InvoiceService.markSent (POSTED → SENT). */
@Component
public class RecordInvoiceSentDelegate implements JavaDelegate {

	private final InvoiceService invoices;

	RecordInvoiceSentDelegate(InvoiceService invoices) {
		this.invoices = invoices;
	}

	@Override
	public void execute(DelegateExecution execution) {
		invoices.markSent(InvoiceToCashProcess.invoiceId(execution));
	}

}
