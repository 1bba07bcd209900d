package com.ledgerflow.project;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.ledgerflow.mail.MailMessage;
import com.ledgerflow.mail.MailOutbox;
import com.ledgerflow.mail.MailTemplates;
import com.ledgerflow.people.Person;
import com.ledgerflow.people.PersonService;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells every assignee which tasks of a project are theirs: one e-mail per person, written to the outbox. Running it
 * again for the same plan writes nothing new (the dedupe key names the person and the exact task set).
 */
@Service
public class AssignmentNotifier {

	private final ProjectService projects;

	private final ProjectTaskRepository tasks;

	private final PersonService people;

	private final MailOutbox outbox;

	private final MailTemplates templates;

	private final String baseUrl;

	AssignmentNotifier(ProjectService projects, ProjectTaskRepository tasks, PersonService people, MailOutbox outbox,
			MailTemplates templates, @Value("${ledgerflow.base-url}") String baseUrl) {
		this.projects = projects;
		this.tasks = tasks;
		this.people = people;
		this.outbox = outbox;
		this.templates = templates;
		this.baseUrl = baseUrl;
	}

	/** @return how many assignees were written to */
	@Transactional
	public int notifyAssignees(UUID projectId) {
		Project project = projects.get(projectId);
		Map<UUID, List<ProjectTask>> byAssignee = tasks.findByProjectIdOrderByDueDateAscNameAsc(projectId)
			.stream()
			.filter(task -> task.assigneeId() != null && task.status() != TaskStatus.DONE)
			.collect(Collectors.groupingBy(ProjectTask::assigneeId, LinkedHashMap::new, Collectors.toList()));
		Map<UUID, Person> assignees = people.byIds(byAssignee.keySet());
		byAssignee.forEach((personId, theirTasks) -> outbox.enqueue(message(project, assignees.get(personId), theirTasks)));
		return byAssignee.size();
	}

	private MailMessage message(Project project, Person person, List<ProjectTask> theirTasks) {
		String taskIds = theirTasks.stream().map(task -> task.id().toString()).sorted().collect(Collectors.joining(","));
		String dedupeKey = "project-assignment:" + project.id() + ":" + person.id() + ":"
				+ UUID.nameUUIDFromBytes(taskIds.getBytes(StandardCharsets.UTF_8));
		MailTemplates.Bodies bodies = templates.render("project-assignment",
				Map.of("name", person.name(), "code", project.code(), "project", project.name(), "tasks",
						theirTasks.stream().map(AssignmentNotifier::line).toList(), "link", baseUrl + "/"));
		return MailMessage.of(dedupeKey, List.of(person.email()), "Your tasks on " + project.code() + " "
				+ project.name(), bodies, List.of());
	}

	/** One task as the template reads it: {@code due} and {@code estimate} absent when not set. */
	private static Map<String, @Nullable Object> line(ProjectTask task) {
		Map<String, @Nullable Object> line = new HashMap<>();
		line.put("name", task.name());
		line.put("priority", task.priority().name().toLowerCase(Locale.ROOT));
		line.put("due", task.dueDate());
		line.put("estimate",
				(task.estimateHours() != null) ? task.estimateHours().stripTrailingZeros().toPlainString() : null);
		line.put("billable", task.billable());
		return line;
	}

}
