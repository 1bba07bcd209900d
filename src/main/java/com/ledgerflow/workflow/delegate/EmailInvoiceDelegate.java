package com.ledgerflow.workflow.delegate;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;

import com.ledgerflow.invoicing.ClientHasNoBillingEmail;
import com.ledgerflow.invoicing.InvoiceDelivery;
import com.ledgerflow.workflow.InvoiceToCashProcess;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * Task_EmailInvoice: InvoiceDelivery.send (outbox, PDF attached; POSTED → SENT), the due date in
 * {@code paymentDueAt}. A client without billing e-mail is {@code Err_ClientHasNoEmail}: finance sends it by hand.
 */
@Component
public class EmailInvoiceDelegate implements JavaDelegate {

	private final InvoiceDelivery delivery;

	EmailInvoiceDelegate(InvoiceDelivery delivery) {
		this.delivery = delivery;
	}

	@Override
	public void execute(DelegateExecution execution) {
		LocalDate dueOn;
		try {
			dueOn = delivery.send(InvoiceToCashProcess.invoiceId(execution));
		}
		catch (ClientHasNoBillingEmail ex) {
			throw new BpmnError(InvoiceToCashProcess.ERR_CLIENT_HAS_NO_EMAIL, ex.getMessage());
		}
		execution.setVariable(InvoiceToCashProcess.VAR_PAYMENT_DUE_AT,
				Date.from(dueOn.atStartOfDay(ZoneOffset.UTC).toInstant()));
	}

}
