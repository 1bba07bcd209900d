package com.ledgerflow.timetracking;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import com.ledgerflow.shared.StateConflict;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/** One person's week as a whole: submitted, then approved or rejected (with the approver's comment). */
@Entity
@Table(name = "timesheet")
public class Timesheet {

	@Embeddable
	record Key(UUID personId, String isoWeek) implements Serializable {
	}

	@EmbeddedId
	private Key key;

	@Enumerated(EnumType.STRING)
	private TimesheetStatus status;

	private @Nullable Instant submittedAt;

	private @Nullable Instant decidedAt;

	private @Nullable String decidedBy;

	private @Nullable String rejectionComment;

	@Version
	private long version;

	protected Timesheet() {
		this.key = new Key(UUID.randomUUID(), "");
		this.status = TimesheetStatus.OPEN;
	}

	Timesheet(UUID personId, IsoWeek week) {
		this.key = new Key(personId, week.toString());
		this.status = TimesheetStatus.OPEN;
	}

	static String businessKey(UUID personId, String isoWeek) {
		return "timesheet:" + personId + ":" + isoWeek;
	}

	void submit(Instant now) {
		if (status == TimesheetStatus.SUBMITTED) {
			throw new StateConflict("The timesheet " + key.isoWeek() + " is already waiting for approval");
		}
		this.status = TimesheetStatus.SUBMITTED;
		this.submittedAt = now;
		this.rejectionComment = null;
	}

	void approve(String by, Instant now) {
		ensureSubmitted();
		this.status = TimesheetStatus.APPROVED;
		this.decidedBy = by;
		this.decidedAt = now;
	}

	void reject(String by, String comment, Instant now) {
		ensureSubmitted();
		this.status = TimesheetStatus.REJECTED;
		this.decidedBy = by;
		this.decidedAt = now;
		this.rejectionComment = comment;
	}

	private void ensureSubmitted() {
		if (status != TimesheetStatus.SUBMITTED) {
			throw new StateConflict("The timesheet " + key.isoWeek() + " is " + status + ", not waiting for approval");
		}
	}

	public UUID personId() {
		return key.personId();
	}

	public IsoWeek isoWeek() {
		return IsoWeek.parse(key.isoWeek());
	}

	public String businessKey() {
		return businessKey(key.personId(), key.isoWeek());
	}

	public TimesheetStatus status() {
		return status;
	}

	public @Nullable Instant submittedAt() {
		return submittedAt;
	}

	public @Nullable Instant decidedAt() {
		return decidedAt;
	}

	public @Nullable String decidedBy() {
		return decidedBy;
	}

	public @Nullable String rejectionComment() {
		return rejectionComment;
	}

}
