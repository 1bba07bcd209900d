package com.ledgerflow.workflow.delegate;

import com.ledgerflow.workflow.InvoiceToCashProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * Task_AskFinanceToFollowUp: the follow-up is still open after 3 working days; finance becomes a candidate group of
 * the open Follow up overdue invoice task (the manager stays one). Engine-only: no domain change.
 */
@Component
public class AskFinanceToFollowUpDelegate implements JavaDelegate {

	@Override
	public void execute(DelegateExecution execution) {
		var tasks = execution.getProcessEngineServices().getTaskService();
		tasks.createTaskQuery()
			.processInstanceId(execution.getProcessInstanceId())
			.taskDefinitionKey(InvoiceToCashProcess.TASK_FOLLOW_UP_OVERDUE_INVOICE)
			.list()
			.forEach(task -> tasks.addCandidateGroup(task.getId(), InvoiceToCashProcess.GROUP_FINANCE));
	}

}
