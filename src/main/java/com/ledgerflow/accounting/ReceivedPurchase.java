package com.ledgerflow.accounting;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A purchase someone entered in the accounting system, each of its lines on a customer or job with the Ledgerflow
 * project it maps to, as far as the external links know them.
 */
public record ReceivedPurchase(ExternalPurchase purchase, List<Line> lines) {

	public ReceivedPurchase {
		lines = List.copyOf(lines);
	}

	/**
	 * @param projectId the project whose job the line is on ({@code null}: not a Ledgerflow project's job)
	 */
	public record Line(ExternalPurchase.Line line, @Nullable UUID projectId) {

	}

}
