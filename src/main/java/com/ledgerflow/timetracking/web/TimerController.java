package com.ledgerflow.timetracking.web;

import java.time.Instant;
import java.util.UUID;

import com.ledgerflow.people.StaffAccess;
import com.ledgerflow.timetracking.RunningTimer;
import com.ledgerflow.timetracking.TimerService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A person's running timer: start (one at a time), see, stop (books a time entry). */
@RestController
@RequestMapping("/api/v1/timers/{personId}")
class TimerController {

	private final TimerService timers;

	private final StaffAccess access;

	TimerController(TimerService timers, StaffAccess access) {
		this.timers = timers;
		this.access = access;
	}

	record StartRequest(@NotNull UUID projectId, @Nullable UUID taskId, @Nullable @Size(max = 4000) String notes) {
	}

	record TimerView(UUID personId, UUID projectId, @Nullable UUID taskId, String notes, Instant startedAt) {

		static TimerView of(RunningTimer timer) {
			return new TimerView(timer.personId(), timer.projectId(), timer.taskId(), timer.notes(),
					timer.startedAt());
		}

	}

	@GetMapping
	ResponseEntity<TimerView> running(Authentication caller, @PathVariable UUID personId) {
		return ResponseEntity.of(timers.running(access.personFor(caller, personId)).map(TimerView::of));
	}

	@PostMapping("/start")
	@ResponseStatus(HttpStatus.CREATED)
	TimerView start(Authentication caller, @PathVariable UUID personId, @Valid @RequestBody StartRequest request) {
		return TimerView.of(timers.start(access.personFor(caller, personId), request.projectId(), request.taskId(),
				request.notes()));
	}

	@PostMapping("/stop")
	TimeEntryController.TimeEntryView stop(Authentication caller, @PathVariable UUID personId) {
		return TimeEntryController.TimeEntryView.of(timers.stop(access.personFor(caller, personId)));
	}

}
