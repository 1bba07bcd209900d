package com.ledgerflow.workflow;

import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads user tasks as Tasklist shows them: the task waiting at an activity, the Camunda Form it opens, and who may
 * claim it.
 */
public final class ProcessTasks {

	private ProcessTasks() {
	}

	/** The instance's one task at the user task {@code taskDefinitionKey}; fails the test when there is none. */
	public static Task taskAt(TaskService tasks, ProcessInstance instance, String taskDefinitionKey) {
		Task task = tasks.createTaskQuery()
			.processInstanceId(instance.getId())
			.taskDefinitionKey(taskDefinitionKey)
			.singleResult();
		assertThat(task).as("task %s", taskDefinitionKey).isNotNull();
		return task;
	}

	/** The key of the Camunda Form the task opens ({@code camunda:formRef}). */
	public static String formKey(TaskService tasks, Task task) {
		return tasks.createTaskQuery()
			.taskId(task.getId())
			.initializeFormKeys()
			.singleResult()
			.getCamundaFormRef()
			.getKey();
	}

	/** The task's candidates, as {@code user:<id>} or {@code group:<id>}, in the engine's order. */
	public static List<String> candidates(TaskService tasks, Task task) {
		return tasks.getIdentityLinksForTask(task.getId())
			.stream()
			.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
			.map(ProcessTasks::describe)
			.toList();
	}

	private static String describe(IdentityLink link) {
		return link.getUserId() != null ? "user:" + link.getUserId() : "group:" + link.getGroupId();
	}

}
