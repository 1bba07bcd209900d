package com.ledgerflow.project;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/** One rate-card line: the hourly bill rate on a project, for one person or (person null) for everyone. */
@Entity
@Table(name = "project_rate")
public class ProjectRate {

	@Id
	private UUID id;

	private UUID projectId;

	private @Nullable UUID personId;

	private BigDecimal billRate;

	@Version
	private long version;

	protected ProjectRate() {
		this.id = UUID.randomUUID();
		this.projectId = this.id;
		this.billRate = BigDecimal.ZERO;
	}

	ProjectRate(UUID projectId, @Nullable UUID personId, BigDecimal billRate) {
		this();
		this.projectId = projectId;
		this.personId = personId;
		this.billRate = billRate;
	}

	void change(BigDecimal billRate) {
		this.billRate = billRate;
	}

	public UUID id() {
		return id;
	}

	public UUID projectId() {
		return projectId;
	}

	public @Nullable UUID personId() {
		return personId;
	}

	public BigDecimal billRate() {
		return billRate;
	}

}
