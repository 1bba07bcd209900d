package com.ledgerflow.workflow.delegate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ledgerflow.project.ProjectPlanService;
import com.ledgerflow.project.TaskDetails;
import com.ledgerflow.project.TaskPriority;
import com.ledgerflow.workflow.ProjectLifecycleProcess;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Task_PlanProject (complete): the project's plan is recorded and the project becomes active. The form links the
 * plan page, where the tasks are added; an API caller may instead send them as the JSON variable plannedTasks, which
 * is recorded and then removed (lists of entries never live in process variables). A bad or empty plan fails the
 * completion with the reason and the task stays open.
 */
@Component
public class RecordProjectPlanListener implements TaskListener {

	private final ProjectPlanService plans;

	private final ObjectMapper json;

	RecordProjectPlanListener(ProjectPlanService plans, ObjectMapper json) {
		this.plans = plans;
		this.json = json;
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record PlannedTask(String name, @Nullable String assigneeId, @Nullable String dueDate, @Nullable String priority,
			@Nullable BigDecimal estimateHours, @Nullable Boolean billable) {

		TaskDetails details() {
			return new TaskDetails(name == null ? "" : name, blank(assigneeId) ? null : UUID.fromString(assigneeId),
					blank(dueDate) ? null : LocalDate.parse(dueDate.substring(0, 10)),
					blank(priority) ? null : TaskPriority.valueOf(priority), estimateHours, billable, null);
		}

		private static boolean blank(@Nullable String value) {
			return value == null || value.isBlank();
		}

	}

	@Override
	public void notify(DelegateTask task) {
		Object planned = task.getVariable(ProjectLifecycleProcess.VAR_PLANNED_TASKS);
		List<TaskDetails> plan = parse(planned == null ? "[]" : planned.toString()).stream()
			.map(PlannedTask::details)
			.toList();
		plans.recordPlan(ProjectLifecycleProcess.projectId(task.getExecution()), plan);
		task.getExecution().removeVariable(ProjectLifecycleProcess.VAR_PLANNED_TASKS);
	}

	private List<PlannedTask> parse(String plannedTasks) {
		try {
			return json.readValue(plannedTasks, new TypeReference<>() {
			});
		}
		catch (JsonProcessingException | IllegalArgumentException ex) {
			throw new IllegalArgumentException("plannedTasks: not a list of tasks (" + ex.getMessage() + ")", ex);
		}
	}

}
