package com.ledgerflow.project;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A person on the project's team: may book time on it (as may its manager and its tasks' assignees). */
@Entity
@Table(name = "project_member")
class ProjectMember {

	@Embeddable
	record Key(UUID projectId, UUID personId) implements Serializable {
	}

	@EmbeddedId
	private Key key;

	private Instant addedAt;

	protected ProjectMember() {
		this.key = new Key(UUID.randomUUID(), UUID.randomUUID());
		this.addedAt = Instant.EPOCH;
	}

	ProjectMember(UUID projectId, UUID personId, Instant now) {
		this.key = new Key(projectId, personId);
		this.addedAt = now;
	}

	UUID personId() {
		return key.personId();
	}

}
