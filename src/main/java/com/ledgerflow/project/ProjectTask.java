package com.ledgerflow.project;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/** A piece of work on a project, assigned to one person. */
@Entity
@Table(name = "project_task")
public class ProjectTask {

	@Id
	private UUID id;

	private UUID projectId;

	private String name;

	private @Nullable UUID assigneeId;

	private @Nullable LocalDate dueDate;

	@Enumerated(EnumType.STRING)
	private TaskPriority priority;

	private @Nullable BigDecimal estimateHours;

	private boolean billable;

	@Enumerated(EnumType.STRING)
	private TaskStatus status;

	private Instant createdAt;

	@Version
	private long version;

	protected ProjectTask() {
		this.id = UUID.randomUUID();
		this.projectId = this.id;
		this.name = "";
		this.priority = TaskPriority.NORMAL;
		this.status = TaskStatus.OPEN;
		this.createdAt = Instant.EPOCH;
	}

	ProjectTask(Project project, TaskDetails details, Instant now) {
		this();
		this.projectId = project.id();
		this.createdAt = now;
		apply(project, details);
	}

	void apply(Project project, TaskDetails details) {
		this.name = details.name().strip();
		this.assigneeId = details.assigneeId();
		this.dueDate = details.dueDate();
		this.priority = details.priority() == null ? TaskPriority.NORMAL : details.priority();
		this.estimateHours = details.estimateHours();
		this.billable = details.billable() == null ? project.billingModel() != BillingModel.FIXED_FEE
				: details.billable();
		this.status = details.status() == null ? this.status : details.status();
	}

	public UUID id() {
		return id;
	}

	public UUID projectId() {
		return projectId;
	}

	public String name() {
		return name;
	}

	public @Nullable UUID assigneeId() {
		return assigneeId;
	}

	public @Nullable LocalDate dueDate() {
		return dueDate;
	}

	public TaskPriority priority() {
		return priority;
	}

	public @Nullable BigDecimal estimateHours() {
		return estimateHours;
	}

	public boolean billable() {
		return billable;
	}

	public TaskStatus status() {
		return status;
	}

	public long version() {
		return version;
	}

}
