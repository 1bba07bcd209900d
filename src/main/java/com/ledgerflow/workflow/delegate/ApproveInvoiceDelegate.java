package com.ledgerflow.workflow.delegate;

import com.ledgerflow.invoicing.InvoiceService;

import com.ledgerflow.workflow.InvoiceToCashProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/** Task_ApproveInvoice: InvoiceService.approve (DRAFT → APPROVED with its number), the number in {@code invoiceNumber}. */
@Component
public class ApproveInvoiceDelegate implements JavaDelegate {

	private final InvoiceService invoices;

	ApproveInvoiceDelegate(InvoiceService invoices) {
		this.invoices = invoices;
	}

	@Override
	public void execute(DelegateExecution execution) {
		execution.setVariable(InvoiceToCashProcess.VAR_INVOICE_NUMBER,
				invoices.approve(InvoiceToCashProcess.invoiceId(execution)));
	}

}
