package com.ledgerflow.accounting;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * Maps one local record to its id in one accounting system, with its sync status: the last error and the failed
 * attempts since the last success. A record whose first push failed has a link without an external id.
 */
@Entity
@Table(name = "external_link")
class ExternalLink {

	static final int MAX_ERROR_LENGTH = 2000;

	@Id
	private UUID id;

	private String system;

	private String entityType;

	private UUID localId;

	private @Nullable String externalId;

	private @Nullable Instant syncedAt;

	private @Nullable String lastError;

	private int attempts;

	private @Nullable Instant lastAttemptAt;

	private int rejections;

	private @Nullable String batchKey;

	protected ExternalLink() {
		this.id = UUID.randomUUID();
		this.system = "";
		this.entityType = "";
		this.localId = this.id;
	}

	ExternalLink(String system, String entityType, UUID localId) {
		this();
		this.system = system;
		this.entityType = entityType;
		this.localId = localId;
	}

	void synced(ExternalRef ref, Instant now) {
		this.externalId = ref.value();
		this.syncedAt = now;
		this.lastAttemptAt = now;
		this.lastError = null;
		this.attempts = 0;
		this.batchKey = null;
	}

	/** The record goes out in the batch keyed {@code key}; until synced, a push again goes in the same batch. */
	void inBatch(String key) {
		this.batchKey = key;
	}

	Optional<String> batchKey() {
		return Optional.ofNullable(batchKey);
	}

	/** A push failed; {@code rejected} when the accounting system refused it (not a technical failure). */
	void failed(String error, boolean rejected, Instant now) {
		this.lastError = error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error;
		this.attempts++;
		this.lastAttemptAt = now;
		if (rejected) {
			this.rejections++;
		}
	}

	UUID localId() {
		return localId;
	}

	Optional<ExternalRef> ref() {
		return Optional.ofNullable(externalId).map(ExternalRef::new);
	}

	Optional<String> lastError() {
		return Optional.ofNullable(lastError);
	}

	/** Failed attempts since the last success. */
	int attempts() {
		return attempts;
	}

	/** Pushes the accounting system refused, ever (never reset: it keys the next push, see AccountingSystem). */
	int rejections() {
		return rejections;
	}

	Optional<Instant> syncedAt() {
		return Optional.ofNullable(syncedAt);
	}

	Optional<Instant> lastAttemptAt() {
		return Optional.ofNullable(lastAttemptAt);
	}

}
