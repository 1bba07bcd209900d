package com.ledgerflow.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A project task as planned or changed. Missing priority means NORMAL, missing status OPEN, missing billable the
 * project's default (billable unless the project is FIXED_FEE).
 */
public record TaskDetails(@NotBlank @Size(max = 200) String name, @Nullable UUID assigneeId, @Nullable LocalDate dueDate,
		@Nullable TaskPriority priority,
		@DecimalMin("0") @Digits(integer = 6, fraction = 2) @Nullable BigDecimal estimateHours,
		@Nullable Boolean billable, @Nullable TaskStatus status) {
}
