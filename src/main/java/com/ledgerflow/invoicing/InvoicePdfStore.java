package com.ledgerflow.invoicing;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Table {@code invoice_pdf}: one PDF per invoice, the first one kept. */
@Repository
class InvoicePdfStore {

	private final JdbcTemplate jdbc;

	InvoicePdfStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	Optional<StoredPdf> find(UUID invoiceId) {
		return jdbc.query("select content, sha256, created_at from invoice_pdf where invoice_id = ?",
				(rs, row) -> new StoredPdf(rs.getBytes("content"), rs.getString("sha256"),
						rs.getTimestamp("created_at").toInstant()),
				invoiceId)
			.stream()
			.findFirst();
	}

	/** Stores the PDF unless the invoice has one (then that one stays); answers the one stored. */
	StoredPdf keepFirst(UUID invoiceId, byte[] content, Instant now) {
		jdbc.update("""
				insert into invoice_pdf (invoice_id, content, sha256, created_at) values (?, ?, ?, ?)
				on conflict (invoice_id) do nothing""", invoiceId, content, sha256(content), Timestamp.from(now));
		return find(invoiceId).orElseThrow();
	}

	static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}
