package com.ledgerflow.workflow.delegate;

import com.ledgerflow.dunning.DunningService;
import com.ledgerflow.workflow.InvoiceToCashProcess;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import org.springframework.stereotype.Component;

/** Task_FollowUpOverdueInvoice (create): the invoice's dunning history for the form ({@code dunningHistory}). */
@Component
public class DescribeFollowUpListener implements TaskListener {

	private final DunningService dunning;

	DescribeFollowUpListener(DunningService dunning) {
		this.dunning = dunning;
	}

	@Override
	public void notify(DelegateTask task) {
		task.getExecution()
			.getProcessInstance()
			.setVariable(InvoiceToCashProcess.VAR_DUNNING_HISTORY,
					dunning.history(InvoiceToCashProcess.invoiceId(task.getExecution())));
	}

}
