package com.ledgerflow.workflow.delegate;

import com.ledgerflow.project.Project;
import com.ledgerflow.project.ProjectService;
import com.ledgerflow.workflow.ProjectLifecycleProcess;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import org.springframework.stereotype.Component;

/**
 * Any user task on a project (create): names the task after the project, so that a Tasklist full of "Plan project"
 * reads "Plan project · ACME-WEB Website relaunch".
 */
@Component
public class NameTaskAfterProjectListener implements TaskListener {

	private final ProjectService projects;

	NameTaskAfterProjectListener(ProjectService projects) {
		this.projects = projects;
	}

	@Override
	public void notify(DelegateTask task) {
		Project project = projects.get(ProjectLifecycleProcess.projectId(task.getExecution()));
		task.setName(task.getName() + " · " + project.code() + " " + project.name());
	}

}
