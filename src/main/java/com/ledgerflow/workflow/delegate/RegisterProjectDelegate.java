package com.ledgerflow.workflow.delegate;

import java.math.BigDecimal;

import com.ledgerflow.project.BillingCycle;
import com.ledgerflow.project.BillingModel;
import com.ledgerflow.project.Project;
import com.ledgerflow.project.ProjectService;
import com.ledgerflow.project.TasklistConfirmation;
import com.ledgerflow.shared.InvalidField;
import com.ledgerflow.workflow.ProjectLifecycleProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import static com.ledgerflow.workflow.ProjectLifecycleProcess.*;

/**
 * Task_RegisterProject: turns the Tasklist start form into a confirmed project. Runs in the start transaction, so a
 * bad form fails the start with the reason and leaves nothing behind.
 */
@Component
public class RegisterProjectDelegate implements JavaDelegate {

	private final ProjectService projects;

	RegisterProjectDelegate(ProjectService projects) {
		this.projects = projects;
	}

	@Override
	public void execute(DelegateExecution execution) {
		try {
			Project project = projects.confirmFromTasklist(new TasklistConfirmation(text(execution, VAR_CLIENT_NAME),
					text(execution, VAR_PROJECT_NAME), text(execution, VAR_PROJECT_CODE),
					BillingModel.valueOf(text(execution, VAR_BILLING_MODEL)),
					BillingCycle.valueOf(text(execution, VAR_BILLING_CYCLE)), decimal(execution, VAR_BUDGET_HOURS),
					decimal(execution, VAR_BUDGET_AMOUNT), text(execution, VAR_MANAGER_ID)));
			execution.setProcessBusinessKey(ProjectLifecycleProcess.businessKey(project.id()));
			execution.setVariable(VAR_PROJECT_ID, project.id().toString());
		}
		catch (InvalidField ex) {
			throw new IllegalArgumentException(ex.field() + ": " + ex.reason(), ex);
		}
	}

	private static String text(DelegateExecution execution, String name) {
		Object value = execution.getVariable(name);
		if (value == null || value.toString().isBlank()) {
			throw new InvalidField(name, "is required");
		}
		return value.toString().strip();
	}

	private static @Nullable BigDecimal decimal(DelegateExecution execution, String name) {
		Object value = execution.getVariable(name);
		return value == null || value.toString().isBlank() ? null : new BigDecimal(value.toString());
	}

}
