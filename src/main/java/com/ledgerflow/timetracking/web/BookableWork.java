package com.ledgerflow.timetracking.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.ledgerflow.project.Project;
import com.ledgerflow.project.ProjectPlanService;
import com.ledgerflow.project.ProjectService;
import com.ledgerflow.project.ProjectTask;
import com.ledgerflow.project.ProjectTeam;
import com.ledgerflow.shared.InvalidField;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * What a person can book time on from the timesheet page: each project they are on the team of that is not closed,
 * with and without each of its tasks. A choice travels in forms as {@code projectId/taskId} ({@code projectId/} for
 * no task).
 */
@Component
class BookableWork {

	private final ProjectService projects;

	private final ProjectPlanService plans;

	private final ProjectTeam team;

	BookableWork(ProjectService projects, ProjectPlanService plans, ProjectTeam team) {
		this.projects = projects;
		this.plans = plans;
		this.team = team;
	}

	/** One choice of the project/task select. */
	record Choice(String value, String label) {
	}

	/** A parsed choice. */
	record Work(UUID projectId, @Nullable UUID taskId) {

		static Work parse(@Nullable String value) {
			if (value == null || value.isBlank()) {
				throw new InvalidField("projectId", "pick a project (and task) to book on");
			}
			String[] parts = value.strip().split("/", -1);
			try {
				UUID task = parts.length < 2 || parts[1].isBlank() ? null : UUID.fromString(parts[1]);
				return new Work(UUID.fromString(parts[0]), task);
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidField("projectId", "'" + value + "' is not a project and task of this page");
			}
		}

	}

	List<Choice> choices(UUID personId) {
		List<Choice> choices = new ArrayList<>();
		for (Project project : projects.list()) {
			if (!project.acceptsBookings() || !team.isOnTeam(project.id(), personId)) {
				continue;
			}
			choices.add(new Choice(project.id() + "/", label(project, null)));
			for (ProjectTask task : plans.tasks(project.id())) {
				choices.add(new Choice(project.id() + "/" + task.id(), label(project, task)));
			}
		}
		return choices;
	}

	/** A labeller for the rows of one page: each project and task is read once. */
	Labels labels() {
		return new Labels();
	}

	private static String label(Project project, @Nullable ProjectTask task) {
		return project.code() + " · " + project.name() + " — " + (task == null ? "no task" : task.name());
	}

	/** Row labels ("ACME-WEB · Website relaunch — Design"), each project and task looked up once. */
	final class Labels {

		private final Map<UUID, Project> projectsById = new HashMap<>();

		private final Map<UUID, ProjectTask> tasksById = new HashMap<>();

		String of(UUID projectId, @Nullable UUID taskId) {
			Project project = projectsById.computeIfAbsent(projectId, projects::get);
			ProjectTask task = taskId == null ? null : tasksById.computeIfAbsent(taskId, plans::task);
			return label(project, task);
		}

	}

}
