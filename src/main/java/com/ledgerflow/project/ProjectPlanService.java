package com.ledgerflow.project;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import com.ledgerflow.people.PersonService;
import com.ledgerflow.shared.NotFound;
import com.ledgerflow.shared.StateConflict;

import jakarta.validation.Valid;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/** A project's tasks and milestones: planning, changing and completing them. */
@Service
@Validated
public class ProjectPlanService {

	private final ProjectService projects;

	private final ProjectTaskRepository tasks;

	private final MilestoneRepository milestones;

	private final PersonService people;

	private final Clock clock;

	private final ZoneId zone;

	ProjectPlanService(ProjectService projects, ProjectTaskRepository tasks, MilestoneRepository milestones,
			PersonService people, Clock clock, @Value("${ledgerflow.company.time-zone}") ZoneId zone) {
		this.projects = projects;
		this.tasks = tasks;
		this.milestones = milestones;
		this.people = people;
		this.clock = clock;
		this.zone = zone;
	}

	/**
	 * Records the manager's plan — the tasks given here (all or none) plus those already added on the plan page — and
	 * makes the project ACTIVE. A plan without any task is refused.
	 */
	@Transactional
	public List<ProjectTask> recordPlan(UUID projectId, List<@Valid TaskDetails> plan) {
		Project project = projects.get(projectId);
		List<ProjectTask> added = plan.stream().map(details -> addTask(project, details)).toList();
		if (added.isEmpty() && tasks.findByProjectIdOrderByDueDateAscNameAsc(projectId).isEmpty()) {
			throw new StateConflict("The plan of " + project.code() + " has no task yet: add at least one on its plan page");
		}
		project.planned();
		projects.save(project);
		return added;
	}

	@Transactional
	public ProjectTask addTask(UUID projectId, TaskDetails details) {
		return addTask(projects.get(projectId), details);
	}

	private ProjectTask addTask(Project project, TaskDetails details) {
		project.ensureEditable();
		checkAssignee(details);
		return tasks.save(new ProjectTask(project, details, clock.instant()));
	}

	@Transactional
	public ProjectTask updateTask(UUID projectId, UUID taskId, TaskDetails details) {
		Project project = projects.get(projectId);
		project.ensureEditable();
		checkAssignee(details);
		ProjectTask task = task(projectId, taskId);
		task.apply(project, details);
		return tasks.saveAndFlush(task);
	}

	@Transactional
	public void deleteTask(UUID projectId, UUID taskId) {
		projects.get(projectId).ensureEditable();
		ProjectTask task = task(projectId, taskId);
		if (task.status() != TaskStatus.OPEN) {
			throw new StateConflict("Task '" + task.name() + "' is " + task.status() + "; only OPEN tasks can be deleted");
		}
		tasks.delete(task);
	}

	@Transactional(readOnly = true)
	public List<ProjectTask> tasks(UUID projectId) {
		projects.get(projectId);
		return tasks.findByProjectIdOrderByDueDateAscNameAsc(projectId);
	}

	@Transactional(readOnly = true)
	public ProjectTask task(UUID projectId, UUID taskId) {
		return tasks.findById(taskId)
			.filter(task -> task.projectId().equals(projectId))
			.orElseThrow(() -> new NotFound("task", taskId));
	}

	/** The task by id, whatever its project (callers check the project themselves). */
	@Transactional(readOnly = true)
	public ProjectTask task(UUID taskId) {
		return tasks.findById(taskId).orElseThrow(() -> new NotFound("task", taskId, "taskId"));
	}

	@Transactional
	public Milestone addMilestone(UUID projectId, MilestoneDetails details) {
		Project project = projects.get(projectId);
		project.ensureEditable();
		return milestones.save(new Milestone(project, details, clock.instant()));
	}

	@Transactional
	public Milestone updateMilestone(UUID projectId, UUID milestoneId, MilestoneDetails details) {
		projects.get(projectId).ensureEditable();
		Milestone milestone = milestone(projectId, milestoneId);
		milestone.apply(details);
		return milestones.saveAndFlush(milestone);
	}

	/** Marks a milestone done: from now on it is ready to bill. */
	@Transactional
	public Milestone completeMilestone(UUID projectId, UUID milestoneId) {
		projects.get(projectId).ensureEditable();
		Milestone milestone = milestone(projectId, milestoneId);
		milestone.complete(LocalDate.now(clock.withZone(zone)));
		return milestones.saveAndFlush(milestone);
	}

	@Transactional(readOnly = true)
	public List<Milestone> milestones(UUID projectId) {
		projects.get(projectId);
		return milestones.findByProjectIdOrderByDueDateAscNameAsc(projectId);
	}

	/** The project's completed milestones not yet on an invoice. */
	@Transactional(readOnly = true)
	public List<Milestone> billableMilestones(UUID projectId) {
		return milestones.findByProjectIdAndStatusOrderByCompletedOnAscNameAsc(projectId, MilestoneStatus.COMPLETED);
	}

	/** COMPLETED → INVOICED for each milestone (an invoice claimed them); all or none. */
	@Transactional
	public void markMilestonesInvoiced(Collection<UUID> ids) {
		milestones.findAllById(ids).forEach(Milestone::invoiced);
	}

	/** INVOICED → COMPLETED for each milestone (its invoice was rejected): billable again. */
	@Transactional
	public void releaseMilestones(Collection<UUID> ids) {
		milestones.findAllById(ids).forEach(Milestone::released);
	}

	private Milestone milestone(UUID projectId, UUID milestoneId) {
		return milestones.findById(milestoneId)
			.filter(milestone -> milestone.projectId().equals(projectId))
			.orElseThrow(() -> new NotFound("milestone", milestoneId));
	}

	private void checkAssignee(TaskDetails details) {
		if (details.assigneeId() != null) {
			people.referencedBy("assigneeId", details.assigneeId());
		}
	}

}
