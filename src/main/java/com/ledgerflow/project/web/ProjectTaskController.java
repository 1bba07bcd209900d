package com.ledgerflow.project.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.ledgerflow.project.ProjectPlanService;
import com.ledgerflow.project.ProjectTask;
import com.ledgerflow.project.TaskDetails;
import com.ledgerflow.project.TaskPriority;
import com.ledgerflow.project.TaskStatus;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/projects/{projectId}/tasks")
class ProjectTaskController {

	private final ProjectPlanService plans;

	ProjectTaskController(ProjectPlanService plans) {
		this.plans = plans;
	}

	record TaskView(UUID id, UUID projectId, String name, @Nullable UUID assigneeId, @Nullable LocalDate dueDate,
			TaskPriority priority, @Nullable BigDecimal estimateHours, boolean billable, TaskStatus status,
			long version) {

		static TaskView of(ProjectTask t) {
			return new TaskView(t.id(), t.projectId(), t.name(), t.assigneeId(), t.dueDate(), t.priority(),
					t.estimateHours(), t.billable(), t.status(), t.version());
		}

	}

	@GetMapping
	List<TaskView> list(@PathVariable UUID projectId) {
		return plans.tasks(projectId).stream().map(TaskView::of).toList();
	}

	@GetMapping("/{taskId}")
	TaskView get(@PathVariable UUID projectId, @PathVariable UUID taskId) {
		return TaskView.of(plans.task(projectId, taskId));
	}

	@PostMapping
	ResponseEntity<TaskView> add(@PathVariable UUID projectId, @Valid @RequestBody TaskDetails details) {
		ProjectTask task = plans.addTask(projectId, details);
		return ResponseEntity.created(URI.create("/api/v1/projects/" + projectId + "/tasks/" + task.id()))
			.body(TaskView.of(task));
	}

	@PutMapping("/{taskId}")
	TaskView update(@PathVariable UUID projectId, @PathVariable UUID taskId, @Valid @RequestBody TaskDetails details) {
		return TaskView.of(plans.updateTask(projectId, taskId, details));
	}

	@DeleteMapping("/{taskId}")
	ResponseEntity<Void> delete(@PathVariable UUID projectId, @PathVariable UUID taskId) {
		plans.deleteTask(projectId, taskId);
		return ResponseEntity.noContent().build();
	}

}
