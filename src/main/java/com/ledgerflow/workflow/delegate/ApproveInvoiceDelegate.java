package com.ledgerflow.workflow.delegate;

import com.ledgerflow.invoicing.InvoiceService;

import com.ledgerflow.workflow.InvoiceToCashProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/** Task_ApproveInvoice: InvoiceService.approve (DRAFT → APPROVED with its number), the number in {@code invoiceNumber}. */
@Component
public class ApproveInvoiceDelegate implements JavaDelegate {

	private final InvoiceService service;

	ApproveInvoiceDelegate(InvoiceService service) {
		this.service = service;
	}

	@Override
	public void execute(DelegateExecution execution) {
		execution.setVariable(InvoiceToCashProcess.VAR_INVOICE_NUMBER,
				service.approve(InvoiceToCashProcess.invoiceId(execution)));
	}

}
