package com.ledgerflow.expense;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A receipt's bytes with their type (sniffed), size and SHA-256; kept apart from the expense rows. */
@Entity
@Table(name = "expense_receipt")
public class ExpenseReceipt {

	@Id
	private UUID id;

	private String contentType;

	private String filename;

	private int sizeBytes;

	private String sha256;

	private byte[] content;

	private Instant createdAt;

	protected ExpenseReceipt() {
		this.id = UUID.randomUUID();
		this.contentType = "";
		this.filename = "";
		this.sha256 = "";
		this.content = new byte[0];
		this.createdAt = Instant.EPOCH;
	}

	ExpenseReceipt(ReceiptType type, String filename, byte[] content, String sha256, Instant now) {
		this();
		this.contentType = type.contentType();
		this.filename = filename;
		this.sizeBytes = content.length;
		this.sha256 = sha256;
		this.content = content;
		this.createdAt = now;
	}

	public UUID id() {
		return id;
	}

	public String contentType() {
		return contentType;
	}

	public String filename() {
		return filename;
	}

	public int sizeBytes() {
		return sizeBytes;
	}

	public String sha256() {
		return sha256;
	}

	public byte[] content() {
		return content;
	}

}
