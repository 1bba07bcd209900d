package com.ledgerflow.workflow.delegate;

import com.ledgerflow.accounting.AccountingRejected;
import com.ledgerflow.accounting.AccountingSync;
import com.ledgerflow.workflow.ProjectLifecycleProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * Task_CloseProjectInAccounting: closes the project's job in accounting and the project. A refusal becomes
 * {@code Err_AccountingRejected}; technical failures propagate (job retries, incident).
 */
@Component
public class CloseProjectInAccountingDelegate implements JavaDelegate {

	private final AccountingSync accountingSync;

	CloseProjectInAccountingDelegate(AccountingSync accountingSync) {
		this.accountingSync = accountingSync;
	}

	@Override
	public void execute(DelegateExecution execution) {
		try {
			accountingSync.closeProject(ProjectLifecycleProcess.projectId(execution));
		}
		catch (AccountingRejected rejected) {
			throw ProjectLifecycleProcess.accountingRejected(execution, rejected);
		}
	}

}
