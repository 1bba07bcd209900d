package com.ledgerflow.workflow.delegate;

import com.ledgerflow.dunning.WriteOffBooking;
import com.ledgerflow.workflow.InvoiceToCashProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * Task_WriteOffInAccounting: WriteOffBooking.book (idempotent: booked once per invoice), the accounting id of the
 * write-off in {@code writeOffRef} (null when nothing was left to write off).
 */
@Component
public class WriteOffInAccountingDelegate implements JavaDelegate {

	private final WriteOffBooking writeOffs;

	WriteOffInAccountingDelegate(WriteOffBooking writeOffs) {
		this.writeOffs = writeOffs;
	}

	@Override
	public void execute(DelegateExecution execution) {
		execution.setVariable(InvoiceToCashProcess.VAR_WRITE_OFF_REF,
				writeOffs.book(InvoiceToCashProcess.invoiceId(execution)).orElse(null));
	}

}
