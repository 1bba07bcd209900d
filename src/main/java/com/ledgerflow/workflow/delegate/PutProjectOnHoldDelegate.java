package com.ledgerflow.workflow.delegate;

import com.ledgerflow.dunning.DunningService;
import com.ledgerflow.workflow.InvoiceToCashProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/** Task_PutProjectOnHold: after the final notice, DunningService.holdProject (idempotent). */
@Component
public class PutProjectOnHoldDelegate implements JavaDelegate {

	private final DunningService dunning;

	PutProjectOnHoldDelegate(DunningService dunning) {
		this.dunning = dunning;
	}

	@Override
	public void execute(DelegateExecution execution) {
		dunning.holdProject(InvoiceToCashProcess.invoiceId(execution));
	}

}
