package com.ledgerflow.project;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import com.ledgerflow.shared.InvalidField;
import com.ledgerflow.shared.StateConflict;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.AbstractAggregateRoot;

/** A client engagement: what is billed how, within which budget, run by which manager. */
@Entity
@Table(name = "project")
public class Project extends AbstractAggregateRoot<Project> {

	@Id
	private UUID id;

	private UUID clientId;

	private String code;

	private String name;

	@Enumerated(EnumType.STRING)
	private BillingModel billingModel;

	@Enumerated(EnumType.STRING)
	private BillingCycle billingCycle;

	private @Nullable BigDecimal budgetHours;

	private @Nullable BigDecimal budgetAmount;

	private @Nullable BigDecimal retainerAmount;

	private BigDecimal expenseMarkupPercent = BigDecimal.ZERO;

	@Enumerated(EnumType.STRING)
	private TimeRounding timeRounding = TimeRounding.NONE;

	@Enumerated(EnumType.STRING)
	private TimeGrouping timeGrouping = TimeGrouping.PER_TASK;

	@Enumerated(EnumType.STRING)
	private ProjectStatus status;

	private UUID managerId;

	private boolean onHold;

	private @Nullable String onHoldReason;

	private Instant createdAt;

	@Version
	private long version;

	protected Project() {
		this.id = UUID.randomUUID();
		this.clientId = this.id;
		this.managerId = this.id;
		this.code = "";
		this.name = "";
		this.billingModel = BillingModel.TIME_AND_MATERIALS;
		this.billingCycle = BillingCycle.MONTHLY;
		this.status = ProjectStatus.PROPOSED;
		this.createdAt = Instant.EPOCH;
	}

	Project(ProjectDetails details, Instant now) {
		this();
		this.createdAt = now;
		apply(details);
	}

	void apply(ProjectDetails details) {
		ensureEditable();
		if (details.billingCycle() == BillingCycle.MILESTONE && details.billingModel() != BillingModel.FIXED_FEE) {
			throw new InvalidField("billingCycle", "MILESTONE billing needs the FIXED_FEE billing model");
		}
		if (details.billingModel() == BillingModel.RETAINER && details.retainerAmount() == null) {
			throw new InvalidField("retainerAmount", "is required for a RETAINER project");
		}
		if (details.billingModel() != BillingModel.RETAINER && details.retainerAmount() != null) {
			throw new InvalidField("retainerAmount", "only applies to a RETAINER project");
		}
		this.clientId = details.clientId();
		this.code = details.code();
		this.name = details.name().strip();
		this.billingModel = details.billingModel();
		this.billingCycle = details.billingCycle();
		this.budgetHours = details.budgetHours();
		this.budgetAmount = details.budgetAmount();
		this.retainerAmount = details.retainerAmount();
		this.managerId = details.managerId();
	}

	void ensureEditable() {
		if (!status.editable()) {
			throw new StateConflict("Project " + code + " is " + status + " and can no longer be changed");
		}
	}

	void confirm(String managerUserId) {
		if (status != ProjectStatus.PROPOSED) {
			throw new StateConflict("Project " + code + " is " + status + "; only a PROPOSED project can be confirmed");
		}
		this.status = ProjectStatus.PLANNING;
		registerEvent(new ProjectConfirmed(id, managerUserId));
	}

	/** Confirmed on the spot (Tasklist start form): the running process is already there, so no event. */
	void confirmInProcess() {
		this.status = ProjectStatus.PLANNING;
	}

	void planned() {
		if (status != ProjectStatus.PLANNING && status != ProjectStatus.ACTIVE) {
			throw new StateConflict("Project " + code + " is " + status + " and cannot be planned");
		}
		this.status = ProjectStatus.ACTIVE;
	}

	void complete() {
		if (status != ProjectStatus.ACTIVE) {
			throw new StateConflict("Project " + code + " is " + status + "; only an ACTIVE project can be completed");
		}
		this.status = ProjectStatus.COMPLETED;
		registerEvent(new ProjectCompleted(id));
	}

	void close() {
		if (status == ProjectStatus.CLOSED) {
			return;
		}
		if (status != ProjectStatus.COMPLETED) {
			throw new StateConflict("Project " + code + " is " + status + "; only a COMPLETED project can be closed");
		}
		this.status = ProjectStatus.CLOSED;
	}

	public UUID id() {
		return id;
	}

	public UUID clientId() {
		return clientId;
	}

	public String code() {
		return code;
	}

	public String name() {
		return name;
	}

	public BillingModel billingModel() {
		return billingModel;
	}

	public BillingCycle billingCycle() {
		return billingCycle;
	}

	public @Nullable BigDecimal budgetHours() {
		return budgetHours;
	}

	public @Nullable BigDecimal budgetAmount() {
		return budgetAmount;
	}

	public @Nullable BigDecimal retainerAmount() {
		return retainerAmount;
	}

	/** The markup re-invoiced expenses carry unless an expense says otherwise, in percent (two places). */
	public BigDecimal expenseMarkupPercent() {
		return expenseMarkupPercent;
	}

	void changeExpenseMarkup(BigDecimal percent) {
		ensureEditable();
		if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(1000)) >= 0 || percent.scale() > 2) {
			throw new InvalidField("expenseMarkupPercent", "must be 0 to 999.99 with at most two decimals");
		}
		this.expenseMarkupPercent = percent;
	}

	/** How each time entry is rounded when invoiced. */
	public TimeRounding timeRounding() {
		return timeRounding;
	}

	/** How time is grouped into invoice lines. */
	public TimeGrouping timeGrouping() {
		return timeGrouping;
	}

	void changeBillingSettings(TimeRounding rounding, TimeGrouping grouping) {
		this.timeRounding = rounding;
		this.timeGrouping = grouping;
	}

	/** Whether time and expenses may still be booked on it: every status but CLOSED. */
	public boolean acceptsBookings() {
		return status != ProjectStatus.CLOSED;
	}

	/** Flags the project on hold (e.g. a final payment notice went out); idempotent, the first reason stays. */
	void putOnHold(String reason) {
		if (!onHold) {
			this.onHold = true;
			this.onHoldReason = reason;
		}
	}

	/** Whether the project is on hold: its manager talks to the client before more work is done. */
	public boolean onHold() {
		return onHold;
	}

	/** Why it is on hold, for its manager (e.g. the final payment notice that put it there); {@code null} if not. */
	public @Nullable String onHoldReason() {
		return onHoldReason;
	}

	public ProjectStatus status() {
		return status;
	}

	public UUID managerId() {
		return managerId;
	}

	public long version() {
		return version;
	}

}
