package com.ledgerflow.timetracking;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What a person says they worked: either {@code minutes}, or {@code start} and {@code end} on {@code date} (then the
 * minutes are derived; both given must agree). {@code billable} null takes the task's setting (the project's billing
 * model without a task).
 */
public record TimeEntryDetails(@NotNull UUID personId, @NotNull UUID projectId, @Nullable UUID taskId,
		@NotNull LocalDate date, @Nullable Integer minutes, @Nullable LocalTime start, @Nullable LocalTime end,
		@Nullable @Size(max = 4000) String notes, @Nullable Boolean billable) {

}
