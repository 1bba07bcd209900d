package com.ledgerflow.accounting;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Maps one local record to its id in one accounting system. */
@Entity
@Table(name = "external_link")
class ExternalLink {

	@Id
	private UUID id;

	private String system;

	private String entityType;

	private UUID localId;

	private String externalId;

	private Instant syncedAt;

	protected ExternalLink() {
		this.id = UUID.randomUUID();
		this.system = "";
		this.entityType = "";
		this.localId = this.id;
		this.externalId = "";
		this.syncedAt = Instant.EPOCH;
	}

	ExternalLink(String system, String entityType, UUID localId, ExternalRef ref, Instant now) {
		this();
		this.system = system;
		this.entityType = entityType;
		this.localId = localId;
		this.externalId = ref.value();
		this.syncedAt = now;
	}

	void synced(ExternalRef ref, Instant now) {
		this.externalId = ref.value();
		this.syncedAt = now;
	}

	ExternalRef ref() {
		return new ExternalRef(externalId);
	}

}
