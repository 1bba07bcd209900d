package com.ledgerflow.project;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.ledgerflow.mail.MailMessage;
import com.ledgerflow.mail.MailOutbox;
import com.ledgerflow.people.Person;
import com.ledgerflow.people.PersonService;

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

	private final String baseUrl;

	AssignmentNotifier(ProjectService projects, ProjectTaskRepository tasks, PersonService people, MailOutbox outbox,
			@Value("${ledgerflow.base-url}") String baseUrl) {
		this.projects = projects;
		this.tasks = tasks;
		this.people = people;
		this.outbox = outbox;
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
		StringBuilder body = new StringBuilder();
		body.append("Hello ").append(person.name()).append(",\n\n");
		body.append("you have ").append(theirTasks.size()).append(theirTasks.size() == 1 ? " task" : " tasks");
		body.append(" on project ").append(project.code()).append(" — ").append(project.name()).append(":\n\n");
		for (ProjectTask task : theirTasks) {
			body.append("  • ").append(task.name()).append(" (").append(task.priority().name().toLowerCase());
			if (task.dueDate() != null) {
				body.append(", due ").append(task.dueDate().format(DateTimeFormatter.ISO_LOCAL_DATE));
			}
			if (task.estimateHours() != null) {
				body.append(", estimate ").append(task.estimateHours().stripTrailingZeros().toPlainString()).append(" h");
			}
			body.append(task.billable() ? ", billable" : ", non-billable").append(")\n");
		}
		body.append("\nLog your time at ").append(baseUrl).append("/\n\n— Ledgerflow\n");
		return MailMessage.text(dedupeKey, person.email(),
				"Your tasks on " + project.code() + " " + project.name(), body.toString());
	}

}
