package com.ledgerflow.invoicing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** An approved time entry as invoicing sees it: who, on what, when, how long, at the rate frozen at approval. */
record BillableTime(UUID entryId, LocalDate date, UUID personId, String personName, @Nullable UUID taskId,
		String taskName, String notes, int minutes, BigDecimal hourlyRate) {
}
