package com.ledgerflow.project;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.ledgerflow.shared.StateConflict;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/** A billable step of a fixed-fee project; billed at its amount once completed. */
@Entity
@Table(name = "milestone")
public class Milestone {

	@Id
	private UUID id;

	private UUID projectId;

	private String name;

	private BigDecimal amount;

	private @Nullable LocalDate dueDate;

	@Enumerated(EnumType.STRING)
	private MilestoneStatus status;

	private @Nullable LocalDate completedOn;

	private Instant createdAt;

	@Version
	private long version;

	protected Milestone() {
		this.id = UUID.randomUUID();
		this.projectId = this.id;
		this.name = "";
		this.amount = BigDecimal.ZERO;
		this.status = MilestoneStatus.PLANNED;
		this.createdAt = Instant.EPOCH;
	}

	Milestone(Project project, MilestoneDetails details, Instant now) {
		this();
		if (project.billingModel() != BillingModel.FIXED_FEE) {
			throw new StateConflict("Project " + project.code() + " is billed " + project.billingModel()
					+ "; milestones belong to FIXED_FEE projects");
		}
		this.projectId = project.id();
		this.createdAt = now;
		apply(details);
	}

	void apply(MilestoneDetails details) {
		if (status != MilestoneStatus.PLANNED) {
			throw new StateConflict("Milestone '" + name + "' is " + status + " and can no longer be changed");
		}
		this.name = details.name().strip();
		this.amount = details.amount();
		this.dueDate = details.dueDate();
	}

	void complete(LocalDate today) {
		if (status != MilestoneStatus.PLANNED) {
			throw new StateConflict("Milestone '" + name + "' is already " + status);
		}
		this.status = MilestoneStatus.COMPLETED;
		this.completedOn = today;
	}

	void invoiced() {
		if (status != MilestoneStatus.COMPLETED) {
			throw new StateConflict("Milestone '" + name + "' is " + status + "; only a completed milestone is invoiced");
		}
		this.status = MilestoneStatus.INVOICED;
	}

	void released() {
		if (status != MilestoneStatus.INVOICED) {
			throw new StateConflict("Milestone '" + name + "' is " + status + ", not invoiced");
		}
		this.status = MilestoneStatus.COMPLETED;
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

	public BigDecimal amount() {
		return amount;
	}

	public @Nullable LocalDate dueDate() {
		return dueDate;
	}

	public MilestoneStatus status() {
		return status;
	}

	public @Nullable LocalDate completedOn() {
		return completedOn;
	}

	public long version() {
		return version;
	}

}
