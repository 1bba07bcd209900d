package com.ledgerflow.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * What a client paid against one invoice. {@code appliedAmount} is the part that lowered the invoice's balance; the
 * rest of {@code amount} (an overpayment) became a credit on the client. Never changed once recorded.
 */
@Entity
@Table(name = "payment")
public class Payment {

	@Id
	private UUID id;

	private UUID invoiceId;

	private UUID clientId;

	private BigDecimal amount;

	private BigDecimal appliedAmount;

	private String currency;

	@Column(name = "payment_date")
	private LocalDate date;

	@Enumerated(EnumType.STRING)
	private PaymentMethod method;

	private @Nullable String reference;

	@Enumerated(EnumType.STRING)
	private PaymentOrigin origin;

	private @Nullable String externalId;

	private Instant recordedAt;

	private String recordedBy;

	protected Payment() {
		this.id = UUID.randomUUID();
		this.invoiceId = id;
		this.clientId = id;
		this.amount = BigDecimal.ZERO;
		this.appliedAmount = BigDecimal.ZERO;
		this.currency = "";
		this.date = LocalDate.EPOCH;
		this.method = PaymentMethod.OTHER;
		this.origin = PaymentOrigin.MANUAL;
		this.recordedAt = Instant.EPOCH;
		this.recordedBy = "";
	}

	Payment(UUID invoiceId, UUID clientId, BigDecimal amount, BigDecimal appliedAmount, String currency,
			LocalDate date, PaymentMethod method, @Nullable String reference, PaymentOrigin origin,
			@Nullable String externalId, Instant recordedAt, String recordedBy) {
		this();
		this.invoiceId = invoiceId;
		this.clientId = clientId;
		this.amount = amount;
		this.appliedAmount = appliedAmount;
		this.currency = currency;
		this.date = date;
		this.method = method;
		this.reference = reference;
		this.origin = origin;
		this.externalId = externalId;
		this.recordedAt = recordedAt;
		this.recordedBy = recordedBy;
	}

	public UUID id() {
		return id;
	}

	public UUID invoiceId() {
		return invoiceId;
	}

	public UUID clientId() {
		return clientId;
	}

	/** What was paid, two places, in {@link #currency()} (the invoice's). */
	public BigDecimal amount() {
		return amount;
	}

	/** The part of {@link #amount()} that lowered the invoice's balance. */
	public BigDecimal appliedAmount() {
		return appliedAmount;
	}

	/** The part of {@link #amount()} beyond the open balance, credited to the client (zero for most payments). */
	public BigDecimal creditAmount() {
		return amount.subtract(appliedAmount);
	}

	public String currency() {
		return currency;
	}

	public LocalDate date() {
		return date;
	}

	public PaymentMethod method() {
		return method;
	}

	public @Nullable String reference() {
		return reference;
	}

	public PaymentOrigin origin() {
		return origin;
	}

	/** The payment's id in the accounting system ({@link PaymentOrigin#QBO}); {@code null} otherwise. */
	public @Nullable String externalId() {
		return externalId;
	}

	public Instant recordedAt() {
		return recordedAt;
	}

	public String recordedBy() {
		return recordedBy;
	}

}
