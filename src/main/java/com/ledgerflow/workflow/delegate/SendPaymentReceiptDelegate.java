package com.ledgerflow.workflow.delegate;

import com.ledgerflow.dunning.PaymentReceipts;
import com.ledgerflow.workflow.InvoiceToCashProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/** Task_SendPaymentReceipt: PaymentReceipts.send (only to clients who want receipts; idempotent); receiptSent. */
@Component
public class SendPaymentReceiptDelegate implements JavaDelegate {

	private final PaymentReceipts receipts;

	SendPaymentReceiptDelegate(PaymentReceipts receipts) {
		this.receipts = receipts;
	}

	@Override
	public void execute(DelegateExecution execution) {
		execution.setVariable(InvoiceToCashProcess.VAR_RECEIPT_SENT,
				receipts.send(InvoiceToCashProcess.invoiceId(execution)));
	}

}
