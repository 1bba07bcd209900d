package com.ledgerflow.workflow.delegate;

import com.ledgerflow.accounting.AccountingRejected;
import com.ledgerflow.accounting.AccountingSync;
import com.ledgerflow.workflow.ProjectLifecycleProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * Task_SetUpProjectInAccounting: the client and the project exist in accounting (idempotent). A refusal becomes
 * {@code Err_AccountingRejected} (boundary event to finance); technical failures propagate (job retries, incident).
 */
@Component
public class SetUpProjectInAccountingDelegate implements JavaDelegate {

	private final AccountingSync accountingSync;

	SetUpProjectInAccountingDelegate(AccountingSync accountingSync) {
		this.accountingSync = accountingSync;
	}

	@Override
	public void execute(DelegateExecution execution) {
		try {
			accountingSync.setUpProject(ProjectLifecycleProcess.projectId(execution));
		}
		catch (AccountingRejected rejected) {
			throw ProjectLifecycleProcess.accountingRejected(execution, rejected);
		}
	}

}
