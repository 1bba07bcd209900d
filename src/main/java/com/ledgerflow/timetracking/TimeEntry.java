package com.ledgerflow.timetracking;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import com.ledgerflow.shared.StateConflict;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * Time one person worked on one project (and task) on one day. Editable while {@link TimeEntryStatus#editable()};
 * approval freezes the bill and cost rates, so later rate changes never reprice approved work.
 */
@Entity
@Table(name = "time_entry")
public class TimeEntry {

	@Id
	private UUID id;

	private UUID personId;

	private UUID projectId;

	private @Nullable UUID taskId;

	@Column(name = "work_date")
	private LocalDate date;

	private String isoWeek;

	private int minutes;

	private @Nullable LocalTime startTime;

	private @Nullable LocalTime endTime;

	private String notes;

	private boolean billable;

	@Enumerated(EnumType.STRING)
	private TimeEntryStatus status;

	private @Nullable BigDecimal billRate;

	private @Nullable BigDecimal costRate;

	@Enumerated(EnumType.STRING)
	private TimeEntryOrigin origin;

	private @Nullable String importKey;

	private @Nullable String externalId;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private long version;

	protected TimeEntry() {
		this.id = UUID.randomUUID();
		this.personId = this.id;
		this.projectId = this.id;
		this.date = LocalDate.EPOCH;
		this.isoWeek = "";
		this.notes = "";
		this.status = TimeEntryStatus.DRAFT;
		this.origin = TimeEntryOrigin.WEB;
		this.createdAt = Instant.EPOCH;
		this.updatedAt = Instant.EPOCH;
	}

	TimeEntry(Worked worked, TimeEntryOrigin origin, @Nullable String importKey, @Nullable String externalId,
			Instant now) {
		this();
		this.origin = origin;
		this.importKey = importKey;
		this.externalId = externalId;
		this.createdAt = now;
		apply(worked, now);
	}

	/** Validated, resolved content of an entry (minutes derived, billable resolved). */
	record Worked(UUID personId, UUID projectId, @Nullable UUID taskId, LocalDate date, int minutes,
			@Nullable LocalTime start, @Nullable LocalTime end, String notes, boolean billable) {
	}

	void change(Worked worked, Instant now) {
		ensureEditable();
		apply(worked, now);
	}

	private void apply(Worked worked, Instant now) {
		this.personId = worked.personId();
		this.projectId = worked.projectId();
		this.taskId = worked.taskId();
		this.date = worked.date();
		this.isoWeek = IsoWeek.of(worked.date()).toString();
		this.minutes = worked.minutes();
		this.startTime = worked.start();
		this.endTime = worked.end();
		this.notes = worked.notes();
		this.billable = worked.billable();
		this.updatedAt = now;
	}

	void ensureEditable() {
		if (!status.editable()) {
			throw new StateConflict("Time entry " + id + " is " + status + " and can no longer be changed");
		}
	}

	void submit(Instant now) {
		ensureEditable();
		this.status = TimeEntryStatus.SUBMITTED;
		this.updatedAt = now;
	}

	void approve(BigDecimal billRate, BigDecimal costRate, Instant now) {
		if (status != TimeEntryStatus.SUBMITTED) {
			throw new StateConflict("Time entry " + id + " is " + status + "; only submitted time can be approved");
		}
		this.status = TimeEntryStatus.APPROVED;
		this.billRate = billRate;
		this.costRate = costRate;
		this.updatedAt = now;
	}

	void reject(Instant now) {
		if (status != TimeEntryStatus.SUBMITTED) {
			throw new StateConflict("Time entry " + id + " is " + status + "; only submitted time can be rejected");
		}
		this.status = TimeEntryStatus.REJECTED;
		this.updatedAt = now;
	}

	void invoiced(Instant now) {
		if (status != TimeEntryStatus.APPROVED || !billable) {
			throw new StateConflict("Time entry " + id + " is " + status + (billable ? "" : " and not billable")
					+ "; only approved billable time can be invoiced");
		}
		this.status = TimeEntryStatus.INVOICED;
		this.updatedAt = now;
	}

	void released(Instant now) {
		if (status != TimeEntryStatus.INVOICED) {
			throw new StateConflict("Time entry " + id + " is " + status + ", not invoiced");
		}
		this.status = TimeEntryStatus.APPROVED;
		this.updatedAt = now;
	}

	void writtenOff(Instant now) {
		if (status != TimeEntryStatus.INVOICED && status != TimeEntryStatus.APPROVED) {
			throw new StateConflict("Time entry " + id + " is " + status + "; only approved or invoiced time can be written off");
		}
		this.status = TimeEntryStatus.WRITTEN_OFF;
		this.updatedAt = now;
	}

	public UUID id() {
		return id;
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

	public LocalDate date() {
		return date;
	}

	public IsoWeek isoWeek() {
		return IsoWeek.parse(isoWeek);
	}

	public int minutes() {
		return minutes;
	}

	public @Nullable LocalTime start() {
		return startTime;
	}

	public @Nullable LocalTime end() {
		return endTime;
	}

	public String notes() {
		return notes;
	}

	public boolean billable() {
		return billable;
	}

	public TimeEntryStatus status() {
		return status;
	}

	public @Nullable BigDecimal billRate() {
		return billRate;
	}

	public @Nullable BigDecimal costRate() {
		return costRate;
	}

	public TimeEntryOrigin origin() {
		return origin;
	}

	public @Nullable String importKey() {
		return importKey;
	}

	public @Nullable String externalId() {
		return externalId;
	}

	public long version() {
		return version;
	}

}
