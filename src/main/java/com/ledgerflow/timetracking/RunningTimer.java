package com.ledgerflow.timetracking;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/** A person's running timer; at most one per person (the person is the key). Stopping it books a time entry. */
@Entity
@Table(name = "running_timer")
public class RunningTimer {

	@Id
	private UUID personId;

	private UUID projectId;

	private @Nullable UUID taskId;

	private String notes;

	private Instant startedAt;

	protected RunningTimer() {
		this.personId = UUID.randomUUID();
		this.projectId = this.personId;
		this.notes = "";
		this.startedAt = Instant.EPOCH;
	}

	RunningTimer(UUID personId, UUID projectId, @Nullable UUID taskId, String notes, Instant startedAt) {
		this.personId = personId;
		this.projectId = projectId;
		this.taskId = taskId;
		this.notes = notes;
		this.startedAt = startedAt;
	}

	public UUID personId() {
		return personId;
	}

	public UUID projectId() {
		return projectId;
	}

	public @Nullable UUID taskId() {
		return taskId;
	}

	public String notes() {
		return notes;
	}

	public Instant startedAt() {
		return startedAt;
	}

}
