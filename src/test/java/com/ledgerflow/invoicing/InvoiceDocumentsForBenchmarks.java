package com.ledgerflow.invoicing;

import java.util.List;
import java.util.UUID;

import com.ledgerflow.invoicing.pdf.InvoiceDocument;

/** The documents {@link InvoiceDocuments} lays out, for benchmarks that render them without the database. */
public final class InvoiceDocumentsForBenchmarks {

	private InvoiceDocumentsForBenchmarks() {
	}

	/** The documents of the invoices (approved or later), as {@link InvoiceDocuments#render} builds them. */
	public static List<InvoiceDocument> of(InvoiceDocuments documents, InvoiceService invoices, List<UUID> ids) {
		return ids.stream().map(id -> documents.document(invoices.get(id))).toList();
	}

}
