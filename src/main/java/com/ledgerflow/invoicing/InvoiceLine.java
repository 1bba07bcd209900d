package com.ledgerflow.invoicing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * One line of an invoice. Its amount is rounded once, half-up to the cent: a time line's amount is billed minutes ×
 * hourly rate / 60 computed exactly, then rounded; its quantity is the billed hours (minutes / 60) at eight places,
 * rounded up, so that quantity × unit price rounds half-up to the same amount for any rate below 16,666.66 per hour
 * (what an accounting system that recomputes the line checks). Discounts are negative.
 */
@Entity
@Table(name = "invoice_line")
public class InvoiceLine {

	private static final BigDecimal MINUTES_PER_HOUR = BigDecimal.valueOf(60);

	@Id
	private UUID id;

	private int position;

	@Enumerated(EnumType.STRING)
	private InvoiceLineKind kind;

	private String description;

	private BigDecimal quantity;

	private BigDecimal unitPrice;

	private BigDecimal amount;

	@Column(name = "billed_minutes")
	private @Nullable Integer billedMinutes;

	@Column(name = "actual_minutes")
	private @Nullable Integer actualMinutes;

	protected InvoiceLine() {
		this.id = UUID.randomUUID();
		this.kind = InvoiceLineKind.TIME;
		this.description = "";
		this.quantity = BigDecimal.ZERO;
		this.unitPrice = BigDecimal.ZERO;
		this.amount = BigDecimal.ZERO;
	}

	private InvoiceLine(InvoiceLineKind kind, String description, BigDecimal quantity, BigDecimal unitPrice,
			BigDecimal amount) {
		this();
		this.kind = kind;
		this.description = description.length() > 2000 ? description.substring(0, 2000) : description;
		this.quantity = quantity;
		this.unitPrice = unitPrice.setScale(2, RoundingMode.UNNECESSARY);
		this.amount = amount.setScale(2, RoundingMode.UNNECESSARY);
	}

	/** A time line: {@code billedMinutes} at {@code hourlyRate} (two places), with the minutes actually worked. */
	public static InvoiceLine time(String description, int billedMinutes, int actualMinutes, BigDecimal hourlyRate) {
		InvoiceLine line = new InvoiceLine(InvoiceLineKind.TIME, description, hours(billedMinutes), hourlyRate,
				amountFor(billedMinutes, hourlyRate));
		line.billedMinutes = billedMinutes;
		line.actualMinutes = actualMinutes;
		return line;
	}

	/** A line of one unit at {@code amount} (an expense with its markup, a milestone, the retainer). */
	public static InvoiceLine single(InvoiceLineKind kind, String description, BigDecimal amount) {
		return new InvoiceLine(kind, description, BigDecimal.ONE, amount, amount);
	}

	/** A discount of {@code amount} (positive): a line of minus that amount. */
	public static InvoiceLine discount(String description, BigDecimal amount) {
		if (amount.signum() <= 0 || amount.scale() > 2) {
			throw new IllegalArgumentException("A discount is a positive amount in cents, not " + amount);
		}
		return single(InvoiceLineKind.DISCOUNT, description, amount.negate());
	}

	/** The reviewer's wording for the line (a draft's review); at most 2,000 characters. */
	void describe(String description) {
		this.description = description;
	}

	/** Billed minutes × hourly rate / 60, half-up to the cent. */
	public static BigDecimal amountFor(int billedMinutes, BigDecimal hourlyRate) {
		return hourlyRate.multiply(BigDecimal.valueOf(billedMinutes)).divide(MINUTES_PER_HOUR, 2, RoundingMode.HALF_UP);
	}

	/** Minutes as hours at eight places, rounded up (see the class comment). */
	public static BigDecimal hours(int minutes) {
		return BigDecimal.valueOf(minutes).divide(MINUTES_PER_HOUR, 8, RoundingMode.CEILING);
	}

	void placeAt(int position) {
		this.position = position;
	}

	public UUID id() {
		return id;
	}

	public int position() {
		return position;
	}

	public InvoiceLineKind kind() {
		return kind;
	}

	public String description() {
		return description;
	}

	/** Hours for a time line (eight places), else 1. */
	public BigDecimal quantity() {
		return quantity;
	}

	/** Hourly rate for a time line, else the line's amount. */
	public BigDecimal unitPrice() {
		return unitPrice;
	}

	public BigDecimal amount() {
		return amount;
	}

	/** Minutes billed after the project's rounding (time lines only). */
	public @Nullable Integer billedMinutes() {
		return billedMinutes;
	}

	/** Minutes worked (time lines only). */
	public @Nullable Integer actualMinutes() {
		return actualMinutes;
	}

}
