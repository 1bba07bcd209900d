package com.ledgerflow.timetracking.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import com.ledgerflow.people.StaffAccess;
import com.ledgerflow.timetracking.IsoWeek;
import com.ledgerflow.timetracking.TimeEntry;
import com.ledgerflow.timetracking.TimeEntryDetails;
import com.ledgerflow.timetracking.TimeEntryOrigin;
import com.ledgerflow.timetracking.TimeEntryService;
import com.ledgerflow.timetracking.TimeEntryStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Time entries: book, change and remove one's own (managers and finance: anyone's), or many at once. */
@RestController
@Validated
@RequestMapping("/api/v1/time-entries")
class TimeEntryController {

	private final TimeEntryService timeEntries;

	private final StaffAccess access;

	TimeEntryController(TimeEntryService timeEntries, StaffAccess access) {
		this.timeEntries = timeEntries;
		this.access = access;
	}

	/** @param personId null books for the caller */
	record TimeEntryRequest(@Nullable UUID personId, @NotNull UUID projectId, @Nullable UUID taskId,
			@NotNull LocalDate date, @Nullable Integer minutes, @Nullable LocalTime start, @Nullable LocalTime end,
			@Nullable @Size(max = 4000) String notes, @Nullable Boolean billable) {

		TimeEntryDetails details(UUID person) {
			return new TimeEntryDetails(person, projectId, taskId, date, minutes, start, end, notes, billable);
		}

	}

	record TimeEntryView(UUID id, UUID personId, UUID projectId, @Nullable UUID taskId, LocalDate date,
			String isoWeek, int minutes, @Nullable LocalTime start, @Nullable LocalTime end, String notes,
			boolean billable, TimeEntryStatus status, @Nullable BigDecimal billRate, @Nullable BigDecimal costRate,
			TimeEntryOrigin origin, long version) {

		static TimeEntryView of(TimeEntry entry) {
			return new TimeEntryView(entry.id(), entry.personId(), entry.projectId(), entry.taskId(), entry.date(),
					entry.isoWeek().toString(), entry.minutes(), entry.start(), entry.end(), entry.notes(),
					entry.billable(), entry.status(), entry.billRate(), entry.costRate(), entry.origin(),
					entry.version());
		}

	}

	@GetMapping
	List<TimeEntryView> week(Authentication caller, @RequestParam(required = false) @Nullable UUID personId,
			@RequestParam String isoWeek) {
		UUID person = access.personFor(caller, personId);
		return timeEntries.week(person, IsoWeek.parse(isoWeek)).stream().map(TimeEntryView::of).toList();
	}

	@GetMapping("/{id}")
	TimeEntryView get(Authentication caller, @PathVariable UUID id) {
		TimeEntry entry = timeEntries.get(id);
		access.personFor(caller, entry.personId());
		return TimeEntryView.of(entry);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	TimeEntryView create(Authentication caller, @Valid @RequestBody TimeEntryRequest request) {
		UUID person = access.personFor(caller, request.personId());
		return TimeEntryView.of(timeEntries.create(request.details(person), TimeEntryOrigin.API));
	}

	/** All or nothing: one broken entry fails the call, naming it by position ({@code [2].minutes}). */
	@PostMapping("/bulk")
	@ResponseStatus(HttpStatus.CREATED)
	List<TimeEntryView> createAll(Authentication caller,
			@RequestBody @NotEmpty @Size(max = 1000) List<@Valid TimeEntryRequest> requests) {
		List<TimeEntryDetails> details = requests.stream()
			.map(request -> request.details(access.personFor(caller, request.personId())))
			.toList();
		return timeEntries.createAll(details, TimeEntryOrigin.API).stream().map(TimeEntryView::of).toList();
	}

	@PutMapping("/{id}")
	TimeEntryView update(Authentication caller, @PathVariable UUID id,
			@Valid @RequestBody TimeEntryRequest request) {
		TimeEntry entry = timeEntries.get(id);
		UUID person = access.personFor(caller, entry.personId());
		return TimeEntryView.of(timeEntries.update(id, request.details(
				request.personId() == null ? person : access.personFor(caller, request.personId()))));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(Authentication caller, @PathVariable UUID id) {
		access.personFor(caller, timeEntries.get(id).personId());
		timeEntries.delete(id);
	}

}
