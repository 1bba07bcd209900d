package com.ledgerflow.accounting.local;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/** A customer or project job in the built-in ledger. */
@Entity
@Table(name = "local_ledger_customer")
class LocalLedgerCustomer {

	@Id
	private String id;

	private @Nullable String parentId;

	private String displayName;

	private boolean job;

	private boolean active;

	private Instant createdAt;

	protected LocalLedgerCustomer() {
		this.id = "";
		this.displayName = "";
		this.createdAt = Instant.EPOCH;
	}

	LocalLedgerCustomer(String id, @Nullable String parentId, String displayName, boolean job, Instant now) {
		this.id = id;
		this.parentId = parentId;
		this.displayName = displayName;
		this.job = job;
		this.active = true;
		this.createdAt = now;
	}

	void rename(String displayName) {
		this.displayName = displayName;
	}

	void deactivate() {
		this.active = false;
	}

	String id() {
		return id;
	}

	boolean active() {
		return active;
	}

	@Nullable String parentId() {
		return parentId;
	}

	String displayName() {
		return displayName;
	}

	boolean job() {
		return job;
	}

}
