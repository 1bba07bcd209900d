package com.ledgerflow.accounting;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A time activity someone entered in the accounting system, with the Ledgerflow records it maps to, as far as the
 * external links know them.
 * @param projectId the project whose job it is booked on ({@code null}: not a Ledgerflow project's job)
 * @param personId the person pushed as its employee ({@code null}: not pushed by Ledgerflow; match by
 * {@link ExternalTimeActivity#employeeName()})
 */
public record ReceivedTimeActivity(ExternalTimeActivity activity, @Nullable UUID projectId, @Nullable UUID personId) {

}
