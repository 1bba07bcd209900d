package com.ledgerflow.accounting;

import java.util.List;

/**
 * Changes since a cursor, oldest first, and the cursor to pass next time (opaque: a timestamp for QBO, a sequence
 * number for the local ledger). Pass {@code nextCursor} back even when {@code changes} is empty.
 */
public record ChangesPage(List<AccountingChange> changes, String nextCursor) {

	public ChangesPage {
		changes = List.copyOf(changes);
	}

}
