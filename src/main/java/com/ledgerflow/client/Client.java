package com.ledgerflow.client;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import com.ledgerflow.shared.InvalidField;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/** A client of the firm: the party invoices go to. */
@Entity
@Table(name = "client")
public class Client {

	@Id
	private UUID id;

	private String name;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "client_billing_email", joinColumns = @JoinColumn(name = "client_id"))
	@OrderColumn(name = "position")
	@Column(name = "email")
	private List<String> billingEmails = new ArrayList<>();

	@Embedded
	private @Nullable Address address;

	private String currency;

	private int paymentTermsDays;

	private BigDecimal taxRate;

	private String reminderTier = "STANDARD";

	private boolean sendsPaymentReceipt = true;

	private @Nullable BigDecimal lateFeeFixed;

	private @Nullable BigDecimal lateFeePercent;

	private Instant createdAt;

	@Version
	private long version;

	protected Client() {
		this.id = UUID.randomUUID();
		this.name = "";
		this.currency = "";
		this.taxRate = BigDecimal.ZERO;
		this.createdAt = Instant.EPOCH;
	}

	Client(ClientDetails details, Instant now) {
		this();
		this.createdAt = now;
		apply(details);
	}

	void apply(ClientDetails details) {
		try {
			Currency.getInstance(details.currency());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidField("currency", "'" + details.currency() + "' is not an ISO 4217 currency code");
		}
		this.name = details.name().strip();
		this.billingEmails = new ArrayList<>(details.billingEmails().stream().map(String::strip).toList());
		this.address = details.address();
		this.currency = details.currency();
		this.paymentTermsDays = details.paymentTermsDays();
		this.taxRate = details.taxRate();
		this.lateFeeFixed = details.lateFeeFixed();
		this.lateFeePercent = details.lateFeePercent();
	}

	public UUID id() {
		return id;
	}

	public String name() {
		return name;
	}

	public List<String> billingEmails() {
		return List.copyOf(billingEmails);
	}

	public @Nullable Address address() {
		return address;
	}

	public Currency currency() {
		return Currency.getInstance(currency);
	}

	public int paymentTermsDays() {
		return paymentTermsDays;
	}

	public BigDecimal taxRate() {
		return taxRate;
	}

	/** The tier the dunning-policy DMN reads (STANDARD by default, e.g. GENTLE for a client never sent a heads-up). */
	public String reminderTier() {
		return reminderTier;
	}

	/** Whether the client gets a thank-you receipt e-mail when an invoice is paid in full (default true). */
	public boolean sendsPaymentReceipt() {
		return sendsPaymentReceipt;
	}

	/** The fixed part of the late fee (two places), or null: none. See {@link #chargesLateFee()}. */
	public @Nullable BigDecimal lateFeeFixed() {
		return lateFeeFixed;
	}

	/** The late fee's percent of the open balance (up to three places), or null: none. */
	public @Nullable BigDecimal lateFeePercent() {
		return lateFeePercent;
	}

	/** Whether a dunning step the policy marks {@code lateFee} charges this client a fee (a fixed part or a percent). */
	public boolean chargesLateFee() {
		return (lateFeeFixed != null && lateFeeFixed.signum() > 0)
				|| (lateFeePercent != null && lateFeePercent.signum() > 0);
	}

	public long version() {
		return version;
	}

}
