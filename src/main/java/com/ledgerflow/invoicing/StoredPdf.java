package com.ledgerflow.invoicing;

import java.time.Instant;

/**
 * An invoice's PDF as rendered once and e-mailed to the client.
 * @param content the PDF file; not copied, do not change it
 * @param sha256 hex SHA-256 of the content
 * @param createdAt when it was rendered
 */
public record StoredPdf(byte[] content, String sha256, Instant createdAt) {

}
