package com.ledgerflow.people;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A member of staff: logs time, gets tasks, may manage projects. */
@Entity
@Table(name = "person")
public class Person {

	@Id
	private UUID id;

	private String name;

	private String email;

	private String userId;

	private BigDecimal costRate;

	private BigDecimal defaultBillRate;

	private boolean active;

	private Instant createdAt;

	@Version
	private long version;

	protected Person() {
		this.id = UUID.randomUUID();
		this.name = "";
		this.email = "";
		this.userId = "";
		this.costRate = BigDecimal.ZERO;
		this.defaultBillRate = BigDecimal.ZERO;
		this.createdAt = Instant.EPOCH;
	}

	Person(PersonDetails details, Instant now) {
		this();
		this.createdAt = now;
		apply(details);
	}

	void apply(PersonDetails details) {
		this.name = details.name().strip();
		this.email = details.email().strip();
		this.userId = details.userId();
		this.costRate = details.costRate();
		this.defaultBillRate = details.defaultBillRate();
		this.active = details.active() == null || details.active();
	}

	public UUID id() {
		return id;
	}

	public String name() {
		return name;
	}

	public String email() {
		return email;
	}

	public String userId() {
		return userId;
	}

	public BigDecimal costRate() {
		return costRate;
	}

	public BigDecimal defaultBillRate() {
		return defaultBillRate;
	}

	public boolean active() {
		return active;
	}

	public long version() {
		return version;
	}

}
